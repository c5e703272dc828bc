//! Draws the browser from its state: the top line, the list, the card, the bottom line and
//! any pop-up. Text is laid out by the same renderers as the commands (the `show` card,
//! branch colours), and their ANSI styling is carried over into ratatui's.

use ansi_to_tui::IntoText;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::app::{App, Overlay, mark};
use super::found::marked;
use super::keymap::KEYMAP;
use super::keys;
use super::picker::Picker;
use super::place::View;
use crate::query::search::Field;
use crate::render::Look;
use crate::render::card::{self, CardView};
use crate::render::track::render_step_head;
use crate::text;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>) {
    let areas = app.areas();
    top_line(frame, app, areas.top);
    list(frame, app, areas.list);
    let divider: Vec<Line<'_>> = (0..areas.divider.height).map(|_| Line::from("│")).collect();
    frame.render_widget(Paragraph::new(divider).style(dim()), areas.divider);
    card(frame, app, areas.card);
    bottom_line(frame, app, areas.bottom);
    match &app.overlay {
        Some(Overlay::Help) => help(frame, app),
        Some(Overlay::Picker(picker)) => picker_box(frame, picker),
        None => {}
    }
}

fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

/// Text that may carry the renderers' ANSI styling, as ratatui text (plain when it cannot be read).
fn styled(ansi: &str) -> Text<'static> {
    ansi.as_bytes().into_text().unwrap_or_else(|_| Text::raw(crate::text::sanitize(ansi).into_owned()))
}

/// The name, the active search, family and track on the left; the counts on the right.
/// The least room between the top line's left part and its counts.
const GAP: usize = 2;

fn top_line(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let mut spans = vec![Span::styled("roadmap", Style::new().add_modifier(Modifier::BOLD))];
    if app.typing || !app.query.is_empty() {
        let cursor = if app.typing { "▏" } else { "" };
        spans.push(Span::raw(format!("  /{}{cursor}", crate::text::sanitize(&app.query))));
    }
    if app.view != View::All {
        let words = app.words();
        spans.push(Span::styled(
            format!("  {}: {}", words.browse.view, words.browse.views[app.view.index()]),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(family) = app.family.as_deref().and_then(|id| app.catalog.family(id)) {
        let label = app.words().browse.family;
        spans.push(Span::raw(format!("  {label}: {}", app.catalog.family_name(family, lang))));
    }
    let (shown, total, read) = (app.visible.len(), app.catalog.papers.len(), app.read);
    let counts = (app.words().browse.counts)(shown, total, read);
    let counts_width = u16::try_from(text::width(&counts)).unwrap_or(u16::MAX).min(area.width);
    if let (Some(track), Some((read, steps))) = (app.walked_track(), app.track_progress()) {
        // Note: the track's name gives way before its progress does on a narrow screen; the
        // progress is left out while the counts on the right already say it (the whole
        // track is shown).
        let label = format!("  {}: ", app.words().browse.track);
        let whole = app.query.is_empty() && app.family.is_none() && app.view == View::All;
        let progress = if whole { String::new() } else { format!(" · {}", (app.words().read_of)(read, steps)) };
        let used: usize = spans.iter().map(|span| text::width(&span.content)).sum();
        let room = usize::from(area.width - counts_width)
            .saturating_sub(used + text::width(&label) + text::width(&progress) + GAP);
        let name = text::cut(app.catalog.track_name(track, lang), room.max(1));
        spans.push(Span::raw(format!("{label}{name}{progress}")));
    }
    let left = Rect { width: area.width - counts_width, ..area };
    let right = Rect { x: left.right(), width: counts_width, ..area };
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(Paragraph::new(counts).style(dim()).alignment(Alignment::Right), right);
}

/// The papers on screen: year (when it changes), status, id in its branch's colour, title.
fn list(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    if area.is_empty() {
        return;
    }
    if app.visible.is_empty() {
        let message = app.words().browse.no_match;
        frame.render_widget(Paragraph::new(message).style(dim()), area);
        return;
    }
    let rows = app.visible.get(app.offset..).unwrap_or_default();
    let rows = &rows[..rows.len().min(usize::from(area.height))];
    let width = usize::from(area.width);
    let id_width = rows
        .iter()
        .map(|&position| text::width(&app.catalog.papers[position].id))
        .max()
        .unwrap_or(0)
        .clamp(8, (width / 3).max(8));
    let look = Look { color: app.color, width, lang: app.lang, hyperlinks: false };
    // Note: on a track the first column numbers the steps (the year would jump about).
    let steps = app.track_progress().map(|(_, steps)| steps);
    let first_width = steps.map_or(4, |steps| (steps.to_string().len() + 1).max(4));
    let mut lines = Vec::with_capacity(rows.len());
    let mut previous_year = None;
    for (row, &position) in rows.iter().enumerate() {
        let paper = &app.catalog.papers[position];
        let first = match app.step_of(position).filter(|_| steps.is_some()) {
            Some(step) => format!("{:>first_width$}", format!("{step}.")),
            None if previous_year == Some(paper.year) => " ".repeat(first_width),
            None => text::pad(&paper.year.to_string(), first_width),
        };
        previous_year = Some(paper.year);
        let status = mark(app.progress.status(&paper.id));
        let noted = noted(&app.progress, &paper.id);
        let why = app.why(position);
        let branch = app.catalog.branch_of(paper);
        let id = marked(&paper.id, id_width, Field::Id, &why, look, |text| look.branch(text, branch));
        let used = first_width + 4 + id_width + 1;
        let title = marked(&paper.title, width.saturating_sub(used), Field::Title, &why, look, str::to_owned);
        let ansi = format!("{} {status}{noted} {id} {title}", look.dim(&first));
        let mut line = styled(&ansi).lines.into_iter().next().unwrap_or_default();
        if app.offset + row == app.cursor {
            // Note: each span carries the renderers' own resets, so the selection goes on each.
            line.spans.iter_mut().for_each(|span| span.style = span.style.patch(selected()));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The `show` card of the selected paper, scrolled.
fn card(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    if area.is_empty() {
        return;
    }
    let text = card_text(app, area.width);
    frame.render_widget(Paragraph::new(text).scroll((app.card_scroll, 0)), area);
    if let Some(paper) = app.selected().filter(|_| app.hyperlinks) {
        let links: Vec<String> =
            std::iter::once(paper.abs_url()).chain(paper.pdf_url()).chain(paper.code.clone()).collect();
        super::links::link_cells(frame.buffer_mut(), area, &links);
    }
}

/// The card of the selected paper laid out `width` cells wide (nothing without one).
pub(super) fn card_text(app: &App<'_>, width: u16) -> Text<'static> {
    let Some(paper) = app.selected() else { return Text::default() };
    // Note: the card is laid out plain; its links become hyperlinks once drawn (`links`).
    let look = Look { color: app.color, width: usize::from(width), lang: app.lang, hyperlinks: false };
    // Note: on a track the card opens with the step and why the paper is on it.
    let position = app.selected_position();
    let head = match (app.walked_track(), position.and_then(|position| app.step_of(position))) {
        (Some(track), Some(step)) => {
            let why = position.and_then(|position| app.step_why(position));
            render_step_head(step, track.steps.len(), why, look)
        }
        _ => String::new(),
    };
    match CardView::gather(app.catalog, &app.lineage, &app.progress, paper, app.lang) {
        Some(view) => {
            let found = position.map(|position| app.found_line(position, look)).unwrap_or_default();
            styled(&(found + &head + &card::render(&view, look)))
        }
        None => Text::raw(format!("'{}' has no family", paper.id)),
    }
}

/// The last message, else the keys that work now.
fn bottom_line(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let line = match (app.message.as_ref().or(app.trouble.as_ref()), &app.overlay) {
        (Some(message), _) => {
            Line::styled(crate::text::sanitize(message).into_owned(), Style::new().add_modifier(Modifier::BOLD))
        }
        (None, Some(Overlay::Picker(_))) => Line::styled(app.words().browse.picker_hint, dim()),
        (None, _) if app.typing => Line::styled(app.words().browse.search_hint, dim()),
        (None, _) => {
            // Note: on a narrow screen the key that swaps the list and the card comes first.
            let swap = match (area.width < super::layout::NARROW, app.showing_card) {
                (false, _) => None,
                (true, false) => Some(app.words().browse.card_hint),
                (true, true) => Some(app.words().browse.list_hint),
            };
            let room = usize::from(area.width).saturating_sub(swap.map_or(0, |swap| text::width(swap) + 3));
            let main = keys::main_hint(app.lang, room);
            let line = match swap {
                Some(swap) => format!("{swap} · {main}"),
                None => main,
            };
            Line::styled(line, dim())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// A bordered box of at most `width` x `height` cells in the middle of the screen, cleared;
/// it leaves the top and bottom lines in sight.
fn pop_up(frame: &mut Frame<'_>, title: &str, width: usize, height: usize) -> Rect {
    let whole = frame.area();
    let margin = u16::from(whole.height >= 3);
    let screen = Rect { y: whole.y + margin, height: whole.height - 2 * margin, ..whole };
    let width = u16::try_from(width).unwrap_or(u16::MAX).min(screen.width);
    let height = u16::try_from(height).unwrap_or(u16::MAX).min(screen.height);
    let area =
        Rect { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width, height };
    let block = Block::new().borders(Borders::ALL).title(format!(" {} ", crate::text::sanitize(title)));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

/// Every key and what it does.
fn help(frame: &mut Frame<'_>, app: &App<'_>) {
    let help = app.words().browse.key_help;
    let key_width = KEYMAP.iter().map(|row| text::width(row.label)).max().unwrap_or(0);
    let lines: Vec<Line<'_>> = KEYMAP
        .iter()
        .map(|row| {
            Line::from(vec![
                Span::styled(text::pad(row.label, key_width + 2), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(help(row.help)),
            ])
        })
        .collect();
    let widest = KEYMAP.iter().map(|row| key_width + 2 + text::width(help(row.help))).max();
    let title = app.words().browse.keys_title;
    let inner = pop_up(frame, title, widest.unwrap_or(0) + 4, lines.len() + 2);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A picker, scrolled so its cursor shows.
fn picker_box(frame: &mut Frame<'_>, picker: &Picker) {
    let widest = picker.items.iter().map(|item| text::width(&item.label)).max().unwrap_or(0);
    // Note: the title shows what was typed; the box keeps its size as it narrows.
    let title =
        if picker.filter.is_empty() { picker.title.clone() } else { format!("{} /{}", picker.title, picker.filter) };
    let width = widest.max(text::width(&title) + 2) + 4;
    let inner = pop_up(frame, &title, width, picker.items.len() + 2);
    let height = usize::from(inner.height.max(1));
    let first = picker.cursor.saturating_sub(height - 1);
    let width = usize::from(inner.width.saturating_sub(1));
    let lines: Vec<Line<'_>> = picker
        .shown
        .iter()
        .map(|&index| &picker.items[index])
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(index, item)| {
            let label = format!(" {}", text::pad(&text::cut(&item.label, width), width));
            if index == picker.cursor { Line::styled(label, selected()) } else { Line::raw(label) }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// In the list, a paper with notes.
const NOTED: char = '✎';

/// The list's cell after the status: [`NOTED`] when the paper has notes.
fn noted(progress: &crate::progress::Progress, id: &str) -> char {
    if progress.notes(id).is_empty() { ' ' } else { NOTED }
}

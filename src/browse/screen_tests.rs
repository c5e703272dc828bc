//! Screens as a person sees them, drawn into ratatui's test backend: insta snapshots of the
//! text at 80x24 and 160x48, and checks of colour, reverse video and wide characters.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

use super::app::App;
use super::draw;
use super::place::Opening;
use super::tests::{catalog, keys, press};
use crate::lang::Lang;
use crate::progress::{Progress, Status};

fn browser(lang: Lang, color: bool, width: u16, height: u16) -> App<'static> {
    let mut progress = Progress::default();
    progress.set_status("transformer", Status::Read, "2026-12-01");
    progress.set_status("bert", Status::Reading, "2026-12-01");
    let mut app = App::new(catalog(), progress, lang, color);
    app.resize(width, height);
    app
}

fn screen(app: &App<'_>) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("a test terminal");
    terminal.draw(|frame| draw(frame, app)).expect("the screen draws");
    terminal.backend().buffer().clone()
}

/// The screen's text, a line per row, without the padding at the end of rows; the cell a
/// wide character covers is left out, as a terminal shows it.
fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut rows = Vec::with_capacity(usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(crate::text::width(symbol).max(1)).expect("a cell is one or two columns");
        }
        rows.push(row.trim_end().to_owned());
    }
    rows.join("\n")
}

#[test]
fn the_first_screen_at_80_and_160_columns() {
    let small = screen(&browser(Lang::En, true, 80, 24));
    insta::assert_snapshot!("start_80x24", text(&small));
    let large = screen(&browser(Lang::En, true, 160, 48));
    insta::assert_snapshot!("start_160x48", text(&large));
    assert!(text(&large).lines().next().is_some_and(|top| top.contains("1 read")), "the top line counts what is read");
}

#[test]
fn a_search_the_keys_and_the_reading_path() {
    let mut app = browser(Lang::En, true, 80, 24);
    keys(&mut app, "/lora");
    insta::assert_snapshot!("search_80x24", text(&screen(&app)));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_80x24", text(&screen(&app)));
    let mut app = browser(Lang::En, true, 160, 48);
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "P");
    insta::assert_snapshot!("path_160x48", text(&screen(&app)));
}

#[test]
fn narrow_screens_show_the_list_then_the_card() {
    let mut app = browser(Lang::En, true, 60, 20);
    keys(&mut app, "jjj");
    insta::assert_snapshot!("narrow_list_60x20", text(&screen(&app)));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("narrow_card_60x20", text(&screen(&app)));
}

#[test]
fn without_colour_the_screen_is_monochrome_and_the_selection_reversed() {
    let mut app = browser(Lang::En, false, 80, 24);
    keys(&mut app, "jj");
    let buffer = screen(&app);
    insta::assert_snapshot!("no_color_80x24", text(&buffer));
    assert!(buffer.content.iter().all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset));
    let list = app.areas().list;
    let selected_row = list.y + 2;
    for x in list.x..list.right() {
        let cell = &buffer[(x, selected_row)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "({x}, {selected_row}) is not reversed");
    }
    assert!(!buffer[(list.x, selected_row + 1)].modifier.contains(Modifier::REVERSED));

    let coloured = screen(&browser(Lang::En, true, 80, 24));
    assert!(coloured.content.iter().any(|cell| cell.fg != Color::Reset), "with colour, ids take their branch's");
    for x in list.x..list.right() {
        assert!(
            coloured[(x, list.y)].modifier.contains(Modifier::REVERSED),
            "with colour too, ({x}, {}) is reversed",
            list.y
        );
    }
}

#[test]
fn chinese_text_keeps_every_column_in_place() {
    let mut app = browser(Lang::Zh, true, 100, 30);
    keys(&mut app, "/bert");
    press(&mut app, KeyCode::Enter);
    let buffer = screen(&app);
    let shown = text(&buffer);
    insta::assert_snapshot!("zh_bert_100x30", shown);
    assert!(shown.contains("贡献") && shown.contains("已读"), "{shown}");
    let divider = app.areas().divider;
    for y in divider.y..divider.bottom() {
        assert_eq!(buffer[(divider.x, y)].symbol(), "│", "row {y} is shifted:\n{shown}");
    }
    for (row, line) in shown.lines().enumerate() {
        assert!(crate::text::width(line) <= 100, "row {row} is wider than the screen: {line}");
    }
}

#[test]
fn traditional_chinese_keeps_every_column_in_place_too() {
    let mut app = browser(Lang::ZhTw, true, 100, 30);
    keys(&mut app, "/bert");
    press(&mut app, KeyCode::Enter);
    let buffer = screen(&app);
    let shown = text(&buffer);
    assert!(shown.contains("貢獻") && shown.contains("編碼器"), "{shown}");
    assert!(!shown.contains("贡献") && !shown.contains("编码器"), "no Simplified: {shown}");
    let divider = app.areas().divider;
    for y in divider.y..divider.bottom() {
        assert_eq!(buffer[(divider.x, y)].symbol(), "│", "row {y} is shifted:\n{shown}");
    }
}

#[test]
fn any_size_draws_with_any_pop_up_open() {
    let mut app = browser(Lang::Zh, true, 80, 24);
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    for pop_up in ["", "?", "P", "t", "f", "b"] {
        for width in (0..=40).chain([79, 80, 81, 200]) {
            for height in 0..=12 {
                app.resize(width, height);
                keys(&mut app, pop_up);
                screen(&app);
                press(&mut app, KeyCode::Esc);
            }
        }
    }
    for width in 0..=12 {
        app.resize(width, 8);
        press(&mut app, KeyCode::Enter);
        screen(&app);
        press(&mut app, KeyCode::Esc);
    }
    app.resize(24, 6);
    keys(&mut app, "G");
    app.resize(160, 48);
    let after = screen(&app);
    assert!(text(&after).contains("roadmap"), "back to full size, the screen is whole");
}

#[test]
fn an_empty_catalog_is_browsed_without_a_fault() {
    let empty: &'static crate::catalog::Catalog = Box::leak(Box::default());
    let mut app = App::new(empty, Progress::default(), Lang::En, true);
    app.resize(80, 24);
    for key in "jkGg/x".chars() {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(keys(&mut app, "mnopbaP"), [], "no paper, nothing to do");
    keys(&mut app, "tjf");
    press(&mut app, KeyCode::Enter);
    let shown = text(&screen(&app));
    assert!(shown.contains("no paper matches") && shown.contains("0 papers · 0 read"), "{shown}");
}

#[test]
fn a_track_numbers_its_steps_says_why_first_and_counts_what_is_shown() {
    let mut app = browser(Lang::En, true, 120, 32);
    let opening = Opening { track: Some("encoders".into()), ..Opening::default() };
    app.open(opening);
    let shown = text(&screen(&app));
    insta::assert_snapshot!("track_encoders_120x32", shown);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].contains("track: BERT and its relatives  "), "{}", lines[0]);
    assert!(lines[0].ends_with("14 of 310 papers · 0 of 14 read"), "{}", lines[0]);
    assert_eq!(lines[0].matches("of 14 read").count(), 1, "the whole track: its progress is said once");
    assert!(lines[1].starts_with("  1.    elmo") && lines[2].starts_with("  2. ▸  bert"), "{shown}");
    let card = app.areas().card.x;
    let card_line = |row: usize| lines[row].chars().skip(usize::from(card)).collect::<String>();
    assert_eq!(card_line(1), "step 1 of 14", "the card opens with the step");
    assert!(card_line(2).starts_with("Contextual word vectors"), "then why: {shown}");

    let mut app = browser(Lang::En, true, 80, 24);
    app.open(Opening { track: Some("long-context".into()), ..Opening::default() });
    let top = |app: &App<'_>| text(&screen(app)).lines().next().unwrap_or_default().to_owned();
    let whole = top(&app);
    let name = whole.split("track: ").nth(1).and_then(|rest| rest.split("  ").next()).unwrap_or_default();
    assert!(name.ends_with('…') && whole.contains(&format!("{name}  ")), "a long name gives way: {whole}");
    assert!(whole.ends_with("22 of 310 papers · 0 of 22 read"), "{whole}");
    keys(&mut app, "/attention");
    let top = top(&app);
    let shown = app.visible_count();
    assert!(
        top.contains("· 0 of 22 read") && top.ends_with(&format!("{shown} of 310 papers · 0 of {shown} read")),
        "{top}"
    );
    assert!(top.contains("read  "), "a gap before the counts: {top}");
}

#[test]
fn the_top_line_names_the_view_and_the_list_marks_papers_with_notes() {
    let mut app = browser(Lang::En, true, 80, 24);
    let mut progress = app.progress.clone();
    progress.add_note("seq2seq", "mine", "2026-12-01");
    app.set_progress(progress);
    let shown = text(&screen(&app));
    let seq2seq = shown.lines().find(|line| line.contains("seq2seq ")).expect("seq2seq is listed");
    assert!(seq2seq.contains("✎ seq2seq"), "{seq2seq}");
    assert!(!shown.lines().any(|line| line.contains("✎ glove")), "no notes, no mark");
    keys(&mut app, "ss");
    let top = text(&screen(&app)).lines().next().unwrap_or_default().to_owned();
    assert!(top.contains("view: reading") && top.contains("1 of 310 papers"), "{top}");
}

#[test]
fn a_long_picker_leaves_the_top_and_bottom_lines_in_sight_and_scrolls() {
    let mut app = browser(Lang::En, true, 80, 24);
    keys(&mut app, "f");
    let shown = text(&screen(&app));
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].starts_with("roadmap") && lines[0].contains("310 papers"), "{shown}");
    assert!(lines[23].contains("type to filter"), "{shown}");
    assert!(lines[1].contains("┌ family"), "{shown}");
    press(&mut app, KeyCode::End);
    let shown = text(&screen(&app));
    let last = app.catalog.families.last().expect("families");
    assert!(shown.contains(app.catalog.family_name(last, Lang::En)), "the last family scrolls into sight: {shown}");
}

#[test]
fn with_hyperlinks_on_the_cards_links_are_hyperlinks_and_the_screen_is_otherwise_the_same() {
    let mut app = browser(Lang::En, true, 120, 32);
    let plain = text(&screen(&app));
    app.hyperlinks = true;
    let linked = screen(&app);
    let card = app.areas().card;
    let row = (card.top()..card.bottom())
        .find(|&y| linked[(card.x + 12, y)].symbol().contains("\u{1b}]8;;https://arxiv.org/abs/1301.3781\u{1b}\\"))
        .expect("word2vec's abstract link is a hyperlink");
    assert!(
        plain
            .lines()
            .nth(usize::from(row))
            .is_some_and(|line| line.ends_with("abstract  https://arxiv.org/abs/1301.3781"))
    );
}

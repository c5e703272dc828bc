//! The browser's state and what each key and click does to it. Nothing here touches the
//! terminal, the network or a file: what needs the world is returned as an [`Effect`].

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::finder::Finder;
use super::keymap::{self, Action};
use super::layout::Areas;
use super::picker::Picker;
use super::place::{Marking, Opening, Undo, View};
use crate::catalog::{Catalog, Paper};
use crate::lang::Lang;
use crate::lineage::Lineage;
use crate::progress::{Progress, Status};
use crate::words::{Words, words};

/// What the event loop must do for the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in the browser.
    Open(String),
    /// Change this paper's status: one step along `m`'s cycle, or to a status.
    Mark(String, Marking),
    /// Put a status back as it was before the last mark.
    Undo(Undo),
    /// Put this text on the terminal's clipboard.
    Copy(String),
    /// Let the user write a note on this paper in their editor.
    EditNote(String),
    Quit,
    /// Ctrl-C: quit as an interrupted program does (status 130, as fzf and a shell do).
    Interrupt,
}

/// What covers the screen over the list and the card.
#[derive(Clone, Debug)]
pub enum Overlay {
    /// Every key.
    Help,
    Picker(Picker),
}

/// The whole state of the browser.
pub struct App<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) lineage: Lineage<'a>,
    pub(super) progress: Progress,
    /// How many of the papers the list shows are read (counted when either changes).
    pub(super) read: usize,
    pub(super) lang: Lang,
    pub(super) color: bool,
    /// Whether the card's links are OSC 8 hyperlinks (the settings decide).
    pub(super) hyperlinks: bool,
    /// The search index, built when a search starts (a browser that never searches never
    /// pays for it, and the first screen comes sooner).
    pub(super) finder: Option<Finder>,
    pub(super) family: Option<String>,
    pub(super) track: Option<String>,
    pub(super) query: String,
    /// Whether keys go to the search line.
    pub(super) typing: bool,
    /// Catalog positions that pass the family and track: catalog order, or the track's.
    pub(super) base: Vec<usize>,
    /// Catalog positions the list shows: `base`, narrowed and ranked by the search.
    pub(super) visible: Vec<usize>,
    /// Index into `visible` of the selected paper.
    pub(super) cursor: usize,
    /// Index into `visible` of the list's first row.
    pub(super) offset: usize,
    /// Lines of the card scrolled off its top.
    pub(super) card_scroll: u16,
    /// On a narrow screen, whether the card is shown instead of the list.
    pub(super) showing_card: bool,
    pub(super) overlay: Option<Overlay>,
    /// The answer to the last action, shown on the bottom line until the next key.
    pub(super) message: Option<String>,
    /// Why the progress file cannot be read: on the bottom line whenever no message is,
    /// until the file is readable again.
    pub(super) trouble: Option<String>,
    /// Catalog positions left by jumps, with the filters they were shown under, most
    /// recent last.
    pub(super) history: Vec<(usize, Opening)>,
    /// Which statuses the list shows.
    pub(super) view: View,
    /// The last mark, to undo.
    pub(super) last_mark: Option<Undo>,
    /// What the last `y` copied (the paper's position and which of its texts), so that the
    /// next `y` copies the next text.
    pub(super) copied: Option<(usize, usize)>,
    /// Whether the list takes the card's room too.
    pub(super) wide: bool,
    /// The paper selected when the search being typed began.
    pub(super) before_search: Option<usize>,
    pub(super) screen: Rect,
}

/// A status as one cell: `✓` read, `▸` reading, blank unread.
pub fn mark(status: Status) -> char {
    match status {
        Status::Read => '✓',
        Status::Reading => '▸',
        Status::Unread => ' ',
        Status::Skipped => '–',
    }
}

impl<'a> App<'a> {
    /// A browser on `catalog` showing every paper, the oldest selected.
    pub fn new(catalog: &'a Catalog, progress: Progress, lang: Lang, color: bool) -> App<'a> {
        let mut app = App {
            catalog,
            lineage: Lineage::new(catalog),
            progress: Progress::default(),
            read: 0,
            lang,
            color,
            hyperlinks: false,
            finder: None,
            family: None,
            track: None,
            query: String::new(),
            typing: false,
            base: Vec::new(),
            visible: Vec::new(),
            cursor: 0,
            offset: 0,
            card_scroll: 0,
            showing_card: false,
            overlay: None,
            message: None,
            trouble: None,
            history: Vec::new(),
            view: View::All,
            last_mark: None,
            copied: None,
            wide: false,
            before_search: None,
            screen: Rect::new(0, 0, 80, 24),
        };
        app.set_progress(progress);
        app.rebuild(None);
        app
    }

    /// Takes a fresh copy of the progress (after a write, or a change made elsewhere).
    pub fn set_progress(&mut self, progress: Progress) {
        self.progress = progress;
        // Note: the notes are searched, so a changed progress needs a new index.
        self.finder = None;
        if self.view == View::All {
            self.recount();
        } else {
            self.refilter();
        }
    }

    /// Shows the papers at these catalog positions, in this order.
    pub(super) fn show(&mut self, visible: Vec<usize>) {
        self.visible = visible;
        self.recount();
    }

    /// Counts what is read among the papers shown.
    fn recount(&mut self) {
        let papers = &self.catalog.papers;
        let read = |position: &&usize| self.progress.status(&papers[**position].id) == Status::Read;
        self.read = self.visible.iter().filter(read).count();
    }

    /// Says why the progress file cannot be read (none: it can again).
    pub fn set_trouble(&mut self, trouble: Option<String>) {
        self.trouble = trouble;
    }

    /// Shows `message` on the bottom line until the next key.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// The words of the reader's language.
    pub(super) fn words(&self) -> &'static Words {
        words(self.lang)
    }

    /// Fits the layout to a screen of this size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Rect::new(0, 0, width, height);
        self.scroll_to_cursor();
    }

    /// The parts of the screen as they are drawn now.
    pub fn areas(&self) -> Areas {
        let areas = Areas::of(self.screen, self.showing_card);
        if self.wide { areas.without_card() } else { areas }
    }

    /// How many papers the list shows.
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// The catalog position of the selected paper.
    pub fn selected_position(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    /// The selected paper.
    pub fn selected(&self) -> Option<&'a Paper> {
        self.selected_position().map(|position| &self.catalog.papers[position])
    }

    /// Does what `key` asks; returns what needs the world.
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Effect::Interrupt);
        }
        self.message = None;
        match self.overlay.take() {
            Some(Overlay::Help) => {
                if !matches!(key.code, KeyCode::Esc | KeyCode::Enter | KeyCode::Char('?' | 'q')) {
                    self.overlay = Some(Overlay::Help);
                }
                None
            }
            Some(Overlay::Picker(picker)) => {
                self.picker_key(picker, key);
                None
            }
            None if self.typing => {
                self.search_key(key);
                None
            }
            None => self.browse_key(key),
        }
    }

    fn browse_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let action = keymap::action(key);
        if action != Some(Action::Copy) {
            self.copied = None;
        }
        self.update(action?)
    }

    /// Carries out an action of the list and card; what needs the world comes back as an effect.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let narrow_card = self.showing_card && self.screen.width < super::layout::NARROW;
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Interrupt => return Some(Effect::Interrupt),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page()),
            Action::PageUp => self.step(-self.page()),
            Action::First => self.select(0),
            Action::Last => self.select(self.visible.len().saturating_sub(1)),
            Action::CardDown => self.scroll_card(1),
            Action::CardUp => self.scroll_card(-1),
            Action::Search => self.start_search(),
            Action::View => self.cycle_view(),
            Action::Wide => self.wide = !self.wide,
            Action::Undo => return self.undo(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Enter => self.showing_card = self.screen.width < super::layout::NARROW && !narrow_card,
            Action::Escape if narrow_card => self.showing_card = false,
            Action::Escape => self.set_query(String::new()),
            Action::Back => self.back(),
            Action::PickTrack => self.overlay = Some(Overlay::Picker(self.track_picker())),
            Action::PickFamily => self.overlay = Some(Overlay::Picker(self.family_picker())),
            Action::Open
            | Action::OpenPdf
            | Action::Mark
            | Action::SetStatus(_)
            | Action::Copy
            | Action::Code
            | Action::Note
            | Action::BuildsOn
            | Action::BuiltUponBy
            | Action::Path => {
                return self.paper_action(action);
            }
        }
        None
    }

    /// The actions on the selected paper.
    fn paper_action(&mut self, action: Action) -> Option<Effect> {
        let Some(paper) = self.selected() else {
            self.say(self.words().browse.no_selection);
            return None;
        };
        match action {
            Action::Open => return Some(Effect::Open(paper.abs_url())),
            Action::OpenPdf => {
                if let Some(pdf) = paper.pdf_url() {
                    return Some(Effect::Open(pdf));
                }
                self.say(format!("{} {}", paper.id, self.words().browse.no_pdf));
                return Some(Effect::Open(paper.abs_url()));
            }
            Action::Mark => return Some(Effect::Mark(paper.id.clone(), Marking::Cycle)),
            Action::SetStatus(status) => return Some(Effect::Mark(paper.id.clone(), Marking::Set(status))),
            Action::Copy => return self.copy(paper),
            Action::Code => return self.code(paper),
            Action::Note => return Some(Effect::EditNote(paper.id.clone())),
            Action::BuildsOn | Action::BuiltUponBy => self.lineage_step(paper, action == Action::BuildsOn),
            _ => self.overlay = Some(Overlay::Picker(self.path_picker(paper))),
        }
        None
    }

    /// Recomputes the papers after a family or track change, keeping `keep` selected when
    /// it is still shown.
    pub(super) fn rebuild(&mut self, keep: Option<usize>) {
        self.base = match self.track.as_deref().and_then(|id| self.catalog.track(id)) {
            Some(track) => track.steps.iter().filter_map(|step| self.lineage.position_of(&step.paper)).collect(),
            None => (0..self.catalog.papers.len()).collect(),
        };
        if let Some(family) = &self.family {
            self.base.retain(|&position| &self.catalog.papers[position].family == family);
        }
        let base = std::mem::take(&mut self.base);
        self.base = self.in_view(base);
        let visible = self.search();
        self.show(visible);
        let index = keep.and_then(|keep| self.index_of(keep));
        self.select(index.unwrap_or(0));
    }

    pub(super) fn page(&self) -> isize {
        (Areas::of(self.screen, false).list.height.max(2) - 1) as isize
    }

    pub(super) fn step(&mut self, step: isize) {
        self.select(self.cursor.saturating_add_signed(step));
    }

    /// Selects row `index` of the list (the last row when past the end).
    pub(super) fn select(&mut self, index: usize) {
        self.cursor = index.min(self.visible.len().saturating_sub(1));
        self.card_scroll = 0;
        self.scroll_to_cursor();
    }

    /// Moves the list's first row so the selected row is on screen.
    fn scroll_to_cursor(&mut self) {
        let height = usize::from(Areas::of(self.screen, false).list.height.max(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.visible.len().saturating_sub(height));
    }
}

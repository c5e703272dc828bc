//! Keys typed into a line: the search (`/`), which narrows the list as you type, and a
//! picker's filter, which narrows the picker.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Overlay};
use super::finder::Finder;
use super::picker::Picker;

impl App<'_> {
    /// A key in a picker: arrows move, letters narrow it, Enter chooses, Esc cancels.
    pub(super) fn picker_key(&mut self, mut picker: Picker, key: KeyEvent) {
        let page = self.screen.height.saturating_sub(4).max(1) as isize;
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => {
                if let Some(choice) = picker.chosen().cloned() {
                    self.choose(choice);
                }
                return;
            }
            KeyCode::Down | KeyCode::Char('n') if key.code == KeyCode::Down || control => picker.step(1),
            KeyCode::Up | KeyCode::Char('p') if key.code == KeyCode::Up || control => picker.step(-1),
            KeyCode::PageDown => picker.step(page),
            KeyCode::PageUp => picker.step(-page),
            KeyCode::Home => picker.jump(false),
            KeyCode::End => picker.jump(true),
            KeyCode::Char('u') if control => picker.set_filter(String::new()),
            KeyCode::Backspace => {
                let mut filter = picker.filter.clone();
                filter.pop();
                picker.set_filter(filter);
            }
            KeyCode::Char(c) if !control && !c.is_control() => {
                let filter = format!("{}{c}", picker.filter);
                picker.set_filter(filter);
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Picker(picker));
    }

    /// A key on the search line: Enter keeps the search, Esc drops it and goes back to the
    /// paper selected before the search began.
    pub(super) fn search_key(&mut self, key: KeyEvent) {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => {
                self.typing = false;
                self.before_search = None;
            }
            KeyCode::Esc => {
                self.typing = false;
                self.set_query(String::new());
                if let Some(index) = self.before_search.take().and_then(|before| self.index_of(before)) {
                    self.select(index);
                }
            }
            KeyCode::Down | KeyCode::Char('n') if key.code == KeyCode::Down || control => self.step(1),
            KeyCode::Up | KeyCode::Char('p') if key.code == KeyCode::Up || control => self.step(-1),
            KeyCode::PageDown => self.step(self.page()),
            KeyCode::PageUp => self.step(-self.page()),
            KeyCode::Char('u') if control => self.set_query(String::new()),
            KeyCode::Char('w') if control => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |space| space + 1);
                self.set_query(self.query[..kept].to_owned());
            }
            KeyCode::Backspace => {
                let mut query = self.query.clone();
                query.pop();
                self.set_query(query);
            }
            KeyCode::Char(c) if !control && !c.is_control() => {
                let query = format!("{}{c}", self.query);
                self.set_query(query);
            }
            _ => {}
        }
    }

    /// Starts typing a search, remembering the paper to return to if it is dropped.
    pub(super) fn start_search(&mut self) {
        self.finder();
        self.before_search = self.selected_position();
        self.typing = true;
        self.showing_card = false;
    }

    /// The search index, built on first use.
    fn finder(&mut self) -> &mut Finder {
        let (catalog, progress) = (self.catalog, &self.progress);
        self.finder.get_or_insert_with(|| Finder::new(catalog, progress))
    }

    /// The papers of `base` the search matches, best first (all of them, in order, without one).
    pub(super) fn search(&mut self) -> Vec<usize> {
        if self.query.trim().is_empty() {
            return self.base.clone();
        }
        let (query, base) = (self.query.clone(), std::mem::take(&mut self.base));
        let hits = self.finder().find(&query, &base).iter().map(|hit| hit.position).collect();
        self.base = base;
        hits
    }

    /// Changes the search; the best hit is selected (the paper that was selected, when the
    /// search is cleared).
    pub(super) fn set_query(&mut self, query: String) {
        let cleared = query.is_empty();
        let before = self.selected_position();
        self.query = query;
        let visible = self.search();
        self.show(visible);
        let kept = before.filter(|_| cleared).and_then(|keep| self.index_of(keep));
        self.select(kept.unwrap_or(0));
    }

    /// Where in the list the paper at catalog `position` is, if it is shown.
    pub(super) fn index_of(&self, position: usize) -> Option<usize> {
        self.visible.iter().position(|&shown| shown == position)
    }
}

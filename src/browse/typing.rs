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
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => {
                if let Some(choice) = picker.chosen().cloned() {
                    self.choose(choice);
                }
                return;
            }
            KeyCode::Home => picker.jump(false),
            KeyCode::End => picker.jump(true),
            _ => {
                if let Some(step) = step_of(key, page) {
                    picker.step(step);
                } else if let Some(filter) = edited(&picker.filter, key) {
                    picker.set_filter(filter);
                }
            }
        }
        self.overlay = Some(Overlay::Picker(picker));
    }

    /// A key on the search line: Enter keeps the search, Esc drops it and goes back to the
    /// paper selected before the search began.
    pub(super) fn search_key(&mut self, key: KeyEvent) {
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
            _ => {
                if let Some(step) = step_of(key, self.page()) {
                    self.step(step);
                } else if let Some(query) = edited(&self.query, key) {
                    self.set_query(query);
                }
            }
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

/// How far a key moves the selection while typing: Down or Ctrl-N and Up or Ctrl-P a line,
/// Page Down and Page Up a `page`; None for any other key.
fn step_of(key: KeyEvent, page: isize) -> Option<isize> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Down => Some(1),
        KeyCode::Up => Some(-1),
        KeyCode::Char('n') if control => Some(1),
        KeyCode::Char('p') if control => Some(-1),
        KeyCode::PageDown => Some(page),
        KeyCode::PageUp => Some(-page),
        _ => None,
    }
}

/// The line after a key that edits it: Ctrl-U clears it, Ctrl-W drops its last word,
/// Backspace its last letter, a letter adds itself; None for a key that does not edit.
fn edited(line: &str, key: KeyEvent) -> Option<String> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if control => Some(String::new()),
        KeyCode::Char('w') if control => {
            let kept = line.trim_end().rfind(' ').map_or(0, |space| space + 1);
            Some(line[..kept].to_owned())
        }
        KeyCode::Backspace => {
            let mut shorter = line.to_owned();
            shorter.pop();
            Some(shorter)
        }
        KeyCode::Char(c) if !control && !c.is_control() => Some(format!("{line}{c}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_search_and_a_pickers_filter_are_edited_alike() {
        let plain = KeyModifiers::NONE;
        let control = KeyModifiers::CONTROL;
        assert_eq!(edited("llama", key(KeyCode::Char('3'), plain)).as_deref(), Some("llama3"));
        assert_eq!(edited("注意", key(KeyCode::Char('力'), plain)).as_deref(), Some("注意力"));
        assert_eq!(edited("注意力", key(KeyCode::Backspace, plain)).as_deref(), Some("注意"));
        assert_eq!(edited("", key(KeyCode::Backspace, plain)).as_deref(), Some(""));
        assert_eq!(edited("long context ", key(KeyCode::Char('w'), control)).as_deref(), Some("long "));
        assert_eq!(edited("long context", key(KeyCode::Char('w'), control)).as_deref(), Some("long "));
        assert_eq!(edited("long context", key(KeyCode::Char('u'), control)).as_deref(), Some(""));
        assert_eq!(edited("a", key(KeyCode::Char('n'), control)), None, "Ctrl-N moves, it does not type");
        assert_eq!(edited("a", key(KeyCode::Down, plain)), None);
        assert_eq!(step_of(key(KeyCode::Char('n'), control), 9), Some(1));
        assert_eq!(step_of(key(KeyCode::Char('n'), plain), 9), None, "a plain n is a letter");
        assert_eq!(step_of(key(KeyCode::PageUp, plain), 9), Some(-9));
    }
}

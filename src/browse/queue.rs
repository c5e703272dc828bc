//! The browser as a reading queue: the status view (`s`), marks set directly or cycled and
//! the last one undone (`u`), copying through the terminal's clipboard (`y`), the code link
//! (`c`) and a card that scrolls no further than its end.

use std::collections::HashSet;

use super::app::{App, Effect};
use super::place::{Undo, View};
use crate::catalog::Paper;
use crate::progress::Status;
use crate::render::bibtex::{self, Style};

/// What `y` copies, press after press.
const COPIES: usize = 3;

impl<'a> App<'a> {
    /// The papers of `base` the status view shows: in `base`'s order, but for the next
    /// ones, which come best first as the lineage ranks them for `roadmap next`.
    pub(super) fn in_view(&self, base: Vec<usize>) -> Vec<usize> {
        let status = match self.view {
            View::All => return base,
            View::Unread => Status::Unread,
            View::Reading => Status::Reading,
            View::Read => Status::Read,
            View::Skipped => Status::Skipped,
            View::Next => {
                let suggestions = match self.walked_track() {
                    Some(track) => self.lineage.suggest_in(track, &self.progress),
                    None => self.lineage.suggest(&self.progress),
                };
                let shown: HashSet<usize> = base.into_iter().collect();
                return suggestions
                    .iter()
                    .map(|suggestion| self.lineage.position(suggestion.paper))
                    .filter(|position| shown.contains(position))
                    .collect();
            }
        };
        let papers = &self.catalog.papers;
        base.into_iter().filter(|&position| self.progress.status(&papers[position].id) == status).collect()
    }

    /// Shows the next status view.
    pub(super) fn cycle_view(&mut self) {
        self.view = self.view.cycled();
        self.refilter();
    }

    /// Filters again after the view or a status changed: the selected paper stays selected
    /// when it is still shown, else the row it was on is (the next paper of a queue).
    pub(super) fn refilter(&mut self) {
        let (kept, row) = (self.selected_position(), self.cursor);
        self.rebuild(kept);
        if kept.is_some_and(|kept| self.index_of(kept).is_none()) {
            self.select(row);
        }
    }

    /// Remembers the last mark, for `u`.
    pub fn marked(&mut self, undo: Undo) {
        self.last_mark = Some(undo);
    }

    /// Puts back the status the last mark changed.
    pub(super) fn undo(&mut self) -> Option<Effect> {
        let undo = self.last_mark.take();
        if undo.is_none() {
            self.say(self.words().browse.nothing_to_undo);
        }
        undo.map(Effect::Undo)
    }

    /// Copies the paper's id; pressed again at once, its link, then its BibTeX entry (the
    /// one `roadmap cite` writes), then its id again.
    pub(super) fn copy(&mut self, paper: &'a Paper) -> Option<Effect> {
        let position = self.lineage.position(paper);
        let which = match self.copied {
            Some((copied, which)) if copied == position => (which + 1) % COPIES,
            _ => 0,
        };
        self.copied = Some((position, which));
        let text = match which {
            0 => paper.id.clone(),
            1 => paper.abs_url(),
            _ => bibtex::render(&[paper], &bibtex::catalog_keys(self.catalog), Style::BibTeX),
        };
        let words = &self.words().browse;
        self.say((words.copied)(&paper.id, words.copies[which], words.copies[(which + 1) % COPIES]));
        Some(Effect::Copy(text))
    }

    /// Opens the paper's code, or says it has none.
    pub(super) fn code(&mut self, paper: &Paper) -> Option<Effect> {
        if let Some(code) = &paper.code {
            return Some(Effect::Open(code.clone()));
        }
        self.say(format!("{} {}", paper.id, self.words().browse.no_code));
        None
    }

    /// Scrolls the card by `lines`, never past its last line.
    pub(super) fn scroll_card(&mut self, lines: i16) {
        let area = self.areas().card;
        let height = super::view::card_text(self, area.width).lines.len();
        let last = u16::try_from(height.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
        self.card_scroll = self.card_scroll.saturating_add_signed(lines).min(last);
    }
}

//! The browser as a reading queue: the status view (`s`), marks set directly or cycled and
//! the last one undone (`u`), copying through the terminal's clipboard (`y`), the code link
//! (`c`) and a card that scrolls no further than its end.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::app::{App, Effect};
use crate::catalog::Paper;
use crate::progress::{Progress, Status};
use crate::render::bibtex::{self, Style};

/// Which papers the list shows by their status; `s` steps through them in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    All,
    Unread,
    Reading,
    /// What to read now, as `roadmap next` ranks it (on a track: the track's next steps).
    Next,
    Read,
    Skipped,
}

impl View {
    const ORDER: [View; 6] = [View::All, View::Unread, View::Reading, View::Next, View::Read, View::Skipped];

    /// Where the view comes in `s`'s order (and in the word table's list of views).
    pub fn index(self) -> usize {
        View::ORDER.iter().position(|&view| view == self).unwrap_or(0)
    }

    /// The view after this one.
    pub fn cycled(self) -> View {
        View::ORDER[(self.index() + 1) % View::ORDER.len()]
    }
}

/// How a mark changes a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marking {
    /// One step along unread → reading → read → skipped → unread (`m`).
    Cycle,
    Set(Status),
}

/// A status as it was before a mark, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub id: String,
    /// The status and its date as recorded (none: the paper had no entry).
    pub before: Option<(Status, Option<String>)>,
}

/// What `y` copies, press after press.
const COPIES: usize = 3;

/// In the list, a paper with notes.
pub const NOTED: char = '✎';

/// The list's cell after the status: [`NOTED`] when the paper has notes.
pub fn noted(progress: &Progress, id: &str) -> char {
    if progress.notes(id).is_empty() { ' ' } else { NOTED }
}

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

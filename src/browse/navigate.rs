//! Moving between papers: by mouse, by their links (lineage jumps, the reading path), by
//! tracks and families picked from a list, and the way back.

use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::app::{App, Overlay, mark};
use super::picker::{Choice, Item, Picker};
use super::place::View;
use crate::catalog::Paper;
use crate::progress::Status;
use crate::text;

impl<'a> App<'a> {
    /// Scrolls by mouse wheel or selects the clicked row.
    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let areas = self.areas();
        let at = Position::new(mouse.column, mouse.row);
        let over_card = self.overlay.is_none() && areas.card.contains(at);
        match mouse.kind {
            MouseEventKind::ScrollDown if over_card => self.scroll_card(3),
            MouseEventKind::ScrollUp if over_card => self.scroll_card(-3),
            MouseEventKind::ScrollDown if self.overlay.is_none() => self.step(3),
            MouseEventKind::ScrollUp if self.overlay.is_none() => self.step(-3),
            MouseEventKind::Down(_) if self.overlay.is_none() && areas.list.contains(at) => {
                let row = self.offset + usize::from(mouse.row - areas.list.y);
                if row < self.visible.len() {
                    self.message = None;
                    self.select(row);
                }
            }
            _ => {}
        }
    }

    /// Goes to what `paper` builds on (`back`) or what builds on it: straight there when
    /// there is one, through a picker when there are several.
    pub(super) fn lineage_step(&mut self, paper: &'a Paper, back: bool) {
        let papers = if back { self.lineage.prerequisites(paper) } else { self.lineage.successors(paper) };
        match papers.as_slice() {
            [] => {
                let words = &self.words().browse;
                let none = if back { words.no_prerequisites } else { words.no_successors };
                self.say(format!("{}: {none}", paper.id));
            }
            [only] => self.go_to(self.lineage.position(only)),
            several => {
                let words = &self.words().browse;
                let title = if back { (words.builds_on)(&paper.id) } else { (words.built_upon_by)(&paper.id) };
                let positions: Vec<usize> = several.iter().map(|paper| self.lineage.position(paper)).collect();
                self.overlay = Some(Overlay::Picker(self.paper_picker(title, &positions, 0)));
            }
        }
    }

    /// Applies what a picker chose.
    pub(super) fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Paper(position) => self.go_to(position),
            Choice::Family(family) => {
                self.family = family;
                self.rebuild(self.selected_position());
            }
            Choice::Track(track) => {
                self.track = track;
                self.rebuild(self.selected_position());
            }
        }
    }

    /// Selects the paper at catalog `position`, first clearing whatever filter hides it, and
    /// remembers the paper left and its filters so Backspace can return to both.
    pub(super) fn go_to(&mut self, position: usize) {
        if let Some(current) = self.selected_position().filter(|&current| current != position) {
            self.history.push((current, self.filters()));
        }
        self.reveal(position);
    }

    /// Returns to the paper the last jump left, with the filters and search it cleared.
    pub(super) fn back(&mut self) {
        match self.history.pop() {
            Some((position, filters)) => {
                if filters != self.filters() {
                    self.set_filters(filters);
                }
                self.reveal(position);
            }
            None => self.say(self.words().browse.no_jump_back),
        }
    }

    /// Selects the paper at `position`, clearing the filters that hide it (and saying so).
    pub(super) fn reveal(&mut self, position: usize) {
        let mut cleared = Vec::new();
        if !self.base.contains(&position) {
            let paper = &self.catalog.papers[position];
            if self.family.as_ref().is_some_and(|family| family != &paper.family) {
                self.family = None;
                cleared.push(self.words().browse.family);
            }
            let on_track = |id: &str| {
                self.catalog.track(id).is_some_and(|track| track.steps.iter().any(|step| step.paper == paper.id))
            };
            if self.track.as_deref().is_some_and(|track| !on_track(track)) {
                self.track = None;
                cleared.push(self.words().browse.track);
            }
            // Note: after the track, whose next steps the next view may be.
            if self.view != View::All && self.in_view(vec![position]).is_empty() {
                self.view = View::All;
                cleared.push(self.words().browse.view);
            }
            self.rebuild(Some(position));
        }
        if !self.visible.contains(&position) {
            cleared.push(self.words().browse.search);
            self.typing = false;
            self.query.clear();
            self.show(self.base.clone());
        }
        self.select(self.visible.iter().position(|&shown| shown == position).unwrap_or(0));
        if !cleared.is_empty() {
            let id = &self.catalog.papers[position].id;
            let cleared = cleared.join(", ");
            self.say((self.words().browse.cleared)(&cleared, id));
        }
    }

    /// A picker of the papers at these catalog positions, with their status and year.
    fn paper_picker(&self, title: String, positions: &[usize], cursor: usize) -> Picker {
        let id_width =
            positions.iter().map(|&position| text::width(&self.catalog.papers[position].id)).max().unwrap_or(0);
        let items = positions
            .iter()
            .map(|&position| {
                let paper = &self.catalog.papers[position];
                let status = mark(self.progress.status(&paper.id));
                let label = format!("{status} {} {}  {}", paper.year, text::pad(&paper.id, id_width), paper.title);
                Item { label, choice: Choice::Paper(position) }
            })
            .collect();
        Picker::new(title, items, cursor)
    }

    /// The reading path to `paper`, the paper itself selected at its end.
    pub(super) fn path_picker(&self, paper: &Paper) -> Picker {
        let path: Vec<usize> = self.lineage.path(paper).iter().map(|step| self.lineage.position(step)).collect();
        let read = path
            .iter()
            .filter(|&&position| self.progress.status(&self.catalog.papers[position].id) == Status::Read)
            .count();
        let title = (self.words().browse.path)(&paper.id, read, path.len());
        self.paper_picker(title, &path, path.len())
    }

    /// Every track, with what is read of it, after a "whole catalog" line.
    pub(super) fn track_picker(&self) -> Picker {
        let all = Item { label: self.words().browse.all_papers.to_owned(), choice: Choice::Track(None) };
        let tracks = self.catalog.tracks.iter().map(|track| {
            let read = track.steps.iter().filter(|step| self.progress.status(&step.paper) == Status::Read).count();
            let name = self.catalog.track_name(track, self.lang);
            Item {
                label: format!("{}  ({read}/{})", name, track.steps.len()),
                choice: Choice::Track(Some(track.id.clone())),
            }
        });
        let items: Vec<Item> = std::iter::once(all).chain(tracks).collect();
        let cursor = self.track.as_ref().and_then(|id| self.catalog.tracks.iter().position(|track| &track.id == id));
        Picker::new(self.words().browse.track.to_owned(), items, cursor.map_or(0, |index| index + 1))
    }

    /// Every family with what is read of its papers, after an "every family" line.
    pub(super) fn family_picker(&self) -> Picker {
        let all = Item { label: self.words().browse.all_families.to_owned(), choice: Choice::Family(None) };
        let papers: Vec<&Paper> = self.catalog.papers.iter().collect();
        let families = crate::tally::by_family(self.catalog, &papers, &self.progress).into_iter().map(|tally| Item {
            label: format!("{}  ({}/{})", self.catalog.family_name(tally.family, self.lang), tally.read, tally.total),
            choice: Choice::Family(Some(tally.family.id.clone())),
        });
        let items: Vec<Item> = std::iter::once(all).chain(families).collect();
        let cursor =
            self.family.as_ref().and_then(|id| self.catalog.families.iter().position(|family| &family.id == id));
        Picker::new(self.words().browse.family.to_owned(), items, cursor.map_or(0, |index| index + 1))
    }
}

//! The track being walked: each paper's step number, why it is there, and how much of the
//! track is read. The words come from the catalog's own lookups, as `roadmap track` uses them.

use super::app::App;
use crate::catalog::Track;
use crate::progress::Status;

impl<'a> App<'a> {
    /// The track the list follows, if one is picked.
    pub(super) fn walked_track(&self) -> Option<&'a Track> {
        let catalog = self.catalog;
        self.track.as_deref().and_then(|id| catalog.track(id))
    }

    /// The step number (from 1) of the paper at catalog `position` on the walked track.
    pub(super) fn step_of(&self, position: usize) -> Option<usize> {
        let id = &self.catalog.papers.get(position)?.id;
        self.walked_track()?.steps.iter().position(|step| &step.paper == id).map(|index| index + 1)
    }

    /// Why the paper at catalog `position` is on the walked track, in the reader's language.
    pub(super) fn step_why(&self, position: usize) -> Option<&'a str> {
        let (catalog, track) = (self.catalog, self.walked_track()?);
        catalog.step_why(track, &catalog.papers.get(position)?.id, self.lang)
    }

    /// How many steps of the walked track are read, and how many it has (all of them,
    /// whatever the family or the search shows).
    pub(super) fn track_progress(&self) -> Option<(usize, usize)> {
        let track = self.walked_track()?;
        let read = track.steps.iter().filter(|step| self.progress.status(&step.paper) == Status::Read).count();
        Some((read, track.steps.len()))
    }
}

//! Where the browser opens (`roadmap browse --track T --family F --paper ID QUERY`), checked
//! against the catalog before the terminal is taken, with the same lookups and messages as
//! `list --track/--family` and `show`.

use super::app::App;
use super::place::{Opening, View};
use crate::catalog::Catalog;
use crate::cli::BrowseOptions;
use crate::query::{self, LookupError};

impl Opening {
    /// Resolves the options: an unknown track, family or paper is an error naming the closest.
    pub fn resolve(catalog: &Catalog, options: &BrowseOptions) -> Result<Opening, LookupError> {
        let track = options.track.as_deref().map(|id| query::known_track(catalog, id)).transpose()?;
        let family = options.family.as_deref().map(|id| query::known_family(catalog, id)).transpose()?;
        let paper = options.paper.as_deref().map(|id| query::resolve(catalog, id)).transpose()?;
        Ok(Opening {
            track: track.map(|track| track.id.clone()),
            family: family.map(|family| family.id.clone()),
            query: options.query(),
            paper: paper.map(|paper| paper.id.clone()),
            view: View::All,
        })
    }
}

impl App<'_> {
    /// Opens on the track, family and search given, then selects the paper. A paper they
    /// hide is shown as a jump shows one: what hides it is cleared, and the bottom line says
    /// which (the paper is the most particular thing asked for).
    pub fn open(&mut self, opening: Opening) {
        self.track = opening.track;
        self.family = opening.family;
        self.query = opening.query;
        self.view = opening.view;
        self.rebuild(None);
        if let Some(position) = opening.paper.and_then(|id| self.lineage.position_of(&id)) {
            self.reveal(position);
        }
    }
}

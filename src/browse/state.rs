//! Where the browser was: the filters a jump may clear (Backspace puts them back) and the
//! small state file it reopens from (the paper, the track, the family, the search and the
//! status view). The file is only a convenience: one that cannot be read or makes no sense
//! is ignored with a word on the bottom line, and never stops the browser.

use std::path::Path;

use anyhow::Context as _;

use super::app::App;
use super::opening::Opening;
use crate::atomic::{self, NewFile};
use crate::catalog::Catalog;
use crate::catalog::read::{self, Kind, ReadError};

/// The most a state file may hold; it is a few lines.
const LIMIT: u64 = 64 * 1024;

/// The longest search the file may bring back.
const LONGEST_QUERY: usize = 1000;

/// Where the browser was when it last closed, from the state file at `path`: none when
/// there is none, and none with what is wrong when it cannot be read or makes no sense.
pub fn load(path: &Path, catalog: &Catalog) -> (Option<Opening>, Option<String>) {
    // Note: the bottom line is short, so the file's path comes last.
    let shown = crate::text::sanitize(&path.to_string_lossy()).into_owned();
    let ignored = |why: String| (None, Some(format!("warning: the saved place is ignored: it {why} ({shown})")));
    let bytes = match read::read_kinds(path, LIMIT, &[Kind::File]) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => return (None, None),
        Err(ReadError::TooLarge(_)) => return ignored(format!("holds more than {} KiB", LIMIT / 1024)),
        Err(error) => return ignored(error.to_string()),
    };
    match serde_json::from_slice::<Opening>(&bytes) {
        Ok(opening) if opening.query.chars().count() > LONGEST_QUERY => ignored("holds too long a search".to_owned()),
        Ok(opening) => (Some(opening.known(catalog)), None),
        Err(error) => ignored(format!("is not the browser's state: {error}")),
    }
}

/// Writes where the browser is to the state file at `path`, whole or not at all.
pub fn save(path: &Path, opening: &Opening) -> anyhow::Result<()> {
    let shown = crate::text::sanitize(&path.to_string_lossy()).into_owned();
    let context = || format!("cannot save where the browser was to '{shown}'");
    if let Some(directory) = path.parent().filter(|directory| !directory.as_os_str().is_empty()) {
        std::fs::create_dir_all(directory).with_context(context)?;
    }
    let json = serde_json::to_string_pretty(opening).context("cannot write the browser's state")?;
    atomic::write(path, format!("{json}\n").as_bytes(), NewFile::Private).with_context(context)
}

impl Opening {
    /// The same place without the names the catalog no longer has (a paper, track or
    /// family removed since): the rest still opens.
    fn known(self, catalog: &Catalog) -> Opening {
        Opening {
            track: self.track.filter(|id| catalog.track(id).is_some()),
            family: self.family.filter(|id| catalog.family(id).is_some()),
            paper: self.paper.filter(|id| catalog.paper(id).is_some()),
            ..self
        }
    }
}

impl App<'_> {
    /// Where the browser is now: what the state file keeps.
    pub fn place(&self) -> Opening {
        Opening { paper: self.selected().map(|paper| paper.id.clone()), ..self.filters() }
    }

    /// The track, family, search and status view, which a jump may clear.
    pub(super) fn filters(&self) -> Opening {
        Opening {
            track: self.track.clone(),
            family: self.family.clone(),
            query: self.query.clone(),
            view: self.view,
            paper: None,
        }
    }

    /// Puts back filters a jump cleared.
    pub(super) fn set_filters(&mut self, filters: Opening) {
        (self.track, self.family, self.query, self.view) = (filters.track, filters.family, filters.query, filters.view);
        self.typing = false;
        self.rebuild(None);
    }
}

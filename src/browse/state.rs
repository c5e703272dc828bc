//! Where the browser was: the filters a jump may clear (Backspace puts them back) and the
//! small state file it reopens from (the paper, the track, the family, the search and the
//! status view). The file is only a convenience: one that cannot be read or makes no sense
//! is ignored with a word on the bottom line, and never stops the browser.

use std::path::Path;

use anyhow::Context as _;

use super::app::App;
use super::place::Opening;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        super::super::tests::catalog()
    }

    #[test]
    fn a_place_is_saved_and_read_back_without_what_the_catalog_lost() {
        let directory = tempfile::tempdir().expect("a directory");
        let path = directory.path().join("new/browse.json");
        assert_eq!(load(&path, catalog()), (None, None), "no file, no place and no word");
        let place = Opening {
            track: Some("encoders".into()),
            family: Some("gone".into()),
            query: "lora \u{1b}[31m".into(),
            paper: Some("bert".into()),
            view: super::super::place::View::Next,
        };
        save(&path, &place).expect("saved");
        let (read, warning) = load(&path, catalog());
        assert_eq!(warning, None);
        assert_eq!(read, Some(Opening { family: None, ..place }), "an unknown family is left out");
    }

    #[test]
    fn a_bad_state_file_is_ignored_with_a_word_and_never_blocks() {
        let directory = tempfile::tempdir().expect("a directory");
        let warned = |path: &Path, why: &str| {
            let (place, warning) = load(path, catalog());
            assert_eq!(place, None);
            let warning = warning.expect("a warning");
            assert!(warning.contains(why) && warning.contains("is ignored"), "{warning}");
        };
        warned(directory.path(), "is a directory");
        let path = directory.path().join("browse.json");
        std::fs::write(&path, "{\"view\": \"sideways\"}").expect("written");
        warned(&path, "is not the browser's state");
        std::fs::write(&path, format!("{{\"query\": \"{}\"}}", "a".repeat(LONGEST_QUERY + 1))).expect("written");
        warned(&path, "too long a search");
        std::fs::write(&path, vec![b' '; 70_000]).expect("written");
        warned(&path, "more than 64 KiB");
        #[cfg(unix)]
        {
            let fifo = directory.path().join("fifo.json");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|status| status.success());
            if made {
                warned(&fifo, "");
            }
        }
    }
}

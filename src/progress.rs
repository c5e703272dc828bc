//! The reading-state store: a status and dated notes per paper, in a versioned YAML file.
//!
//! Writes are read-modify-write under an exclusive lock on a sibling `.lock`
//! file, and land atomically (temporary file in the same directory, fsync,
//! rename), so concurrent `mark`s lose nothing and a crash never leaves half a
//! file. A corrupt file is an error that names it and is never overwritten.
//! Entries for ids that are not in the catalog are kept untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::ErrorKind;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use serde::{Deserialize, Serialize};

use crate::atomic;
use crate::catalog::yaml;

/// How far a learner is with a paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started (the default).
    #[default]
    Unread,
    /// Started.
    Reading,
    /// Finished.
    Read,
    /// Decided against reading: settled, like a read paper, but not counted as read.
    Skipped,
}

impl Status {
    /// Every status, in the order `unread → reading → read → skipped`.
    pub const ALL: [Status; 4] = [Status::Unread, Status::Reading, Status::Read, Status::Skipped];

    /// The next status along unread → reading → read → skipped → unread (the browser's `m`).
    pub fn cycled(self) -> Status {
        match self {
            Status::Unread => Status::Reading,
            Status::Reading => Status::Read,
            Status::Read => Status::Skipped,
            Status::Skipped => Status::Unread,
        }
    }

    /// Whether the learner is done with the paper, by reading it or by skipping it.
    pub fn is_settled(self) -> bool {
        matches!(self, Status::Read | Status::Skipped)
    }

    /// The word used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unread => "unread",
            Status::Reading => "reading",
            Status::Read => "read",
            Status::Skipped => "skipped",
        }
    }
}

/// A dated note on a paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// `YYYY-MM-DD`, the writer's local date.
    pub date: String,
    /// What the learner wrote.
    pub text: String,
}

/// Everything recorded about one paper.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Reading status.
    #[serde(default, skip_serializing_if = "is_unread")]
    pub status: Status,
    /// When the status last changed (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Notes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

fn is_unread(status: &Status) -> bool {
    *status == Status::Unread
}

/// The whole file: a version and entries by paper id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// File format version; only 1 exists.
    pub version: u32,
    /// Entries by paper id (ids that left the catalog are kept).
    #[serde(default)]
    pub papers: BTreeMap<String, Entry>,
    /// The ids `roadmap whatsnew` has shown or recorded (empty until its first run).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub seen: BTreeSet<String>,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress { version: 1, papers: BTreeMap::new(), seen: BTreeSet::new() }
    }
}

impl Progress {
    /// The status of a paper (unread when nothing is recorded).
    pub fn status(&self, id: &str) -> Status {
        self.papers.get(id).map_or(Status::Unread, |entry| entry.status)
    }

    /// The notes on a paper.
    pub fn notes(&self, id: &str) -> &[Note] {
        self.papers.get(id).map_or(&[], |entry| entry.notes.as_slice())
    }

    /// Whether anything at all has been recorded.
    pub fn is_empty(&self) -> bool {
        self.papers.is_empty()
    }

    /// Sets a status; an unread paper without notes leaves the file.
    pub fn set_status(&mut self, id: &str, status: Status, today: &str) {
        let entry = self.papers.entry(id.to_owned()).or_default();
        if entry.status != status {
            entry.status = status;
            entry.updated = Some(today.to_owned());
        }
        if entry.status == Status::Unread && entry.notes.is_empty() {
            self.papers.remove(id);
        }
    }

    /// Appends a note.
    pub fn add_note(&mut self, id: &str, text: &str, today: &str) {
        let note = Note { date: today.to_owned(), text: text.to_owned() };
        self.papers.entry(id.to_owned()).or_default().notes.push(note);
    }

    /// Replaces the text of note `number` (1-based) and dates it today.
    pub fn edit_note(&mut self, id: &str, number: usize, text: &str, today: &str) -> Result<(), NoSuchNote> {
        let note = self.note_mut(id, number)?;
        note.text = text.to_owned();
        note.date = today.to_owned();
        Ok(())
    }

    /// Removes note `number` (1-based); an unread paper left without notes leaves the file.
    pub fn delete_note(&mut self, id: &str, number: usize) -> Result<Note, NoSuchNote> {
        self.note_mut(id, number)?;
        let entry = self.papers.get_mut(id).expect("note_mut found the entry");
        let note = entry.notes.remove(number - 1);
        if entry.status == Status::Unread && entry.notes.is_empty() {
            self.papers.remove(id);
        }
        Ok(note)
    }

    fn note_mut(&mut self, id: &str, number: usize) -> Result<&mut Note, NoSuchNote> {
        let count = self.notes(id).len();
        let missing = NoSuchNote { id: id.to_owned(), number, count };
        let index = number.checked_sub(1).ok_or_else(|| missing.clone())?;
        self.papers.get_mut(id).and_then(|entry| entry.notes.get_mut(index)).ok_or(missing)
    }
}

/// A note number that a paper does not have.
#[derive(Clone, Debug, thiserror::Error)]
#[error("'{id}' has no note {number}{}", match count {
    0 => " (it has no notes)".to_owned(),
    1 => " (it has one note: 1)".to_owned(),
    count => format!(" (its notes are 1 to {count})"),
})]
pub struct NoSuchNote {
    /// The paper.
    pub id: String,
    /// The number asked for.
    pub number: usize,
    /// How many notes the paper has.
    pub count: usize,
}

/// The progress file at one path.
#[derive(Clone, Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// A store for the file at `path` (which need not exist yet).
    pub fn new(path: PathBuf) -> Store {
        Store { path }
    }

    /// Reads the file; a missing file is an empty state, a corrupt one an error naming it.
    pub fn load(&self) -> anyhow::Result<Progress> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Progress::default()),
            Err(error) => {
                return Err(error).with_context(|| format!("cannot read the progress file '{}'", self.path.display()));
            }
        };
        let corrupt = |why: String| {
            anyhow::anyhow!(
                "the progress file '{}' is corrupt ({why}); it was left untouched: fix or move it away",
                self.path.display()
            )
        };
        let text = std::str::from_utf8(&bytes).map_err(|error| corrupt(format!("not UTF-8: {error}")))?;
        if text.trim().is_empty() {
            return Ok(Progress::default());
        }
        let progress: Progress = yaml::from_yaml(text).map_err(|error| match error.position {
            Some((line, column)) => corrupt(format!("line {line}, column {column}: {}", error.message)),
            None => corrupt(error.message),
        })?;
        if progress.version != 1 {
            return Err(corrupt(format!(
                "version {} is not supported; this program writes version 1",
                progress.version
            )));
        }
        Ok(progress)
    }

    /// Locks the file, reads it, applies `change`, and writes the result atomically; when
    /// `change` fails nothing is written.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let directory = self.directory();
        std::fs::create_dir_all(&directory)
            .with_context(|| format!("cannot create the directory '{}' for the progress file", directory.display()))?;
        let lock_path = self.lock_path();
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file '{}'", lock_path.display()))?;
        lock.lock().with_context(|| format!("cannot lock '{}'", lock_path.display()))?;
        let mut progress = self.load()?;
        let result = change(&mut progress)?;
        self.write(&progress)?;
        drop(lock);
        Ok(result)
    }

    fn directory(&self) -> PathBuf {
        match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    fn write(&self, progress: &Progress) -> anyhow::Result<()> {
        let text = yaml::to_yaml(progress).map_err(|error| anyhow::anyhow!("cannot encode the progress: {error}"))?;
        let context = || format!("cannot write the progress file '{}'", self.path.display());
        if self.path.is_dir() {
            bail!("the progress file '{}' is a directory", self.path.display());
        }
        atomic::write(&self.path, text.as_bytes(), atomic::NewFile::Private).with_context(context)
    }
}

/// The local calendar date of `now` in `zone`, as `YYYY-MM-DD` (notes and status changes
/// carry the date the learner saw, not UTC's).
pub fn local_date(now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    now.to_zoned_datetime(zone.clone()).date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_local_not_utc() {
        let late_evening_utc: jiff::Timestamp = "2026-11-30T23:30:00Z".parse().unwrap();
        let beijing = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
        let new_york = jiff::tz::TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(local_date(late_evening_utc, &beijing), "2026-12-01");
        assert_eq!(local_date(late_evening_utc, &new_york), "2026-11-30");
        assert_eq!(local_date(late_evening_utc, &jiff::tz::TimeZone::UTC), "2026-11-30");
    }

    #[test]
    fn notes_are_edited_and_deleted_by_number() {
        let mut progress = Progress::default();
        progress.add_note("bert", "first", "2026-01-01");
        progress.add_note("bert", "second\nline", "2026-01-02");
        progress.edit_note("bert", 1, "first, revised", "2026-01-03").unwrap();
        assert_eq!(progress.notes("bert")[0], Note { date: "2026-01-03".into(), text: "first, revised".into() });
        assert_eq!(
            progress.edit_note("bert", 3, "x", "d").unwrap_err().to_string(),
            "'bert' has no note 3 (its notes are 1 to 2)"
        );
        assert!(progress.delete_note("bert", 0).is_err());
        assert_eq!(progress.delete_note("bert", 2).unwrap().text, "second\nline");
        progress.delete_note("bert", 1).unwrap();
        assert!(progress.is_empty(), "an unread paper without notes leaves the file");
        assert_eq!(progress.delete_note("bert", 1).unwrap_err().to_string(), "'bert' has no note 1 (it has no notes)");
    }

    #[test]
    fn a_missing_file_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("nested/progress.yaml"));
        assert!(store.load().unwrap().is_empty());
    }

    #[test]
    fn marking_round_trips_and_unread_without_notes_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("state/progress.yaml"));
        store
            .update(|progress| {
                progress.set_status("bert", Status::Read, "2026-11-28");
                Ok(())
            })
            .unwrap();
        store
            .update(|progress| {
                progress.add_note("gpt-3", "few-shot", "2026-11-28");
                Ok(())
            })
            .unwrap();
        let progress = store.load().unwrap();
        assert_eq!(progress.status("bert"), Status::Read);
        assert_eq!(progress.notes("gpt-3"), [Note { date: "2026-11-28".into(), text: "few-shot".into() }]);
        store
            .update(|progress| {
                progress.set_status("bert", Status::Unread, "2026-11-29");
                Ok(())
            })
            .unwrap();
        assert!(!store.load().unwrap().papers.contains_key("bert"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("state"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_corrupt_file_is_an_error_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "version: 1\npapers: [not, a, map\n").unwrap();
        let store = Store::new(path.clone());
        let error = store
            .update(|progress| {
                progress.set_status("bert", Status::Read, "2026-11-28");
                Ok(())
            })
            .unwrap_err();
        assert!(error.to_string().contains(&path.display().to_string()), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "version: 1\npapers: [not, a, map\n");
    }

    #[test]
    fn unknown_versions_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "version: 9\n").unwrap();
        assert!(Store::new(path).load().unwrap_err().to_string().contains("version 9"));
    }
}

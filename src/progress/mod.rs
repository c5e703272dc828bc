//! The reading-state store: a status and dated notes per paper, in a versioned YAML file.
//!
//! Writes are read-modify-write under an exclusive lock on a sibling `.lock`
//! file, and land atomically (temporary file in the same directory, fsync,
//! rename), so concurrent `mark`s lose nothing and a crash never leaves half a
//! file. A corrupt file is an error that names it and is never overwritten.
//! Entries for ids that are not in the catalog are kept untouched.

mod merge;
mod store;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use merge::Merged;
pub use store::Store;

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
    /// The notes (paper id, 1-based number) holding a control character other than a line
    /// break or a tab: written by hand or by another tool, since `roadmap note` refuses them.
    pub fn notes_with_control_characters(&self) -> Vec<(&str, usize)> {
        self.papers
            .iter()
            .flat_map(|(id, entry)| {
                entry.notes.iter().enumerate().map(move |(index, note)| (id.as_str(), index + 1, note))
            })
            .filter(|(_, _, note)| crate::draft::first_refused(&note.text).is_some())
            .map(|(id, number, _)| (id, number))
            .collect()
    }

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

    /// A paper's status as recorded, with its date (none: the paper has no entry), for
    /// [`Progress::restore_status`].
    pub fn recorded_status(&self, id: &str) -> Option<(Status, Option<String>)> {
        self.papers.get(id).map(|entry| (entry.status, entry.updated.clone()))
    }

    /// Puts back a status exactly as [`Progress::recorded_status`] gave it (an undone mark):
    /// with its old date, or, when there was no entry, none (notes written since are kept).
    pub fn restore_status(&mut self, id: &str, recorded: Option<(Status, Option<String>)>) {
        match recorded {
            Some((status, updated)) => {
                let entry = self.papers.entry(id.to_owned()).or_default();
                (entry.status, entry.updated) = (status, updated);
            }
            None => {
                if let Some(entry) = self.papers.get_mut(id) {
                    (entry.status, entry.updated) = (Status::Unread, None);
                    if entry.notes.is_empty() {
                        self.papers.remove(id);
                    }
                }
            }
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

/// Reads a progress file's text: the reason it is not one, when it is not (an empty text is
/// an empty progress). The store and `import` read every progress file through this.
pub fn parse(text: &str) -> Result<Progress, String> {
    if text.trim().is_empty() {
        return Ok(Progress::default());
    }
    let progress: Progress = crate::catalog::yaml::from_yaml(text).map_err(|error| match error.position {
        Some((line, column)) => format!("line {line}, column {column}: {}", error.message),
        None => error.message,
    })?;
    if progress.version != 1 {
        return Err(format!("version {} is not supported; this program writes version 1", progress.version));
    }
    Ok(progress)
}

/// The local calendar date of `now` in `zone`, as `YYYY-MM-DD` (notes and status changes
/// carry the date the learner saw, not UTC's).
pub fn local_date(now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    local_day(now, zone).to_string()
}

/// The local calendar day of `now` in `zone`.
pub fn local_day(now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> jiff::civil::Date {
    now.to_zoned_datetime(zone.clone()).date()
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
    fn a_restored_status_is_exactly_what_was_recorded_before() {
        let mut progress = Progress::default();
        let none = progress.recorded_status("bert");
        progress.set_status("bert", Status::Read, "2026-01-05");
        progress.restore_status("bert", none);
        assert!(progress.is_empty(), "no entry before, no entry after");
        progress.set_status("bert", Status::Reading, "2026-01-01");
        let reading = progress.recorded_status("bert");
        progress.set_status("bert", Status::Read, "2026-01-05");
        progress.restore_status("bert", reading.clone());
        assert_eq!(progress.recorded_status("bert"), reading, "the old date comes back too");
        progress.add_note("gpt2", "mine", "2026-01-06");
        progress.set_status("gpt2", Status::Skipped, "2026-01-06");
        progress.restore_status("gpt2", None);
        assert_eq!((progress.status("gpt2"), progress.notes("gpt2").len()), (Status::Unread, 1), "notes stay");
    }
}

//! Merging marks from another progress file (the page's download) into the learner's own.
//!
//! The rule: a paper the file leaves out or leaves unread keeps the learner's mark, so no mark
//! is ever lost; a mark the file has is taken when the learner's paper is unread, or when the
//! file dates it (`updated`) no earlier than the learner's own mark. A mark without a date
//! (the exporter's, copied onto the page) never replaces one the learner has. Notes and
//! `seen` are the learner's own and are not taken from a file.

use super::{Progress, Status};

/// What a merge did and did not do, by paper id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Marks taken from the file: id, the learner's status before, the file's.
    pub changed: Vec<(String, Status, Status)>,
    /// Papers the file marks as the learner already has them.
    pub same: Vec<String>,
    /// The learner's marks kept over a different one in the file (dated later, or the
    /// file's undated): id, kept, the file's.
    pub kept: Vec<(String, Status, Status)>,
    /// The learner's marks on papers the file leaves out or unread.
    pub untouched: usize,
    /// Ids in the file that the catalog does not know; nothing is done with them.
    pub unknown: Vec<String>,
    /// Notes in the file, which are not taken.
    pub notes: usize,
}

impl Progress {
    /// Merges the marks of `file` into this progress by the rule above; `known` says which
    /// ids the catalog has, and a mark taken is dated `today` unless the file dates it.
    pub fn merge(&mut self, file: &Progress, known: impl Fn(&str) -> bool, today: &str) -> Merged {
        let mut merged =
            Merged { notes: file.papers.values().map(|entry| entry.notes.len()).sum(), ..Merged::default() };
        for (id, entry) in &file.papers {
            if !known(id) {
                merged.unknown.push(id.clone());
                continue;
            }
            if entry.status == Status::Unread {
                continue;
            }
            let mine = self.papers.get(id);
            let current = self.status(id);
            if current == entry.status {
                merged.same.push(id.clone());
                continue;
            }
            let mine_date = mine.and_then(|mine| mine.updated.as_deref());
            let newer = match (entry.updated.as_deref(), mine_date) {
                _ if current == Status::Unread => true,
                (Some(theirs), Some(ours)) => theirs >= ours,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if newer {
                self.set_status(id, entry.status, entry.updated.as_deref().unwrap_or(today));
                merged.changed.push((id.clone(), current, entry.status));
            } else {
                merged.kept.push((id.clone(), current, entry.status));
            }
        }
        merged.untouched = self
            .papers
            .iter()
            .filter(|(id, entry)| entry.status != Status::Unread && file.status(id) == Status::Unread)
            .count();
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(marks: &[(&str, Status, Option<&str>)]) -> Progress {
        let mut progress = Progress::default();
        for (id, status, date) in marks {
            progress.set_status(id, *status, "2026-01-01");
            if let Some(entry) = progress.papers.get_mut(*id) {
                entry.updated = date.map(str::to_owned);
            }
        }
        progress
    }

    #[test]
    fn a_mark_the_file_lacks_is_kept_and_a_newer_one_is_taken() {
        let mut mine = progress(&[
            ("bert", Status::Read, Some("2026-03-01")),
            ("gpt-2", Status::Reading, Some("2026-03-01")),
            ("gpt-3", Status::Read, Some("2026-05-01")),
            ("lora", Status::Skipped, None),
        ]);
        mine.add_note("bert", "mine", "2026-03-01");
        let mut file = progress(&[
            ("gpt-2", Status::Read, Some("2026-04-01")),
            ("gpt-3", Status::Reading, Some("2026-04-01")),
            ("lora", Status::Read, None),
            ("llama", Status::Reading, None),
            ("t5", Status::Read, Some("2026-04-01")),
            ("nope", Status::Read, None),
        ]);
        file.add_note("t5", "theirs", "2026-04-01");
        let merged = mine.merge(&file, |id| id != "nope", "2026-06-01");
        assert_eq!(mine.status("bert"), Status::Read, "a mark the file lacks is kept");
        assert_eq!(mine.notes("bert").len(), 1);
        assert_eq!(mine.status("gpt-2"), Status::Read, "a later mark in the file is taken");
        assert_eq!(mine.status("gpt-3"), Status::Read, "a later mark of mine is kept");
        assert_eq!(mine.status("lora"), Status::Skipped, "an undated mark never replaces mine");
        assert_eq!(mine.status("llama"), Status::Reading, "an unread paper takes any mark");
        assert_eq!(mine.papers["llama"].updated.as_deref(), Some("2026-06-01"));
        assert_eq!(mine.papers["t5"].updated.as_deref(), Some("2026-04-01"));
        assert!(mine.notes("t5").is_empty(), "notes are not taken");
        assert_eq!(mine.status("nope"), Status::Unread);
        assert_eq!(merged.changed.len(), 3, "{merged:?}");
        assert_eq!(merged.kept.len(), 2, "{merged:?}");
        assert_eq!((merged.untouched, merged.unknown.as_slice(), merged.notes), (1, ["nope".to_owned()].as_slice(), 1));
    }

    #[test]
    fn an_unread_mark_in_the_file_undoes_nothing() {
        let mut mine = progress(&[("bert", Status::Read, None)]);
        let mut file = Progress::default();
        file.papers
            .insert("bert".into(), crate::progress::Entry { updated: Some("2099-01-01".into()), ..Default::default() });
        let merged = mine.merge(&file, |_| true, "2026-06-01");
        assert_eq!(mine.status("bert"), Status::Read);
        assert!(merged.changed.is_empty());
        assert_eq!(merged.untouched, 1);
    }
}

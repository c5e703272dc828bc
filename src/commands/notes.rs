//! `roadmap notes`: the learner's notes, of one paper or of all, oldest first.

use serde::Serialize;

use super::Context;
use crate::catalog::Branch;
use crate::query;
use crate::render::ListFormat;
use crate::render::{Column, Record, listing};
use crate::words::Header;

/// One note with the paper it belongs to and its number on that paper.
#[derive(Debug, Serialize)]
pub struct NoteRecord<'a> {
    /// The paper's id.
    pub paper: &'a str,
    /// The note's number on its paper (what `note ID --edit N` takes).
    pub number: usize,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    /// The note, verbatim.
    pub text: &'a str,
    #[serde(skip)]
    branch: Option<Branch>,
}

impl Record for NoteRecord<'_> {
    fn id(&self) -> &str {
        self.paper
    }

    fn branch(&self) -> Option<Branch> {
        self.branch
    }
}

/// Lists the notes of the paper `id` resolves to, or every note; oldest first.
pub fn run(context: &Context, id: Option<&str>, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let only = id.map(|id| query::resolve(catalog, id)).transpose()?;
    let mut rows: Vec<NoteRecord<'_>> = Vec::new();
    for (paper, entry) in &context.progress.papers {
        if only.is_some_and(|only| only.id != *paper) {
            continue;
        }
        // Note: notes on ids that left the catalog are still the learner's; they are shown too.
        let branch = catalog.paper(paper).map(|known| catalog.branch_of(known));
        rows.extend(entry.notes.iter().enumerate().map(|(index, note)| NoteRecord {
            paper,
            number: index + 1,
            date: &note.date,
            text: &note.text,
            branch,
        }));
    }
    rows.sort_by(|a, b| a.date.cmp(b.date));
    if rows.is_empty() {
        let whose = only.map_or_else(String::new, |paper| format!(" on {}", paper.id));
        context.say_empty(&format!("no notes{whose}; add one with `roadmap note ID TEXT`"));
    }
    let columns = [
        Column { header: Header::Paper, value: |row: &NoteRecord<'_>| row.paper.to_owned() },
        Column { header: Header::Step, value: |row| row.number.to_string() },
        Column { header: Header::Date, value: |row| row.date.to_owned() },
        Column { header: Header::Note, value: |row| row.text.to_owned() },
    ];
    listing(context.list_format(format), &columns, &rows, context.look())
}

//! `roadmap note`: add, edit or delete a dated note, from the command line, a file or
//! `$VISUAL`/`$EDITOR`. A note written in the editor that cannot be saved is kept in its
//! file, which the error names (see [`crate::draft`]).

use std::path::Path;

use anyhow::{Context as _, bail};

use super::Context;
use crate::draft::{self, Draft};
use crate::output;
use crate::query;

/// What `roadmap note` does to a paper's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Append a new note.
    Add,
    /// Replace note N (1-based).
    Edit(usize),
    /// Remove note N (1-based).
    Delete(usize),
}

/// Where the note's text comes from.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// Words on the command line, joined with spaces.
    Words(&'a [String]),
    /// A file (`--file`).
    File(&'a Path),
    /// The editor.
    Editor,
}

/// Applies `change` to the paper's notes. Notes are kept verbatim.
pub fn run(context: &Context, id: &str, source: Source<'_>, change: Change) -> anyhow::Result<String> {
    let paper = query::resolve(&context.catalog, id)?;
    let store = context.store()?;
    let today = context.settings.today();
    if let Change::Delete(number) = change {
        if !matches!(source, Source::Editor) {
            bail!("--delete takes no TEXT");
        }
        let removed = store.update(|progress| Ok(progress.delete_note(&paper.id, number)?))?;
        output::message(&format!("deleted note {number} on {} (from {})", paper.id, removed.date));
        return Ok(String::new());
    }
    let save = |text: &str| -> anyhow::Result<()> {
        let note = draft::checked(text)?;
        match change {
            Change::Edit(number) => {
                store.update(|progress| Ok(progress.edit_note(&paper.id, number, &note, &today)?))?;
                output::message(&format!("edited note {number} on {}", paper.id));
            }
            _ => {
                store.update(|progress| {
                    progress.add_note(&paper.id, &note, &today);
                    Ok(())
                })?;
                output::message(&format!("noted on {}", paper.id));
            }
        }
        Ok(())
    };
    match source {
        Source::Words(words) => save(&words.join(" "))?,
        Source::File(path) => save(&draft::from_file(path)?)?,
        Source::Editor => {
            let current = match change {
                Change::Edit(number) => {
                    let notes = context.progress.notes(&paper.id);
                    let note = number.checked_sub(1).and_then(|index| notes.get(index));
                    let missing = crate::progress::NoSuchNote { id: paper.id.clone(), number, count: notes.len() };
                    note.ok_or(missing)?.text.clone()
                }
                _ => String::new(),
            };
            let editor = context
                .settings
                .editor
                .as_deref()
                .context("no note given and neither $VISUAL nor $EDITOR is set: pass the note as TEXT")?;
            Draft::write(editor, paper, &current)?.save(save)?;
        }
    }
    Ok(String::new())
}

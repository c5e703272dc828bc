//! `roadmap note`: add, edit or delete a dated note, from the command line or `$VISUAL`/`$EDITOR`.

use std::ffi::OsStr;
use std::io::Write;
use std::process::Command;

use anyhow::{Context as _, bail};

use super::{Context, describe_exit};
use crate::catalog::Paper;
use crate::catalog::model::is_unsafe_char;
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

/// Applies `change` to the paper's notes; a note's text comes from `text` (joined with
/// spaces) or, when there is none, from the editor. Notes are kept verbatim.
pub fn run(context: &Context, id: &str, text: &[String], change: Change) -> anyhow::Result<String> {
    let paper = query::resolve(&context.catalog, id)?;
    let store = context.store()?;
    let today = context.settings.today();
    if let Change::Delete(number) = change {
        if !text.is_empty() {
            bail!("--delete takes no TEXT");
        }
        let removed = store.update(|progress| Ok(progress.delete_note(&paper.id, number)?))?;
        output::message(&format!("deleted note {number} on {} (from {})", paper.id, removed.date));
        return Ok(String::new());
    }
    let note = if text.is_empty() {
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
        write_in_editor(editor, paper, &current)?
    } else {
        text.join(" ")
    };
    let note = checked(&note)?;
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
    Ok(String::new())
}

/// The note as it will be kept: verbatim, but without leading and trailing blank lines,
/// and refused when empty or carrying control characters other than line breaks and tabs.
pub(crate) fn checked(note: &str) -> anyhow::Result<String> {
    let note = note.trim_matches(|c: char| c == '\n' || c == '\r').trim_end();
    let note = note.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    if note.trim().is_empty() {
        bail!("the note is empty; nothing was saved");
    }
    if let Some(bad) = note.chars().find(|&c| is_unsafe_char(c) && c != '\n' && c != '\t') {
        bail!("the note contains the control character {}; nothing was saved", bad.escape_unicode());
    }
    Ok(note)
}

/// Everything from this line down is help for the writer and is left out of the note
/// (as git does for commit messages), so a note may itself have lines starting with `#`.
const SCISSORS: &str = "# ------------------------ >8 ------------------------";

/// Opens the editor on a temporary file holding `current` and returns what was written above
/// the scissors line.
pub(crate) fn write_in_editor(editor: &OsStr, paper: &Paper, current: &str) -> anyhow::Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix("roadmap-note-")
        .suffix(".md")
        .tempfile()
        .context("cannot create a temporary file for the note")?;
    writeln!(
        file,
        "{current}\n\n{SCISSORS}\n# Your note on {} ({}).\n# Everything from the line above down is left out; \
         save an empty note to cancel.",
        paper.id, paper.title
    )
    .context("cannot write the note template")?;
    let editor_text = editor.to_string_lossy();
    let words = shell_words::split(&editor_text)
        .with_context(|| format!("cannot split the editor command '{editor_text}' into words"))?;
    let (program, arguments) =
        words.split_first().with_context(|| format!("the editor command '{editor_text}' is blank"))?;
    let status = Command::new(program)
        .args(arguments)
        .arg(file.path())
        .status()
        .with_context(|| format!("cannot run the editor '{editor_text}'"))?;
    if !status.success() {
        bail!("the editor '{editor_text}' {}; nothing was saved", describe_exit(status));
    }
    let written = std::fs::read_to_string(file.path()).context("cannot read the note back")?;
    Ok(match written.find(SCISSORS) {
        Some(end) => written[..end].to_owned(),
        None => written,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_their_lines_and_hashes() {
        let note = checked("\n# Heading\n\n- point one  \n- point two\n\n").unwrap();
        assert_eq!(note, "# Heading\n\n- point one\n- point two");
    }

    #[test]
    fn empty_notes_and_escape_sequences_are_refused() {
        assert!(checked(" \n\n ").is_err());
        assert!(checked("red \u{1b}[31m").is_err());
        assert!(checked("tab\tseparated").is_ok());
    }
}

//! `roadmap note`: append a dated note to a paper, from the command line or `$EDITOR`.

use std::ffi::OsStr;
use std::io::Write;
use std::process::Command;

use anyhow::{Context as _, bail};

use super::Context;
use crate::catalog::Paper;
use crate::catalog::model::is_unsafe_char;
use crate::output;
use crate::progress;
use crate::query;

/// Appends `text` (or what the user writes in `$EDITOR`) to the paper's notes.
pub fn run(context: &Context, id: &str, text: &[String]) -> anyhow::Result<String> {
    let paper = query::resolve(&context.catalog, id)?;
    let store = context.store()?;
    let note = if text.is_empty() {
        let editor = context
            .settings
            .editor
            .as_deref()
            .context("no note given and $EDITOR is not set: pass the note as TEXT")?;
        write_in_editor(editor, paper)?
    } else {
        text.join(" ")
    };
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if note.is_empty() {
        bail!("the note is empty; nothing was saved");
    }
    if let Some(bad) = note.chars().find(|&c| is_unsafe_char(c)) {
        bail!("the note contains the control character {}; nothing was saved", bad.escape_unicode());
    }
    let today = progress::today();
    store.update(|progress| progress.add_note(&paper.id, &note, &today))?;
    output::message(&format!("noted on {}", paper.id));
    Ok(String::new())
}

const TEMPLATE_MARK: &str = "#";

/// Opens `$EDITOR` on a temporary file and returns what was written, without comment lines.
fn write_in_editor(editor: &OsStr, paper: &Paper) -> anyhow::Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix("roadmap-note-")
        .suffix(".md")
        .tempfile()
        .context("cannot create a temporary file for the note")?;
    writeln!(
        file,
        "\n{TEMPLATE_MARK} Your note on {} ({}). Lines starting with '{TEMPLATE_MARK}' are left out.",
        paper.id, paper.title
    )
    .context("cannot write the note template")?;
    // Note: $EDITOR may carry arguments ("code --wait"), so it is split on whitespace.
    let editor_text = editor.to_string_lossy();
    let mut words = editor_text.split_whitespace();
    let program = words.next().context("$EDITOR is blank")?;
    let status = Command::new(program)
        .args(words)
        .arg(file.path())
        .status()
        .with_context(|| format!("cannot run $EDITOR '{editor_text}'"))?;
    if !status.success() {
        bail!("$EDITOR '{editor_text}' failed ({status}); nothing was saved");
    }
    let written = std::fs::read_to_string(file.path()).context("cannot read the note back")?;
    Ok(written.lines().filter(|line| !line.starts_with(TEMPLATE_MARK)).collect::<Vec<_>>().join("\n"))
}

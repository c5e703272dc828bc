//! Text a person writes in the editor (a note, an entry for `roadmap add`): the editor's
//! template with its cut line, the rules a note's text must meet, and the promise that what
//! was typed is never lost. When it cannot be saved (refused text, a full disk, a progress
//! file gone bad meanwhile), the editor's file is kept and the error names it, as git keeps
//! COMMIT_EDITMSG.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};
use tempfile::NamedTempFile;

use crate::catalog::Paper;
use crate::catalog::model::is_unsafe_char;
use crate::catalog::read::{self, LIMIT};
use crate::launch;
use crate::text::sanitize;

/// Everything from this line down is help for the writer and is left out of the note
/// (as git does for commit messages), so a note may itself have lines starting with `#`.
const SCISSORS: &str = "# ------------------------ >8 ------------------------";

/// The note as it will be kept: verbatim, but without leading and trailing blank lines,
/// and refused when empty or carrying control characters other than line breaks and tabs
/// (the refusal says which character, on which line and column).
pub fn checked(note: &str) -> anyhow::Result<String> {
    let note = note.trim_matches(|c: char| c == '\n' || c == '\r').trim_end();
    let note = note.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    if note.trim().is_empty() {
        bail!("the note is empty; nothing was saved");
    }
    if let Some((line, column, bad)) = first_refused(&note) {
        bail!("the note holds the control character {} at line {line}, column {column}", bad.escape_unicode());
    }
    Ok(note)
}

/// The first character a note may not hold, with its 1-based line and column.
pub fn first_refused(text: &str) -> Option<(usize, usize, char)> {
    text.lines().enumerate().find_map(|(line, content)| {
        content
            .chars()
            .enumerate()
            .find(|&(_, c)| is_unsafe_char(c) && c != '\t')
            .map(|(column, c)| (line + 1, column + 1, c))
    })
}

/// What the writer put above the cut line.
fn above_cut(written: &str) -> &str {
    written.find(SCISSORS).map_or(written, |end| &written[..end])
}

/// Whether `written` holds more below its cut line than the template's `help` put there.
fn added_below_cut(written: &str, help: &str) -> bool {
    written.find(SCISSORS).is_some_and(|start| written[start + SCISSORS.len()..].trim() != help.trim())
}

/// A note's text from a file (`roadmap note ID --file PATH`): a kept draft or any text file,
/// read within the input limit, the cut line and what follows it left out.
pub fn from_file(path: &Path) -> anyhow::Result<String> {
    let shown = sanitize(&path.to_string_lossy()).into_owned();
    let bytes = read::read(path, LIMIT).map_err(|error| anyhow::anyhow!("'{shown}' {error}"))?;
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("'{shown}' is not UTF-8 text"))?;
    Ok(above_cut(&text).to_owned())
}

/// What the editor is opened on: a file named `prefix…suffix` holding `body` above the cut
/// line and `help` (lines starting `#`) below it; `what` names the text in messages
/// ("note", "entry") and `retry`, when given, is the command that takes the kept file once
/// fixed (its path is added at the end).
pub struct Template<'a> {
    pub prefix: String,
    pub suffix: &'a str,
    pub body: &'a str,
    pub help: String,
    pub what: &'static str,
    pub retry: Option<String>,
}

/// Text written in the editor, still in its file until it is saved.
pub struct Draft {
    file: NamedTempFile,
    /// The text's name in messages.
    what: &'static str,
    /// The command that takes the kept file once fixed, without the path.
    retry: Option<String>,
    /// What the writer put above the cut line.
    pub text: String,
    /// Whether text was added below the cut line (where it is left out), to say so when
    /// nothing is above it.
    below_cut: bool,
}

impl Draft {
    /// Opens `editor` on a note about `paper`, holding `current` (empty for a new note) above
    /// the cut line and a few lines of help below it, and reads back what the writer left.
    pub fn write(editor: &OsStr, paper: &Paper, current: &str) -> anyhow::Result<Draft> {
        let help = format!(
            "# Your note on {} ({}).\n# Write above the cut line (the `>8` line above this help): everything from \
             the cut line down, this help included, is left out. Save an empty note to cancel.",
            paper.id,
            sanitize(&paper.title)
        );
        Draft::edit(
            editor,
            &Template {
                prefix: format!("roadmap-note-{}-", paper.id),
                suffix: ".md",
                body: current,
                help,
                what: "note",
                retry: Some(format!("roadmap note {} --file ", paper.id)),
            },
        )
    }

    /// Opens `editor` on `template` and reads back what the writer left above the cut line.
    /// An editor that fails is an error; what was typed before it failed is kept.
    pub fn edit(editor: &OsStr, template: &Template<'_>) -> anyhow::Result<Draft> {
        let what = template.what;
        let mut file = tempfile::Builder::new()
            .prefix(&template.prefix)
            .suffix(template.suffix)
            .tempfile()
            .with_context(|| format!("cannot create a file for the {what}"))?;
        writeln!(file, "{}\n\n{SCISSORS}\n{}", template.body, template.help)
            .with_context(|| format!("cannot write the {what}'s template"))?;
        let edited = launch::edit(editor, file.path());
        let whole = std::fs::read_to_string(file.path());
        let below_cut = whole.as_deref().is_ok_and(|whole| added_below_cut(whole, &template.help));
        let written = whole.map(|written| above_cut(&written).to_owned());
        let draft = Draft {
            file,
            what,
            retry: template.retry.clone(),
            text: written.as_deref().unwrap_or_default().to_owned(),
            below_cut,
        };
        let typed = written.as_ref().is_ok_and(|text| text.trim() != template.body.trim());
        match (edited, written) {
            (Ok(()), Ok(_)) => Ok(draft),
            (Err(error), _) if !typed => Err(anyhow::anyhow!("{error:#}; nothing was saved")),
            (Err(error), _) => Err(draft.keep(&error)),
            (Ok(()), Err(error)) => {
                Err(draft.keep(&anyhow::Error::new(error).context(format!("cannot read the {what} back"))))
            }
        }
    }

    /// Saves the draft's text through `save` (which checks it and writes it); on any failure
    /// the draft's file is kept and the error says where and how to add it once fixed.
    pub fn save<T>(self, save: impl FnOnce(&str) -> anyhow::Result<T>) -> anyhow::Result<T> {
        if self.text.trim().is_empty() && self.below_cut {
            let what = self.what;
            let error = anyhow::anyhow!(
                "the {what} is empty above the cut line ({SCISSORS}): what was written below it is left out, \
                 as everything from that line down is; write above it"
            );
            return Err(self.keep(&error));
        }
        if self.text.trim().is_empty() {
            return save(&self.text);
        }
        match save(&self.text) {
            Ok(saved) => Ok(saved),
            Err(error) => Err(self.keep(&error)),
        }
    }

    /// Keeps the file (it is no longer deleted) and says after `error` where it is.
    fn keep(self, error: &anyhow::Error) -> anyhow::Error {
        let what = self.what;
        match self.file.keep() {
            Ok((_, path)) => {
                let path = sanitize(&path.to_string_lossy()).into_owned();
                let retry = self.retry.map(|retry| format!("; `{retry}{path}` adds it once fixed")).unwrap_or_default();
                anyhow::anyhow!("{error:#}; nothing was saved.\nYour {what} is kept in {path}{retry}")
            }
            Err(kept) => {
                anyhow::anyhow!("{error:#}; nothing was saved, and the {what} could not be kept: {}", kept.error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_their_lines_and_hashes() {
        let note = checked("\n# Heading\n\n- point one  \n- point two\n\n").expect("a fine note");
        assert_eq!(note, "# Heading\n\n- point one\n- point two");
    }

    #[test]
    fn empty_notes_and_escape_sequences_are_refused_saying_where() {
        assert!(checked(" \n\n ").is_err());
        let error = checked("fine\nred \u{1b}[31m").expect_err("an escape");
        assert_eq!(error.to_string(), "the note holds the control character \\u{1b} at line 2, column 5");
        assert!(checked("tab\tseparated").is_ok());
    }

    #[test]
    fn the_cut_line_and_what_follows_are_left_out() {
        assert_eq!(above_cut(&format!("mine\n{SCISSORS}\n# help")), "mine\n");
        assert_eq!(above_cut("no cut line"), "no cut line");
        assert!(!added_below_cut(&format!("\n\n{SCISSORS}\n# help\n"), "# help"));
        assert!(added_below_cut(&format!("\n\n{SCISSORS}\n# help\nmy note\n"), "# help"));
        assert!(!added_below_cut("no cut line at all", "# help"));
    }
}

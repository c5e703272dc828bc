//! `roadmap export --format notes -o DIR`: writes the Markdown notes and their index, each
//! file atomically, keeping what the learner wrote below each note's marker.

use std::path::Path;

use anyhow::Context as _;

use crate::atomic::{self, NewFile};
use crate::render::obsidian::{INDEX, Vault, learner_part};

/// What a notes export did.
pub struct Written {
    /// Paper notes written (the index not counted).
    pub notes: usize,
    /// Files whose learner's part was kept (it was not empty).
    pub kept: usize,
    /// Files that had no marker: their whole old text was kept below the new one.
    pub adopted: usize,
}

/// Writes every note of `vault` and the index into `directory` (created if missing).
pub fn write(directory: &Path, vault: &Vault<'_>) -> anyhow::Result<Written> {
    std::fs::create_dir_all(directory)
        .with_context(|| format!("cannot create the directory '{}'", directory.display()))?;
    let notes = vault.notes();
    let count = notes.len();
    // Every old note is read before anything is written, so a note that cannot be read (a
    // directory, a pipe, no permission) stops the export with nothing changed.
    let mut files = Vec::with_capacity(count + 1);
    for (name, generated) in notes.into_iter().chain([(INDEX.to_owned(), vault.index())]) {
        let path = directory.join(&name);
        let old = read_old(&path)?;
        files.push((path, generated, old));
    }
    let mut written = Written { notes: count, kept: 0, adopted: 0 };
    for (path, generated, old) in files {
        let (mine, marked) = learner_part(&old);
        if !mine.trim().is_empty() {
            written.kept += 1;
            written.adopted += usize::from(!marked);
        }
        let text = format!("{generated}{mine}");
        atomic::write(&path, text.as_bytes(), NewFile::Shared)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    Ok(written)
}

/// The note already at `path` (empty when there is none); something other than a regular
/// file there is an error rather than something to read (a pipe would never end).
fn read_old(path: &Path) -> anyhow::Result<String> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(String::new()),
        Err(error) => return Err(error).with_context(|| format!("cannot read '{}'", path.display())),
        Ok(metadata) if !metadata.is_file() => {
            anyhow::bail!("cannot write the note '{}': something that is not a file is in its place", path.display())
        }
        Ok(_) => {}
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read '{}'", path.display()))
}

//! `roadmap export`: a self-contained HTML roadmap page, to stdout or a file; or a directory
//! of Markdown notes.

use anyhow::{Context as _, bail};

use super::Context;
use crate::cli::{ExportTarget, PageOutput};
use crate::query::{self, Filter, Selection};
use crate::render::html::{self, Page};
use crate::render::obsidian::{INDEX, Vault};
use crate::{atomic, output};

/// Renders the page for the papers that pass `selection` (with the learner's notes when
/// `notes`); with `file` (other than `-`), writes it there atomically. A selection that
/// matches nothing is an error, and nothing is written. A selection by track makes a page
/// (or an index) about that track, in its order.
pub fn run(context: &Context, target: &ExportTarget, notes: bool, selection: &Selection) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    if papers.is_empty() {
        bail!("no paper matches these filters; nothing was written");
    }
    let track = selection.track.as_deref().map(|id| query::known_track(catalog, id)).transpose()?;
    let file = match target {
        ExportTarget::Page(file) => file,
        ExportTarget::Notes(directory) => {
            let vault = Vault { catalog, papers, progress: &context.progress, lang: context.settings.lang, track };
            let written = super::vault::write(directory, &vault)?;
            let kept = match (written.kept, written.adopted) {
                (0, _) => String::new(),
                (kept, 0) => format!("; kept your own text in {kept}"),
                (kept, adopted) => {
                    format!("; kept your own text in {kept} ({adopted} had no marker: all of it is below the new one)")
                }
            };
            output::message(&format!("wrote {} notes and {INDEX} to {}{kept}", written.notes, directory.display()));
            return Ok(String::new());
        }
    };
    if *file == PageOutput::Unnamed && context.settings.stdout_is_terminal {
        bail!("the page is a whole HTML file: write it with -o roadmap.html (or -o - to print it here anyway)");
    }
    let text = html::render(&Page::new(catalog, papers, &context.progress, context.settings.lang, notes, track));
    match file {
        PageOutput::Unnamed | PageOutput::Stdout => Ok(text),
        PageOutput::File(file) => {
            atomic::write(file, text.as_bytes(), atomic::NewFile::Shared)
                .with_context(|| format!("cannot write '{}'", file.display()))?;
            output::message(&format!("wrote {}", file.display()));
            Ok(String::new())
        }
    }
}

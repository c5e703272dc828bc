//! `roadmap export`: a self-contained HTML roadmap page, to stdout or a file.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::Context;
use crate::query::{Filter, Selection};
use crate::render::ExportFormat;
use crate::render::html::{self, Page};
use crate::{atomic, output};

/// Renders the page for the papers that pass `selection` (with the learner's notes when
/// `notes`); with `file` (other than `-`), writes it there atomically. A selection that
/// matches nothing is an error, and nothing is written.
pub fn run(
    context: &Context,
    format: ExportFormat,
    file: Option<&Path>,
    notes: bool,
    selection: &Selection,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    if papers.is_empty() {
        bail!("no paper matches these filters; nothing was written");
    }
    let text = match format {
        ExportFormat::Html => {
            html::render(&Page::new(catalog, papers, &context.progress, context.settings.lang, notes))
        }
    };
    match file {
        None => Ok(text),
        Some(file) if file.as_os_str() == "-" => Ok(text),
        Some(file) => {
            atomic::write(file, text.as_bytes(), atomic::NewFile::Shared)
                .with_context(|| format!("cannot write '{}'", file.display()))?;
            output::message(&format!("wrote {}", file.display()));
            Ok(String::new())
        }
    }
}

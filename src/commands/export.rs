//! `roadmap export`: a self-contained HTML roadmap page, to stdout or a file.

use std::path::Path;

use anyhow::Context as _;

use super::Context;
use crate::output;
use crate::query::Filter;
use crate::query::Selection;
use crate::render::ExportFormat;
use crate::render::html::{self, Page};
use crate::tally;

/// Renders the page for the papers that pass `filters`; with `file`, writes it there.
pub fn run(
    context: &Context,
    format: ExportFormat,
    file: Option<&Path>,
    selection: &Selection,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    let text = match format {
        ExportFormat::Html => {
            let tallies = tally::by_family(catalog, &papers, &context.progress);
            html::render(&Page { catalog, papers, progress: &context.progress, tallies, lang: context.settings.lang })
        }
    };
    match file {
        None => Ok(text),
        Some(file) => {
            std::fs::write(file, text).with_context(|| format!("cannot write '{}'", file.display()))?;
            output::message(&format!("wrote {}", file.display()));
            Ok(String::new())
        }
    }
}

//! `roadmap search`: ranked full-text search.

use anyhow::bail;

use super::Context;
use crate::catalog::Paper;
use crate::cli::ListOutput;
use crate::query::{self, Filter, Selection};

/// Lists the papers matching every word of `query`, best first; no match is an error (exit 1,
/// as grep), which says when the filters, not the words, left nothing.
pub fn run(context: &Context, query: &[String], selection: &Selection, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let candidates = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    let text = query.join(" ");
    let hits: Vec<&Paper> =
        query::search(&candidates, &text, &catalog.translations()).into_iter().map(|hit| hit.paper).collect();
    if hits.is_empty() {
        let everywhere = if candidates.len() < catalog.papers.len() {
            let all: Vec<&Paper> = catalog.papers.iter().collect();
            query::search(&all, &text, &catalog.translations()).len()
        } else {
            0
        };
        match everywhere {
            0 => bail!("no paper matches '{text}'"),
            1 => bail!("no paper matches '{text}' within these filters (1 paper matches without them)"),
            count => bail!("no paper matches '{text}' within these filters ({count} papers match without them)"),
        }
    }
    context.paper_listing(&hits, output.format, &output.columns, false)
}

//! `roadmap search`: ranked full-text search.

use anyhow::bail;

use super::Context;
use crate::catalog::Paper;
use crate::cli::{Filters, ListFormat};
use crate::query::{self, Filter};

/// Lists the papers matching every word of `query`, best first; no match is an error (exit 1, as grep).
pub fn run(
    context: &Context,
    query: &[String],
    filters: &Filters,
    format: Option<ListFormat>,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let candidates = Filter::new(filters, catalog, &context.progress)?.apply(catalog);
    let text = query.join(" ");
    let hits: Vec<&Paper> = query::search(&candidates, &text).into_iter().map(|hit| hit.paper).collect();
    if hits.is_empty() {
        bail!("no paper matches '{text}'");
    }
    context.paper_listing(&hits, format, false)
}

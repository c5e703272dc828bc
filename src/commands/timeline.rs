//! `roadmap timeline`: the filtered papers by year.

use super::Context;
use crate::cli::Filters;
use crate::query::Filter;
use crate::render::timeline;

/// Renders the papers that pass `filters` as a timeline.
pub fn run(context: &Context, filters: &Filters) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(filters, catalog, &context.progress)?.apply(catalog);
    Ok(timeline::render(catalog, &context.progress, &papers, context.look()))
}

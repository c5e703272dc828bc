//! `roadmap timeline`: the filtered papers by year.

use super::Context;
use crate::query::Filter;
use crate::query::Selection;
use crate::render::timeline;

/// Renders the papers that pass `filters` as a timeline.
pub fn run(context: &Context, selection: &Selection) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    Ok(timeline::render(catalog, &context.progress, &papers, context.look()))
}

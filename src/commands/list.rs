//! `roadmap list`: papers matching the filters, in a listing format.

use super::Context;
use crate::cli::ListOutput;
use crate::query::{self, Filter, Selection, SortKey};

/// Lists the papers that pass `selection`, sorted by `sort`.
pub fn run(context: &Context, selection: &Selection, sort: SortKey, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    query::sort(catalog, &mut papers, sort);
    context.paper_listing(&papers, output.format, &output.columns, false)
}

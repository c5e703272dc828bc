//! `roadmap list`: papers matching the filters, in a listing format.

use super::Context;
use crate::cli::{Filters, ListFormat, SortKey};
use crate::query::{self, Filter};

/// Lists the papers that pass `filters`, sorted by `sort`.
pub fn run(context: &Context, filters: &Filters, sort: SortKey, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut papers = Filter::new(filters, catalog, &context.progress)?.apply(catalog);
    query::sort(catalog, &mut papers, sort);
    context.paper_listing(&papers, format, false)
}

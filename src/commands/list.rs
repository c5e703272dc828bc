//! `roadmap list`: papers matching the filters, in a listing format.

use super::Context;
use crate::cli::{Filters, ListFormat, SortKey};
use crate::query::{self, Filter};
use crate::render::columns::{PaperRecord, paper_columns};
use crate::render::listing;

/// Lists the papers that pass `filters`, sorted by `sort`.
pub fn run(context: &Context, filters: &Filters, sort: SortKey, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut papers = Filter::new(filters, catalog)?.apply(catalog);
    query::sort(catalog, &mut papers, sort);
    let rows: Vec<PaperRecord<'_>> = papers.into_iter().map(|paper| PaperRecord::new(catalog, paper)).collect();
    listing(context.list_format(format), &paper_columns(), &rows, context.look())
}

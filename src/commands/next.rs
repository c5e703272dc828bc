//! `roadmap next`: the papers whose prerequisites are all read.

use super::Context;
use crate::cli::{Filters, ListFormat};
use crate::lineage::Lineage;
use crate::query::Filter;

/// Lists unread papers whose prerequisites are all read and that pass `filters`, oldest first.
pub fn run(context: &Context, filters: &Filters, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let filter = Filter::new(filters, catalog, &context.progress)?;
    let mut papers = Lineage::new(catalog).next(&context.progress);
    papers.retain(|paper| filter.matches(catalog, paper));
    context.paper_listing(&papers, format, false)
}

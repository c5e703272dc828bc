//! `roadmap next`: the papers whose prerequisites are all read.

use super::Context;
use crate::cli::ListOutput;
use crate::lineage::Lineage;
use crate::query::{Filter, Selection};

/// Lists unread papers whose prerequisites are all read and that pass `selection`, oldest first.
pub fn run(context: &Context, selection: &Selection, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let filter = Filter::new(selection, catalog, &context.progress)?;
    let mut papers = Lineage::new(catalog).next(&context.progress);
    papers.retain(|paper| filter.matches(catalog, paper));
    context.paper_listing(&papers, output.format, &output.columns, false)
}

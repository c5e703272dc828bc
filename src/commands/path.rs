//! `roadmap path`: what to read before a paper, in order, then the paper.

use super::Context;
use crate::cli::ListOutput;
use crate::lineage::Lineage;
use crate::progress::Status;
use crate::query;

/// Lists the reading path to `id`, numbered in tables; `unread` leaves out what is read.
pub fn run(context: &Context, id: &str, unread: bool, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let paper = query::resolve(catalog, id)?;
    let mut path = Lineage::new(catalog).path(paper);
    if unread {
        path.retain(|step| context.progress.status(&step.id) != Status::Read);
    }
    context.paper_listing(&path, output.format, &output.columns, true)
}

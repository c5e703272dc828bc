//! `roadmap path`: what to read before a paper, in order, then the paper; or the papers on
//! the way from one paper to a later one.

use anyhow::bail;

use super::Context;
use crate::cli::ListOutput;
use crate::lineage::Lineage;
use crate::progress::Status;
use crate::query;

/// Lists the reading path to `id` (from `id` to `to` when given), numbered in tables;
/// `unread` leaves out what is read.
pub fn run(context: &Context, id: &str, to: Option<&str>, unread: bool, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let paper = query::resolve(catalog, id)?;
    let lineage = Lineage::new(catalog);
    let mut path = match to {
        None => lineage.path(paper),
        Some(to) => {
            let last = query::resolve(catalog, to)?;
            match (lineage.between(paper, last), lineage.between(last, paper)) {
                (Some(path), _) => path,
                (None, Some(_)) => bail!(
                    "{} builds on {}, not the other way: try `roadmap path {} {}`",
                    paper.id,
                    last.id,
                    last.id,
                    paper.id
                ),
                (None, None) => bail!("neither {} nor {} builds on the other, even indirectly", paper.id, last.id),
            }
        }
    };
    if unread {
        path.retain(|step| context.progress.status(&step.id) != Status::Read);
    }
    context.paper_listing(&path, output.format, &output.columns, true)
}

//! `roadmap mark`: record reading progress.

use super::Context;
use crate::output;
use crate::progress::{self, Status};
use crate::query;

/// Sets `status` on every paper (all ids are resolved before anything is written).
pub fn run(context: &Context, ids: &[String], status: Status) -> anyhow::Result<String> {
    let papers = ids.iter().map(|id| query::resolve(&context.catalog, id)).collect::<Result<Vec<_>, _>>()?;
    let today = progress::today();
    context.store()?.update(|progress| {
        for paper in &papers {
            progress.set_status(&paper.id, status, &today);
        }
    })?;
    let marked: Vec<&str> = papers.iter().map(|paper| paper.id.as_str()).collect();
    output::message(&format!("marked {} {}", marked.join(", "), status.as_str()));
    Ok(String::new())
}

//! `roadmap mark`: record reading progress.

use super::Context;
use crate::output;
use crate::progress::Status;
use crate::query;

/// Sets `status` on every paper (all ids are resolved before anything is written; an id
/// given twice, or two names of one paper, count once).
pub fn run(context: &Context, ids: &[String], status: Status) -> anyhow::Result<String> {
    let mut papers = Vec::with_capacity(ids.len());
    for id in ids {
        let paper = query::resolve(&context.catalog, id)?;
        if !papers.iter().any(|known: &&crate::catalog::Paper| known.id == paper.id) {
            papers.push(paper);
        }
    }
    let today = context.settings.today();
    context.store()?.update(|progress| {
        for paper in &papers {
            progress.set_status(&paper.id, status, &today);
        }
        Ok(())
    })?;
    let marked: Vec<&str> = papers.iter().map(|paper| paper.id.as_str()).collect();
    output::message(&format!("marked {} {}", marked.join(", "), status.as_str()));
    Ok(String::new())
}

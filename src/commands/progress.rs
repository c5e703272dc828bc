//! `roadmap progress`: a bar per family and the total.

use super::Context;
use crate::cli::ListFormat;
use crate::progress::Status;
use crate::render::progress::{FamilyProgress, render_bars, render_plain};

/// Counts read and reading papers per family; bars on a terminal, tab-separated in a pipe.
pub fn run(context: &Context) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let count = |family: Option<&str>, status: Status| {
        catalog
            .papers
            .iter()
            .filter(|paper| {
                family.is_none_or(|family| paper.family == family) && context.progress.status(&paper.id) == status
            })
            .count()
    };
    let mut rows: Vec<FamilyProgress<'_>> = catalog
        .families
        .iter()
        .map(|family| FamilyProgress {
            id: &family.id,
            branch: Some(family.branch),
            read: count(Some(&family.id), Status::Read),
            reading: count(Some(&family.id), Status::Reading),
            total: catalog.papers.iter().filter(|paper| paper.family == family.id).count(),
        })
        .filter(|row| row.total > 0)
        .collect();
    rows.push(FamilyProgress {
        id: "total",
        branch: None,
        read: count(None, Status::Read),
        reading: count(None, Status::Reading),
        total: catalog.papers.len(),
    });
    Ok(match context.list_format(None) {
        ListFormat::Table => render_bars(&rows, context.look()),
        _ => render_plain(&rows),
    })
}

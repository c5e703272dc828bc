//! `roadmap tree`: the evolutionary tree of the filtered papers.

use super::Context;
use crate::progress::Status;
use crate::query::Filter;
use crate::query::Selection;
use crate::render::tree::{self, Label, Year};

/// Groups the papers that pass `filters` by year and draws them by branch.
pub fn run(context: &Context, selection: &Selection) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    let mut years: Vec<Year> = Vec::new();
    for paper in papers {
        let label = Label {
            id: paper.id.clone(),
            read: context.progress.status(&paper.id) == Status::Read,
            family: catalog.families.iter().position(|family| family.id == paper.family).unwrap_or(0),
            branch: catalog.branch_of(paper),
        };
        match years.last_mut() {
            Some(year) if year.year == paper.year => year.labels.push(label),
            _ => years.push(Year { year: paper.year, labels: vec![label] }),
        }
    }
    Ok(tree::render(&years, context.look()))
}

//! `roadmap progress`: a bar per family and the total.

use super::Context;
use crate::query::{Filter, Selection};
use crate::render::progress::{FamilyProgress, columns, render_bars};
use crate::render::{ListFormat, listing};
use crate::tally;

/// Counts read and reading papers per family (of one track's papers, with `track`): bars with
/// a legend when `listing` is none, else that listing (plain text in a pipe when it names no
/// format, an aligned table with `--format table`).
pub fn run(
    context: &Context,
    listing_format: Option<Option<ListFormat>>,
    track: Option<&str>,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let selection = Selection { track: track.map(str::to_owned), ..Selection::default() };
    let papers = Filter::new(&selection, catalog, &context.progress)?.apply(catalog);
    let tallies = tally::by_family(catalog, &papers, &context.progress);
    let mut rows: Vec<FamilyProgress<'_>> = tallies
        .iter()
        .filter(|tally| tally.total > 0)
        .map(|tally| {
            let branch = Some(tally.family.branch);
            FamilyProgress::new(&tally.family.id, branch, tally.read, tally.reading, tally.skipped, tally.total)
        })
        .collect();
    let sum = |count: fn(&FamilyProgress<'_>) -> usize| rows.iter().map(count).sum::<usize>();
    let total = FamilyProgress::new(
        "total",
        None,
        sum(|row| row.read),
        sum(|row| row.reading),
        sum(|row| row.skipped),
        sum(|row| row.total),
    );
    rows.push(total);
    match listing_format {
        None => Ok(render_bars(&rows, context.look())),
        Some(format) => listing(context.list_format(format), &columns(), &rows, context.look()),
    }
}

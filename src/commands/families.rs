//! `roadmap families`: every family with its branch, paper count, progress and years, oldest first.

use super::Context;
use crate::render::columns::{FamilyRecord, family_columns};
use crate::render::{ListFormat, listing};
use crate::tally;

/// Lists families ordered by their oldest paper (families without papers last).
pub fn run(context: &Context, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers: Vec<_> = catalog.papers.iter().collect();
    let lang = context.settings.lang;
    let mut rows: Vec<FamilyRecord<'_>> = tally::by_family(catalog, &papers, &context.progress)
        .into_iter()
        .map(|tally| FamilyRecord {
            name: catalog.family_name(tally.family, lang),
            summary: catalog.family_summary(tally.family, lang),
            ..FamilyRecord::from(tally)
        })
        .collect();
    rows.sort_by_key(|row| (row.first_year.unwrap_or(u16::MAX), row.branch));
    let format = context.list_format(format);
    let with_progress = format == ListFormat::Table && !context.progress.is_empty();
    listing(format, &family_columns(with_progress), &rows, context.look())
}

//! `roadmap families`: every family with its branch, paper count, progress and years, oldest first.

use super::Context;
use crate::cli::ListFormat;
use crate::render::columns::{FamilyRecord, family_columns};
use crate::render::listing;

/// Lists families ordered by their oldest paper (families without papers last).
pub fn run(context: &Context, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut rows: Vec<FamilyRecord<'_>> =
        catalog.families.iter().map(|family| FamilyRecord::new(catalog, &context.progress, family)).collect();
    rows.sort_by_key(|row| (row.first_year.unwrap_or(u16::MAX), row.branch));
    listing(context.list_format(format), &family_columns(!context.progress.is_empty()), &rows, context.look())
}

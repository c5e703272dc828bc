//! `roadmap tags`: the tag vocabulary with aliases and paper counts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Context;
use crate::catalog::Branch;
use crate::render::{Column, ListFormat, Record, listing};
use crate::words::Header;

/// A tag with how many papers carry it.
#[derive(Debug, Serialize)]
pub struct TagRecord<'a> {
    pub id: &'a str,
    /// How many papers of the active catalogs carry it.
    pub papers: usize,
    /// Other names `--tag` accepts for it.
    pub aliases: &'a [String],
    /// What the tag covers (empty for a tag no catalog declares).
    pub summary: &'a str,
}

impl Record for TagRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Option<Branch> {
        None
    }
}

/// Lists every declared or used tag, most papers first, then by name.
pub fn run(context: &Context, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut counts: BTreeMap<&str, usize> = catalog.tags.iter().map(|tag| (tag.id.as_str(), 0)).collect();
    for tag in catalog.papers.iter().flat_map(|paper| &paper.tags) {
        *counts.entry(tag).or_default() += 1;
    }
    let mut rows: Vec<TagRecord<'_>> = counts
        .into_iter()
        .map(|(id, papers)| {
            let declared = catalog.tags.iter().find(|tag| tag.id == id);
            TagRecord {
                id,
                papers,
                aliases: declared.map_or(&[], |tag| tag.aliases.as_slice()),
                summary: declared.map_or("", |tag| tag.summary.as_str()),
            }
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.papers));
    let columns = [
        Column { header: Header::Tag, value: |row: &TagRecord<'_>| row.id.to_owned() },
        Column { header: Header::Papers, value: |row| row.papers.to_string() },
        Column { header: Header::Aliases, value: |row| row.aliases.join(",") },
        Column { header: Header::Summary, value: |row| row.summary.to_owned() },
    ];
    listing(context.list_format(format), &columns, &rows, context.look())
}

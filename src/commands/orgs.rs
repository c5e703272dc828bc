//! `roadmap orgs`: the organisations behind the papers, with paper counts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Context;
use crate::catalog::Branch;
use crate::render::{Column, ListFormat, Record, listing};
use crate::words::Header;

/// An organisation with how many papers name it.
#[derive(Debug, Serialize)]
pub struct OrgRecord<'a> {
    pub org: &'a str,
    pub papers: usize,
    /// The year of its oldest and newest paper.
    pub first_year: u16,
    pub last_year: u16,
}

impl Record for OrgRecord<'_> {
    fn id(&self) -> &str {
        self.org
    }

    fn branch(&self) -> Option<Branch> {
        None
    }
}

/// Lists every organisation named by a paper, most papers first, then by name.
pub fn run(context: &Context, format: Option<ListFormat>) -> anyhow::Result<String> {
    let mut by_org: BTreeMap<&str, OrgRecord<'_>> = BTreeMap::new();
    for paper in &context.catalog.papers {
        let Some(org) = paper.org.as_deref() else { continue };
        let row =
            by_org.entry(org).or_insert(OrgRecord { org, papers: 0, first_year: paper.year, last_year: paper.year });
        row.papers += 1;
        row.first_year = row.first_year.min(paper.year);
        row.last_year = row.last_year.max(paper.year);
    }
    let mut rows: Vec<OrgRecord<'_>> = by_org.into_values().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.papers));
    let columns = [
        Column { header: Header::Org, value: |row: &OrgRecord<'_>| row.org.to_owned() },
        Column { header: Header::Papers, value: |row| row.papers.to_string() },
        Column {
            header: Header::Years,
            value: |row| crate::render::columns::span(Some(row.first_year), Some(row.last_year)),
        },
    ];
    listing(context.list_format(format), &columns, &rows, context.look())
}

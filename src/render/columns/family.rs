//! A family as listings show it: its papers' count, years and read count, and its columns.

use serde::Serialize;

use crate::catalog::Branch;
use crate::render::{Column, Record};
use crate::tally::FamilyTally;
use crate::words::Header;

/// A family with what its papers add up to.
#[derive(Debug, Serialize)]
pub struct FamilyRecord<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub branch: Branch,
    pub summary: &'a str,
    /// Number of papers.
    pub papers: usize,
    /// Year of the oldest paper.
    pub first_year: Option<u16>,
    /// Year of the newest paper.
    pub last_year: Option<u16>,
    /// How many of its papers are read.
    pub read: usize,
}

impl<'a> From<FamilyTally<'a>> for FamilyRecord<'a> {
    fn from(tally: FamilyTally<'a>) -> FamilyRecord<'a> {
        FamilyRecord {
            id: &tally.family.id,
            name: &tally.family.name,
            branch: tally.family.branch,
            summary: &tally.family.summary,
            papers: tally.total,
            first_year: tally.first_year,
            last_year: tally.last_year,
            read: tally.read,
        }
    }
}

/// `2018–2021`, `2018`, or empty when there are no years.
pub fn span(first: Option<u16>, last: Option<u16>) -> String {
    match (first, last) {
        (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    }
}

impl Record for FamilyRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Option<Branch> {
        Some(self.branch)
    }
}

/// The columns of family listings; tables add a `read` column once any progress exists.
pub fn family_columns<'a>(with_progress: bool) -> Vec<Column<FamilyRecord<'a>>> {
    let mut columns = vec![
        Column { header: Header::Id, value: |row: &FamilyRecord<'_>| row.id.to_owned() },
        Column { header: Header::Branch, value: |row| row.branch.to_string() },
        Column { header: Header::Papers, value: |row| row.papers.to_string() },
    ];
    if with_progress {
        columns.push(Column { header: Header::Read, value: |row| row.read.to_string() });
    }
    columns.push(Column { header: Header::Years, value: |row| span(row.first_year, row.last_year) });
    columns.push(Column { header: Header::Name, value: |row| row.name.to_owned() });
    columns
}

//! The rows every listing shows, their JSON shape and their columns, defined once.

use serde::Serialize;

use super::{Column, Record};
use crate::catalog::{ArxivId, Branch, Catalog, Family, Paper};

/// A paper's links.
#[derive(Debug, Serialize)]
pub struct Links {
    /// The abstract page (or the catalog's url).
    pub abs: String,
    /// The PDF, when there is one.
    pub pdf: Option<String>,
}

/// A paper as listings and JSON show it: the catalog's fields plus branch and links.
#[derive(Debug, Serialize)]
pub struct PaperRecord<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Year.
    pub year: u16,
    /// Month, when known.
    pub month: Option<u8>,
    /// Family id.
    pub family: &'a str,
    /// The family's branch.
    pub branch: Branch,
    /// arXiv id.
    pub arxiv: Option<&'a str>,
    /// Catalog url.
    pub url: Option<&'a str>,
    /// Authors in order.
    pub authors: &'a [String],
    /// Whether the author list is abbreviated.
    pub et_al: bool,
    /// Organisation.
    pub org: Option<&'a str>,
    /// Venue.
    pub venue: Option<&'a str>,
    /// Code.
    pub code: Option<&'a str>,
    /// Contribution.
    pub contribution: &'a str,
    /// Focus points.
    pub focus: &'a [String],
    /// Direct prerequisites.
    pub builds_on: &'a [String],
    /// Tags.
    pub tags: &'a [String],
    /// Aliases.
    pub aliases: &'a [String],
    /// Abstract and PDF links.
    pub links: Links,
}

impl<'a> PaperRecord<'a> {
    /// The record of one paper of `catalog`.
    pub fn new(catalog: &Catalog, paper: &'a Paper) -> PaperRecord<'a> {
        PaperRecord {
            id: &paper.id,
            title: &paper.title,
            year: paper.year,
            month: paper.month,
            family: &paper.family,
            branch: catalog.branch_of(paper),
            arxiv: paper.arxiv.as_ref().map(ArxivId::as_str),
            url: paper.url.as_deref(),
            authors: &paper.authors,
            et_al: paper.et_al,
            org: paper.org.as_deref(),
            venue: paper.venue.as_deref(),
            code: paper.code.as_deref(),
            contribution: &paper.contribution,
            focus: &paper.focus,
            builds_on: &paper.builds_on,
            tags: &paper.tags,
            aliases: &paper.aliases,
            links: Links { abs: paper.abs_url(), pdf: paper.pdf_url() },
        }
    }
}

impl Record for PaperRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Branch {
        self.branch
    }
}

/// The columns of paper listings.
pub fn paper_columns<'a>() -> [Column<PaperRecord<'a>>; 4] {
    [
        Column { header: "id", value: |row| row.id.to_owned() },
        Column { header: "year", value: |row| row.year.to_string() },
        Column { header: "family", value: |row| row.family.to_owned() },
        Column { header: "title", value: |row| row.title.to_owned() },
    ]
}

/// A family with what its papers add up to.
#[derive(Debug, Serialize)]
pub struct FamilyRecord<'a> {
    /// Id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Branch.
    pub branch: Branch,
    /// Summary.
    pub summary: &'a str,
    /// Number of papers.
    pub papers: usize,
    /// Year of the oldest paper.
    pub first_year: Option<u16>,
    /// Year of the newest paper.
    pub last_year: Option<u16>,
}

impl<'a> FamilyRecord<'a> {
    /// The record of one family of `catalog`.
    pub fn new(catalog: &Catalog, family: &'a Family) -> FamilyRecord<'a> {
        let years: Vec<u16> =
            catalog.papers.iter().filter(|paper| paper.family == family.id).map(|paper| paper.year).collect();
        FamilyRecord {
            id: &family.id,
            name: &family.name,
            branch: family.branch,
            summary: &family.summary,
            papers: years.len(),
            first_year: years.iter().min().copied(),
            last_year: years.iter().max().copied(),
        }
    }

    /// `2018–2021`, `2018`, or empty for a family without papers.
    pub fn span(&self) -> String {
        match (self.first_year, self.last_year) {
            (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        }
    }
}

impl Record for FamilyRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Branch {
        self.branch
    }
}

/// The columns of family listings.
pub fn family_columns<'a>() -> [Column<FamilyRecord<'a>>; 5] {
    [
        Column { header: "id", value: |row| row.id.to_owned() },
        Column { header: "branch", value: |row| row.branch.to_string() },
        Column { header: "papers", value: |row| row.papers.to_string() },
        Column { header: "years", value: FamilyRecord::span },
        Column { header: "name", value: |row| row.name.to_owned() },
    ]
}

//! The rows every listing shows, their JSON shape and their columns, defined once.

use serde::Serialize;

use super::{Column, Record};
use crate::catalog::{ArxivId, Branch, Catalog, Family, Paper};
use crate::progress::{Progress, Status};

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
    /// Reading status.
    pub status: Status,
    /// Position in a numbered listing (1-based), when the listing is numbered.
    #[serde(skip)]
    pub step: usize,
}

impl<'a> PaperRecord<'a> {
    /// The record of one paper of `catalog`, with its status in `progress`.
    pub fn new(catalog: &Catalog, progress: &Progress, paper: &'a Paper) -> PaperRecord<'a> {
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
            status: progress.status(&paper.id),
            step: 0,
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

/// Which optional columns a paper listing shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// A leading `#` column with the row's step.
    pub numbered: bool,
    /// A `status` column (shown once any progress exists).
    pub status: bool,
}

/// The columns of paper listings: id, year, family, title, plus what `layout` adds.
pub fn paper_columns<'a>(layout: Layout) -> Vec<Column<PaperRecord<'a>>> {
    let mut columns = Vec::with_capacity(6);
    if layout.numbered {
        columns.push(Column { header: "#", value: |row: &PaperRecord<'_>| row.step.to_string() });
    }
    columns.push(Column { header: "id", value: |row| row.id.to_owned() });
    columns.push(Column { header: "year", value: |row| row.year.to_string() });
    columns.push(Column { header: "family", value: |row| row.family.to_owned() });
    if layout.status {
        columns.push(Column { header: "status", value: |row| row.status.as_str().to_owned() });
    }
    columns.push(Column { header: "title", value: |row| row.title.to_owned() });
    columns
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
    /// How many of its papers are read.
    pub read: usize,
}

impl<'a> FamilyRecord<'a> {
    /// The record of one family of `catalog`, with its progress.
    pub fn new(catalog: &Catalog, progress: &Progress, family: &'a Family) -> FamilyRecord<'a> {
        let papers: Vec<&Paper> = catalog.papers.iter().filter(|paper| paper.family == family.id).collect();
        let years: Vec<u16> = papers.iter().map(|paper| paper.year).collect();
        let read = papers.iter().filter(|paper| progress.status(&paper.id) == Status::Read).count();
        FamilyRecord {
            id: &family.id,
            name: &family.name,
            branch: family.branch,
            summary: &family.summary,
            papers: years.len(),
            first_year: years.iter().min().copied(),
            last_year: years.iter().max().copied(),
            read,
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

/// The columns of family listings; `with_progress` adds a `read` column.
pub fn family_columns<'a>(with_progress: bool) -> Vec<Column<FamilyRecord<'a>>> {
    let mut columns = vec![
        Column { header: "id", value: |row: &FamilyRecord<'_>| row.id.to_owned() },
        Column { header: "branch", value: |row| row.branch.to_string() },
        Column { header: "papers", value: |row| row.papers.to_string() },
    ];
    if with_progress {
        columns.push(Column { header: "read", value: |row| row.read.to_string() });
    }
    columns.push(Column { header: "years", value: FamilyRecord::span });
    columns.push(Column { header: "name", value: |row| row.name.to_owned() });
    columns
}

//! The rows every listing shows, their JSON shape and their columns, defined once.

mod family;

pub use family::{FamilyRecord, family_columns, span};

use serde::Serialize;

use super::{Column, Record};
use crate::catalog::{ArxivId, Branch, Catalog, Paper};
use crate::lang::Lang;
use crate::progress::{Note, Progress, Status};
use crate::words::Header;

/// A paper's links.
#[derive(Debug, Serialize)]
pub struct Links {
    /// The abstract page (or the catalog's url).
    pub abs: String,
    /// The PDF, when there is one.
    pub pdf: Option<String>,
}

/// A paper as listings and JSON show it: the catalog's fields plus branch, links, and
/// the learner's status and notes (always present in JSON, so its shape never changes).
#[derive(Debug, Serialize)]
pub struct PaperRecord<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub year: u16,
    pub month: Option<u8>,
    /// The family's id.
    pub family: &'a str,
    /// The family's branch.
    pub branch: Branch,
    /// arXiv id without version.
    pub arxiv: Option<&'a str>,
    /// The catalog's link for papers without an arXiv id.
    pub url: Option<&'a str>,
    /// Authors in order.
    pub authors: &'a [String],
    /// Whether `authors` is only the head of a longer list.
    pub et_al: bool,
    pub org: Option<&'a str>,
    pub venue: Option<&'a str>,
    pub code: Option<&'a str>,
    pub contribution: &'a str,
    pub focus: &'a [String],
    /// Ids of the papers it directly extends.
    pub builds_on: &'a [String],
    pub tags: &'a [String],
    pub aliases: &'a [String],
    /// Abstract and PDF links.
    pub links: Links,
    /// Reading status.
    pub status: Status,
    /// The learner's notes, oldest first.
    pub notes: &'a [Note],
    /// Where a search found it, a word of the query at a time (search results only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Vec<MatchRecord<'a>>>,
    /// Why `next` offers it, in the reader's language (`next` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Position in a numbered listing (1-based), when the listing is numbered.
    #[serde(skip)]
    pub step: usize,
}

/// Where one word of a search was found: the field, the letters as written, and a snippet.
#[derive(Debug, Serialize)]
pub struct MatchRecord<'a> {
    pub field: crate::query::search::Field,
    pub text: &'a str,
    pub snippet: String,
}

impl<'a> MatchRecord<'a> {
    /// The record of one word's match.
    pub fn new(why: &crate::query::search::Why<'a>) -> MatchRecord<'a> {
        MatchRecord { field: why.field, text: why.matched_text(), snippet: why.snippet(SNIPPET_REACH) }
    }
}

/// How many characters of a field a snippet shows on each side of a match.
const SNIPPET_REACH: usize = 24;

impl<'a> PaperRecord<'a> {
    /// The record of one paper of `catalog`, with its status and notes in `progress`, and its
    /// contribution and focus in `lang`.
    pub fn new(catalog: &'a Catalog, progress: &'a Progress, paper: &'a Paper, lang: Lang) -> PaperRecord<'a> {
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
            contribution: catalog.contribution(paper, lang),
            focus: catalog.focus(paper, lang),
            builds_on: &paper.builds_on,
            tags: &paper.tags,
            aliases: &paper.aliases,
            links: Links { abs: paper.abs_url(), pdf: paper.pdf_url() },
            status: progress.status(&paper.id),
            notes: progress.notes(&paper.id),
            matched: None,
            reason: None,
            step: 0,
        }
    }
}

impl Record for PaperRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Option<Branch> {
        Some(self.branch)
    }
}

/// A column a paper listing can show (`--columns`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperField {
    /// The row's position in a numbered listing (`path`).
    Step,
    Id,
    Year,
    /// `YYYY-MM`, or the year alone.
    Date,
    Family,
    Branch,
    Title,
    /// Authors joined with commas, "et al." when abbreviated.
    Authors,
    Org,
    Venue,
    Arxiv,
    /// The abstract page.
    Url,
    Pdf,
    Code,
    Status,
    Tags,
    Aliases,
    BuildsOn,
    /// How many notes the learner wrote.
    Notes,
    /// Where a search found the paper: the field and a snippet.
    Matched,
    /// Why `next` offers the paper.
    Reason,
}

impl PaperField {
    /// Every column, in the order `--columns` documents them.
    pub const ALL: [PaperField; 21] = [
        PaperField::Step,
        PaperField::Id,
        PaperField::Year,
        PaperField::Date,
        PaperField::Family,
        PaperField::Branch,
        PaperField::Title,
        PaperField::Authors,
        PaperField::Org,
        PaperField::Venue,
        PaperField::Arxiv,
        PaperField::Url,
        PaperField::Pdf,
        PaperField::Code,
        PaperField::Status,
        PaperField::Tags,
        PaperField::Aliases,
        PaperField::BuildsOn,
        PaperField::Notes,
        PaperField::Matched,
        PaperField::Reason,
    ];

    /// The column's heading.
    pub fn header(self) -> Header {
        match self {
            PaperField::Step => Header::Step,
            PaperField::Id => Header::Id,
            PaperField::Year => Header::Year,
            PaperField::Date => Header::Date,
            PaperField::Family => Header::Family,
            PaperField::Branch => Header::Branch,
            PaperField::Title => Header::Title,
            PaperField::Authors => Header::Authors,
            PaperField::Org => Header::Org,
            PaperField::Venue => Header::Venue,
            PaperField::Arxiv => Header::Arxiv,
            PaperField::Url => Header::Url,
            PaperField::Pdf => Header::Pdf,
            PaperField::Code => Header::Code,
            PaperField::Status => Header::Status,
            PaperField::Tags => Header::Tags,
            PaperField::Aliases => Header::Aliases,
            PaperField::BuildsOn => Header::BuildsOn,
            PaperField::Notes => Header::Notes,
            PaperField::Matched => Header::Matched,
            PaperField::Reason => Header::Reason,
        }
    }

    /// The column's name on the command line and in machine formats.
    pub fn as_str(self) -> &'static str {
        self.header().name()
    }

    /// What the column holds, for `--help`.
    pub fn help(self) -> &'static str {
        match self {
            PaperField::Step => "The row's position in a numbered listing (path)",
            PaperField::Id => "The paper's id",
            PaperField::Year => "Year of the first version",
            PaperField::Date => "YYYY-MM, or the year alone",
            PaperField::Family => "The family's id",
            PaperField::Branch => "The family's branch",
            PaperField::Title => "The exact title",
            PaperField::Authors => "Authors, comma-separated, \"et al.\" when abbreviated",
            PaperField::Org => "The lab or company",
            PaperField::Venue => "Where it was published",
            PaperField::Arxiv => "arXiv id",
            PaperField::Url => "The abstract page",
            PaperField::Pdf => "The PDF",
            PaperField::Code => "The official code",
            PaperField::Status => "Your reading status",
            PaperField::Tags => "Tags, comma-separated",
            PaperField::Aliases => "Other names, comma-separated",
            PaperField::BuildsOn => "Ids of the papers it extends, comma-separated",
            PaperField::Notes => "How many notes you wrote on it",
            PaperField::Matched => "Where a search found it: the field and a snippet (search only)",
            PaperField::Reason => "Why it is offered: its step in a track, what it unlocks (next only)",
        }
    }

    fn column<'a>(self) -> Column<PaperRecord<'a>> {
        let value: fn(&PaperRecord<'_>) -> String = match self {
            PaperField::Step => |row| row.step.to_string(),
            PaperField::Id => |row| row.id.to_owned(),
            PaperField::Year => |row| row.year.to_string(),
            PaperField::Date => {
                |row| row.month.map_or_else(|| row.year.to_string(), |month| format!("{}-{month:02}", row.year))
            }
            PaperField::Family => |row| row.family.to_owned(),
            PaperField::Branch => |row| row.branch.to_string(),
            PaperField::Title => |row| row.title.to_owned(),
            PaperField::Authors => |row| authors_line(row.authors, row.et_al),
            PaperField::Org => |row| row.org.unwrap_or_default().to_owned(),
            PaperField::Venue => |row| row.venue.unwrap_or_default().to_owned(),
            PaperField::Arxiv => |row| row.arxiv.unwrap_or_default().to_owned(),
            PaperField::Url => |row| row.links.abs.clone(),
            PaperField::Pdf => |row| row.links.pdf.clone().unwrap_or_default(),
            PaperField::Code => |row| row.code.unwrap_or_default().to_owned(),
            PaperField::Status => |row| row.status.as_str().to_owned(),
            PaperField::Tags => |row| row.tags.join(","),
            PaperField::Aliases => |row| row.aliases.join(","),
            PaperField::BuildsOn => |row| row.builds_on.join(","),
            PaperField::Notes => |row| row.notes.len().to_string(),
            PaperField::Matched => |row| {
                let matched = row.matched.as_deref().unwrap_or_default();
                matched
                    .iter()
                    .map(|found| format!("{}: {}", found.field.name(), found.snippet))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
            PaperField::Reason => |row| row.reason.clone().unwrap_or_default(),
        };
        Column { header: self.header(), value }
    }
}

/// Authors joined with commas, ending in "et al." when the list is abbreviated: the one
/// way every format writes an author line.
pub fn authors_line(authors: &[String], et_al: bool) -> String {
    let mut text = authors.join(", ");
    if et_al {
        text.push_str(", et al.");
    }
    text
}

/// The columns every machine format uses unless `--columns` says otherwise; they never change
/// with the learner's progress, so `roadmap list | cut -f1,4` always cuts id and title.
pub const STABLE_FIELDS: [PaperField; 4] = [PaperField::Id, PaperField::Year, PaperField::Family, PaperField::Title];

/// Which columns a paper listing shows.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// A leading `#` column with the row's step (tables only, unless chosen explicitly).
    pub numbered: bool,
    /// A `status` column (tables only, shown once any progress exists).
    pub status: bool,
    /// A `matched` column after the title (tables of search results only).
    pub matched: bool,
    /// A `reason` column before the title, which wraps beneath it on a narrow terminal
    /// (tables of `next` only).
    pub reason: bool,
    /// Columns chosen with `--columns`, which replace all of the above.
    pub chosen: Vec<PaperField>,
}

/// The columns of paper listings: `layout.chosen`, else id, year, family, title, with `#` and
/// `status` added to tables as `layout` says.
pub fn paper_columns<'a>(layout: &Layout, table: bool) -> Vec<Column<PaperRecord<'a>>> {
    if !layout.chosen.is_empty() {
        return layout.chosen.iter().map(|field| field.column()).collect();
    }
    let mut fields = Vec::with_capacity(7);
    if table && layout.numbered {
        fields.push(PaperField::Step);
    }
    fields.extend(&STABLE_FIELDS[..3]);
    if table && layout.status {
        fields.push(PaperField::Status);
    }
    if table && layout.reason {
        fields.push(PaperField::Reason);
    }
    fields.push(PaperField::Title);
    if table && layout.matched {
        fields.push(PaperField::Matched);
    }
    fields.into_iter().map(PaperField::column).collect()
}

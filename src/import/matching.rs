//! Matching library entries to papers: by arXiv id (versions ignored), then by DOI, then by
//! title with case, accents, spacing and punctuation ignored.

use std::collections::{HashMap, HashSet};

use super::Reference;
use crate::catalog::{ArxivId, Catalog, Doi, Paper};
use crate::progress::{Progress, Status};
use crate::query::normalize_title;

/// What became of one entry.
#[derive(Debug, PartialEq)]
pub enum Outcome<'a> {
    /// Found, and given the new status.
    Marked { paper: &'a Paper },
    /// Found, and already at that status (or read, which an import never undoes).
    Already { paper: &'a Paper },
    /// Found, but an earlier entry already stands for the same paper.
    Duplicate { paper: &'a Paper },
    /// No paper matches.
    Unmatched { title: Option<String>, line: usize },
    /// The title fits several papers, and nothing else tells them apart.
    Ambiguous { title: String, papers: Vec<&'a Paper>, line: usize },
}

impl<'a> Outcome<'a> {
    /// The paper the entry was found to be, if it was.
    pub fn paper(&self) -> Option<&'a Paper> {
        match self {
            Outcome::Marked { paper } | Outcome::Already { paper } | Outcome::Duplicate { paper } => Some(paper),
            Outcome::Unmatched { .. } | Outcome::Ambiguous { .. } => None,
        }
    }
}

/// The catalog indexed for matching.
pub struct Matcher<'a> {
    by_arxiv: HashMap<&'a ArxivId, &'a Paper>,
    by_title: HashMap<String, Vec<&'a Paper>>,
    /// Papers whose link is a doi.org link, by their DOI.
    by_doi: HashMap<Doi, &'a Paper>,
}

impl<'a> Matcher<'a> {
    /// Indexes `catalog`.
    pub fn new(catalog: &'a Catalog) -> Self {
        let mut by_title: HashMap<String, Vec<&Paper>> = HashMap::new();
        for paper in &catalog.papers {
            by_title.entry(normalize_title(&paper.title)).or_default().push(paper);
        }
        Matcher {
            by_arxiv: catalog.papers.iter().filter_map(|paper| paper.arxiv.as_ref().map(|id| (id, paper))).collect(),
            by_title,
            by_doi: catalog.papers.iter().filter_map(|paper| Some((paper.doi()?, paper))).collect(),
        }
    }

    /// The outcome of every reference, in order, for giving the papers `status`.
    pub fn outcomes(&self, references: &[Reference], progress: &Progress, status: Status) -> Vec<Outcome<'a>> {
        let mut found: HashSet<&str> = HashSet::new();
        references
            .iter()
            .map(|reference| match self.find(reference) {
                Found::One(paper) if !found.insert(paper.id.as_str()) => Outcome::Duplicate { paper },
                Found::One(paper) => {
                    let current = progress.status(&paper.id);
                    if current == status || current == Status::Read {
                        Outcome::Already { paper }
                    } else {
                        Outcome::Marked { paper }
                    }
                }
                Found::Several(papers) => Outcome::Ambiguous {
                    title: reference.title.clone().unwrap_or_default(),
                    papers,
                    line: reference.line,
                },
                Found::None => Outcome::Unmatched { title: reference.title.clone(), line: reference.line },
            })
            .collect()
    }

    fn find(&self, reference: &Reference) -> Found<'a> {
        // Note: an entry that names an arXiv id is that paper or none: its title may be shared.
        if let Some(id) = &reference.arxiv {
            return self.by_arxiv.get(id).map_or(Found::None, |paper| Found::One(paper));
        }
        if let Some(paper) = reference.doi.as_ref().and_then(|doi| self.by_doi.get(doi)) {
            return Found::One(paper);
        }
        let title = reference.title.as_deref().map(normalize_title).unwrap_or_default();
        match self.by_title.get(&title).map(Vec::as_slice) {
            _ if title.is_empty() => Found::None,
            Some([paper]) => Found::One(paper),
            Some(papers) if papers.len() > 1 => Found::Several(papers.to_vec()),
            _ => Found::None,
        }
    }
}

enum Found<'a> {
    One(&'a Paper),
    Several(Vec<&'a Paper>),
    None,
}

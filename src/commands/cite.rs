//! `roadmap cite`: BibTeX or BibLaTeX for papers by id, for a reading path, or for every
//! paper passing the filters.

use super::Context;
use crate::catalog::Paper;
use crate::lineage::Lineage;
use crate::query::Selection;
use crate::query::{self, Filter};
use crate::render::bibtex::{self, Style};

/// Entries for `ids` in the order given; else for the reading path to `path` (in reading
/// order) that passes `selection`; else for every paper that passes it.
pub fn run(
    context: &Context,
    ids: &[String],
    path: Option<&str>,
    selection: &Selection,
    style: Style,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers: Vec<&Paper> = if !ids.is_empty() {
        ids.iter().map(|id| query::resolve(catalog, id)).collect::<Result<_, _>>()?
    } else {
        let filter = Filter::new(selection, catalog, &context.progress)?;
        match path {
            Some(id) => {
                let paper = query::resolve(catalog, id)?;
                Lineage::new(catalog).path(paper).into_iter().filter(|step| filter.matches(catalog, step)).collect()
            }
            None => filter.apply(catalog),
        }
    };
    // Note: a paper named twice is cited once.
    let mut seen = std::collections::HashSet::new();
    let papers: Vec<&Paper> = papers.into_iter().filter(|paper| seen.insert(paper.id.as_str())).collect();
    Ok(bibtex::render(&papers, &bibtex::catalog_keys(catalog), style))
}

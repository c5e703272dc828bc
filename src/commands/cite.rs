//! `roadmap cite`: BibTeX for papers by id, or for every paper passing the filters.

use super::Context;
use crate::catalog::Paper;
use crate::query::Selection;
use crate::query::{self, Filter};
use crate::render::bibtex;

/// BibTeX entries for `ids` in the order given, or with `all` for every filtered paper.
pub fn run(context: &Context, ids: &[String], all: bool, selection: &Selection) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers: Vec<&Paper> = if all {
        Filter::new(selection, catalog, &context.progress)?.apply(catalog)
    } else {
        ids.iter().map(|id| query::resolve(catalog, id)).collect::<Result<_, _>>()?
    };
    Ok(bibtex::render(&papers))
}

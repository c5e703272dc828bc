//! The links the page's tree draws among the papers on it: each newer paper to what it
//! builds on, directly or through papers left off the page, and which style each takes.
//! The exporter's tree (tree.rs) and the script's data (tree_data.rs) both draw these.

use crate::catalog::Paper;
use crate::lineage::Lineage;

use super::Page;

/// One drawn link: the newer paper builds on the older, directly or through papers that are
/// not on the page.
pub struct Link<'a> {
    pub parent: &'a Paper,
    pub child: &'a Paper,
    pub direct: bool,
}

impl Link<'_> {
    /// Whether the link is the child's main line: direct, to the first paper it builds on.
    pub fn main(&self) -> bool {
        self.direct && self.child.builds_on.first().is_some_and(|first| *first == self.parent.id)
    }

    /// Its classes: one style per meaning.
    pub fn class(&self) -> &'static str {
        match (self.direct, self.main()) {
            (false, _) => "edge indirect",
            (true, true) => "edge main",
            (true, false) => "edge other",
        }
    }
}

/// The links among the page's papers, through papers left off the page where needed.
pub fn links<'a>(page: &Page<'a>) -> Vec<Link<'a>> {
    let lineage = Lineage::new(page.catalog);
    let mut kept = vec![false; page.catalog.papers.len()];
    for paper in &page.papers {
        kept[lineage.position(paper)] = true;
    }
    let mut nearest = lineage.nearest_kept(&kept);
    page.papers
        .iter()
        .flat_map(|&child| {
            std::mem::take(&mut nearest[lineage.position(child)]).into_iter().map(move |(parent, direct)| Link {
                parent,
                child,
                direct,
            })
        })
        .collect()
}

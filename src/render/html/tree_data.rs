//! What the page's script needs to draw the tree of the papers shown (layout.js, a port of
//! layout.rs and route.rs that the page tests hold to them): the sizes, the branches, each
//! paper's branch, year, place in the catalog and status, and each link as drawn.

use std::collections::HashMap;

use serde::Serialize;

use super::Page;
use super::layout;
use super::links::Link;
use super::route::{LANE_STEP, LANES, RADIUS};
use crate::catalog::Branch;
use crate::lineage::Lineage;

/// The JSON the script reads.
#[derive(Serialize)]
struct TreeData<'a> {
    /// node width and height, slot, row, year and branch gaps, axis, header, widest tree,
    /// lanes, lane step, corner radius.
    sizes: [i64; 12],
    /// Every branch in the tree's order: its class and its name in the page's language.
    branches: Vec<(&'static str, &'static str)>,
    /// Per paper, in the page's order: id, branch (index in `branches`), year, place in the
    /// catalog (links are ordered by it), and the exporter's status of it.
    papers: Vec<(&'a str, usize, u16, usize, &'static str)>,
    /// Per paper, in the page's order: its links as drawn (parent's index in `papers`,
    /// direct, main line).
    links: Vec<Vec<(usize, bool, bool)>>,
    /// The most papers the script's tree shows (the best of those found).
    most: usize,
}

/// The most papers the page's tree shows: a page with more shows the best of those found
/// (at first, its oldest), so that no keystroke lays out thousands of boxes.
pub const TREE_MOST: usize = 400;

/// The tree's data as a `<script type="application/json">` element.
pub fn write(out: &mut String, page: &Page<'_>, links: &[Link<'_>]) {
    let lineage = Lineage::new(page.catalog);
    let index: HashMap<&str, usize> =
        page.papers.iter().enumerate().map(|(index, paper)| (paper.id.as_str(), index)).collect();
    let papers = page
        .papers
        .iter()
        .map(|paper| {
            let branch = page.catalog.branch_of(paper);
            let place = Branch::ALL.iter().position(|one| *one == branch).expect("Branch::ALL holds every branch");
            (paper.id.as_str(), place, paper.year, lineage.position(paper), page.progress.status(&paper.id).as_str())
        })
        .collect();
    let mut drawn = vec![Vec::new(); page.papers.len()];
    for link in links {
        if let (Some(&child), Some(&parent)) = (index.get(link.child.id.as_str()), index.get(link.parent.id.as_str())) {
            drawn[child].push((parent, link.direct, link.main()));
        }
    }
    let data = TreeData {
        sizes: [
            layout::NODE_WIDTH.into(),
            layout::NODE_HEIGHT.into(),
            layout::SLOT_GAP.into(),
            layout::ROW_GAP.into(),
            layout::YEAR_GAP.into(),
            layout::BRANCH_GAP.into(),
            layout::AXIS.into(),
            layout::HEADER.into(),
            layout::MAX_WIDTH.into(),
            i64::try_from(LANES).unwrap_or(1),
            LANE_STEP.into(),
            RADIUS.into(),
        ],
        branches: Branch::ALL.iter().map(|branch| (branch.as_str(), (page.words.branch)(*branch))).collect(),
        papers,
        links: drawn,
        most: TREE_MOST,
    };
    let json = crate::render::json::compact(&data).expect("the tree data is plain strings and numbers");
    out.push_str("<script type=\"application/json\" id=\"tree-data\">");
    out.push_str(&json.replace('<', "\\u003c"));
    out.push_str("</script>\n");
}

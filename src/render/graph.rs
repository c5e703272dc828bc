//! What both graph languages draw: families as clusters, papers as nodes, `builds_on` as edges.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, Family, Paper};
use crate::progress::{Progress, Status};
use crate::text::sanitize;

/// A lineage graph restricted to a set of papers.
pub struct GraphView<'a> {
    /// Each family with the node numbers of its included papers, in catalog order.
    pub clusters: Vec<(&'a Family, Vec<usize>)>,
    /// `(from, to)` positions into `papers`: `to` builds on `from`.
    pub edges: Vec<(usize, usize)>,
    /// Every included paper; node numbers are positions here.
    pub papers: Vec<&'a Paper>,
    /// Positions of papers that are read.
    pub read: HashSet<usize>,
    /// The position of the paper a focused graph is drawn around.
    pub focus: Option<usize>,
}

impl<'a> GraphView<'a> {
    /// The graph of `papers`: edges whose ends are both included.
    pub fn new(catalog: &'a Catalog, progress: &Progress, papers: Vec<&'a Paper>) -> GraphView<'a> {
        let positions: HashMap<&str, usize> =
            papers.iter().enumerate().map(|(node, paper)| (paper.id.as_str(), node)).collect();
        let mut edges = Vec::new();
        for (to, paper) in papers.iter().enumerate() {
            edges.extend(
                paper
                    .builds_on
                    .iter()
                    .filter_map(|target| positions.get(target.as_str()).copied())
                    .map(|from| (from, to)),
            );
        }
        let clusters = catalog
            .families
            .iter()
            .map(|family| {
                let members = (0..papers.len()).filter(|&node| papers[node].family == family.id).collect::<Vec<_>>();
                (family, members)
            })
            .filter(|(_, members)| !members.is_empty())
            .collect();
        let read = (0..papers.len()).filter(|&node| progress.status(&papers[node].id) == Status::Read).collect();
        GraphView { clusters, edges, papers, read, focus: None }
    }
}

/// A node's label: the paper's id, with a check mark when read (titles go in tooltips, so
/// nothing is cut short).
pub fn label(paper: &Paper, read: bool) -> String {
    format!("{}{}", if read { "✓ " } else { "" }, sanitize(&paper.id))
}

/// A node's tooltip: the whole title and the year.
pub fn tooltip(paper: &Paper) -> String {
    format!("{} ({})", sanitize(&paper.title), paper.year)
}

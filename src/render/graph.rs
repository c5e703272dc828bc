//! What both graph languages draw: families as clusters, papers as nodes, `builds_on` as edges.

use std::collections::{HashMap, HashSet};

use super::sanitize;
use crate::catalog::{Catalog, Family, Paper};
use crate::progress::{Progress, Status};

/// A lineage graph restricted to a set of papers.
pub struct GraphView<'a> {
    /// Each family with its included papers, in catalog order.
    pub clusters: Vec<(&'a Family, Vec<&'a Paper>)>,
    /// `(from, to)` positions into `papers`: `to` builds on `from`.
    pub edges: Vec<(usize, usize)>,
    /// Every included paper; node numbers are positions here.
    pub papers: Vec<&'a Paper>,
    /// Positions of papers that are read.
    pub read: HashSet<usize>,
    positions: HashMap<&'a str, usize>,
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
                (family, papers.iter().copied().filter(|paper| paper.family == family.id).collect::<Vec<_>>())
            })
            .filter(|(_, members)| !members.is_empty())
            .collect();
        let read = (0..papers.len()).filter(|&node| progress.status(&papers[node].id) == Status::Read).collect();
        GraphView { clusters, edges, papers, read, positions }
    }

    /// The node number of a paper.
    pub fn node(&self, paper: &Paper) -> usize {
        self.positions.get(paper.id.as_str()).copied().unwrap_or(0)
    }
}

/// A short label: the part of the title before a colon (when short), else the title cut to
/// 40 characters; then the year, and a check mark when read.
pub fn label(paper: &Paper, read: bool) -> String {
    let title = sanitize(&paper.title);
    let short = match title.split_once(':') {
        Some((head, _)) if !head.trim().is_empty() && head.chars().count() <= 40 => head.trim().to_owned(),
        _ if title.chars().count() > 40 => format!("{}…", title.chars().take(39).collect::<String>().trim_end()),
        _ => title.into_owned(),
    };
    format!("{}{short} ({})", if read { "✓ " } else { "" }, paper.year)
}

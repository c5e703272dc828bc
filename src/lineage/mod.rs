//! The `builds_on` graph: prerequisites, reading order, successors and what to read next.

mod focus;
mod next;

pub use focus::Direction;
pub use next::{Reason, Suggestion};

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use crate::catalog::{Catalog, Paper};
use crate::progress::Progress;

/// The lineage of a catalog, indexed once.
///
/// Papers are identified by their position in `catalog.papers`, which is
/// chronological, so a smaller position always means an older paper.
pub struct Lineage<'a> {
    catalog: &'a Catalog,
    index: HashMap<&'a str, usize>,
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
}

impl<'a> Lineage<'a> {
    /// Indexes the `builds_on` edges of `catalog` (validated, so every target exists).
    pub fn new(catalog: &'a Catalog) -> Lineage<'a> {
        let index: HashMap<&str, usize> =
            catalog.papers.iter().enumerate().map(|(position, paper)| (paper.id.as_str(), position)).collect();
        let mut parents = vec![Vec::new(); catalog.papers.len()];
        let mut children = vec![Vec::new(); catalog.papers.len()];
        for (child, paper) in catalog.papers.iter().enumerate() {
            for target in &paper.builds_on {
                if let Some(&parent) = index.get(target.as_str()) {
                    parents[child].push(parent);
                    children[parent].push(child);
                }
            }
        }
        Lineage { catalog, index, parents, children }
    }

    /// Where `paper` sits in the catalog (papers come from the catalog this lineage indexes).
    pub fn position(&self, paper: &Paper) -> usize {
        *self.index.get(paper.id.as_str()).expect("papers come from the catalog this lineage was built on")
    }

    /// Where the paper with this exact id sits in the catalog, if it is there.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Everything `paper` transitively builds on, then `paper`, in a valid reading order:
    /// every paper after all it builds on, ties broken oldest first.
    pub fn path(&self, paper: &Paper) -> Vec<&'a Paper> {
        let start = self.position(paper);
        let mut included = vec![false; self.catalog.papers.len()];
        let mut stack = vec![start];
        included[start] = true;
        while let Some(node) = stack.pop() {
            for &parent in &self.parents[node] {
                if !included[parent] {
                    included[parent] = true;
                    stack.push(parent);
                }
            }
        }
        self.reading_order(&included)
    }

    /// A topological order of the included papers (Kahn's algorithm), oldest first among
    /// the papers that are ready at each step.
    fn reading_order(&self, included: &[bool]) -> Vec<&'a Paper> {
        let mut waiting: Vec<usize> =
            (0..included.len())
                .map(|node| {
                    if included[node] {
                        self.parents[node].iter().filter(|&&parent| included[parent]).count()
                    } else {
                        0
                    }
                })
                .collect();
        let mut ready: BinaryHeap<Reverse<usize>> =
            (0..included.len()).filter(|&node| included[node] && waiting[node] == 0).map(Reverse).collect();
        let mut order = Vec::new();
        while let Some(Reverse(node)) = ready.pop() {
            order.push(&self.catalog.papers[node]);
            for &child in &self.children[node] {
                if included[child] {
                    waiting[child] -= 1;
                    if waiting[child] == 0 {
                        ready.push(Reverse(child));
                    }
                }
            }
        }
        order
    }

    /// The papers that directly build on `paper`, oldest first.
    pub fn successors(&self, paper: &Paper) -> Vec<&'a Paper> {
        self.children[self.position(paper)].iter().map(|&child| &self.catalog.papers[child]).collect()
    }

    /// The papers `paper` directly builds on, in catalog order.
    pub fn prerequisites(&self, paper: &Paper) -> Vec<&'a Paper> {
        self.parents[self.position(paper)].iter().map(|&parent| &self.catalog.papers[parent]).collect()
    }

    /// For every paper, the nearest `kept` papers it builds on, directly or through papers
    /// that are not kept, each with whether the link is direct (a paper reached both ways
    /// counts as direct), oldest first. Computed once for all papers, in a topological
    /// order, so a page that keeps a few papers of a large catalog costs one pass.
    pub fn nearest_kept(&self, kept: &[bool]) -> Vec<Vec<(&'a Paper, bool)>> {
        let count = self.catalog.papers.len();
        // What a paper that is not kept passes on: the nearest kept papers behind it.
        let mut behind: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut nearest: Vec<Vec<(&'a Paper, bool)>> = vec![Vec::new(); count];
        for node in self.topological_order() {
            let mut found: Vec<(usize, bool)> = Vec::new();
            for &parent in &self.parents[node] {
                if kept[parent] {
                    found.push((parent, true));
                } else {
                    found.extend(behind[parent].iter().map(|&ancestor| (ancestor, false)));
                }
            }
            // Direct sorts after indirect for the same paper, so the last of each run wins.
            found.sort_unstable();
            found.dedup_by(|later, earlier| {
                let same = later.0 == earlier.0;
                earlier.1 |= same && later.1;
                same
            });
            if kept[node] {
                nearest[node] =
                    found.into_iter().map(|(parent, direct)| (&self.catalog.papers[parent], direct)).collect();
            } else {
                behind[node] = found.into_iter().map(|(ancestor, _)| ancestor).collect();
            }
        }
        nearest
    }

    /// Every paper, each after all it builds on (the catalog has no cycles).
    fn topological_order(&self) -> Vec<usize> {
        let mut waiting: Vec<usize> = self.parents.iter().map(Vec::len).collect();
        let mut ready: Vec<usize> = (0..waiting.len()).filter(|&node| waiting[node] == 0).collect();
        let mut order = Vec::with_capacity(waiting.len());
        while let Some(node) = ready.pop() {
            order.push(node);
            for &child in &self.children[node] {
                waiting[child] -= 1;
                if waiting[child] == 0 {
                    ready.push(child);
                }
            }
        }
        order
    }

    /// Papers not yet settled (read or skipped) whose prerequisites are all settled, oldest
    /// first.
    pub fn next(&self, progress: &Progress) -> Vec<&'a Paper> {
        let settled = |node: usize| progress.status(&self.catalog.papers[node].id).is_settled();
        (0..self.catalog.papers.len())
            .filter(|&node| !settled(node) && self.parents[node].iter().all(|&parent| settled(parent)))
            .map(|node| &self.catalog.papers[node])
            .collect()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::catalog::{Branch, Family, Origin};
    use crate::progress::Status;

    fn paper(id: &str, year: u16, builds_on: &[&str]) -> Paper {
        Paper { builds_on: builds_on.iter().map(|id| (*id).to_owned()).collect(), ..Paper::sample(id, year) }
    }

    /// A diamond (root -> left, right -> top) with a side branch and a late root.
    pub(super) fn catalog() -> Catalog {
        let family = Family {
            id: "f".into(),
            name: "F".into(),
            branch: Branch::Decoder,
            summary: "s".into(),
            origin: Origin::default(),
        };
        Catalog {
            sources: vec![],
            families: vec![family],
            papers: vec![
                paper("root", 2017, &[]),
                paper("right", 2018, &["root"]),
                paper("left", 2019, &["root"]),
                paper("side", 2019, &[]),
                paper("top", 2020, &["left", "right"]),
                paper("after", 2021, &["top", "side"]),
            ],
            ..Catalog::default()
        }
    }

    fn ids(papers: &[&Paper]) -> Vec<String> {
        papers.iter().map(|paper| paper.id.clone()).collect()
    }

    #[test]
    fn a_diamond_reads_the_shared_root_once_and_first() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        let top = catalog.paper("top").unwrap();
        assert_eq!(ids(&lineage.path(top)), ["root", "right", "left", "top"]);
    }

    #[test]
    fn ties_go_to_the_oldest_ready_paper() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        let after = catalog.paper("after").unwrap();
        assert_eq!(ids(&lineage.path(after)), ["root", "right", "left", "side", "top", "after"]);
    }

    #[test]
    fn a_root_is_its_own_path() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        assert_eq!(ids(&lineage.path(catalog.paper("root").unwrap())), ["root"]);
    }

    #[test]
    fn every_paper_comes_after_its_prerequisites_even_when_older_papers_build_on_newer() {
        let mut catalog = catalog();
        // An overlay may make an older paper build on a newer one.
        catalog.papers[1].builds_on.push("side".into());
        let lineage = Lineage::new(&catalog);
        let order = ids(&lineage.path(catalog.paper("after").unwrap()));
        let at = |id: &str| order.iter().position(|other| other == id).unwrap();
        assert!(at("side") < at("right"), "{order:?}");
        for paper in &catalog.papers {
            for parent in &paper.builds_on {
                assert!(at(parent) < at(&paper.id), "{} before {}: {order:?}", parent, paper.id);
            }
        }
    }

    #[test]
    fn a_filtered_subset_keeps_the_order_among_its_members() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        // Only "after", "top" and "root": "top" still waits for nothing left out, and
        // members come oldest first once their included prerequisites are read.
        let included: Vec<bool> =
            catalog.papers.iter().map(|paper| ["after", "top", "root"].contains(&paper.id.as_str())).collect();
        assert_eq!(ids(&lineage.reading_order(&included)), ["root", "top", "after"]);
        let included: Vec<bool> =
            catalog.papers.iter().map(|paper| ["after", "side"].contains(&paper.id.as_str())).collect();
        assert_eq!(ids(&lineage.reading_order(&included)), ["side", "after"]);
    }

    #[test]
    fn next_offers_roots_first_then_successors_of_what_is_read() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        let mut progress = Progress::default();
        assert_eq!(ids(&lineage.next(&progress)), ["root", "side"]);
        progress.set_status("root", Status::Read, "2026-01-01");
        assert_eq!(ids(&lineage.next(&progress)), ["right", "left", "side"]);
        progress.set_status("left", Status::Reading, "2026-01-01");
        assert_eq!(ids(&lineage.next(&progress)), ["right", "left", "side"], "reading is not read");
    }

    #[test]
    fn successors_and_prerequisites_are_direct_only() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        assert_eq!(ids(&lineage.successors(catalog.paper("root").unwrap())), ["right", "left"]);
        assert_eq!(ids(&lineage.prerequisites(catalog.paper("top").unwrap())), ["left", "right"]);
    }

    #[test]
    fn nearest_kept_papers_skip_the_ones_left_out_and_say_which_links_are_direct() {
        let catalog = catalog();
        let found = |catalog: &Catalog, id: &str, keep: &[&str]| -> Vec<(String, bool)> {
            let lineage = Lineage::new(catalog);
            let kept: Vec<bool> = catalog.papers.iter().map(|paper| keep.contains(&paper.id.as_str())).collect();
            let position = lineage.position_of(id).unwrap();
            let nearest = lineage.nearest_kept(&kept);
            nearest[position].iter().map(|(paper, direct)| (paper.id.clone(), *direct)).collect()
        };
        let pair = |id: &str, direct: bool| (id.to_owned(), direct);
        assert_eq!(
            found(&catalog, "after", &["after", "top", "side", "root"]),
            [pair("side", true), pair("top", true)]
        );
        assert_eq!(found(&catalog, "after", &["after", "root", "side"]), [pair("root", false), pair("side", true)]);
        assert_eq!(found(&catalog, "after", &["after"]), []);
        // root is reached through left and through right, but listed once.
        assert_eq!(found(&catalog, "top", &["top", "root"]), [pair("root", false)]);
        // A paper kept and also reachable through a left-out one stays direct.
        let mut catalog = catalog.clone();
        catalog.papers[4].builds_on.push("root".into());
        assert_eq!(found(&catalog, "top", &["top", "root"]), [pair("root", true)]);
    }
}

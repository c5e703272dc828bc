//! One paper's part of the lineage: what it builds on and what builds on it, a number of
//! steps away at most, and the papers on the way from one paper to another.

use std::collections::VecDeque;

use super::Lineage;
use crate::catalog::Paper;

/// Which way from a paper to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// What it builds on, transitively.
    Ancestors,
    /// What builds on it, transitively.
    Descendants,
}

impl<'a> Lineage<'a> {
    /// `paper` and the papers `depth` steps away at most in `directions` (any distance
    /// without a depth), in catalog order.
    pub fn around(&self, paper: &Paper, directions: &[Direction], depth: Option<usize>) -> Vec<&'a Paper> {
        let start = self.position(paper);
        let mut included = vec![false; self.catalog.papers.len()];
        included[start] = true;
        for direction in directions {
            let next = match direction {
                Direction::Ancestors => &self.parents,
                Direction::Descendants => &self.children,
            };
            let mut queue = VecDeque::from([(start, 0)]);
            let mut seen = vec![false; self.catalog.papers.len()];
            seen[start] = true;
            while let Some((node, distance)) = queue.pop_front() {
                if depth.is_some_and(|depth| distance >= depth) {
                    continue;
                }
                for &other in &next[node] {
                    if !seen[other] {
                        seen[other] = true;
                        included[other] = true;
                        queue.push_back((other, distance + 1));
                    }
                }
            }
        }
        (0..included.len()).filter(|&node| included[node]).map(|node| &self.catalog.papers[node]).collect()
    }

    /// The papers on the way from `from` to `to` (every paper that builds, directly or not,
    /// on `from` and that `to` builds on), both ends included, in a valid reading order; or
    /// `None` when `to` does not build on `from`.
    pub fn between(&self, from: &Paper, to: &Paper) -> Option<Vec<&'a Paper>> {
        let below = self.around(from, &[Direction::Descendants], None);
        let above = self.around(to, &[Direction::Ancestors], None);
        let mut included = vec![false; self.catalog.papers.len()];
        for paper in &below {
            included[self.position(paper)] = true;
        }
        let mut on_the_way = vec![false; self.catalog.papers.len()];
        for paper in &above {
            let node = self.position(paper);
            on_the_way[node] = included[node];
        }
        let (start, end) = (self.position(from), self.position(to));
        if !on_the_way[start] || !on_the_way[end] {
            return None;
        }
        Some(self.reading_order(&on_the_way))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lineage::tests::catalog;

    fn ids(papers: &[&Paper]) -> Vec<String> {
        papers.iter().map(|paper| paper.id.clone()).collect()
    }

    #[test]
    fn around_a_paper_goes_as_far_as_asked_each_way() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        let top = catalog.paper("top").unwrap();
        let up = |depth| ids(&lineage.around(top, &[Direction::Ancestors], depth));
        assert_eq!(up(None), ["root", "right", "left", "top"]);
        assert_eq!(up(Some(1)), ["right", "left", "top"]);
        assert_eq!(up(Some(0)), ["top"]);
        let root = catalog.paper("root").unwrap();
        assert_eq!(ids(&lineage.around(root, &[Direction::Descendants], Some(1))), ["root", "right", "left"]);
        assert_eq!(
            ids(&lineage.around(root, &[Direction::Descendants], None)),
            ["root", "right", "left", "top", "after"]
        );
        let both = lineage.around(top, &[Direction::Ancestors, Direction::Descendants], Some(1));
        assert_eq!(ids(&both), ["right", "left", "top", "after"]);
    }

    #[test]
    fn between_two_papers_lies_every_chain_from_one_to_the_other() {
        let catalog = catalog();
        let lineage = Lineage::new(&catalog);
        let paper = |id| catalog.paper(id).unwrap();
        assert_eq!(
            ids(&lineage.between(paper("root"), paper("after")).unwrap()),
            ["root", "right", "left", "top", "after"]
        );
        assert_eq!(ids(&lineage.between(paper("left"), paper("after")).unwrap()), ["left", "top", "after"]);
        assert_eq!(ids(&lineage.between(paper("top"), paper("top")).unwrap()), ["top"]);
        assert!(lineage.between(paper("after"), paper("root")).is_none(), "the wrong way round");
        assert!(lineage.between(paper("side"), paper("top")).is_none(), "not in its lineage");
    }
}

//! `roadmap graph`: the lineage graph in DOT or Mermaid, whole or around one paper.

use super::Context;
use crate::lineage::{Direction, Lineage};
use crate::query::{self, Filter, Selection};
use crate::render::GraphFormat;
use crate::render::graph::GraphView;
use crate::render::{dot, mermaid};

/// One paper's part of the graph: which ways to look from it, and how far.
pub struct Focus<'a> {
    id: &'a str,
    directions: Vec<Direction>,
    depth: Option<usize>,
}

impl<'a> Focus<'a> {
    /// Around `id`: only its ancestors, only its descendants, or both when neither (or both)
    /// is asked for; `depth` steps at most.
    pub fn new(id: &'a str, ancestors: bool, descendants: bool, depth: Option<usize>) -> Self {
        let directions = match (ancestors, descendants) {
            (true, false) => vec![Direction::Ancestors],
            (false, true) => vec![Direction::Descendants],
            _ => vec![Direction::Ancestors, Direction::Descendants],
        };
        Focus { id, directions, depth }
    }
}

/// Draws the papers that pass `selection` (around the focus paper, when there is one) and
/// the edges between them; the focus paper stands out.
pub fn run(
    context: &Context,
    focus: Option<Focus<'_>>,
    selection: &Selection,
    format: GraphFormat,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let filter = Filter::new(selection, catalog, &context.progress)?;
    let (papers, centre) = match focus {
        None => (filter.apply(catalog), None),
        Some(focus) => {
            let paper = query::resolve(catalog, focus.id)?;
            let around = Lineage::new(catalog).around(paper, &focus.directions, focus.depth);
            let papers =
                around.into_iter().filter(|other| other.id == paper.id || filter.matches(catalog, other)).collect();
            (papers, Some(paper))
        }
    };
    let mut graph = GraphView::new(catalog, &context.progress, papers);
    graph.focus = centre.and_then(|paper| graph.papers.iter().position(|other| other.id == paper.id));
    Ok(match format {
        GraphFormat::Dot => dot::render(&graph),
        GraphFormat::Mermaid => mermaid::render(&graph),
    })
}

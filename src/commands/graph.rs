//! `roadmap graph`: the lineage graph in DOT or Mermaid.

use super::Context;
use crate::query::Filter;
use crate::query::Selection;
use crate::render::GraphFormat;
use crate::render::graph::GraphView;
use crate::render::{dot, mermaid};

/// Draws the papers that pass `filters` and the edges between them.
pub fn run(context: &Context, selection: &Selection, format: GraphFormat) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let papers = Filter::new(selection, catalog, &context.progress)?.apply(catalog);
    let graph = GraphView::new(catalog, &context.progress, papers);
    Ok(match format {
        GraphFormat::Dot => dot::render(&graph),
        GraphFormat::Mermaid => mermaid::render(&graph),
    })
}

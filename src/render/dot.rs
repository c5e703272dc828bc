//! Graphviz DOT: `roadmap graph | dot -Tsvg`.

use std::fmt::Write;

use super::graph::{GraphView, label, tooltip};
use crate::text::sanitize;

/// A left-to-right digraph, one cluster per family, read papers filled.
pub fn render(graph: &GraphView<'_>) -> String {
    let mut out =
        String::from("digraph roadmap {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    for (index, (family, members)) in graph.clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{index} {{\n    label=\"{}\";", quote(&family.name));
        for &node in members {
            let paper = graph.papers[node];
            let read = graph.read.contains(&node);
            let mut style = if read { ", style=\"rounded,filled\", fillcolor=\"#c8e6c9\"" } else { "" }.to_owned();
            if graph.focus == Some(node) {
                style.push_str(", penwidth=3");
            }
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}\", tooltip=\"{}\", URL=\"{}\"{style}];",
                quote(&paper.id),
                quote(&label(paper, read)),
                quote(&tooltip(paper)),
                quote(&paper.abs_url())
            );
        }
        out.push_str("  }\n");
    }
    for &(from, to) in &graph.edges {
        let _ = writeln!(out, "  \"{}\" -> \"{}\";", quote(&graph.papers[from].id), quote(&graph.papers[to].id));
    }
    out.push_str("}\n");
    out
}

/// Escapes text for a DOT double-quoted string.
fn quote(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('"', "\\\"")
}

//! A Mermaid flowchart (renders in GitHub Markdown).

use std::fmt::Write;

use super::graph::{GraphView, label, tooltip};
use crate::text::sanitize;

/// `flowchart LR` with one subgraph per family and a `read` class for read papers.
///
/// Note: Mermaid ids cannot hold every character a catalog id may, so nodes are
/// numbered (`p0`, `p1`, ...) and the text lives only in quoted, entity-escaped labels.
pub fn render(graph: &GraphView<'_>) -> String {
    let mut out = String::from("flowchart LR\n");
    for (index, (family, members)) in graph.clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph f{index}[\"{}\"]", escape(&family.name));
        for &node in members {
            let paper = graph.papers[node];
            let _ = writeln!(out, "    p{node}[\"{}\"]", escape(&label(paper, graph.read.contains(&node))));
        }
        out.push_str("  end\n");
    }
    for (node, paper) in graph.papers.iter().enumerate() {
        let _ = writeln!(out, "  click p{node} \"{}\" \"{}\"", escape(&paper.abs_url()), escape(&tooltip(paper)));
    }
    for &(from, to) in &graph.edges {
        let _ = writeln!(out, "  p{from} --> p{to}");
    }
    if !graph.read.is_empty() {
        let mut read: Vec<usize> = graph.read.iter().copied().collect();
        read.sort_unstable();
        let nodes: Vec<String> = read.iter().map(|node| format!("p{node}")).collect();
        let _ = writeln!(out, "  classDef read fill:#c8e6c9,stroke:#2e7d32\n  class {} read", nodes.join(","));
    }
    if let Some(node) = graph.focus {
        let _ = writeln!(out, "  classDef focus stroke-width:3px\n  class p{node} focus");
    }
    out
}

/// Replaces the characters Mermaid treats as syntax inside a label with entity codes.
fn escape(text: &str) -> String {
    sanitize(text).replace('&', "#amp;").replace('"', "#quot;").replace('<', "#lt;").replace('>', "#gt;")
}

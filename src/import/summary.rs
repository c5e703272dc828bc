//! The import's report: what was marked, what already was, and what was not found.

use std::fmt::Write;

use super::Outcome;
use crate::progress::Status;

/// The ids of the papers of the outcomes of one kind.
fn ids<'a>(outcomes: &'a [Outcome<'a>], kind: fn(&Outcome<'_>) -> bool) -> Vec<&'a str> {
    outcomes.iter().filter(|outcome| kind(outcome)).filter_map(Outcome::paper).map(|paper| paper.id.as_str()).collect()
}

/// The summary of an import of `name`: counts, the ids marked, and every entry that was not
/// matched, with its title and line, so the reader can fix or ignore it.
pub fn render(name: &str, json: bool, outcomes: &[Outcome<'_>], status: Status, dry_run: bool) -> String {
    let marked = ids(outcomes, |outcome| matches!(outcome, Outcome::Marked { .. }));
    let already = ids(outcomes, |outcome| matches!(outcome, Outcome::Already { .. }));
    let duplicates = ids(outcomes, |outcome| matches!(outcome, Outcome::Duplicate { .. }));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{name}: {} {} ({})",
        outcomes.len(),
        if outcomes.len() == 1 { "entry" } else { "entries" },
        if json { "CSL-JSON" } else { "BibTeX" }
    );
    let verb = if dry_run { "would mark" } else { "marked" };
    // Note: the count is of entries; a paper named by several is listed once.
    let line = |out: &mut String, label: &str, ids: &[&str]| {
        let mut listed = std::collections::HashSet::new();
        let once: Vec<&str> = ids.iter().copied().filter(|id| listed.insert(*id)).collect();
        let text = format!("  {label:<18}{:>4}  {}", ids.len(), once.join(" "));
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&mut out, &format!("{verb} {}", status.as_str()), &marked);
    line(&mut out, "already marked", &already);
    line(&mut out, "duplicates", &duplicates);
    let at = |line: usize| if line > 0 { format!(" (line {line})") } else { String::new() };
    let unmatched: Vec<String> = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Unmatched { title: Some(title), line } => Some(format!("{title}{}", at(*line))),
            _ => None,
        })
        .collect();
    let untitled = outcomes.iter().filter(|outcome| matches!(outcome, Outcome::Unmatched { title: None, .. })).count();
    let _ = writeln!(out, "  {:<18}{:>4}", "unmatched", unmatched.len() + untitled);
    for title in &unmatched {
        let _ = writeln!(out, "    {}", crate::text::sanitize(title));
    }
    if untitled > 0 {
        let _ = writeln!(out, "    ({untitled} without a title)");
    }
    let ambiguous: Vec<String> = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Ambiguous { title, papers, line } => {
                let ids: Vec<&str> = papers.iter().map(|paper| paper.id.as_str()).collect();
                Some(format!("{title}{}: {}", at(*line), ids.join(", ")))
            }
            _ => None,
        })
        .collect();
    let _ = writeln!(out, "  {:<18}{:>4}", "ambiguous", ambiguous.len());
    for entry in &ambiguous {
        let _ = writeln!(out, "    {}", crate::text::sanitize(entry));
    }
    if dry_run {
        out.push_str("dry run: the progress file was not changed\n");
    }
    out
}

//! `roadmap search`: the one search (see `query::search`), best first, each result with where
//! it matched.

use anyhow::bail;

use super::Context;
use crate::cli::ListOutput;
use crate::query::search::Why;
use crate::query::{Filter, Index, Query, Selection};
use crate::render::columns::{MatchRecord, PaperRecord};

/// Lists the papers matching `query` within the filters, best first; no match is an error
/// (exit 1, as grep), which says when the filters, not the words, left nothing.
pub fn run(context: &Context, query: &[String], selection: &Selection, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let mut candidates = Filter::new(selection, catalog, &context.progress)?.positions(catalog);
    // Note: within a track, papers that rank alike keep the track's order, as on every face.
    if let Some(track) = selection.track.as_deref().and_then(|id| catalog.track(id)) {
        let step = |position: &usize| track.steps.iter().position(|step| step.paper == catalog.papers[*position].id);
        candidates.sort_by_key(step);
    }
    let text = query.join(" ");
    let parsed = Query::parse(&text);
    if parsed.is_empty() {
        bail!("'{text}' asks for nothing: give a word to search for (`roadmap list` lists every paper)");
    }
    let index = Index::new(catalog, &context.progress);
    let hits = index.search(&parsed, &candidates);
    if hits.is_empty() {
        let everywhere = if candidates.len() < catalog.papers.len() { index.find(&text).len() } else { 0 };
        match everywhere {
            0 => bail!("no paper matches '{text}'"),
            1 => bail!("no paper matches '{text}' within these filters (1 paper matches without them)"),
            count => bail!("no paper matches '{text}' within these filters ({count} papers match without them)"),
        }
    }
    let rows = hits
        .iter()
        .map(|hit| {
            let paper = &catalog.papers[hit.position];
            let why = Why::of(catalog, &context.progress, paper, index.doc(hit.position), hit);
            PaperRecord {
                matched: Some(why.iter().map(MatchRecord::new).collect()),
                ..PaperRecord::new(catalog, &context.progress, paper, context.settings.lang)
            }
        })
        .collect();
    context.record_listing(rows, output.format, &output.columns, false)
}

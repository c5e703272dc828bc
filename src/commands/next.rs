//! `roadmap next`: what to read now, ranked, each paper with why (the rule is
//! `Lineage::suggest`).

use super::Context;
use crate::cli::ListOutput;
use crate::lang::Lang;
use crate::lineage::{Lineage, Reason};
use crate::query::{self, Filter, Selection};
use crate::render::columns::PaperRecord;
use crate::words::words;

/// How many papers `next` shows on a terminal unless told otherwise.
const SHORT_LIST: usize = 10;

/// Lists the unread papers whose prerequisites are all read and that pass `selection`, best
/// first, each with its reason. With a track, the track's own order decides: its unread
/// steps whose prerequisites within the track are read, in track order.
///
/// At most `limit` papers are listed (0: all); on a terminal the default is a short list,
/// and stderr says how many more there are.
pub fn run(
    context: &Context,
    selection: &Selection,
    output: &ListOutput,
    limit: Option<usize>,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let filter = Filter::new(selection, catalog, &context.progress)?;
    let lineage = Lineage::new(catalog);
    let mut suggestions = match &selection.track {
        Some(track) => lineage.suggest_in(query::known_track(catalog, track)?, &context.progress),
        None => lineage.suggest(&context.progress),
    };
    suggestions.retain(|suggestion| filter.matches(catalog, suggestion.paper));
    let limit = limit.or((context.settings.stdout_is_terminal).then_some(SHORT_LIST)).filter(|&limit| limit > 0);
    if let Some(limit) = limit.filter(|&limit| suggestions.len() > limit) {
        let more = suggestions.len() - limit;
        suggestions.truncate(limit);
        if context.settings.stdout_is_terminal {
            crate::output::message(&format!("… and {more} more (`--limit 0` lists them all)"));
        }
    }
    let lang = context.settings.lang;
    let rows = suggestions
        .iter()
        .map(|suggestion| PaperRecord {
            reason: Some(describe(&suggestion.reason, lang)),
            ..PaperRecord::new(catalog, &context.progress, suggestion.paper, lang)
        })
        .collect();
    context.record_listing(rows, output.format, &output.columns, false)
}

/// A reason in words: its step in a track when it has one, then what it unlocks, or, for a
/// paper nothing builds on, that its prerequisites are read.
pub fn describe(reason: &Reason<'_>, lang: Lang) -> String {
    let words = &words(lang).next;
    let mut phrases = Vec::with_capacity(2);
    if let Some((track, step)) = reason.step {
        phrases.push((words.step_in)(step, &track.id));
    }
    phrases.push(match (reason.unlocks, reason.prerequisites) {
        (0, 0) => words.stands_alone.to_owned(),
        (0, count) => (words.prerequisites)(count, reason.skipped),
        (count, _) => (words.unlocks)(count),
    });
    phrases.join(words.and)
}

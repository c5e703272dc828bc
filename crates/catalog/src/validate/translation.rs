//! Checks a translation file: text must be clean, focus items must balance, and every id
//! must name something the catalogs define; an entry whose focus list no longer matches
//! the English one in length is stale.

use super::{Problem, unbalanced};
use crate::fingerprint;
use crate::model::{Catalog, Origin, is_unsafe_char};
use crate::raw::RawTranslation;
use crate::translation::{FamilyText, PaperText, TrackText, Translation};

/// How much of the catalog a translation covers: (translated, all) for each kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub papers: (usize, usize),
    pub families: (usize, usize),
    pub tracks: (usize, usize),
}

impl Coverage {
    /// Whether every paper, family and track has its text.
    pub fn is_full(&self) -> bool {
        [self.papers, self.families, self.tracks].iter().all(|(have, all)| have == all)
    }
}

/// Checks the text of one translation file on its own; its entries come back even with
/// problems (a file with any problem is refused as a whole anyway).
pub fn check_file(raw: RawTranslation, source: u16, problems: &mut Vec<Problem>) -> Translation {
    let at = |line: u32, column: u32| Origin { source, line, column };
    let mut report = |origin: Origin, message: String| problems.push(Problem { origin, message });
    let clean = |origin: Origin, field: &str, text: &str, report: &mut dyn FnMut(Origin, String)| {
        let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            report(origin, format!("{field} is empty"));
        } else if let Some(bad) = folded.chars().find(|&c| is_unsafe_char(c)) {
            report(origin, format!("{field} contains the control character {}", bad.escape_unicode()));
        }
        // Note: whitespace folds to single spaces as in the English prose; Chinese is written on
        // one line, since a folded line break would leave a space between two characters.
        folded
    };
    if raw.version.value != 1 {
        report(
            at(raw.version.line, raw.version.column),
            format!("unsupported version {}: this program reads version 1", raw.version.value),
        );
    }
    if raw.lang.value != "zh" {
        let origin = at(raw.lang.line, raw.lang.column);
        report(origin, format!("lang '{}' is not one this program speaks: use zh", raw.lang.value.escape_debug()));
    }
    let mut translation = Translation::default();
    for (id, text) in raw.families {
        let origin = at(text.line, text.column);
        let name = clean(origin, "name", &text.value.name, &mut report);
        let summary = clean(origin, "summary", &text.value.summary, &mut report);
        translation.families.insert(id, FamilyText { name, summary, en: text.value.en, origin });
    }
    for (id, text) in raw.papers {
        let origin = at(text.line, text.column);
        let contribution = clean(origin, "contribution", &text.value.contribution, &mut report);
        let mut focus = Vec::with_capacity(text.value.focus.len());
        for item in &text.value.focus {
            let item = clean(origin, "focus", item, &mut report);
            if let Some(why) = unbalanced(&item) {
                report(origin, format!("focus item '{}' of '{id}' {why}", item.escape_debug()));
            }
            focus.push(item);
        }
        translation.papers.insert(id, PaperText { contribution, focus, en: text.value.en, origin });
    }
    for (id, text) in raw.tracks {
        let origin = at(text.line, text.column);
        let name = text.value.name.as_deref().map(|name| clean(origin, "name", name, &mut report));
        let summary = text.value.summary.as_deref().map(|summary| clean(origin, "summary", summary, &mut report));
        let en = text.value.en;
        let why =
            text.value.why.into_iter().map(|(step, why)| (step, clean(origin, "why", &why, &mut report))).collect();
        translation.tracks.insert(id, TrackText { name, summary, why, en, origin });
    }
    translation
}

/// Checks the merged translation against the merged catalog: every id must name a paper,
/// family or track (a step note, a step of its track), and a paper's focus list must be as
/// long as the English one, or the translation has gone stale.
pub fn check_links(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut report = |origin: Origin, message: String| problems.push(Problem { origin, message });
    for (id, text) in &catalog.zh.families {
        if catalog.family(id).is_none() {
            report(text.origin, format!("the translation names unknown family '{id}'"));
        }
    }
    for (id, text) in &catalog.zh.papers {
        match catalog.paper(id) {
            None => report(text.origin, format!("the translation names unknown paper '{id}'")),
            Some(paper) if paper.focus.len() != text.focus.len() => report(
                text.origin,
                format!(
                    "the translation of '{id}' is stale: the English has {} focus items, the translation {}",
                    paper.focus.len(),
                    text.focus.len()
                ),
            ),
            Some(_) => {}
        }
    }
    for (id, text) in &catalog.zh.tracks {
        let Some(track) = catalog.track(id) else {
            report(text.origin, format!("the translation names unknown track '{id}'"));
            continue;
        };
        for step in text.why.keys() {
            if !track.steps.iter().any(|known| known.paper == *step) {
                report(
                    text.origin,
                    format!("the translation of track '{id}' explains '{step}', which is not one of its steps"),
                );
            }
        }
    }
}

/// How much of `catalog` its (Simplified) translation covers.
pub fn coverage(catalog: &Catalog) -> Coverage {
    coverage_of(catalog, &catalog.zh)
}

/// How much of `catalog` a translation covers.
pub fn coverage_of(catalog: &Catalog, translation: &crate::translation::Translation) -> Coverage {
    let count = |have: usize, all: usize| (have, all);
    Coverage {
        papers: count(
            catalog.papers.iter().filter(|paper| translation.papers.contains_key(&paper.id)).count(),
            catalog.papers.len(),
        ),
        families: count(
            catalog.families.iter().filter(|family| translation.families.contains_key(&family.id)).count(),
            catalog.families.len(),
        ),
        tracks: count(
            catalog.tracks.iter().filter(|track| translation.tracks.contains_key(&track.id)).count(),
            catalog.tracks.len(),
        ),
    }
}

/// What `check` says of the translations' fingerprints: every entry whose English changed
/// since it was translated (a problem, with the fields that changed), and how many entries
/// record no fingerprint at all.
pub fn drift(catalog: &Catalog) -> (Vec<Problem>, usize) {
    let mut stale = Vec::new();
    let mut unrecorded = 0;
    for (entry, id, recorded, origin) in fingerprint::translated(catalog) {
        let Some(recorded) = recorded else {
            unrecorded += 1;
            continue;
        };
        let changed = fingerprint::changed(&entry, recorded);
        if !changed.is_empty() {
            let message = format!(
                "the Chinese of {} '{id}' translates English that changed since ({}): update the Chinese, then record it with `roadmap check --fix-fingerprints`",
                entry.kind(),
                changed.join(", ")
            );
            stale.push(Problem { origin, message });
        }
    }
    (stale, unrecorded)
}

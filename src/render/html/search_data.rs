//! What the page's copy of the search is handed: each paper's fields as `query::search`
//! lists them, the glossary's bridges and the letter rules, as JSON in the page. The script
//! (search.js) ports only the matching and the ranking; the parity test holds it to the
//! library's.

use serde::Serialize;

use super::Page;
use crate::lang::CJK_RANGES;
use crate::progress::Progress;
use crate::query::search::{Bridge, Field, SLACK, Tier, fields};

/// The JSON the script reads.
#[derive(Serialize)]
struct SearchData<'a> {
    /// Per paper on the page, in the table's order: `[field, text]` pairs.
    papers: Vec<Vec<(Field, &'a str)>>,
    /// Each field's tier (0: names, 1: title, 2: tags, 3: the rest).
    tiers: Vec<(Field, usize)>,
    /// Per glossary term: its Chinese forms (lowercased), and its English words as typed.
    bridges: Vec<(Vec<String>, String)>,
    /// The CJK blocks, as code point pairs.
    cjk: Vec<(u32, u32)>,
    slack: usize,
}

/// The search data of `page` as a `<script type="application/json">` element.
pub fn write(out: &mut String, page: &Page<'_>) {
    let empty = Progress::default();
    // Note: the notes are searched only where the page carries them.
    let progress = if page.notes { page.progress } else { &empty };
    let papers = page.papers.iter().map(|paper| fields(page.catalog, progress, paper)).collect();
    let tiers = Field::ALL.iter().map(|&field| (field, field.tier() as usize - Tier::Name as usize)).collect();
    let bridges = Bridge::of_glossary()
        .into_iter()
        .map(|bridge| (bridge.forms, bridge.english.iter().map(|term| term.text.clone()).collect::<Vec<_>>().join(" ")))
        .collect();
    let data = SearchData {
        papers,
        tiers,
        bridges,
        cjk: CJK_RANGES.iter().map(|&(first, last)| (u32::from(first), u32::from(last))).collect(),
        slack: SLACK,
    };
    let json = crate::render::json::compact(&data).expect("the search data is plain strings and numbers");
    // Note: `<` is escaped so that no text can close the script element early.
    out.push_str("<script type=\"application/json\" id=\"search-data\">");
    out.push_str(&json.replace('<', "\\u003c"));
    out.push_str("</script>\n");
}

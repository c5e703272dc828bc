//! Why a paper matched, in the paper's own words: the field and the letters each query word
//! was found at, and a short snippet around them.

use std::ops::Range;

use super::Hit;
use super::fields::{Field, fields};
use super::index::Doc;
use crate::catalog::{Catalog, Paper};
use crate::progress::Progress;

/// Where one word of the query was found, in the paper's text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why<'a> {
    pub field: Field,
    /// The whole field, as written.
    pub text: &'a str,
    /// The matched letters: a byte range of `text`.
    pub matched: Range<usize>,
}

impl<'a> Why<'a> {
    /// Where each word of `hit` was found in `paper` (whose index entry is `doc`).
    pub fn of(catalog: &'a Catalog, progress: &'a Progress, paper: &'a Paper, doc: &Doc, hit: &Hit) -> Vec<Why<'a>> {
        let texts = fields(catalog, progress, paper);
        hit.spots
            .iter()
            .map(|spot| {
                let (number, start) = doc.field_at(spot.tier, spot.range.start);
                let (field, text) = texts[number];
                // Note: the index lowercases one character for one character, so the matched
                // characters are the same characters of the text as written.
                let folded = &doc.tiers[spot.tier][start..];
                let first = folded[..spot.range.start - start].chars().count();
                let count = folded[spot.range.start - start..spot.range.end - start].chars().count();
                let bytes = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
                Why { field, text, matched: bytes(first)..bytes(first + count) }
            })
            .collect()
    }

    /// The matched letters as written.
    pub fn matched_text(&self) -> &'a str {
        &self.text[self.matched.clone()]
    }

    /// The match with up to `around` characters of its field on each side, an ellipsis
    /// where the field goes on.
    pub fn snippet(&self, around: usize) -> String {
        let before: Vec<char> = self.text[..self.matched.start].chars().collect();
        let after: Vec<char> = self.text[self.matched.end..].chars().collect();
        let mut snippet = String::new();
        if before.len() > around {
            snippet.push('…');
        }
        snippet.extend(&before[before.len().saturating_sub(around)..]);
        snippet.push_str(self.matched_text());
        snippet.extend(after.iter().take(around));
        if after.len() > around {
            snippet.push('…');
        }
        snippet
    }
}

//! The search index: each paper's fields lowercased once and joined tier by tier, so a
//! query word is looked for with a few substring searches per paper.

use super::fields::{Field, TIERS, fields};
use super::letters::{fold, squash};
use crate::catalog::{Catalog, Paper};
use crate::progress::Progress;

/// Between two fields of a tier: not a word character, so a field's edges are word edges.
pub const SEPARATOR: char = '\n';

/// One paper, ready to be searched.
#[derive(Debug)]
pub struct Doc {
    /// The id and aliases with punctuation dropped (`gpt3`).
    pub named: Vec<String>,
    /// Per tier (see [`TIERS`]): its fields lowercased, joined by [`SEPARATOR`].
    pub tiers: [String; TIERS.len()],
    /// Per tier: where each field starts in the joined text, and its place in [`fields`].
    pub starts: [Vec<(u32, u16)>; TIERS.len()],
}

impl Doc {
    /// Indexes `paper`; its notes in `progress` are searched too.
    pub fn new(catalog: &Catalog, progress: &Progress, paper: &Paper) -> Doc {
        let mut doc = Doc { named: Vec::new(), tiers: Default::default(), starts: Default::default() };
        for (number, (field, text)) in fields(catalog, progress, paper).into_iter().enumerate() {
            if matches!(field, Field::Id | Field::Alias) {
                doc.named.push(squash(text));
            }
            let tier = TIERS.iter().position(|&tier| tier == field.tier()).expect("every field has a searched tier");
            let joined = &mut doc.tiers[tier];
            if !doc.starts[tier].is_empty() {
                joined.push(SEPARATOR);
            }
            let start = u32::try_from(joined.len()).expect("a paper's text is under 4 GiB");
            doc.starts[tier].push((start, u16::try_from(number).expect("a paper has under 65536 fields")));
            // Note: a line break inside a field (a note) becomes a space, so that it is
            // never taken for the edge between two fields.
            joined.extend(fold(text).chars().map(|c| if c == SEPARATOR { ' ' } else { c }));
        }
        doc
    }

    /// The field of tier `tier` holding byte `at` of its joined text: its place in
    /// [`fields`] and where it starts.
    pub fn field_at(&self, tier: usize, at: usize) -> (usize, usize) {
        let starts = &self.starts[tier];
        let index = starts.partition_point(|&(start, _)| start as usize <= at).saturating_sub(1);
        let (start, number) = starts[index];
        (number as usize, start as usize)
    }

    /// Each field of tier `tier`, as a byte range of its joined text.
    pub fn field_ranges(&self, tier: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let text = &self.tiers[tier];
        text.split(SEPARATOR).scan(0, |at, field| {
            let range = *at..*at + field.len();
            *at = range.end + SEPARATOR.len_utf8();
            Some(range)
        })
    }
}

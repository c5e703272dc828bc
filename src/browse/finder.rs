//! The browser's `/`: the one search (`query::search`) over the papers shown, with what
//! typing on a word may skip: a longer word can only drop papers, so only the last hits
//! (and the papers it names outright) are looked at again.

use crate::catalog::Catalog;
use crate::progress::Progress;
use crate::query::search::{Hit, Index, Kind, Query};

/// The search index of one catalog and its notes, and the last search.
pub struct Finder {
    index: Index,
    /// The last query as typed, what it searched among, and its hits.
    last: Option<(String, Vec<usize>, Vec<Hit>)>,
}

impl Finder {
    /// Indexes every paper of `catalog`, with the notes in `progress`.
    pub fn new(catalog: &Catalog, progress: &Progress) -> Finder {
        Finder { index: Index::new(catalog, progress), last: None }
    }

    /// The hits among the positions `among` for `query`, best first (ties keep the order of
    /// `among`); an empty query keeps `among` as it is.
    pub fn find(&mut self, text: &str, among: &[usize]) -> &[Hit] {
        let query = Query::parse(text);
        let candidates = match &self.last {
            Some((last, last_among, hits)) if last_among == among && narrows(last, text) => {
                // Note: a mask by catalog position, not a set: this runs on every key.
                let mut kept = vec![false; self.index.len()];
                for hit in hits {
                    kept[hit.position] = true;
                }
                let named: Vec<&str> = query.groups.iter().flatten().map(|term| term.squashed.as_str()).collect();
                among
                    .iter()
                    .copied()
                    .filter(|&position| {
                        kept[position]
                            || self.index.doc(position).named.iter().any(|name| named.contains(&name.as_str()))
                    })
                    .collect()
            }
            _ => among.to_vec(),
        };
        let hits = self.index.search(&query, &candidates);
        let last = self.last.insert((text.to_owned(), among.to_vec(), hits));
        &last.2
    }

    /// The last search's hit at a catalog position, with the index it points into.
    ///
    /// Note: only the rows on screen ask, and they are the first hits unless the list is
    /// scrolled, so a look along the hits costs less than a map built on every key.
    pub fn hit(&self, position: usize) -> Option<(&Hit, &Index)> {
        let (_, _, hits) = self.last.as_ref()?;
        Some((hits.iter().find(|hit| hit.position == position)?, &self.index))
    }
}

/// Whether every hit of `text` is a hit of `last`, but for papers a word names outright:
/// `text` is `last` typed on, and both are plain ASCII words, whose every way of matching
/// still holds for a word's first letters (a mention starts with them; letters inside a
/// word or close together in a name hold them too).
fn narrows(last: &str, text: &str) -> bool {
    let plain = |text: &str| {
        text.is_ascii()
            && Query::parse(text)
                .groups
                .iter()
                .all(|group| matches!(group.as_slice(), [term] if term.kind == Kind::Plain))
    };
    text.starts_with(last) && !last.trim().is_empty() && !text[last.len()..].contains('|') && plain(last) && plain(text)
}

//! The one search, behind every face: `roadmap search` and `--query`, the browser's `/`,
//! and the page's filter (whose script is a port of this module, held to it by a parity
//! test). The rules, in the order they rank a paper:
//!
//! 1. the whole query is the paper's id or an alias, punctuation ignored (`gpt3`, `llama 2`);
//! 2. fewer words matched only loosely;
//! 3. where each word is mentioned (starts a word): id or alias, title, tags, then the
//!    other fields (authors, organisation, contribution, focus, your notes, the Chinese text
//!    in both scripts); a whole word before the start of one;
//! 4. ties keep the order the papers were given in (the catalog's, or a track's).
//!
//! A loose match is a word found inside another word, or its letters in order close
//! together in a name or the title (`flashattn`). A Chinese word is found anywhere; one
//! that is not holds glossary terms (`长上下文`), found as the term's English words too, or
//! every pair of its characters.

mod fields;
mod index;
pub mod letters;
mod matcher;
mod pattern;
mod why;

use std::cmp::Reverse;

pub use fields::{Field, Tier, fields};
pub use index::Doc;
pub use matcher::{Bridge, Found, SLACK, Spot};
pub use pattern::{Kind, Query, Term};
pub use why::Why;

use crate::catalog::Catalog;
use crate::progress::Progress;

/// From how many papers a search is split across the cores: below it, starting threads
/// costs more than it saves.
const PARALLEL_FROM: usize = 4096;

/// Every paper of a catalog, ready to be searched, with the glossary's bridges between
/// Chinese and English terms.
#[derive(Debug)]
pub struct Index {
    docs: Vec<Doc>,
    bridges: Vec<Bridge>,
}

/// How a hit ranks: field by field, the lower first (the module's rules, in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// False when the whole query is the paper's id or an alias.
    unnamed: bool,
    /// How many words matched only loosely.
    loose: usize,
    /// The words' tiers, added up.
    tiers: usize,
    quality: Reverse<usize>,
    /// The paper's place in what was searched.
    order: usize,
}

/// A paper that matched: its catalog position, and where each word of the query was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub position: usize,
    pub spots: Vec<Spot>,
}

impl Index {
    /// Indexes every paper of `catalog` in catalog order, with the notes in `progress`.
    pub fn new(catalog: &Catalog, progress: &Progress) -> Index {
        let papers = &catalog.papers;
        let docs = if papers.len() < PARALLEL_FROM {
            papers.iter().map(|paper| Doc::new(catalog, progress, paper)).collect()
        } else {
            let size = papers.len().div_ceil(threads_for(papers.len()));
            std::thread::scope(|scope| {
                let slices: Vec<_> = papers
                    .chunks(size)
                    .map(|slice| {
                        scope.spawn(move || {
                            slice.iter().map(|paper| Doc::new(catalog, progress, paper)).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                slices.into_iter().flat_map(|slice| slice.join().expect("indexing a paper does not panic")).collect()
            })
        };
        Index { docs, bridges: Bridge::of_glossary() }
    }

    /// The papers at positions `among` that match `query`, best first (see the module's
    /// rules); an empty query keeps `among` as it is.
    pub fn search(&self, query: &Query, among: &[usize]) -> Vec<Hit> {
        if query.is_empty() {
            return among.iter().map(|&position| Hit { position, spots: Vec::new() }).collect();
        }
        let ranked =
            if among.len() < PARALLEL_FROM { self.rank(query, among, 0) } else { self.rank_in_parallel(query, among) };
        ranked.into_iter().map(|(_, hit)| hit).collect()
    }

    /// The papers of `among` that match, best first; `first` is the place of `among[0]` in
    /// what was searched.
    fn rank(&self, query: &Query, among: &[usize], first: usize) -> Vec<(Rank, Hit)> {
        let mut ranked: Vec<(Rank, Hit)> = among
            .iter()
            .enumerate()
            .filter_map(|(order, &position)| {
                let doc = &self.docs[position];
                let mut rank = Rank { unnamed: true, loose: 0, tiers: 0, quality: Reverse(0), order: first + order };
                let mut spots = Vec::new();
                for group in &query.groups {
                    let best = group
                        .iter()
                        .filter_map(|term| matcher::find(doc, term, &self.bridges))
                        .min_by_key(|found| (found.tier, Reverse(found.quality)))?;
                    rank.loose += usize::from(best.tier == Tier::Loose);
                    rank.tiers += best.tier as usize;
                    rank.quality.0 += usize::from(best.quality);
                    spots.extend(best.spot);
                }
                rank.unnamed = !query.named.as_ref().is_some_and(|named| doc.named.contains(named));
                Some((rank, Hit { position, spots }))
            })
            .collect();
        ranked.sort_unstable_by_key(|(rank, _)| *rank);
        ranked
    }

    /// [`Index::rank`] over one slice of `among` per core, the sorted slices merged.
    ///
    /// Note: every paper is ranked on its own, so the slices need nothing from each other;
    /// a rank holds the paper's place in `among`, so no two are equal and the order is the
    /// same as one thread's. A stable sort of sorted runs only merges them.
    fn rank_in_parallel(&self, query: &Query, among: &[usize]) -> Vec<(Rank, Hit)> {
        let size = among.len().div_ceil(threads_for(among.len()));
        std::thread::scope(|scope| {
            let slices: Vec<_> = among
                .chunks(size)
                .enumerate()
                .map(|(number, slice)| scope.spawn(move || self.rank(query, slice, number * size)))
                .collect();
            let mut ranked: Vec<(Rank, Hit)> =
                slices.into_iter().flat_map(|slice| slice.join().expect("ranking a paper does not panic")).collect();
            ranked.sort_by_key(|(rank, _)| *rank);
            ranked
        })
    }

    /// Parses `text` and searches the whole catalog.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let all: Vec<usize> = (0..self.docs.len()).collect();
        self.search(&Query::parse(text), &all)
    }

    /// How many papers are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no paper is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The indexed paper at a catalog position.
    pub fn doc(&self, position: usize) -> &Doc {
        &self.docs[position]
    }
}

/// How many threads share the work on `papers` papers: one per core, and one more for each
/// [`PARALLEL_FROM`] papers at most.
fn threads_for(papers: usize) -> usize {
    // Note: asked once: on Linux the answer reads cgroup files, and a search runs on every key.
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    cores.min(papers / PARALLEL_FROM + 1)
}

impl Bridge {
    /// The glossary's terms as bridges: a Chinese term (in either script) also finds what
    /// its English words find.
    pub fn of_glossary() -> Vec<Bridge> {
        crate::catalog::search_terms()
            .into_iter()
            .map(|(english, simplified, traditional)| {
                let mut forms = vec![letters::fold(&simplified)];
                if traditional != simplified {
                    forms.push(letters::fold(&traditional));
                }
                let english = Query::parse(&english).groups.into_iter().flatten().collect();
                Bridge { forms, english }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

//! Raw catalog files -> the validated model, collecting every problem with its location.
//!
//! Validation runs in two passes. `merge` checks each entry on its own (slugs,
//! arXiv ids against years, links, text: `entry`) and merges it over what came before;
//! `check_links` then checks what only the merged whole can tell: unknown
//! families, dangling or cyclic `builds_on`, clashing aliases, arXiv ids and tags.

mod entry;
mod links;
pub mod translation;

use std::collections::{HashMap, HashSet};

pub use entry::{is_arxiv_class, unbalanced};
pub use links::check_links;

use crate::model::{Catalog, Family, Origin, Paper, Tag, Track};
use crate::raw::{At, RawCatalog};
use entry::Checker;

/// One thing wrong with a catalog, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

/// Ids of entries that a file defines but that were too broken to read: links to them
/// are not reported as dangling on top of the entries' own problems.
#[derive(Clone, Debug, Default)]
pub struct Broken {
    pub papers: HashSet<String>,
    pub families: HashSet<String>,
}

/// Registers a source name and returns its index for [`Origin::source`].
pub fn add_source(catalog: &mut Catalog, name: String) -> u16 {
    catalog.sources.push(name);
    u16::try_from(catalog.sources.len() - 1).unwrap_or(u16::MAX)
}

/// The checked entries of one file, before they are merged: what the cache stores.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entries {
    /// Families in file order.
    pub families: Vec<Family>,
    /// Tags of the vocabulary in file order.
    pub tags: Vec<Tag>,
    /// Papers in file order.
    pub papers: Vec<Paper>,
    /// Reading tracks in file order.
    pub tracks: Vec<Track>,
}

impl Entries {
    /// Points every origin at `source` (entries read back from the cache).
    pub fn relocate(&mut self, source: u16) {
        self.families.iter_mut().for_each(|family| family.origin.source = source);
        self.tags.iter_mut().for_each(|tag| tag.origin.source = source);
        self.papers.iter_mut().for_each(|paper| paper.origin.source = source);
        self.tracks.iter_mut().for_each(|track| track.origin.source = source);
    }
}

/// Checks every entry of one file on its own (everything but the links between entries).
///
/// Entries with problems still come back, with fallbacks for the bad fields, so the
/// link checks can run over them too; a file with any problem is refused as a whole.
pub fn check_file(raw: RawCatalog, source: u16, problems: &mut Vec<Problem>) -> Entries {
    let mut checker = Checker { source, problems };
    if raw.version.value != 1 {
        let origin = checker.origin(&raw.version);
        checker
            .report(origin, format!("unsupported catalog version {}: this program reads version 1", raw.version.value));
        return Entries::default();
    }
    // Note: sized up front, so a large file's papers are never copied by a growing list.
    let mut entries = Entries {
        families: once_each(raw.families, &mut checker, "family", Checker::family, |family| &family.id),
        tags: once_each(raw.tags, &mut checker, "tag", Checker::tag, |tag| &tag.id),
        tracks: once_each(raw.tracks, &mut checker, "track", Checker::track, |track| &track.id),
        papers: Vec::with_capacity(raw.papers.len()),
    };
    // Note: papers are converted from the back of the raw list, which gives its memory back
    // as it empties, so the raw and the checked papers are never both held whole; on a
    // large catalog of short papers that is a good part of the peak.
    let mut raw_papers = raw.papers;
    while let Some(raw_paper) = raw_papers.pop() {
        let origin = checker.origin(&raw_paper);
        entries.papers.push(checker.paper(raw_paper.value, origin));
        if raw_papers.capacity() > SHRINK_FROM && raw_papers.len() * 2 < raw_papers.capacity() {
            raw_papers.shrink_to_fit();
        }
    }
    entries.papers.reverse();
    let mut first: HashSet<&str> = HashSet::with_capacity(entries.papers.len());
    let mut repeated = Vec::new();
    for (index, paper) in entries.papers.iter().enumerate() {
        if !first.insert(&paper.id) {
            repeated.push(index);
        }
    }
    for index in repeated.into_iter().rev() {
        let paper = entries.papers.remove(index);
        checker.report(paper.origin, format!("paper '{}' is defined twice in this file", paper.id));
    }
    entries
}

/// Checks each raw entry with `check`; an id seen before in the file is reported and dropped.
fn once_each<'p, R, T>(
    raw: Vec<At<R>>,
    checker: &mut Checker<'p>,
    kind: &str,
    check: impl Fn(&mut Checker<'p>, R, Origin) -> T,
    id: impl Fn(&T) -> &String,
) -> Vec<T> {
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(raw.len());
    for entry in raw {
        let origin = checker.origin(&entry);
        let item = check(checker, entry.value, origin);
        if seen.insert(id(&item).clone()) {
            checked.push(item);
        } else {
            checker.report(origin, format!("{kind} '{}' is defined twice in this file", id(&item)));
        }
    }
    checked
}

/// Raw lists longer than this are shrunk as they are consumed.
const SHRINK_FROM: usize = 1024;

/// Merges a file's entries over `catalog`: a family or paper with an id already present
/// replaces the earlier one in place.
pub fn apply(catalog: &mut Catalog, mut entries: Entries) {
    // Note: the first file over an empty base is taken whole, and later ones reserve room
    // first: a growing list of large catalogs would briefly hold two copies of itself.
    if catalog.families.is_empty() {
        catalog.families = std::mem::take(&mut entries.families);
    }
    if catalog.papers.is_empty() {
        catalog.papers = std::mem::take(&mut entries.papers);
    }
    // Note: an entry replaced by a later file drops the translation of the old one, which
    // described text that is gone; the later file's own translation may give it again.
    for translation in [&mut catalog.zh, &mut catalog.zh_tw] {
        for family in &entries.families {
            translation.families.remove(&family.id);
        }
        for paper in &entries.papers {
            translation.papers.remove(&paper.id);
        }
        for track in &entries.tracks {
            translation.tracks.remove(&track.id);
        }
    }
    catalog.families.reserve(entries.families.len());
    catalog.papers.reserve(entries.papers.len());
    replace_or_append(&mut catalog.families, entries.families, |family| &family.id);
    replace_or_append(&mut catalog.tags, entries.tags, |tag| &tag.id);
    replace_or_append(&mut catalog.papers, entries.papers, |paper| &paper.id);
    replace_or_append(&mut catalog.tracks, entries.tracks, |track| &track.id);
}

/// Checks every entry of `raw` and merges them over `catalog` ([`check_file`] then [`apply`]).
pub fn merge(catalog: &mut Catalog, raw: RawCatalog, source: u16, problems: &mut Vec<Problem>) {
    let entries = check_file(raw, source, problems);
    apply(catalog, entries);
}

/// Merges `new` into `list`: an item whose key is already there replaces it in place, the
/// rest are appended in order.
fn replace_or_append<T>(list: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> &String) {
    let mut index: HashMap<String, usize> =
        list.iter().enumerate().map(|(position, item)| (key(item).clone(), position)).collect();
    for item in new {
        match index.get(key(&item)) {
            Some(&position) => list[position] = item,
            None => {
                index.insert(key(&item).clone(), list.len());
                list.push(item);
            }
        }
    }
}

//! The machine-readable changelog between two versions of a published catalog: papers
//! added, changed and removed, `builds_on` edges, tracks, and the notes on track steps.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Origin, Paper, Track};

/// What a version changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changelog {
    /// The version it is measured against; none for the first.
    pub since: Option<u64>,
    /// Paper ids.
    pub papers: Changes,
    /// `[paper, builds_on]` pairs.
    pub edges: EdgeChanges,
    /// Track ids.
    pub tracks: Changes,
    /// Notes on track steps (the `why`) that appeared, changed or went.
    pub notes: Vec<NoteChange>,
}

/// Ids added, changed and removed, each list sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

/// Lineage edges added and removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeChanges {
    pub added: Vec<[String; 2]>,
    pub removed: Vec<[String; 2]>,
}

/// One step's note before and after (none: no note).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteChange {
    pub track: String,
    pub paper: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Changelog {
    /// What `after` changed against `before`, counting only what the published files
    /// bring over `base` (the catalog beneath them): entries the same as in `base` are not theirs.
    pub fn between(before: &Catalog, after: &Catalog, base: &Catalog) -> Changelog {
        let papers = |catalog: &Catalog| {
            own(&catalog.papers, &base.papers, |paper| &paper.id, |paper| Paper { origin: Origin::default(), ..paper })
        };
        let tracks = |catalog: &Catalog| {
            own(&catalog.tracks, &base.tracks, |track| &track.id, |track| Track { origin: Origin::default(), ..track })
        };
        let (old, new) = (papers(before), papers(after));
        let edges = |papers: &BTreeMap<String, Paper>| -> BTreeSet<[String; 2]> {
            papers
                .values()
                .flat_map(|paper| paper.builds_on.iter().map(|parent| [paper.id.clone(), parent.clone()]))
                .collect()
        };
        let (old_edges, new_edges) = (edges(&old), edges(&new));
        let (old_tracks, new_tracks) = (tracks(before), tracks(after));
        Changelog {
            since: None,
            papers: changes(&old, &new),
            edges: EdgeChanges {
                added: new_edges.difference(&old_edges).cloned().collect(),
                removed: old_edges.difference(&new_edges).cloned().collect(),
            },
            tracks: changes(&old_tracks, &new_tracks),
            notes: notes(&old_tracks, &new_tracks),
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.papers == Changes::default()
            && self.edges == EdgeChanges::default()
            && self.tracks == Changes::default()
            && self.notes.is_empty()
    }

    /// One line for people: `2 papers added, 1 changed; 3 edges added; 1 note changed`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let counts = |what: &str, changes: &Changes, parts: &mut Vec<String>| {
            let listed: Vec<String> = [
                ("added", changes.added.len()),
                ("changed", changes.changed.len()),
                ("removed", changes.removed.len()),
            ]
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(verb, count)| format!("{count} {verb}"))
            .collect();
            if !listed.is_empty() {
                parts.push(format!("{what}: {}", listed.join(", ")));
            }
        };
        counts("papers", &self.papers, &mut parts);
        let edges = (self.edges.added.len(), self.edges.removed.len());
        if edges != (0, 0) {
            parts.push(format!("edges: {} added, {} removed", edges.0, edges.1));
        }
        counts("tracks", &self.tracks, &mut parts);
        if !self.notes.is_empty() {
            parts.push(format!("notes: {} changed", self.notes.len()));
        }
        if parts.is_empty() { "no change".to_owned() } else { parts.join("; ") }
    }
}

fn changes<T: PartialEq>(old: &BTreeMap<String, T>, new: &BTreeMap<String, T>) -> Changes {
    Changes {
        added: new.keys().filter(|id| !old.contains_key(*id)).cloned().collect(),
        changed: new
            .iter()
            .filter(|(id, value)| old.get(*id).is_some_and(|was| was != *value))
            .map(|(id, _)| id.clone())
            .collect(),
        removed: old.keys().filter(|id| !new.contains_key(*id)).cloned().collect(),
    }
}

/// The step notes that differ, by track and paper.
fn notes(old: &BTreeMap<String, Track>, new: &BTreeMap<String, Track>) -> Vec<NoteChange> {
    let whys = |tracks: &BTreeMap<String, Track>| -> BTreeMap<(String, String), String> {
        tracks
            .values()
            .flat_map(|track| {
                track.steps.iter().filter_map(|step| Some(((track.id.clone(), step.paper.clone()), step.why.clone()?)))
            })
            .collect()
    };
    let (before, after) = (whys(old), whys(new));
    let keys: BTreeSet<&(String, String)> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter(|key| before.get(*key) != after.get(*key))
        .map(|key| NoteChange {
            track: key.0.clone(),
            paper: key.1.clone(),
            before: before.get(key).cloned(),
            after: after.get(key).cloned(),
        })
        .collect()
}

/// The entries of `items` that are not the same as the entry of their id in `beneath`
/// (where each came from aside, which `bare` clears), by id.
fn own<T: Clone + PartialEq>(
    items: &[T],
    beneath: &[T],
    id: impl Fn(&T) -> &String,
    bare: impl Fn(T) -> T,
) -> BTreeMap<String, T> {
    let beneath: BTreeMap<&String, T> = beneath.iter().map(|item| (id(item), bare(item.clone()))).collect();
    items
        .iter()
        .map(|item| bare(item.clone()))
        .filter(|item| beneath.get(id(item)) != Some(item))
        .map(|item| (id(&item).clone(), item))
        .collect()
}

//! What to read next, ranked with a reason each, and the order a plan reads a track in:
//! the one rule `next` and `plan` follow.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::Lineage;
use crate::catalog::{Paper, Track};
use crate::progress::{Progress, Status};

/// Why a paper is offered: the facts its reason is worded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reason<'a> {
    /// The track that puts it forward and its step there (1-based, as `roadmap track`
    /// numbers it): a track you have started, the one asked for, or, with nothing started,
    /// the track to start with.
    pub step: Option<(&'a Track, usize)>,
    /// How many papers not yet read or skipped build on it, directly or through others.
    pub unlocks: usize,
    /// How many papers it builds on (all read or skipped, or it would not be offered).
    pub prerequisites: usize,
    /// Whether some of those were skipped rather than read.
    pub skipped: bool,
}

/// A paper offered next, with why.
#[derive(Clone, Copy, Debug)]
pub struct Suggestion<'a> {
    pub paper: &'a Paper,
    pub reason: Reason<'a>,
}

/// Where a paper stands in the preferred track that puts it first.
#[derive(Clone, Copy)]
struct Place<'a> {
    track: &'a Track,
    /// Its step in the track (1-based).
    step: usize,
    /// How many of the track's steps are read or being read.
    started: usize,
    /// How many steps before it are not yet read or skipped.
    waiting: usize,
}

impl Place<'_> {
    /// What ranks a paper by its place: the most started track first, then the step
    /// fewest unread steps away.
    fn rank(&self) -> (Reverse<usize>, usize) {
        (Reverse(self.started), self.waiting)
    }
}

impl<'a> Lineage<'a> {
    /// The papers to read now, best first: those not read or skipped whose prerequisites
    /// all are. First the steps of the tracks you have started (one with a step read or
    /// being read; with none, [`Lineage::first_track`]): the track with the most steps read
    /// or being read first, within it the step fewest unread steps away; then the papers
    /// that unlock the most; then the oldest.
    pub fn suggest(&self, progress: &Progress) -> Vec<Suggestion<'a>> {
        let settled = self.settled(progress);
        let places = self.places(&self.preferred_tracks(progress), progress, &settled);
        let mut ranked: Vec<(Option<Place<'a>>, usize, Suggestion<'a>)> = (0..self.catalog.papers.len())
            .filter(|&node| !settled[node] && self.parents[node].iter().all(|&parent| settled[parent]))
            .map(|node| {
                let place = places.get(&node).copied();
                let reason = self.reason(node, place.map(|place| (place.track, place.step)), &settled, progress);
                (place, node, Suggestion { paper: &self.catalog.papers[node], reason })
            })
            .collect();
        // Note: `None` sorts before `Some`, so a paper on no track is put after them by hand.
        ranked.sort_by_key(|(place, node, suggestion)| {
            (place.is_none(), place.map(|place| place.rank()), Reverse(suggestion.reason.unlocks), *node)
        });
        ranked.into_iter().map(|(.., suggestion)| suggestion).collect()
    }

    /// The steps of `track` to read now, in the track's order: those not read or skipped
    /// whose prerequisites within the track (directly, or through papers outside it) all are.
    pub fn suggest_in(&self, track: &'a Track, progress: &Progress) -> Vec<Suggestion<'a>> {
        let settled = self.settled(progress);
        let members = self.members(track);
        let mut kept = vec![false; self.catalog.papers.len()];
        for &(node, _) in &members {
            kept[node] = true;
        }
        let nearest = self.nearest_kept(&kept);
        members
            .into_iter()
            .filter(|&(node, _)| !settled[node])
            .filter(|&(node, _)| nearest[node].iter().all(|(paper, _)| settled[self.position(paper)]))
            .map(|(node, step)| Suggestion {
                paper: &self.catalog.papers[node],
                reason: self.reason(node, Some((track, step)), &settled, progress),
            })
            .collect()
    }

    /// The steps of `track` not yet read or skipped, each with its step number, in the order
    /// to read them: the track's, except that a paper always comes after every other of
    /// these papers it builds on, directly or through papers outside them.
    pub fn plan(&self, track: &'a Track, progress: &Progress) -> Vec<(&'a Paper, usize)> {
        let settled = self.settled(progress);
        let members: Vec<(usize, usize)> =
            self.members(track).into_iter().filter(|&(node, _)| !settled[node]).collect();
        let mut kept = vec![false; self.catalog.papers.len()];
        let mut rank = vec![0; self.catalog.papers.len()];
        for &(node, step) in &members {
            kept[node] = true;
            rank[node] = step;
        }
        let nearest = self.nearest_kept(&kept);
        let mut waiting: HashMap<usize, usize> = members.iter().map(|&(node, _)| (node, nearest[node].len())).collect();
        let mut ready: BinaryHeap<Reverse<(usize, usize)>> = members
            .iter()
            .filter(|&&(node, _)| waiting[&node] == 0)
            .map(|&(node, step)| Reverse((step, node)))
            .collect();
        let mut order = Vec::with_capacity(members.len());
        while let Some(Reverse((step, node))) = ready.pop() {
            order.push((&self.catalog.papers[node], step));
            for &(other, other_step) in &members {
                let after = nearest[other].iter().any(|(paper, _)| self.position(paper) == node);
                if let (true, Some(count)) = (after, waiting.get_mut(&other)) {
                    *count -= 1;
                    if *count == 0 {
                        ready.push(Reverse((other_step, other)));
                    }
                }
            }
        }
        order
    }

    /// The track to start with when nothing is started: the one whose first step builds on
    /// nothing, the oldest such first step (on the embedded catalog, `foundations`).
    pub fn first_track(&self) -> Option<&'a Track> {
        self.catalog
            .tracks
            .iter()
            .filter_map(|track| {
                let first = self.position_of(&track.steps.first()?.paper)?;
                self.parents[first].is_empty().then_some((first, track))
            })
            .min_by_key(|(first, _)| *first)
            .map(|(_, track)| track)
    }

    /// The tracks with a step read or being read; with none, the track to start with.
    fn preferred_tracks(&self, progress: &Progress) -> Vec<&'a Track> {
        let started = |track: &&Track| {
            track.steps.iter().any(|step| matches!(progress.status(&step.paper), Status::Read | Status::Reading))
        };
        let tracks: Vec<&'a Track> = self.catalog.tracks.iter().filter(started).collect();
        if tracks.is_empty() { self.first_track().into_iter().collect() } else { tracks }
    }

    /// For each paper on one of `tracks`, the place that ranks it first (the earlier track
    /// on a tie).
    fn places(&self, tracks: &[&'a Track], progress: &Progress, settled: &[bool]) -> HashMap<usize, Place<'a>> {
        let mut places: HashMap<usize, Place<'a>> = HashMap::new();
        for &track in tracks {
            let started = track
                .steps
                .iter()
                .filter(|step| matches!(progress.status(&step.paper), Status::Read | Status::Reading))
                .count();
            let mut waiting = 0;
            for (node, step) in self.members(track) {
                let place = Place { track, step, started, waiting };
                if places.get(&node).is_none_or(|best| place.rank() < best.rank()) {
                    places.insert(node, place);
                }
                waiting += usize::from(!settled[node]);
            }
        }
        places
    }

    /// The positions of a track's steps that are papers of the catalog, each with its step
    /// number (1-based), in the track's order.
    fn members(&self, track: &Track) -> Vec<(usize, usize)> {
        track
            .steps
            .iter()
            .enumerate()
            .filter_map(|(index, step)| self.position_of(&step.paper).map(|node| (node, index + 1)))
            .collect()
    }

    /// Whether each paper is read or skipped.
    fn settled(&self, progress: &Progress) -> Vec<bool> {
        self.catalog.papers.iter().map(|paper| progress.status(&paper.id).is_settled()).collect()
    }

    /// The reason for offering the paper at `node`.
    fn reason(
        &self,
        node: usize,
        step: Option<(&'a Track, usize)>,
        settled: &[bool],
        progress: &Progress,
    ) -> Reason<'a> {
        let parents = &self.parents[node];
        Reason {
            step,
            unlocks: self.unsettled_descendants(node, settled),
            prerequisites: parents.len(),
            skipped: parents.iter().any(|&parent| progress.status(&self.catalog.papers[parent].id) == Status::Skipped),
        }
    }

    /// How many papers not read or skipped build on `node`, directly or through others.
    fn unsettled_descendants(&self, node: usize, settled: &[bool]) -> usize {
        let mut seen = vec![false; self.catalog.papers.len()];
        let mut stack = vec![node];
        let mut count = 0;
        while let Some(current) = stack.pop() {
            for &child in &self.children[current] {
                if !seen[child] {
                    seen[child] = true;
                    count += usize::from(!settled[child]);
                    stack.push(child);
                }
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Step};
    use crate::lineage::tests::catalog;

    fn track(id: &str, steps: &[&str]) -> Track {
        Track {
            id: id.into(),
            name: id.into(),
            summary: String::new(),
            steps: steps.iter().map(|paper| Step { paper: (*paper).to_owned(), why: None }).collect(),
            origin: Default::default(),
        }
    }

    fn with_tracks(tracks: Vec<Track>) -> Catalog {
        Catalog { tracks, ..catalog() }
    }

    fn ids(suggestions: &[Suggestion<'_>]) -> Vec<String> {
        suggestions.iter().map(|suggestion| suggestion.paper.id.clone()).collect()
    }

    #[test]
    fn a_beginner_starts_at_the_track_that_starts_at_a_root_then_what_unlocks_most() {
        // "late" starts at "side" (2019), "early" at "root" (2017): early is the first track.
        let catalog = with_tracks(vec![track("late", &["side", "after"]), track("early", &["root", "left"])]);
        let lineage = Lineage::new(&catalog);
        assert_eq!(lineage.first_track().map(|track| track.id.as_str()), Some("early"));
        let suggested = lineage.suggest(&Progress::default());
        assert_eq!(ids(&suggested), ["root", "side"]);
        assert_eq!(suggested[0].reason.step.map(|(track, step)| (track.id.as_str(), step)), Some(("early", 1)));
        assert_eq!(suggested[0].reason.unlocks, 4, "right, left, top and after");
        assert_eq!(suggested[1].reason.step, None);
    }

    #[test]
    fn a_started_track_comes_first_and_then_what_unlocks_most() {
        let catalog = with_tracks(vec![track("early", &["root", "left"]), track("late", &["side", "top", "after"])]);
        let lineage = Lineage::new(&catalog);
        let mut progress = Progress::default();
        progress.set_status("root", Status::Read, "2026-01-01");
        // Only "early" is started: left is its next step; right unlocks two, side one.
        let suggested = lineage.suggest(&progress);
        assert_eq!(ids(&suggested), ["left", "right", "side"]);
        assert_eq!(suggested[1].reason.unlocks, 2);
        assert_eq!(suggested[1].reason.prerequisites, 1);
        progress.set_status("side", Status::Reading, "2026-01-01");
        assert_eq!(ids(&lineage.suggest(&progress)), ["left", "side", "right"], "late is started now");
    }

    #[test]
    fn the_track_with_the_most_read_goes_first() {
        let catalog = with_tracks(vec![track("one", &["root", "right"]), track("two", &["root", "left", "side"])]);
        let lineage = Lineage::new(&catalog);
        let mut progress = Progress::default();
        progress.set_status("root", Status::Read, "2026-01-01");
        // Both started alike: their next steps, then side, two steps away on its track.
        assert_eq!(ids(&lineage.suggest(&progress)), ["right", "left", "side"]);
        progress.set_status("side", Status::Read, "2026-01-01");
        let suggested = lineage.suggest(&progress);
        assert_eq!(ids(&suggested), ["left", "right"]);
        assert_eq!(suggested[0].reason.step.map(|(track, step)| (track.id.as_str(), step)), Some(("two", 2)));
    }

    #[test]
    fn a_track_is_followed_in_its_order_once_its_prerequisites_are_read() {
        let catalog = with_tracks(vec![track("t", &["root", "left", "side", "after"])]);
        let lineage = Lineage::new(&catalog);
        let t = &catalog.tracks[0];
        let mut progress = Progress::default();
        assert_eq!(ids(&lineage.suggest_in(t, &progress)), ["root", "side"]);
        progress.set_status("root", Status::Skipped, "2026-01-01");
        let suggested = lineage.suggest_in(t, &progress);
        assert_eq!(ids(&suggested), ["left", "side"]);
        assert!(suggested[0].reason.skipped);
        // after waits for left through top, which is not on the track.
        progress.set_status("side", Status::Read, "2026-01-01");
        assert_eq!(ids(&lineage.suggest_in(t, &progress)), ["left"]);
    }

    #[test]
    fn a_plan_leaves_out_what_is_settled_and_never_puts_a_paper_before_its_prerequisite() {
        // A track out of order, as an overlay could make it: after before top, top before left.
        let catalog = with_tracks(vec![track("t", &["root", "after", "top", "side", "left"])]);
        let lineage = Lineage::new(&catalog);
        let mut progress = Progress::default();
        progress.set_status("root", Status::Read, "2026-01-01");
        let plan: Vec<(String, usize)> =
            lineage.plan(&catalog.tracks[0], &progress).iter().map(|(paper, step)| (paper.id.clone(), *step)).collect();
        let pair = |id: &str, step: usize| (id.to_owned(), step);
        assert_eq!(plan, [pair("side", 4), pair("left", 5), pair("top", 3), pair("after", 2)]);
    }
}

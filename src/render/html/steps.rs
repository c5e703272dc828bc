//! Tracks on the page: the order of the table and the cards, each step's number, and each
//! step's why (in the page's language, from the catalog as `roadmap track` shows it). A card
//! carries a why for every track it is on, hidden but for the page's own track; the script
//! shows the picked track's and copies them under the table's rows.

use std::fmt::Write;

use super::{Page, escape};
use crate::catalog::{Paper, Track};

impl<'a> Page<'a> {
    /// The papers in the order of the table and the cards: on a track's page, its steps in
    /// order, then any other paper oldest first; otherwise oldest first.
    pub fn listed(&self) -> Vec<&'a Paper> {
        let Some(track) = self.track else { return self.papers.clone() };
        let mut listed: Vec<&'a Paper> = track
            .steps
            .iter()
            .filter_map(|step| self.papers.iter().copied().find(|paper| paper.id == step.paper))
            .collect();
        listed.extend(self.papers.iter().copied().filter(|paper| step_number(track, &paper.id).is_none()));
        listed
    }

    /// The tracks the page offers: those with at least one paper on the page.
    pub fn tracks(&self) -> impl Iterator<Item = &'a Track> + '_ {
        self.catalog
            .tracks
            .iter()
            .filter(|track| track.steps.iter().any(|step| self.on_page.contains(step.paper.as_str())))
    }
}

/// Where `paper` comes in `track` (1-based, counted over the whole track, as `roadmap track`
/// numbers it).
pub fn step_number(track: &Track, paper: &str) -> Option<usize> {
    track.steps.iter().position(|step| step.paper == paper).map(|index| index + 1)
}

/// The step number before a row's id, on a track's page.
pub fn row_number(out: &mut String, page: &Page<'_>, paper: &Paper) {
    if let Some(step) = page.track.and_then(|track| step_number(track, &paper.id)) {
        let _ = write!(out, "<span class=\"step\">{step}. </span>");
    }
}

/// The why under a row's title, on a track's page.
pub fn row_why(out: &mut String, page: &Page<'_>, paper: &Paper) {
    if let Some(why) = page.track.and_then(|track| page.catalog.step_why(track, &paper.id, page.lang)) {
        let _ = write!(out, "<p class=\"why\">{}</p>", escape(why));
    }
}

/// A card's line for each track it is on: "Step N" and why, shown only for the page's track.
pub fn card_whys(out: &mut String, page: &Page<'_>, paper: &Paper) {
    for track in page.tracks() {
        let Some(step) = step_number(track, &paper.id) else { continue };
        let hidden = if page.track.is_some_and(|shown| shown.id == track.id) { "" } else { " hidden" };
        let _ = write!(
            out,
            "<p class=\"why\" data-track=\"{}\" data-step=\"{step}\"{hidden}><strong>{}</strong>",
            escape(&track.id),
            (page.words.page.step)(step)
        );
        if let Some(why) = page.catalog.step_why(track, &paper.id, page.lang) {
            let _ = write!(out, " · <span class=\"why-text\">{}</span>", escape(why));
        }
        out.push_str("</p>\n");
    }
}

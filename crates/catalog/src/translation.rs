//! Text in another language (Simplified Chinese): papers' contribution and focus,
//! families' names and summaries, tracks' names, summaries and step notes, keyed by id.
//! Anything without a translation falls back to the English; `validate::translation`
//! checks a translation file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::at::Origin;

/// The text of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub families: BTreeMap<String, FamilyText>,
    pub papers: BTreeMap<String, PaperText>,
    pub tracks: BTreeMap<String, TrackText>,
}

/// A family's name and summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyText {
    pub name: String,
    pub summary: String,
    /// The fingerprint of the English it was written from, when recorded.
    pub en: Option<String>,
    pub origin: Origin,
}

/// A paper's contribution and focus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperText {
    pub contribution: String,
    pub focus: Vec<String>,
    /// The fingerprint of the English it was written from, when recorded.
    pub en: Option<String>,
    pub origin: Origin,
}

/// A track's name, summary and step notes (by paper id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackText {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub why: BTreeMap<String, String>,
    /// The fingerprint of the English it was written from, when recorded.
    pub en: Option<String>,
    pub origin: Origin,
}

impl Translation {
    /// Merges a file's text over what earlier files gave: an id given again replaces the earlier text.
    pub fn apply(&mut self, translation: Translation) {
        self.families.extend(translation.families);
        self.papers.extend(translation.papers);
        self.tracks.extend(translation.tracks);
    }
}

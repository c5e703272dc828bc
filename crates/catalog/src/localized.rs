//! The catalog's text in the reader's language: the translation where there is one, else
//! the English.

use crate::lang::Lang;
use crate::model::{Catalog, Family, Paper, Track};
use crate::translation::{FamilyText, PaperText, TrackText};

impl Catalog {
    /// A paper's contribution in `lang`, or the English.
    pub fn contribution<'a>(&'a self, paper: &'a Paper, lang: Lang) -> &'a str {
        self.paper_text(paper, lang).map_or(&paper.contribution, |text| &text.contribution)
    }

    /// A paper's focus items in `lang`, or the English.
    pub fn focus<'a>(&'a self, paper: &'a Paper, lang: Lang) -> &'a [String] {
        self.paper_text(paper, lang).map_or(&paper.focus, |text| &text.focus)
    }

    fn paper_text(&self, paper: &Paper, lang: Lang) -> Option<&PaperText> {
        (lang == Lang::Zh).then(|| self.zh.papers.get(&paper.id)).flatten()
    }

    /// A family's name in `lang`, or the English.
    pub fn family_name<'a>(&'a self, family: &'a Family, lang: Lang) -> &'a str {
        self.family_text(family, lang).map_or(&family.name, |text| &text.name)
    }

    /// A family's summary in `lang`, or the English.
    pub fn family_summary<'a>(&'a self, family: &'a Family, lang: Lang) -> &'a str {
        self.family_text(family, lang).map_or(&family.summary, |text| &text.summary)
    }

    fn family_text(&self, family: &Family, lang: Lang) -> Option<&FamilyText> {
        (lang == Lang::Zh).then(|| self.zh.families.get(&family.id)).flatten()
    }

    /// A track's name in `lang`, or the English.
    pub fn track_name<'a>(&'a self, track: &'a Track, lang: Lang) -> &'a str {
        self.track_text(track, lang).and_then(|text| text.name.as_deref()).unwrap_or(&track.name)
    }

    /// A track's summary in `lang`, or the English.
    pub fn track_summary<'a>(&'a self, track: &'a Track, lang: Lang) -> &'a str {
        self.track_text(track, lang).and_then(|text| text.summary.as_deref()).unwrap_or(&track.summary)
    }

    /// Why a step is in a track, in `lang`, or the English (none when the track gives none).
    pub fn step_why<'a>(&'a self, track: &'a Track, paper: &str, lang: Lang) -> Option<&'a str> {
        let translated = self.track_text(track, lang).and_then(|text| text.why.get(paper)).map(String::as_str);
        translated.or_else(|| track.steps.iter().find(|step| step.paper == paper).and_then(|step| step.why.as_deref()))
    }

    fn track_text(&self, track: &Track, lang: Lang) -> Option<&TrackText> {
        (lang == Lang::Zh).then(|| self.zh.tracks.get(&track.id)).flatten()
    }
}

//! The catalog's text in the reader's language: the translation where there is one, else
//! the English.

use crate::lang::Lang;
use crate::model::{Catalog, Family, Paper, Track};
use crate::translation::{FamilyText, PaperText, TrackText, Translation};

impl Catalog {
    /// The translation that speaks `lang`, if any.
    fn translation(&self, lang: Lang) -> Option<&Translation> {
        match lang {
            Lang::En => None,
            Lang::Zh => Some(&self.zh),
            // Note: a user's own Chinese file is Simplified, and stays so: what the build did
            // not convert falls back to it rather than to the English.
            Lang::ZhTw => Some(&self.zh_tw),
        }
    }

    /// The translations in every script, Simplified first (a Chinese search looks in both;
    /// one that was not loaded is empty).
    pub fn translations(&self) -> [&Translation; 2] {
        [&self.zh, &self.zh_tw]
    }

    /// A paper's contribution in `lang`, or the English.
    pub fn contribution<'a>(&'a self, paper: &'a Paper, lang: Lang) -> &'a str {
        self.paper_text(paper, lang).map_or(&paper.contribution, |text| &text.contribution)
    }

    /// A paper's focus items in `lang`, or the English.
    pub fn focus<'a>(&'a self, paper: &'a Paper, lang: Lang) -> &'a [String] {
        self.paper_text(paper, lang).map_or(&paper.focus, |text| &text.focus)
    }

    fn paper_text(&self, paper: &Paper, lang: Lang) -> Option<&PaperText> {
        self.translation(lang)
            .and_then(|text| text.papers.get(&paper.id))
            .or_else(|| self.simplified(lang)?.papers.get(&paper.id))
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
        self.translation(lang)
            .and_then(|text| text.families.get(&family.id))
            .or_else(|| self.simplified(lang)?.families.get(&family.id))
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
        self.translation(lang)
            .and_then(|text| text.tracks.get(&track.id))
            .or_else(|| self.simplified(lang)?.tracks.get(&track.id))
    }

    /// The Simplified text behind a Traditional reader's, for entries the build did not convert.
    fn simplified(&self, lang: Lang) -> Option<&Translation> {
        (lang == Lang::ZhTw).then_some(&self.zh)
    }
}

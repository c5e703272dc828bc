//! Traditional Chinese from the Simplified text: the reviewed overrides
//! (`data/lang/zh-TW-overrides.yaml`) that correct what a character-and-phrase conversion
//! gets wrong for readers in Taiwan, and a translation carried through any conversion.
//! build.rs does the converting (with OpenCC's Taiwan tables), so none of it runs at run time.

use serde::Deserialize;

use crate::translation::{FamilyText, PaperText, TrackText, Translation};
use crate::yaml::{self, ParseError};

/// The overrides file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverrides {
    version: u32,
    #[serde(default)]
    replace: Vec<Replacement>,
}

/// One correction: text the conversion produced, and what Taiwan's usage writes instead.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    pub from: String,
    pub to: String,
    /// Why, for the reviewer (never shown).
    #[serde(default)]
    pub why: Option<String>,
}

/// The reviewed corrections, applied in order after the conversion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub replace: Vec<Replacement>,
}

impl Overrides {
    /// Parses the overrides file.
    pub fn parse(text: &str) -> Result<Overrides, ParseError> {
        let raw: RawOverrides = yaml::from_yaml(text)?;
        if raw.version != 1 {
            return Err(ParseError {
                position: None,
                message: format!("version {} is not supported: this program reads version 1", raw.version),
                refused: false,
            });
        }
        Ok(Overrides { replace: raw.replace })
    }

    /// `converted` with every correction applied.
    pub fn apply(&self, converted: &str) -> String {
        self.replace
            .iter()
            .fold(converted.to_owned(), |text, replacement| text.replace(&replacement.from, &replacement.to))
    }
}

impl Translation {
    /// The same translation with every text passed through `convert` (ids, origins and
    /// fingerprints unchanged, since the text still translates the same English).
    pub fn converted(&self, convert: impl Fn(&str) -> String) -> Translation {
        Translation {
            families: self
                .families
                .iter()
                .map(|(id, text)| {
                    (
                        id.clone(),
                        FamilyText { name: convert(&text.name), summary: convert(&text.summary), ..text.clone() },
                    )
                })
                .collect(),
            papers: self
                .papers
                .iter()
                .map(|(id, text)| {
                    let focus = text.focus.iter().map(|item| convert(item)).collect();
                    (id.clone(), PaperText { contribution: convert(&text.contribution), focus, ..text.clone() })
                })
                .collect(),
            tracks: self
                .tracks
                .iter()
                .map(|(id, text)| {
                    let why = text.why.iter().map(|(step, why)| (step.clone(), convert(why))).collect();
                    let (name, summary) = (text.name.as_deref().map(&convert), text.summary.as_deref().map(&convert));
                    (id.clone(), TrackText { name, summary, why, ..text.clone() })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_apply_in_order() {
        let overrides =
            Overrides::parse("version: 1\nreplace:\n  - {from: 質量, to: 品質, why: quality}\n").expect("valid");
        assert_eq!(overrides.apply("訓練資料的質量"), "訓練資料的品質");
        assert!(Overrides::parse("version: 2\n").is_err());
    }
}

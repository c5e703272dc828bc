//! The glossary (`data/lang/glossary.yaml`): one Chinese term per English term, and the
//! variants to avoid. `check` refuses Chinese text that uses an avoided variant, so one
//! idea keeps one name across every translation and the program's own words.

use serde::Deserialize;

use crate::model::{Catalog, Origin};
use crate::validate::Problem;
use crate::yaml::{self, ParseError};

/// A glossary file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    version: u32,
    terms: Vec<Term>,
}

/// One English term, its Chinese, and the variants that must not be used for it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub en: String,
    pub zh: String,
    #[serde(default)]
    pub avoid: Vec<String>,
}

/// The terms of a glossary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Parses a glossary; an avoided variant found inside the term itself would refuse the
    /// term, so it is an error too.
    pub fn parse(text: &str) -> Result<Glossary, ParseError> {
        let raw: RawGlossary = yaml::from_yaml(text)?;
        let refuse = |message: String| ParseError { position: None, message, refused: false };
        if raw.version != 1 {
            return Err(refuse(format!("version {} is not supported: this program reads version 1", raw.version)));
        }
        for term in &raw.terms {
            if let Some(variant) =
                term.avoid.iter().find(|variant| term.zh.contains(variant.as_str()) || variant.trim().is_empty())
            {
                return Err(refuse(format!(
                    "the variant '{variant}' of '{}' would refuse the term {} itself",
                    term.en, term.zh
                )));
            }
        }
        Ok(Glossary { terms: raw.terms })
    }

    /// The first avoided variant in `text`, with its term.
    pub fn misuse(&self, text: &str) -> Option<(&Term, &str)> {
        self.terms.iter().find_map(|term| {
            term.avoid.iter().find(|variant| text.contains(variant.as_str())).map(|variant| (term, variant.as_str()))
        })
    }

    /// Every piece of the catalog's Chinese that uses an avoided variant.
    pub fn check(&self, catalog: &Catalog) -> Vec<Problem> {
        let zh = &catalog.zh;
        let mut texts: Vec<(String, Origin, &str)> = Vec::new();
        for (id, text) in &zh.papers {
            texts.push((format!("paper '{id}'"), text.origin, &text.contribution));
            texts.extend(text.focus.iter().map(|item| (format!("paper '{id}'"), text.origin, item.as_str())));
        }
        for (id, text) in &zh.families {
            texts.push((format!("family '{id}'"), text.origin, &text.name));
            texts.push((format!("family '{id}'"), text.origin, &text.summary));
        }
        for (id, text) in &zh.tracks {
            let parts = text.name.iter().chain(&text.summary).chain(text.why.values());
            texts.extend(parts.map(|part| (format!("track '{id}'"), text.origin, part.as_str())));
        }
        texts
            .into_iter()
            .filter_map(|(what, origin, text)| {
                self.misuse(text).map(|(term, variant)| Problem {
                    origin,
                    message: format!(
                        "the Chinese of {what} writes '{variant}' for {}: the glossary's term is {}",
                        term.en, term.zh
                    ),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_avoided_variant_is_found_and_named() {
        let glossary = Glossary::parse("version: 1\nterms:\n  - en: token\n    zh: 词元\n    avoid: [令牌]\n")
            .expect("a glossary");
        let (term, variant) = glossary.misuse("把文本切成令牌").expect("a misuse");
        assert_eq!((term.zh.as_str(), variant), ("词元", "令牌"));
        assert!(glossary.misuse("把文本切成词元").is_none());
    }

    #[test]
    fn a_variant_that_would_refuse_the_term_itself_is_an_error() {
        let error = Glossary::parse("version: 1\nterms:\n  - en: inference\n    zh: 推理加速\n    avoid: [推理]\n");
        assert!(error.is_err());
        assert!(Glossary::parse("version: 1\nterms:\n  - en: x\n    zh: 推理\n    avoid: [推理服务]\n").is_ok());
    }
}

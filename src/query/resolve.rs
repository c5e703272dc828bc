//! Finding a paper from what a person typed: id, alias, arXiv id or link, loose spelling,
//! or a unique prefix; otherwise an error that says what they may have meant.

use crate::catalog::suggest::{Suggester, did_you_mean};
use crate::catalog::{ArxivId, Catalog, Paper};

/// A lookup that found nothing usable, with what the user may have meant.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// No paper matches.
    #[error("no paper '{input}' in the catalog{}", hint(suggestions, elsewhere.as_deref()))]
    UnknownPaper {
        input: String,
        /// The closest paper ids (names and aliases considered).
        suggestions: Vec<String>,
        /// What the input names other than a paper: a family or a tag, and how to list it.
        elsewhere: Option<String>,
    },
    /// A prefix matches several papers.
    #[error("'{input}' is ambiguous: it could be {}", candidates.join(", "))]
    Ambiguous {
        input: String,
        /// Every matching id.
        candidates: Vec<String>,
    },
    /// A name that must be one of a fixed set (family, tag) is not.
    #[error("no {kind} '{input}'{}", hint(suggestions, Some(listed_by)))]
    Unknown {
        /// "family", "tag" or "track".
        kind: &'static str,
        input: String,
        /// The closest known names.
        suggestions: Vec<String>,
        /// The command that lists them.
        listed_by: &'static str,
    },
}

fn hint(suggestions: &[String], otherwise: Option<&str>) -> String {
    match (suggestions, otherwise) {
        ([], Some(otherwise)) => format!("; {otherwise}"),
        ([], None) => "; try `roadmap search WORDS` to find it by title or topic".to_owned(),
        (suggestions, _) => did_you_mean(suggestions),
    }
}

/// Lowercase letters and digits only: `GPT_3` and `gpt-3` both become `gpt3`.
pub fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Finds a paper by exact id, alias, arXiv id or link, normalised form, then unique
/// prefix (DESIGN §3).
pub fn resolve<'a>(catalog: &'a Catalog, input: &str) -> Result<&'a Paper, LookupError> {
    let input = input.trim();
    let names = |paper: &'a Paper| std::iter::once(paper.id.as_str()).chain(paper.aliases.iter().map(String::as_str));
    if let Some(paper) = catalog.paper(input) {
        return Ok(paper);
    }
    if let Some(paper) = catalog.papers.iter().find(|paper| paper.aliases.iter().any(|alias| alias == input)) {
        return Ok(paper);
    }
    if let Some(arxiv) = ArxivId::find_in(input)
        && let Some(paper) = catalog.papers.iter().find(|paper| paper.arxiv.as_ref() == Some(&arxiv))
    {
        return Ok(paper);
    }
    let wanted = normalize(input);
    let lower = input.to_lowercase();
    let stages: [&dyn Fn(&str) -> bool; 2] = [&|name| !wanted.is_empty() && normalize(name) == wanted, &|name| {
        name.starts_with(&lower) || (!wanted.is_empty() && normalize(name).starts_with(&wanted))
    }];
    for matches in stages {
        let found: Vec<&Paper> = catalog.papers.iter().filter(|paper| names(paper).any(matches)).collect();
        match found.as_slice() {
            [] => {}
            [paper] => return Ok(paper),
            several => {
                return Err(LookupError::Ambiguous {
                    input: input.to_owned(),
                    candidates: several.iter().map(|paper| paper.id.clone()).collect(),
                });
            }
        }
    }
    Err(unknown_paper(catalog, input))
}

/// The error for a name that is no paper: the closest ids (newest first among equals, an
/// alias counting for its paper), or else what else the name is.
fn unknown_paper(catalog: &Catalog, input: &str) -> LookupError {
    let mut newest_first: Vec<&Paper> = catalog.papers.iter().collect();
    newest_first.sort_by_key(|paper| std::cmp::Reverse(paper.year));
    let names: Vec<(&str, &str)> = newest_first
        .iter()
        .flat_map(|paper| {
            std::iter::once(&paper.id).chain(&paper.aliases).map(|name| (name.as_str(), paper.id.as_str()))
        })
        .collect();
    let mut suggester = Suggester::new(names.iter().map(|(name, _)| *name));
    let mut suggestions: Vec<String> = Vec::new();
    for name in suggester.suggest(input) {
        let id = names.iter().find(|(candidate, _)| *candidate == name).map_or(name.as_str(), |(_, id)| id);
        if !suggestions.iter().any(|known| known == id) {
            suggestions.push(id.to_owned());
        }
    }
    let lower = input.to_lowercase();
    let elsewhere = if catalog.family(&lower).is_some() {
        Some(format!("'{lower}' is a family: `roadmap list --family {lower}` lists its papers"))
    } else {
        catalog.tag(&lower).map(|tag| format!("'{lower}' is a tag: `roadmap list --tag {}` lists its papers", tag.id))
    };
    // Note: a name that is a family or tag is most likely meant as one; a look-alike paper id is noise then.
    if elsewhere.is_some() {
        suggestions.clear();
    }
    LookupError::UnknownPaper { input: input.to_owned(), suggestions, elsewhere }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::catalog;

    fn id(result: Result<&Paper, LookupError>) -> String {
        result.map(|paper| paper.id.clone()).unwrap_or_else(|error| error.to_string())
    }

    #[test]
    fn ids_resolve_exactly_by_alias_normalised_and_by_prefix() {
        let catalog = catalog();
        assert_eq!(id(resolve(&catalog, "gpt-3")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "gpt3-paper")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "GPT3")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "gpt_3")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "instr")), "instructgpt");
    }

    #[test]
    fn arxiv_ids_and_links_resolve() {
        let catalog = catalog();
        assert_eq!(id(resolve(&catalog, "2005.14165")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "https://arxiv.org/abs/2005.14165v4")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "arXiv:2005.14165")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "https://export.arxiv.org/abs/2005.14165")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "https://arxiv.org/html/2005.14165v4")), "gpt-3");
    }

    #[test]
    fn an_ambiguous_prefix_lists_the_candidates() {
        let catalog = catalog();
        match resolve(&catalog, "gp") {
            Err(LookupError::Ambiguous { candidates, .. }) => {
                assert_eq!(candidates, ["gpt-1", "gpt-2", "gpt-3", "gpt-4"]);
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_id_suggests_the_newest_close_ids() {
        let catalog = catalog();
        match resolve(&catalog, "gpt-5") {
            Err(LookupError::UnknownPaper { suggestions, .. }) => assert_eq!(suggestions, ["gpt-4", "gpt-3", "gpt-2"]),
            other => panic!("expected unknown, got {other:?}"),
        }
        let message = resolve(&catalog, "zzzzzzzz").map(|_| ()).unwrap_err().to_string();
        assert!(message.contains("roadmap search"), "{message}");
    }

    #[test]
    fn a_mistyped_alias_suggests_its_paper() {
        let catalog = catalog();
        match resolve(&catalog, "gpt3-papr") {
            Err(LookupError::UnknownPaper { suggestions, .. }) => assert_eq!(suggestions, ["gpt-3"]),
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    #[test]
    fn a_family_or_tag_name_says_how_to_list_it() {
        let catalog = catalog();
        let message = resolve(&catalog, "alignment").map(|_| ()).unwrap_err().to_string();
        assert!(message.contains("is a family: `roadmap list --family alignment`"), "{message}");
        let message = resolve(&catalog, "moe").map(|_| ()).unwrap_err().to_string();
        assert!(message.contains("is a tag: `roadmap list --tag mixture-of-experts`"), "{message}");
    }
}

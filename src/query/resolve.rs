//! Finding a paper from what a person typed: id, alias, arXiv id, DOI or link, full title,
//! loose spelling, or a unique prefix; otherwise an error that says what they may have meant.

use super::search::letters::squash;
use crate::catalog::arxiv::SITES;
use crate::catalog::doi::DOI_HOSTS;
use crate::catalog::suggest::{Suggester, did_you_mean};
use crate::catalog::{ArxivId, Catalog, Doi, Paper};

/// A lookup that found nothing usable, with what the user may have meant.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// No paper matches.
    #[error("no paper '{input}' in the catalog{}", hint(suggestions, elsewhere.as_deref()))]
    UnknownPaper {
        input: String,
        /// The closest paper ids (names and aliases considered).
        suggestions: Vec<String>,
        /// What the input names other than a paper (a family or a tag, and how to list it), or,
        /// for a link that names no paper, which links are read.
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

/// A title reduced to its letters and digits, lowercase and unaccented, so that
/// `{BERT}: Pre-Training of…` and `BERT: Pre-training of…` are one title.
pub fn normalize_title(title: &str) -> String {
    squash(&deunicode::deunicode(title))
}

/// Finds a paper by exact id, alias, arXiv id (bare, `arXiv:`, arXiv's DOI, or a link that
/// [`ArxivId::find_in`] reads), the DOI of its doi.org link, full title (case, accents and
/// punctuation ignored), normalised form, then unique prefix (DESIGN §3).
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
    if let Some(doi) = Doi::find_in(input)
        && let Some(paper) = catalog.papers.iter().find(|paper| paper.doi().as_ref() == Some(&doi))
    {
        return Ok(paper);
    }
    let title = normalize_title(input);
    let titled: Vec<&Paper> =
        catalog.papers.iter().filter(|paper| !title.is_empty() && normalize_title(&paper.title) == title).collect();
    match titled.as_slice() {
        [] => {}
        [paper] => return Ok(paper),
        several => return Err(ambiguous(input, several)),
    }
    let wanted = squash(input);
    let lower = input.to_lowercase();
    let stages: [&dyn Fn(&str) -> bool; 2] = [&|name| !wanted.is_empty() && squash(name) == wanted, &|name| {
        name.starts_with(&lower) || (!wanted.is_empty() && squash(name).starts_with(&wanted))
    }];
    for matches in stages {
        let found: Vec<&Paper> = catalog.papers.iter().filter(|paper| names(paper).any(matches)).collect();
        match found.as_slice() {
            [] => {}
            [paper] => return Ok(paper),
            several => return Err(ambiguous(input, several)),
        }
    }
    Err(unknown_paper(catalog, input))
}

fn ambiguous(input: &str, several: &[&Paper]) -> LookupError {
    LookupError::Ambiguous {
        input: input.to_owned(),
        candidates: several.iter().map(|paper| paper.id.clone()).collect(),
    }
}

/// What to say of a link that names no paper here: the forms of link that are read, from
/// the one table that reads them.
fn links_read() -> String {
    let sites = SITES.iter().map(|(host, folders)| {
        let folders: Vec<&str> = folders.iter().map(|folder| folder.trim_end_matches('/')).collect();
        match folders.as_slice() {
            [folder] => format!("{host}/{folder}/ID"),
            _ => format!("{host}/{{{}}}/ID", folders.join(",")),
        }
    });
    let dois = DOI_HOSTS.iter().map(|host| format!("{host}/DOI"));
    format!("only links of the forms {} are read", sites.chain(dois).collect::<Vec<_>>().join(", "))
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
    // Note: a link that names no paper (an unknown host, or a page that is not a paper's) is
    // told which links are read, rather than sent to look-alike ids.
    let is_link = input.contains("://") && ArxivId::find_in(input).is_none() && Doi::find_in(input).is_none();
    let elsewhere = if is_link {
        Some(links_read())
    } else if catalog.family(&lower).is_some() {
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
    fn arxivs_dois_and_links_to_sites_that_mirror_arxiv_resolve() {
        let catalog = catalog();
        for input in [
            "10.48550/arXiv.2005.14165",
            "doi:10.48550/arXiv.2005.14165",
            "https://doi.org/10.48550/ARXIV.2005.14165",
            "https://huggingface.co/papers/2005.14165",
            "https://www.alphaxiv.org/abs/2005.14165",
            "https://alphaxiv.org/overview/2005.14165v2",
            "https://arxiv.org/pdf/2005.14165v4.pdf?download=1",
        ] {
            assert_eq!(id(resolve(&catalog, input)), "gpt-3", "{input}");
        }
    }

    #[test]
    fn a_papers_doi_link_resolves_by_its_doi_in_any_form() {
        let mut catalog = catalog();
        catalog.papers[0].url = Some("https://doi.org/10.18653/v1/N19-1423".to_owned());
        for input in ["10.18653/v1/n19-1423", "doi:10.18653/V1/N19-1423", "https://dx.doi.org/10.18653/v1/N19-1423"] {
            assert_eq!(id(resolve(&catalog, input)), "gpt-1", "{input}");
        }
        let message = id(resolve(&catalog, "10.1000/xyz"));
        assert!(message.starts_with("no paper '10.1000/xyz' in the catalog"), "{message}");
    }

    #[test]
    fn a_full_title_resolves_whatever_its_case_accents_and_punctuation() {
        let mut catalog = catalog();
        assert_eq!(id(resolve(&catalog, "The GPT-3 Paper")), "gpt-3");
        assert_eq!(id(resolve(&catalog, "  the gpt 3 paper! ")), "gpt-3");
        // Note: the title comes before prefixes: `gpt` alone is a prefix of four ids.
        catalog.papers[4].title = "GPT!".to_owned();
        assert_eq!(id(resolve(&catalog, "gpt")), "instructgpt");
        catalog.papers[3].title = "Généralisé: A “Study”".to_owned();
        assert_eq!(id(resolve(&catalog, "generalise a study")), "gpt-4");
        catalog.papers[1].title = "The gpt-1 paper".to_owned();
        match resolve(&catalog, "the GPT 1 paper") {
            Err(LookupError::Ambiguous { candidates, .. }) => assert_eq!(candidates, ["gpt-1", "gpt-2"]),
            other => panic!("expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn titles_normalise_whatever_their_case_accents_braces_and_punctuation() {
        assert_eq!(normalize_title("{BERT}: Pre-Training of Deep"), normalize_title("BERT: Pre-training of deep"));
        assert_eq!(normalize_title("Schütze’s  Model"), "schutzesmodel");
        assert_eq!(normalize_title("!!"), "");
    }

    #[test]
    fn a_link_elsewhere_names_no_paper_and_says_which_links_are_read() {
        let catalog = catalog();
        for input in ["https://example.com/abs/2005.14165", "https://example.com/10.48550/arXiv.2005.14165"] {
            let message = id(resolve(&catalog, input));
            assert!(message.starts_with(&format!("no paper '{input}' in the catalog; only links")), "{message}");
            assert!(message.contains("huggingface.co/papers/ID, alphaxiv.org/{abs,overview,pdf}/ID"), "{message}");
        }
        let message = id(resolve(&catalog, "https://huggingface.co/papers/2106.09685"));
        assert!(message.ends_with("try `roadmap search WORDS` to find it by title or topic"), "{message}");
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

//! Filters, sorting, id resolution and suggestions: shared by every command.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use crate::catalog::{Branch, Catalog, Paper};
use crate::cli::{Filters, SortKey};
use crate::progress::{Progress, Status};

/// A lookup that found nothing usable, with what the user may have meant.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// No paper matches.
    #[error("no paper '{input}' in the catalog{}", did_you_mean(suggestions).unwrap_or_else(|| "; try `roadmap list --query ...` to find it by title".to_owned()))]
    UnknownPaper {
        /// What was typed.
        input: String,
        /// Closest ids.
        suggestions: Vec<String>,
    },
    /// A prefix matches several papers.
    #[error("'{input}' is ambiguous: it could be {}", candidates.join(", "))]
    Ambiguous {
        /// What was typed.
        input: String,
        /// Every matching id.
        candidates: Vec<String>,
    },
    /// No family has this id.
    #[error("no family '{input}'{}", did_you_mean(suggestions).unwrap_or_else(|| "; `roadmap families` lists them".to_owned()))]
    UnknownFamily {
        /// What was typed.
        input: String,
        /// Closest family ids.
        suggestions: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> Option<String> {
    (!suggestions.is_empty()).then(|| format!(" (did you mean {}?)", suggestions.join(", ")))
}

/// Lowercase letters and digits only: `GPT_3` and `gpt-3` both become `gpt3`.
pub fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Finds a paper by exact id, alias, normalised form, then unique prefix (DESIGN §3).
pub fn resolve<'a>(catalog: &'a Catalog, input: &str) -> Result<&'a Paper, LookupError> {
    let input = input.trim();
    let names = |paper: &'a Paper| std::iter::once(paper.id.as_str()).chain(paper.aliases.iter().map(String::as_str));
    if let Some(paper) = catalog.paper(input) {
        return Ok(paper);
    }
    if let Some(paper) = catalog.papers.iter().find(|paper| paper.aliases.iter().any(|alias| alias == input)) {
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
    let mut scored: Vec<(usize, std::cmp::Reverse<u16>, &str)> = catalog
        .papers
        .iter()
        .filter_map(|paper| {
            let distance = names(paper).map(|name| strsim::osa_distance(&lower, name)).min()?;
            close_enough(&lower, distance).then_some((distance, std::cmp::Reverse(paper.year), paper.id.as_str()))
        })
        .collect();
    scored.sort_unstable();
    let best = scored.first().map(|(distance, _, _)| *distance);
    let suggestions = scored
        .iter()
        .take_while(|(distance, _, _)| Some(*distance) == best)
        .take(3)
        .map(|(_, _, id)| (*id).to_owned())
        .collect();
    Err(LookupError::UnknownPaper { input: input.to_owned(), suggestions })
}

/// Whether an edit distance is small enough to suggest.
fn close_enough(input: &str, distance: usize) -> bool {
    distance <= 2.max(input.chars().count() / 3)
}

/// The closest of `candidates` to `input` (all at the smallest edit distance, at most three).
pub fn suggest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let lower = input.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|candidate| (strsim::osa_distance(&lower, candidate), candidate))
        .filter(|&(distance, _)| close_enough(&lower, distance))
        .collect();
    scored.sort_unstable();
    let best = scored.first().map(|(distance, _)| *distance);
    scored
        .into_iter()
        .take_while(|(distance, _)| Some(*distance) == best)
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

/// The selection made by the shared FILTERS options, checked against the catalog.
#[derive(Debug, Default)]
pub struct Filter<'p> {
    status: Option<(Status, &'p Progress)>,
    families: HashSet<String>,
    branch: Option<Branch>,
    years: Option<RangeInclusive<u16>>,
    tags: Vec<String>,
    org: Option<String>,
    words: Vec<String>,
}

impl<'p> Filter<'p> {
    /// Builds a filter; an unknown family is an error that names the closest ones.
    pub fn new(args: &Filters, catalog: &Catalog, progress: &'p Progress) -> Result<Filter<'p>, LookupError> {
        let mut families = HashSet::new();
        for family in &args.family {
            let family = family.trim().to_lowercase();
            if catalog.family(&family).is_none() {
                let suggestions = suggest(&family, catalog.families.iter().map(|known| known.id.as_str()));
                return Err(LookupError::UnknownFamily { input: family, suggestions });
            }
            families.insert(family);
        }
        Ok(Filter {
            status: args.status.map(|status| (status, progress)),
            families,
            branch: args.branch.map(Branch::from),
            years: args.years(),
            tags: args.tag.iter().map(|tag| tag.trim().to_lowercase()).collect(),
            org: args.org.as_ref().map(|org| org.trim().to_lowercase()),
            words: args.query.as_deref().map(words).unwrap_or_default(),
        })
    }

    /// Whether a paper passes every filter.
    pub fn matches(&self, catalog: &Catalog, paper: &Paper) -> bool {
        self.status.is_none_or(|(status, progress)| progress.status(&paper.id) == status)
            && (self.families.is_empty() || self.families.contains(&paper.family))
            && self.branch.is_none_or(|branch| catalog.branch_of(paper) == branch)
            && self.years.as_ref().is_none_or(|years| years.contains(&paper.year))
            && self.tags.iter().all(|tag| paper.tags.iter().any(|have| have.to_lowercase() == *tag))
            && self
                .org
                .as_ref()
                .is_none_or(|org| paper.org.as_ref().is_some_and(|have| have.to_lowercase().contains(org)))
            && (self.words.is_empty() || {
                let text = searchable_text(paper);
                self.words.iter().all(|word| text.contains(&format!(" {word}")))
            })
    }

    /// The papers that pass, in catalog (chronological) order.
    pub fn apply<'a>(&self, catalog: &'a Catalog) -> Vec<&'a Paper> {
        catalog.papers.iter().filter(|paper| self.matches(catalog, paper)).collect()
    }
}

/// Lowercase words with punctuation turned into spaces: `Low-Rank` becomes `low rank`.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect()
}

/// Every field a text query looks at, as one lowercase string of words, each preceded by a
/// space (so ` word` finds words that start with `word`).
pub fn searchable_text(paper: &Paper) -> String {
    let fields = [&paper.id, &paper.title, &paper.contribution]
        .into_iter()
        .chain(&paper.aliases)
        .chain(&paper.authors)
        .chain(&paper.org)
        .chain(&paper.focus)
        .chain(&paper.tags);
    let mut text = String::new();
    for field in fields {
        for word in words(field) {
            text.push(' ');
            text.push_str(&word);
        }
    }
    text
}

/// A paper found by `search`, with its score.
#[derive(Debug)]
pub struct Hit<'a> {
    /// The paper.
    pub paper: &'a Paper,
    /// Higher is better.
    pub score: u32,
}

/// Ranks `papers` against `query`: every query word must start a word of some field;
/// id and aliases weigh most, then title, tags, authors and org, focus, contribution.
/// The whole query as a phrase, or as the id, scores extra. Ties stay oldest first.
pub fn search<'a>(papers: &[&'a Paper], query: &str) -> Vec<Hit<'a>> {
    let wanted = words(query);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit<'a>> =
        papers.iter().filter_map(|paper| score(paper, &wanted).map(|score| Hit { paper, score })).collect();
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

fn score(paper: &Paper, wanted: &[String]) -> Option<u32> {
    // Note: fields are borrowed and words compared lowercase on the fly; no allocation
    // happens for the papers that do not match, which is nearly all of a large catalog.
    let fields: [(u32, &[String]); 8] = [
        (10, std::slice::from_ref(&paper.id)),
        (8, &paper.aliases),
        (6, std::slice::from_ref(&paper.title)),
        (4, &paper.tags),
        (3, &paper.authors),
        (3, paper.org.as_slice()),
        (2, &paper.focus),
        (1, std::slice::from_ref(&paper.contribution)),
    ];
    let mut total = 0;
    for word in wanted {
        let best = fields
            .iter()
            .map(|(weight, texts)| {
                let mut found = 0;
                for candidate in texts.iter().flat_map(|text| text.split(|c: char| !c.is_alphanumeric())) {
                    if equals_lowercase(candidate, word) {
                        return weight * 2;
                    }
                    if found == 0 && starts_with_lowercase(candidate, word) {
                        found = *weight;
                    }
                }
                found
            })
            .max()
            .unwrap_or(0);
        if best == 0 {
            return None;
        }
        total += best;
    }
    if wanted.len() > 1 {
        let phrase = fields.iter().filter(|(_, texts)| {
            let have: Vec<&str> = texts
                .iter()
                .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
                .filter(|word| !word.is_empty())
                .collect();
            have.windows(wanted.len())
                .any(|window| window.iter().zip(wanted).all(|(have, want)| equals_lowercase(have, want)))
        });
        total += phrase.map(|(weight, _)| weight * 4).max().unwrap_or(0);
    }
    let whole: String = wanted.concat();
    if std::iter::once(&paper.id).chain(&paper.aliases).any(|name| normalize(name) == whole) {
        total += 100;
    }
    Some(total)
}

/// Whether `candidate`, lowercased, is `word` (already lowercase).
fn equals_lowercase(candidate: &str, word: &str) -> bool {
    if candidate.is_ascii() && word.is_ascii() {
        return !candidate.is_empty() && candidate.eq_ignore_ascii_case(word);
    }
    !candidate.is_empty() && candidate.chars().flat_map(char::to_lowercase).eq(word.chars())
}

/// Whether `candidate`, lowercased, starts with `word` (already lowercase).
fn starts_with_lowercase(candidate: &str, word: &str) -> bool {
    if candidate.is_ascii() && word.is_ascii() {
        return candidate.len() >= word.len()
            && candidate.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes());
    }
    let mut lowered = candidate.chars().flat_map(char::to_lowercase);
    word.chars().all(|expected| lowered.next() == Some(expected))
}

/// Puts papers in the requested order (they arrive chronological).
pub fn sort(catalog: &Catalog, papers: &mut [&Paper], key: SortKey) {
    match key {
        SortKey::Year => {}
        SortKey::Title => papers.sort_by_cached_key(|paper| paper.title.to_lowercase()),
        SortKey::Family => {
            let position = |paper: &Paper| catalog.families.iter().position(|family| family.id == paper.family);
            papers.sort_by_key(|paper| position(paper));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Family, Origin};

    fn paper(id: &str, year: u16, aliases: &[&str]) -> Paper {
        Paper {
            title: format!("The {id} paper"),
            family: "gpt".to_owned(),
            authors: vec!["Ada Lovelace".to_owned()],
            org: Some("OpenAI".to_owned()),
            contribution: "Low-rank updates.".to_owned(),
            tags: vec!["Scaling".to_owned()],
            aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
            ..Paper::sample(id, year)
        }
    }

    fn catalog() -> Catalog {
        let family = Family {
            id: "gpt".to_owned(),
            name: "GPT".to_owned(),
            branch: Branch::Decoder,
            summary: "s".to_owned(),
            origin: Origin::default(),
        };
        Catalog {
            sources: vec![],
            families: vec![family],
            papers: vec![
                paper("gpt-1", 2018, &[]),
                paper("gpt-2", 2019, &[]),
                paper("gpt-3", 2020, &["gpt3-paper"]),
                paper("gpt-4", 2023, &[]),
                paper("instructgpt", 2022, &[]),
            ],
        }
    }

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
        assert!(message.contains("roadmap list --query"), "{message}");
    }

    #[test]
    fn unknown_families_are_errors_with_suggestions() {
        let args = Filters { family: vec!["gtp".to_owned()], ..Filters::default() };
        let error = Filter::new(&args, &catalog(), &Progress::default()).unwrap_err();
        assert_eq!(error.to_string(), "no family 'gtp' (did you mean gpt?)");
    }

    #[test]
    fn filters_combine() {
        let catalog = catalog();
        let ids = |args: Filters| -> Vec<String> {
            let progress = Progress::default();
            let filter = Filter::new(&args, &catalog, &progress).expect("valid filter");
            filter.apply(&catalog).iter().map(|paper| paper.id.clone()).collect()
        };
        assert_eq!(ids(Filters { year: Some(2019..=2020), ..Filters::default() }), ["gpt-2", "gpt-3"]);
        assert_eq!(ids(Filters { since: Some(2022), ..Filters::default() }), ["gpt-4", "instructgpt"]);
        assert_eq!(ids(Filters { query: Some("INSTRUCT".to_owned()), ..Filters::default() }), ["instructgpt"]);
        assert_eq!(
            ids(Filters { query: Some("low-rank".to_owned()), until: Some(2018), ..Filters::default() }),
            ["gpt-1"]
        );
        assert_eq!(
            ids(Filters { tag: vec!["scaling".to_owned()], org: Some("openai".to_owned()), ..Filters::default() })
                .len(),
            5
        );
        assert!(ids(Filters { branch: Some(crate::cli::BranchArg::Encoder), ..Filters::default() }).is_empty());
    }

    #[test]
    fn status_filters_read_the_progress() {
        let catalog = catalog();
        let mut progress = Progress::default();
        progress.set_status("gpt-2", Status::Read, "2026-01-01");
        let args = Filters { status: Some(Status::Read), ..Filters::default() };
        let filter = Filter::new(&args, &catalog, &progress).unwrap();
        assert_eq!(filter.apply(&catalog).iter().map(|paper| paper.id.as_str()).collect::<Vec<_>>(), ["gpt-2"]);
        let args = Filters { status: Some(Status::Unread), ..Filters::default() };
        assert_eq!(Filter::new(&args, &catalog, &progress).unwrap().apply(&catalog).len(), 4);
    }

    #[test]
    fn search_ranks_ids_and_titles_above_prose_and_needs_every_word() {
        let mut catalog = catalog();
        catalog.papers[0].title = "Improving Language Understanding".into();
        catalog.papers[0].contribution = "Generative pre-training.".into();
        catalog.papers[1].contribution = "Language models learn tasks without supervision.".into();
        let papers: Vec<&Paper> = catalog.papers.iter().collect();
        let ranked = |query: &str| search(&papers, query).iter().map(|hit| hit.paper.id.clone()).collect::<Vec<_>>();
        assert_eq!(ranked("language")[..2], ["gpt-1", "gpt-2"], "a title word beats a contribution word");
        assert_eq!(ranked("GPT3"), ["gpt-3"]);
        assert_eq!(ranked("gpt-3")[0], "gpt-3", "the id itself comes first");
        assert!(ranked("language nonsense").is_empty(), "every word must match");
        assert!(ranked("  ").is_empty());
        assert_eq!(ranked("low-rank updates").len(), 3, "the three papers whose contribution still says so");
    }

    #[test]
    fn case_is_ignored_for_ascii_and_unicode_words() {
        assert!(equals_lowercase("BERT", "bert") && !equals_lowercase("BERTs", "bert") && !equals_lowercase("", ""));
        assert!(starts_with_lowercase("Distillation", "distil") && !starts_with_lowercase("Dis", "distil"));
        assert!(equals_lowercase("ROZIÈRE", "rozière") && starts_with_lowercase("Łukasz", "łuk"));
    }

    #[test]
    fn normalising_drops_case_and_punctuation() {
        assert_eq!(normalize("GPT_3"), "gpt3");
        assert_eq!(words("Low-Rank  Adaptation!"), ["low", "rank", "adaptation"]);
    }
}

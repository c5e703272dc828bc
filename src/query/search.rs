//! Ranked full-text search, and the word matching the `--query` filter shares with it.

use super::resolve::normalize;
use crate::catalog::Paper;
use crate::catalog::translation::Translation;
use crate::lang::has_cjk;

/// Lowercase words with punctuation turned into spaces: `Low-Rank` becomes `low rank`.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect()
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
///
/// The Chinese text of `translations` (Simplified, and Traditional when loaded), where a
/// paper has one, is searched too.
pub fn search<'a>(papers: &[&'a Paper], query: &str, translations: &[&Translation]) -> Vec<Hit<'a>> {
    let wanted = words(query);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit<'a>> = papers
        .iter()
        .filter_map(|paper| score(paper, &wanted, translations).map(|score| Hit { paper, score }))
        .collect();
    hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    hits
}

/// Whether every word of `wanted` (from [`words`]) is found in some field of `paper`: the
/// `--query` filter, which ranks nothing.
pub fn matches(paper: &Paper, wanted: &[String], translations: &[&Translation]) -> bool {
    score(paper, wanted, translations).is_some()
}

/// The paper's score for `wanted`, or `None` when some word is found nowhere.
fn score(paper: &Paper, wanted: &[String], translations: &[&Translation]) -> Option<u32> {
    // Note: fields are borrowed and words compared lowercase on the fly; no allocation
    // happens for the papers that do not match, which is nearly all of a large catalog.
    let chinese = translations.first().and_then(|translation| translation.papers.get(&paper.id));
    let traditional = translations.get(1).and_then(|translation| translation.papers.get(&paper.id));
    let fields: [(u32, &[String]); 12] = [
        (10, std::slice::from_ref(&paper.id)),
        (8, &paper.aliases),
        (6, std::slice::from_ref(&paper.title)),
        (4, &paper.tags),
        (3, &paper.authors),
        (3, paper.org.as_slice()),
        (2, &paper.focus),
        (1, std::slice::from_ref(&paper.contribution)),
        (2, chinese.map_or(&[][..], |text| text.focus.as_slice())),
        (1, chinese.map_or(&[][..], |text| std::slice::from_ref(&text.contribution))),
        (2, traditional.map_or(&[][..], |text| text.focus.as_slice())),
        (1, traditional.map_or(&[][..], |text| std::slice::from_ref(&text.contribution))),
    ];
    let mut total = 0;
    for word in wanted {
        let best = fields
            .iter()
            .map(|(weight, texts)| {
                let mut found = 0;
                // Note: Chinese and Japanese have no spaces between words, so a CJK query word
                // is looked for anywhere in the text.
                if has_cjk(word) {
                    return if texts.iter().any(|text| text.contains(word.as_str())) { *weight } else { 0 };
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::catalog;

    #[test]
    fn search_ranks_ids_and_titles_above_prose_and_needs_every_word() {
        let mut catalog = catalog();
        catalog.papers[0].title = "Improving Language Understanding".into();
        catalog.papers[0].contribution = "Generative pre-training.".into();
        catalog.papers[1].contribution = "Language models learn tasks without supervision.".into();
        let papers: Vec<&Paper> = catalog.papers.iter().collect();
        let ranked = |query: &str| {
            search(&papers, query, &catalog.translations()).iter().map(|hit| hit.paper.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ranked("language")[..2], ["gpt-1", "gpt-2"], "a title word beats a contribution word");
        assert_eq!(ranked("GPT3"), ["gpt-3"]);
        assert_eq!(ranked("gpt-3")[0], "gpt-3", "the id itself comes first");
        assert!(ranked("language nonsense").is_empty(), "every word must match");
        assert!(ranked("  ").is_empty());
        assert_eq!(ranked("low-rank updates").len(), 3, "the three papers whose contribution still says so");
    }

    #[test]
    fn chinese_words_match_anywhere_in_the_text() {
        let mut catalog = catalog();
        catalog.papers[2].contribution = "提出只用注意力机制的网络。".into();
        let papers: Vec<&Paper> = catalog.papers.iter().collect();
        let ranked = |query: &str| {
            search(&papers, query, &catalog.translations()).iter().map(|hit| hit.paper.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ranked("注意力"), ["gpt-3"]);
        assert!(ranked("强化学习").is_empty());
    }

    #[test]
    fn case_is_ignored_for_ascii_and_unicode_words() {
        assert!(equals_lowercase("BERT", "bert") && !equals_lowercase("BERTs", "bert") && !equals_lowercase("", ""));
        assert!(starts_with_lowercase("Distillation", "distil") && !starts_with_lowercase("Dis", "distil"));
        assert!(equals_lowercase("ROZIÈRE", "rozière") && starts_with_lowercase("Łukasz", "łuk"));
    }

    #[test]
    fn words_drop_case_and_punctuation() {
        assert_eq!(words("Low-Rank  Adaptation!"), ["low", "rank", "adaptation"]);
    }
}

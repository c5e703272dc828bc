//! The live search: nucleo-matcher over each paper's id, title, aliases, authors and
//! contribution, best match first.
//!
//! A plain word matches as a substring anywhere, or fuzzily in the names (id, title,
//! aliases) when its letters lie close together there (`gpt3` finds gpt-3, `flashattn`
//! FlashAttention): letters scattered over a long title or abstract would match nearly
//! every paper. A paper must match every word.
//! fzf's marks work as they do there (`!not`, `^start`, `end$`, `'exact`), over the
//! whole text.

use std::cmp::Reverse;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::catalog::Catalog;
use crate::lang::Lang;

/// Characters that give a search word a meaning of its own (`!not`, `^start`, `end$`,
/// `'exact`, `\` escapes): with them, a longer search may match papers a shorter one did not.
const SYNTAX: [char; 5] = ['!', '^', '$', '\'', '\\'];

/// How far apart, beyond the word's own letters, a fuzzy match's letters may lie.
const SLACK: u32 = 8;

/// How one word of the search is matched.
enum Word {
    /// Fuzzy in the names with its letters close together, else a substring of the whole text.
    Plain { fuzzy: Atom, substring: Atom, letters: u32 },
    /// A word with fzf's marks, over the whole text.
    Marked(Atom),
}

/// The search index of one catalog, and the last search (typing on narrows its hits).
pub struct Finder {
    matcher: Matcher,
    /// By catalog position: the id, title and aliases.
    names: Vec<Utf32String>,
    /// By catalog position: the names, authors and contribution (both languages in Chinese).
    texts: Vec<Utf32String>,
    /// The last query, what it searched among, and its hits.
    last: Option<(String, Vec<usize>, Vec<usize>)>,
    /// Where a fuzzy match's letters are (kept to save allocating).
    indices: Vec<u32>,
}

impl Finder {
    /// Indexes every paper of `catalog`; in Chinese the Chinese contribution is searched too.
    pub fn new(catalog: &Catalog, lang: Lang) -> Finder {
        let mut names = Vec::with_capacity(catalog.papers.len());
        let mut texts = Vec::with_capacity(catalog.papers.len());
        for paper in &catalog.papers {
            let name = format!("{} {} {}", paper.id, paper.title, paper.aliases.join(" "));
            let mut text = format!("{name} {} {}", paper.authors.join(" "), paper.contribution);
            if lang == Lang::Zh {
                text.push(' ');
                text.push_str(catalog.contribution(paper, lang));
            }
            names.push(Utf32String::from(name));
            texts.push(Utf32String::from(text));
        }
        Finder { matcher: Matcher::new(Config::DEFAULT), names, texts, last: None, indices: Vec::new() }
    }

    /// The positions of `among` whose text matches every word of `query`, best first (ties
    /// keep catalog order); an empty query keeps `among` as it is.
    pub fn find(&mut self, query: &str, among: &[usize]) -> Vec<usize> {
        let words: Vec<Word> = query.split_whitespace().map(word).collect();
        // Note: typing on only narrows a plain search, so the last hits are all that can match.
        let candidates = match &self.last {
            Some((last, last_among, hits))
                if last_among == among && query.starts_with(last.as_str()) && !query.contains(SYNTAX) =>
            {
                hits.clone()
            }
            _ => among.to_vec(),
        };
        let hits = if words.is_empty() {
            among.to_vec()
        } else {
            let mut scored: Vec<(u32, usize)> = candidates
                .into_iter()
                .filter_map(|position| Some((self.score(&words, position)?, position)))
                .collect();
            scored.sort_unstable_by_key(|&(score, position)| (Reverse(score), position));
            scored.into_iter().map(|(_, position)| position).collect()
        };
        self.last = Some((query.to_owned(), among.to_vec(), hits.clone()));
        hits
    }

    /// How well the paper at `position` matches every word (none: it misses one).
    fn score(&mut self, words: &[Word], position: usize) -> Option<u32> {
        let mut total = 0;
        for word in words {
            let text = self.texts[position].slice(..);
            total += u32::from(match word {
                Word::Marked(atom) => atom.score(text, &mut self.matcher)?,
                Word::Plain { fuzzy, substring, letters } => {
                    self.indices.clear();
                    let in_names = fuzzy
                        .indices(self.names[position].slice(..), &mut self.matcher, &mut self.indices)
                        .filter(|_| match (self.indices.first(), self.indices.last()) {
                            (Some(first), Some(last)) => last - first < letters + SLACK,
                            _ => false,
                        });
                    let whole_in_names = substring.score(self.names[position].slice(..), &mut self.matcher);
                    let in_text = substring.score(text, &mut self.matcher);
                    // Note: the word as typed in a name first, then its letters close together in one, then elsewhere.
                    let ranked = [whole_in_names.map(|score| score.saturating_mul(4)), in_names.map(|score| score.saturating_mul(2)), in_text];
                    ranked.into_iter().flatten().max()?
                }
            });
        }
        Some(total)
    }
}

/// How a word of the search is matched: by its marks, else fuzzily or as a substring.
fn word(raw: &str) -> Word {
    let (case, normalization) = (CaseMatching::Smart, Normalization::Smart);
    if raw.contains(SYNTAX) {
        return Word::Marked(Atom::parse(raw, case, normalization));
    }
    Word::Plain {
        fuzzy: Atom::new(raw, case, normalization, AtomKind::Fuzzy, false),
        substring: Atom::new(raw, case, normalization, AtomKind::Substring, false),
        letters: u32::try_from(raw.chars().count()).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> (Finder, Vec<usize>, &'static Catalog) {
        let catalog: &'static Catalog = Box::leak(Box::new(crate::catalog::embedded()));
        let all: Vec<usize> = (0..catalog.papers.len()).collect();
        (Finder::new(catalog, Lang::En), all, catalog)
    }

    fn ids(catalog: &Catalog, positions: &[usize]) -> Vec<String> {
        positions.iter().map(|&position| catalog.papers[position].id.clone()).collect()
    }

    #[test]
    fn the_paper_named_comes_first_and_typing_on_narrows() {
        let (mut finder, all, catalog) = finder();
        let lo = finder.find("lo", &all);
        let lora = finder.find("lora", &all);
        assert_eq!(ids(catalog, &lora)[0], "lora");
        assert!(lora.len() < lo.len() && lora.iter().all(|hit| lo.contains(hit)));
        assert!(ids(catalog, &lora).contains(&"qlora".to_owned()));
        assert_eq!(finder.find("", &all), all, "an empty search keeps the order");
    }

    #[test]
    fn narrowing_gives_what_a_fresh_search_gives() {
        let (mut typed, all, _) = finder();
        let (mut fresh, _, _) = finder();
        for query in ["a", "at", "att", "atte", "atten", "attent !bert", "attent !ber"] {
            let expected = fresh.find(query, &all);
            fresh.last = None;
            assert_eq!(typed.find(query, &all), expected, "{query}");
        }
    }

    #[test]
    fn a_search_stays_within_what_it_is_given() {
        let (mut finder, _, catalog) = finder();
        let early: Vec<usize> = (0..10).collect();
        let hits = finder.find("e", &early);
        assert!(hits.iter().all(|hit| early.contains(hit)), "{:?}", ids(catalog, &hits));
        assert!(finder.find("zzzzqqq", &early).is_empty());
    }
}

//! The live search: each word of it must match a paper, best matches first.
//!
//! nucleo-matcher matches a word in the names (id, title, aliases): as typed, or fuzzily
//! when its letters lie close together there (`gpt3` finds gpt-3, `flashattn`
//! FlashAttention), which ranks it high. Otherwise the word must appear, case ignored, in
//! the authors or the contribution: scattered letters over such long text would match
//! nearly every paper. fzf's marks (`!not`, `^start`, `end$`, `'exact`) work on the names.

use std::cmp::Reverse;
use std::collections::HashMap;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use crate::catalog::Catalog;
use crate::lang::Lang;

/// Whether a search word carries one of fzf's marks: a leading `!`, `^`, `'` or `\\`, or a
/// trailing `$` (an apostrophe inside a word, as in o'brien, is just a letter).
fn is_marked(raw: &str) -> bool {
    raw.starts_with(['!', '^', '\'', '\\']) || raw.ends_with('$')
}

/// How far apart, beyond the word's own letters, a fuzzy match's letters may lie.
const SLACK: usize = 4;

/// The vocabulary words that hold a search word, in the form fastest to test a paper with.
enum InWords {
    /// A few word indices, sorted: each is looked up in the paper's sorted word list.
    Few(Vec<u32>),
    /// Many: by vocabulary index, whether the word holds it.
    Many(Vec<bool>),
}

impl InWords {
    /// Up to this many words, looking each up in a paper's words beats reading all of them.
    const FEW: usize = 32;

    fn new(vocabulary: &[String], word: &str) -> InWords {
        let holding: Vec<u32> = (0..vocabulary.len())
            .filter(|&id| vocabulary[id].contains(word))
            .map(|id| u32::try_from(id).expect("fewer than 4G distinct words"))
            .collect();
        if holding.len() <= InWords::FEW {
            return InWords::Few(holding);
        }
        let mut many = vec![false; vocabulary.len()];
        for id in holding {
            many[id as usize] = true;
        }
        InWords::Many(many)
    }

    /// Whether any of a paper's words (sorted vocabulary indices) holds the search word.
    fn any(&self, words: &[u32]) -> bool {
        match self {
            InWords::Few(few) => few.iter().any(|id| words.binary_search(id).is_ok()),
            InWords::Many(many) => words.iter().any(|&id| many[id as usize]),
        }
    }
}

/// How one word of the search is matched.
enum Word {
    /// As typed or fuzzily in the names, else inside a word of the other text; `in_words`
    /// are the vocabulary words that hold it.
    Plain { fuzzy: Atom, substring: Atom, letters: Vec<char>, in_words: InWords },
    /// A word with fzf's marks, on the names.
    Marked(Atom),
}

/// The search index of one catalog, and the last search (typing on narrows its hits).
pub struct Finder {
    matcher: Matcher,
    /// By catalog position: the id, title and aliases.
    names: Vec<Utf32String>,
    /// The names in lowercase, character for character.
    folded: Vec<Utf32String>,
    /// Every distinct word (lowercase, split at whitespace) of the authors and contributions
    /// (both languages in Chinese).
    vocabulary: Vec<String>,
    /// By catalog position: the vocabulary indices of its words.
    ///
    /// Note: a search word holds no whitespace, so it is in a paper's text exactly when it is
    /// inside one of the text's words; looking through the distinct words once per search
    /// costs far less than reading every paper's text.
    words: Vec<Box<[u32]>>,
    /// The last plain query, what it searched among, and its hits.
    last: Option<(String, Vec<usize>, Vec<usize>)>,
}

impl Finder {
    /// Indexes every paper of `catalog`; in Chinese the Chinese contribution is searched too.
    pub fn new(catalog: &Catalog, lang: Lang) -> Finder {
        let count = catalog.papers.len();
        let (mut names, mut folded, mut words) =
            (Vec::with_capacity(count), Vec::with_capacity(count), Vec::with_capacity(count));
        let mut index: HashMap<String, u32> = HashMap::new();
        for paper in &catalog.papers {
            let name = format!("{} {} {}", paper.id, paper.title, paper.aliases.join(" "));
            folded.push(Utf32String::from(name.chars().map(fold).collect::<String>()));
            names.push(Utf32String::from(name));
            let mut text = format!("{} {}", paper.authors.join(" "), paper.contribution);
            if lang.is_chinese() {
                for script in [Lang::Zh, Lang::ZhTw] {
                    text.push(' ');
                    text.push_str(catalog.contribution(paper, script));
                }
            }
            let text: String = text.chars().map(fold).collect();
            let mut ids: Vec<u32> = text
                .split_whitespace()
                .map(|word| match index.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(index.len()).expect("fewer than 4G distinct words");
                        index.insert(word.to_owned(), id);
                        id
                    }
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            words.push(ids.into_boxed_slice());
        }
        let mut vocabulary = vec![String::new(); index.len()];
        for (word, id) in index {
            vocabulary[id as usize] = word;
        }
        Finder { matcher: Matcher::new(Config::DEFAULT), names, folded, vocabulary, words, last: None }
    }

    /// The positions of `among` that match every word of `query`, best first (ties keep
    /// catalog order); an empty query keeps `among` as it is.
    pub fn find(&mut self, query: &str, among: &[usize]) -> Vec<usize> {
        let words: Vec<Word> = query.split_whitespace().filter_map(|raw| word(raw, &self.vocabulary)).collect();
        let plain = words.iter().all(|word| matches!(word, Word::Plain { .. }));
        if words.is_empty() {
            self.last = None;
            return among.to_vec();
        }
        // Note: every way a plain word matches still holds for its first letters, so typing
        // on in a plain search can only drop papers: only the last hits need looking at.
        let narrowed = match &self.last {
            Some((last, last_among, hits)) if plain && query.starts_with(last.as_str()) && last_among == among => {
                Some(hits)
            }
            _ => None,
        };
        let candidates = narrowed.map_or(among, Vec::as_slice).to_vec();
        let mut scored: Vec<(u32, usize)> =
            candidates.into_iter().filter_map(|position| Some((self.score(&words, position)?, position))).collect();
        scored.sort_unstable_by_key(|&(score, position)| (Reverse(score), position));
        let hits: Vec<usize> = scored.into_iter().map(|(_, position)| position).collect();
        self.last = plain.then(|| (query.to_owned(), among.to_vec(), hits.clone()));
        hits
    }

    /// How well the paper at `position` matches every word (none: it misses one).
    fn score(&mut self, words: &[Word], position: usize) -> Option<u32> {
        let mut total = 0;
        for word in words {
            let names = self.names[position].slice(..);
            total += match word {
                Word::Marked(atom) => u32::from(atom.score(names, &mut self.matcher)?) * 4,
                Word::Plain { fuzzy, substring, letters, in_words } => {
                    // Note: the word as typed in a name ranks first, then its letters close together in one.
                    if let Some(score) = substring.score(names, &mut self.matcher) {
                        u32::from(score) * 4
                    } else if let Some(score) = stretch(self.folded[position].slice(..), letters)
                        // Note: nucleo keeps one character per grapheme, so the two forms could
                        // differ in length on exotic text; a stretch past the end is no match.
                        .filter(|&(_, end)| end <= names.len())
                        .and_then(|(start, end)| fuzzy.score(names.slice(start..end), &mut self.matcher))
                    {
                        u32::from(score) * 2
                    } else if in_words.any(&self.words[position]) {
                        1
                    } else {
                        return None;
                    }
                }
            };
        }
        Some(total)
    }
}

/// The first stretch of the lowercase `folded` names that holds `letters` (lowercase) in
/// order within `letters.len() + SLACK` characters, as a range of character positions.
///
/// Note: a cheap scan that spares the fuzzy matcher, whose cost grows with the text, all
/// the papers whose names hold the letters only far apart.
fn stretch(folded: Utf32Str<'_>, letters: &[char]) -> Option<(usize, usize)> {
    match folded {
        Utf32Str::Ascii(bytes) => {
            let letters: Option<Vec<u8>> = letters.iter().map(|&c| u8::try_from(c).ok()).collect();
            first_stretch(bytes, &letters?)
        }
        Utf32Str::Unicode(chars) => first_stretch(chars, letters),
    }
}

fn first_stretch<T: Copy + PartialEq>(haystack: &[T], letters: &[T]) -> Option<(usize, usize)> {
    let (&first, rest) = letters.split_first()?;
    let reach = letters.len() + SLACK;
    (0..haystack.len()).filter(|&start| haystack[start] == first).find_map(|start| {
        let window = &haystack[..haystack.len().min(start + reach)];
        let mut at = start + 1;
        for &letter in rest {
            at += window.get(at..)?.iter().position(|&c| c == letter)? + 1;
        }
        Some((start, at))
    })
}

/// A character in lowercase (its first lowercase character, so positions stay the same).
fn fold(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// How a word of the search is matched: by its marks, else as typed or fuzzily, and which
/// words of the `vocabulary` hold it; none for a mark alone (`!`), which asks for nothing.
fn word(raw: &str, vocabulary: &[String]) -> Option<Word> {
    let (case, normalization) = (CaseMatching::Smart, Normalization::Smart);
    if is_marked(raw) {
        let atom = Atom::parse(raw, case, normalization);
        return (!atom.needle_text().is_empty()).then_some(Word::Marked(atom));
    }
    Some(Word::Plain {
        // Note: case is ignored here as in the scan for the stretch, so a stretch always matches.
        fuzzy: Atom::new(raw, CaseMatching::Ignore, normalization, AtomKind::Fuzzy, false),
        substring: Atom::new(raw, case, normalization, AtomKind::Substring, false),
        letters: raw.chars().map(fold).collect(),
        in_words: InWords::new(vocabulary, &raw.chars().map(fold).collect::<String>()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(query: &str) -> Vec<String> {
        let catalog = crate::catalog::embedded();
        let all: Vec<usize> = (0..catalog.papers.len()).collect();
        let hits = Finder::new(&catalog, Lang::En).find(query, &all);
        hits.iter().map(|&position| catalog.papers[position].id.clone()).collect()
    }

    #[test]
    fn the_paper_named_comes_first_then_near_names_then_mentions() {
        let lora = search("lora");
        assert_eq!(lora[..2], ["lora", "qlora"]);
        assert!(lora.len() < 30, "scattered letters do not match: {lora:?}");
        assert_eq!(search("gpt3")[0], "gpt-3");
        assert_eq!(search("flashattn")[..3], ["flashattention", "flashattention-2", "flashattention-3"]);
        assert!(search("frozen weight").contains(&"lora".to_owned()), "words of the contribution count");
        assert!(search("Vaswani").contains(&"transformer".to_owned()), "authors count, case ignored");
        assert!(search("zzqqxx").is_empty());
    }

    #[test]
    fn every_word_must_match_and_fzf_marks_work_on_the_names() {
        let both = search("llama 2");
        assert_eq!(both[0], "llama-2");
        assert!(both.iter().all(|id| search("llama").contains(id)));
        let prefixed = search("^gpt");
        assert!(!prefixed.is_empty() && prefixed.iter().all(|id| id.starts_with("gpt")), "{prefixed:?}");
        let without = search("bert !roberta");
        assert!(without.contains(&"bert".to_owned()) && !without.contains(&"roberta".to_owned()));
    }

    #[test]
    fn typing_on_narrows_to_what_a_fresh_search_finds() {
        let catalog = crate::catalog::embedded();
        let all: Vec<usize> = (0..catalog.papers.len()).collect();
        let mut typed = Finder::new(&catalog, Lang::En);
        for words in ["attention", "flashattn", "gpt3", "chainofthought", "llama 2 Chat", "attent !bert"] {
            let prefixes = words.char_indices().map(|(end, c)| &words[..end + c.len_utf8()]);
            for query in prefixes {
                let fresh = Finder::new(&catalog, Lang::En).find(query, &all);
                assert_eq!(typed.find(query, &all), fresh, "{query}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn typing_any_letters_narrows_exactly(query in "[aeilnorstyhACTΣΑ23 '!^$-]{1,7}") {
            let catalog = crate::catalog::embedded();
            let all: Vec<usize> = (0..catalog.papers.len()).collect();
            let mut typed = Finder::new(&catalog, Lang::En);
            for (end, c) in query.char_indices() {
                let prefix = &query[..end + c.len_utf8()];
                let fresh = Finder::new(&catalog, Lang::En).find(prefix, &all);
                proptest::prop_assert_eq!(typed.find(prefix, &all), fresh, "{}", prefix);
            }
        }
    }

    #[test]
    fn a_search_stays_within_what_it_is_given_and_an_empty_one_keeps_the_order() {
        let catalog = crate::catalog::embedded();
        let mut finder = Finder::new(&catalog, Lang::En);
        let early: Vec<usize> = (0..10).rev().collect();
        assert!(finder.find("e", &early).iter().all(|hit| early.contains(hit)));
        assert_eq!(finder.find("  ", &early), early);
    }

    #[test]
    fn in_chinese_the_chinese_contribution_is_searched_too() {
        let mut catalog = crate::catalog::embedded();
        catalog.zh = crate::catalog::embedded_chinese();
        let all: Vec<usize> = (0..catalog.papers.len()).collect();
        let hits = Finder::new(&catalog, Lang::Zh).find("低秩", &all);
        let ids: Vec<&str> = hits.iter().map(|&position| catalog.papers[position].id.as_str()).collect();
        assert!(ids.contains(&"lora"), "{ids:?}");
        assert!(Finder::new(&catalog, Lang::En).find("低秩", &all).is_empty());
    }
}

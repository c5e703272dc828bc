//! How one word of a query matches one paper: where, and how much it counts.

use std::ops::Range;

use super::fields::{TIERS, Tier};
use super::index::Doc;
use super::letters::is_word_char;
use super::pattern::{Kind, Term};

/// How far apart, beyond the word's own letters, a loose match's letters may lie.
pub const SLACK: usize = 4;

/// Where a word matched: a byte range of one tier's joined text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    pub tier: usize,
    pub range: Range<usize>,
}

/// A word found in a paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub tier: Tier,
    /// Within a tier, higher is better: 2 a whole word (or a close loose match), 1 the start
    /// of a word, 0 a Chinese word pieced together.
    pub quality: u8,
    /// None for a word that asks a paper not to have something.
    pub spot: Option<Spot>,
}

/// A glossary term: its Chinese forms, and the English words a query for it also looks for.
#[derive(Clone, Debug)]
pub struct Bridge {
    pub forms: Vec<String>,
    pub english: Vec<Term>,
}

/// Whether `term` matches `doc`, and how well.
pub fn find(doc: &Doc, term: &Term, bridges: &[Bridge]) -> Option<Found> {
    let found = match term.kind {
        Kind::Plain => plain(doc, term, bridges),
        Kind::Exact => edged(doc, term, |_, _| true),
        Kind::Whole => edged(doc, term, |text, range| word_start(text, range.start) && word_end(text, range.end)),
        Kind::Prefix => edged(doc, term, |text, range| field_start(text, range.start)),
        Kind::Suffix => edged(doc, term, |text, range| field_end(text, range.end)),
        Kind::Equal => edged(doc, term, |text, range| field_start(text, range.start) && field_end(text, range.end)),
    };
    match (term.negated, found) {
        (false, found) => found,
        (true, None) => Some(Found { tier: Tier::Named, quality: 0, spot: None }),
        (true, Some(_)) => None,
    }
}

/// A plain word: the paper's name, else a mention tier by tier, else a Chinese word pieced
/// from glossary terms, else its letters loosely.
fn plain(doc: &Doc, term: &Term, bridges: &[Bridge]) -> Option<Found> {
    let (word, squashed, cjk) = (term.text.as_str(), &term.squashed, term.cjk);
    if !squashed.is_empty()
        && let Some(number) = doc.named.iter().position(|name| name == squashed)
    {
        let range = doc.field_ranges(0).nth(number).expect("each name is a field of the first tier");
        return Some(Found { tier: Tier::Named, quality: 2, spot: Some(Spot { tier: 0, range }) });
    }
    let mut inside = None;
    for (tier, text) in doc.tiers.iter().enumerate() {
        let mut start = None;
        for at in occurrences(text, term) {
            let range = at..at + word.len();
            if cjk || word_start(text, at) {
                if cjk || word_end(text, range.end) {
                    return Some(found_at(TIERS[tier], 2, tier, range));
                }
                start.get_or_insert(range);
            } else if inside.is_none() {
                inside = Some(Spot { tier, range });
            }
        }
        if let Some(range) = start {
            return Some(found_at(TIERS[tier], 1, tier, range));
        }
    }
    if cjk {
        return pieced(doc, word, bridges).or_else(|| bigrams(doc, word));
    }
    if let Some(spot) = inside {
        return Some(Found { tier: Tier::Loose, quality: 2, spot: Some(spot) });
    }
    close_letters(doc, word)
}

fn found_at(tier: Tier, quality: u8, at: usize, range: Range<usize>) -> Found {
    Found { tier, quality, spot: Some(Spot { tier: at, range }) }
}

/// Every place `term` starts in `text`, overlapping ones included, first to last.
fn occurrences<'a>(text: &'a str, term: &'a Term) -> impl Iterator<Item = usize> + 'a {
    let step = term.text.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = term.needle.find(text, from)?;
        from = at + step;
        Some(at)
    })
}

/// The first place `term` occurs as typed where `edge` accepts it, tier by tier.
fn edged(doc: &Doc, term: &Term, edge: impl Fn(&str, &Range<usize>) -> bool) -> Option<Found> {
    let length = term.text.len();
    doc.tiers.iter().enumerate().find_map(|(tier, text)| {
        occurrences(text, term)
            .map(|at| at..at + length)
            .find(|range| edge(text, range))
            .map(|range| found_at(TIERS[tier], 1, tier, range))
    })
}

fn word_start(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !is_word_char(c))
}

fn word_end(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !is_word_char(c))
}

fn field_start(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| c == super::index::SEPARATOR)
}

fn field_end(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| c == super::index::SEPARATOR)
}

/// Where `piece` occurs in any tier, as typed.
fn anywhere(doc: &Doc, piece: &str) -> Option<Spot> {
    doc.tiers
        .iter()
        .enumerate()
        .find_map(|(tier, text)| text.find(piece).map(|at| Spot { tier, range: at..at + piece.len() }))
}

/// A Chinese word that holds glossary terms (`长上下文`, `长上下文建模`): cut into the longest
/// terms from the left, each term found in Chinese or as its English words, and the rest as
/// typed. Without a glossary term in it, nothing.
fn pieced(doc: &Doc, word: &str, bridges: &[Bridge]) -> Option<Found> {
    let pieces = segment(word, bridges);
    if pieces.iter().all(|piece| matches!(piece, Piece::Text(_))) {
        return None;
    }
    let mut worst = Found { tier: Tier::Other, quality: 0, spot: None };
    for piece in pieces {
        let found = match piece {
            Piece::Text(text) => {
                anywhere(doc, text).map(|spot| Found { tier: Tier::Other, quality: 0, spot: Some(spot) })
            }
            Piece::Term(form, meanings) => anywhere(doc, form)
                .or_else(|| meanings.iter().flat_map(|bridge| &bridge.forms).find_map(|form| anywhere(doc, form)))
                .map(|spot| Found { tier: Tier::Other, quality: 0, spot: Some(spot) })
                .or_else(|| meanings.iter().find_map(|bridge| english(doc, bridge))),
        }?;
        worst.spot = worst.spot.or(found.spot);
        worst.tier = worst.tier.max(found.tier);
    }
    Some(worst)
}

/// A glossary term's English words, each matched as a plain word: the worst of them.
fn english(doc: &Doc, bridge: &Bridge) -> Option<Found> {
    let mut worst: Option<Found> = None;
    for term in &bridge.english {
        let found = find(doc, term, &[])?;
        worst = Some(match worst {
            Some(mut worst) => {
                worst.tier = worst.tier.max(found.tier);
                worst.quality = worst.quality.min(found.quality);
                worst
            }
            None => found,
        });
    }
    worst
}

/// A piece of a Chinese query word.
enum Piece<'a> {
    /// A glossary term as typed, and every glossary entry it is a form of (推理 is both
    /// inference and reasoning).
    Term(&'a str, Vec<&'a Bridge>),
    Text(&'a str),
}

/// `word` cut into glossary terms (the longest that starts at each place) and the text
/// between them.
fn segment<'a>(word: &'a str, bridges: &'a [Bridge]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let (mut at, mut text_from) = (0, 0);
    while at < word.len() {
        let longest = bridges
            .iter()
            .flat_map(|bridge| &bridge.forms)
            .filter(|form| word[at..].starts_with(form.as_str()))
            .map(String::len)
            .max();
        match longest {
            Some(length) => {
                if text_from < at {
                    pieces.push(Piece::Text(&word[text_from..at]));
                }
                let form = &word[at..at + length];
                let meanings = bridges.iter().filter(|bridge| bridge.forms.iter().any(|known| known == form)).collect();
                pieces.push(Piece::Term(form, meanings));
                at += length;
                text_from = at;
            }
            None => at += word[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if text_from < word.len() {
        pieces.push(Piece::Text(&word[text_from..]));
    }
    pieces
}

/// A Chinese word whose every pair of neighbouring characters occurs somewhere: a loose match.
fn bigrams(doc: &Doc, word: &str) -> Option<Found> {
    let starts: Vec<usize> = word.char_indices().map(|(at, _)| at).chain([word.len()]).collect();
    if starts.len() < 4 {
        return None;
    }
    let mut first = None;
    for pair in starts.windows(3) {
        let spot = anywhere(doc, &word[pair[0]..pair[2]])?;
        first.get_or_insert(spot);
    }
    Some(Found { tier: Tier::Loose, quality: 1, spot: first })
}

/// The word's letters in order within `letters + SLACK` characters of one name or the
/// title: the first such stretch (`flashattn` in FlashAttention).
fn close_letters(doc: &Doc, word: &str) -> Option<Found> {
    let letters: Vec<char> = word.chars().collect();
    for (tier, text) in doc.tiers.iter().enumerate().take(2) {
        for field in doc.field_ranges(tier) {
            let piece = &text[field.clone()];
            // Note: most text is ASCII, whose bytes are its characters: no list of characters
            // is made for it.
            let found = if piece.is_ascii() && word.is_ascii() {
                stretch(piece.as_bytes(), word.as_bytes())
            } else {
                let chars: Vec<(usize, char)> = piece.char_indices().collect();
                let units: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
                stretch(&units, &letters)
                    .map(|(start, end)| (chars[start].0, chars.get(end).map_or(piece.len(), |&(offset, _)| offset)))
            };
            if let Some((start, end)) = found {
                return Some(found_at(Tier::Loose, 1, tier, field.start + start..field.start + end));
            }
        }
    }
    None
}

/// The first stretch of `units` that holds `letters` in order within `letters + SLACK`
/// units of where it starts, as a range of unit indices.
fn stretch<T: PartialEq + Copy>(units: &[T], letters: &[T]) -> Option<(usize, usize)> {
    let (&first, rest) = letters.split_first()?;
    let reach = letters.len() + SLACK;
    (0..units.len()).filter(|&start| units[start] == first).find_map(|start| {
        let window = &units[..units.len().min(start + reach)];
        let mut at = start + 1;
        for &letter in rest {
            at += window.get(at..)?.iter().position(|&unit| unit == letter)? + 1;
        }
        Some((start, at))
    })
}

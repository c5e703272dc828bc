//! The query language, parsed once for every face: words are ANDed, `|` between words
//! ORs them, and fzf's marks mean what fzf means (`'exact`, `'whole'`, `^start`, `end$`,
//! `!not`).

use super::letters::{fold, is_cjk_word, is_query_space, squash};

/// How one word of a query is matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No mark: a mention (the word starts a word of a field), else its letters loosely.
    Plain,
    /// `'word`: the letters as typed, anywhere.
    Exact,
    /// `'word'`: a whole word.
    Whole,
    /// `^word`: a field starts with it.
    Prefix,
    /// `word$`: a field ends with it.
    Suffix,
    /// `^word$`: a field is exactly it.
    Equal,
}

/// One word of a query, lowercased, with its marks taken off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub kind: Kind,
    /// `!`: the paper must not have it (as typed, or at a field's start or end with `^`, `$`).
    pub negated: bool,
    pub text: String,
    /// `text` with its punctuation dropped, to compare with ids (worked out once per query,
    /// not once per paper).
    pub squashed: String,
    /// Whether `text` is Chinese, Japanese or Korean, so found anywhere.
    pub cjk: bool,
    /// `text`'s searcher, built once per query rather than once per paper.
    pub needle: Needle,
}

/// A word's substring searcher (memchr's), compared by the word it looks for.
#[derive(Clone, Debug)]
pub struct Needle(memchr::memmem::Finder<'static>);

impl Needle {
    fn new(text: &str) -> Needle {
        Needle(memchr::memmem::Finder::new(text.as_bytes()).into_owned())
    }

    /// Where the word first occurs in `text` at or after byte `from`.
    pub fn find(&self, text: &str, from: usize) -> Option<usize> {
        self.0.find(text.as_bytes().get(from..)?).map(|at| at + from)
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Needle) -> bool {
        self.0.needle() == other.0.needle()
    }
}

impl Eq for Needle {}

/// A parsed query: every group must match, and a group matches when one of its terms does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    /// The plain words run together, punctuation dropped (`llama 2` is `llama2`): a paper
    /// whose id or alias is that ranks first.
    pub named: Option<String>,
}

impl Query {
    /// Parses what a person typed; a mark alone (`!`, `^`, `'`) asks for nothing.
    pub fn parse(text: &str) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join = false;
        for token in text.split(is_query_space).filter(|token| !token.is_empty()) {
            if token == "|" {
                join = !groups.is_empty();
                continue;
            }
            let Some(term) = term(token) else { continue };
            match groups.last_mut() {
                Some(group) if join => group.push(term),
                _ => groups.push(vec![term]),
            }
            join = false;
        }
        let plain = groups.iter().all(|group| matches!(group.as_slice(), [Term { kind: Kind::Plain, .. }]));
        let named = plain
            .then(|| squash(&groups.iter().map(|group| group[0].text.as_str()).collect::<String>()))
            .filter(|named| !named.is_empty());
        Query { groups, named }
    }

    /// Whether the query asks for nothing, so every paper is shown in its order.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One word with its marks read, as fzf reads them.
fn term(token: &str) -> Option<Term> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (kind, text) = if let Some(inner) = rest.strip_prefix('\'') {
        match inner.strip_suffix('\'') {
            Some(whole) => (Kind::Whole, whole),
            None => (Kind::Exact, inner),
        }
    } else {
        let (start, rest) = match rest.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let (end, rest) = match rest.strip_suffix('$') {
            Some(rest) if !rest.is_empty() || start => (true, rest),
            _ => (false, rest),
        };
        let kind = match (start, end) {
            (true, true) => Kind::Equal,
            (true, false) => Kind::Prefix,
            (false, true) => Kind::Suffix,
            // Note: as in fzf, `!word` is never fuzzy: the paper must not hold the letters as typed.
            (false, false) if negated => Kind::Exact,
            (false, false) => Kind::Plain,
        };
        (kind, rest)
    };
    (!text.is_empty()).then(|| {
        let text = fold(text);
        Term { kind, negated, squashed: squash(&text), cjk: is_cjk_word(&text), needle: Needle::new(&text), text }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Vec<(Kind, bool, String)>> {
        Query::parse(text)
            .groups
            .into_iter()
            .map(|group| group.into_iter().map(|term| (term.kind, term.negated, term.text)).collect())
            .collect()
    }

    #[test]
    fn marks_read_as_fzf_reads_them() {
        let plain = |text: &str| (Kind::Plain, false, text.to_owned());
        assert_eq!(kinds("Encoder !BERT"), [vec![plain("encoder")], vec![(Kind::Exact, true, "bert".into())]]);
        assert_eq!(kinds("^gpt"), [vec![(Kind::Prefix, false, "gpt".into())]]);
        assert_eq!(kinds("lora$"), [vec![(Kind::Suffix, false, "lora".into())]]);
        assert_eq!(kinds("^bert$"), [vec![(Kind::Equal, false, "bert".into())]]);
        assert_eq!(kinds("'attn"), [vec![(Kind::Exact, false, "attn".into())]]);
        assert_eq!(kinds("'bert'"), [vec![(Kind::Whole, false, "bert".into())]]);
        assert_eq!(kinds("!^gpt"), [vec![(Kind::Prefix, true, "gpt".into())]]);
        assert_eq!(kinds("o'brien"), [vec![plain("o'brien")]], "an apostrophe inside a word is a letter");
        assert_eq!(kinds("lora | qlora dpo"), [vec![plain("lora"), plain("qlora")], vec![plain("dpo")]]);
    }

    #[test]
    fn marks_alone_and_stray_bars_ask_for_nothing() {
        for text in ["", "   ", "!", "^", "'", "^$", "''", "|", "| |", "!'"] {
            assert!(Query::parse(text).is_empty(), "{text:?}");
        }
        assert_eq!(kinds("| lora |"), [vec![(Kind::Plain, false, "lora".into())]]);
    }

    #[test]
    fn plain_words_run_together_name_a_paper() {
        assert_eq!(Query::parse("Llama 2").named.as_deref(), Some("llama2"));
        assert_eq!(Query::parse("llama !2").named, None);
        assert_eq!(Query::parse("--").named, None);
    }
}

//! Reading BibTeX and BibLaTeX with the `biblatex` crate's parser. Its raw level is used, so
//! two entries with one key (common in merged files) are both read rather than refused.

use std::collections::HashMap;

use biblatex::{RawBibliography, RawChunk, Spanned};

use super::{Clues, Reference};

/// The references of a BibTeX or BibLaTeX file, or `LINE: what is wrong`.
pub fn references(text: &str) -> Result<Vec<Reference>, String> {
    let lines = Lines::new(text);
    let raw = RawBibliography::parse(text)
        .map_err(|error| format!("{}: not valid BibTeX: {}", lines.of(error.span.start), error.kind))?;
    let abbreviations: HashMap<String, String> = raw
        .abbreviations
        .iter()
        .map(|pair| (pair.key.v.to_ascii_lowercase(), plain(&pair.value.v, &HashMap::new())))
        .collect();
    Ok(raw
        .entries
        .iter()
        .map(|entry| {
            let fields: HashMap<String, String> = entry
                .v
                .fields
                .iter()
                .map(|pair| (pair.key.v.to_ascii_lowercase(), plain(&pair.value.v, &abbreviations)))
                .collect();
            let field = |name: &str| fields.get(name).map(String::as_str).filter(|value| !value.trim().is_empty());
            // Note: `eprint` holds other archives' ids too (`eprinttype = {jstor}`); only an
            // arXiv one, or one that names no archive, is taken.
            let archive = field("eprinttype").or_else(|| field("archiveprefix"));
            let arxiv_eprint = archive.is_none_or(|archive| archive.trim().eq_ignore_ascii_case("arxiv"));
            let eprint =
                field("eprint").filter(|_| arxiv_eprint).or_else(|| field("arxivid")).or_else(|| field("arxiv"));
            let links: Vec<&str> = ["url", "howpublished"].iter().filter_map(|name| field(name)).collect();
            let texts: Vec<&str> =
                ["note", "journal", "journaltitle", "number", "howpublished", "booktitle", "publisher"]
                    .iter()
                    .filter_map(|name| field(name))
                    .collect();
            let clues = Clues { eprint, links, doi: field("doi"), texts };
            Reference::new(lines.of(entry.span.start), field("title").map(untex), &clues)
        })
        .collect())
}

/// A field's text: its pieces joined, `@string` abbreviations replaced by their text.
fn plain(chunks: &[Spanned<RawChunk<'_>>], abbreviations: &HashMap<String, String>) -> String {
    chunks
        .iter()
        .map(|chunk| match chunk.v {
            RawChunk::Normal(text) => text.to_owned(),
            RawChunk::Abbreviation(name) => {
                abbreviations.get(&name.to_ascii_lowercase()).cloned().unwrap_or_else(|| name.to_owned())
            }
        })
        .collect()
}

/// A title as a person reads it: the braces that protect capitals gone, commands (`\emph`)
/// and accent marks (`\"u` is `u`) dropped, escaped characters (`\&`) kept, spaces single.
fn untex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => match chars.peek().copied() {
                Some(next) if next.is_ascii_alphabetic() => while chars.next_if(char::is_ascii_alphabetic).is_some() {},
                Some('"' | '\'' | '^' | '`' | '~' | '=' | '.') => {
                    chars.next();
                }
                Some(next) => {
                    out.push(next);
                    chars.next();
                }
                None => {}
            },
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where each line of a text starts, to turn byte offsets into line numbers quickly.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        Lines(std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect())
    }

    /// The 1-based line of byte `offset`.
    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ArxivId;

    #[test]
    fn zotero_and_better_bibtex_entries_give_their_arxiv_ids_titles_and_lines() {
        let text = "@string{arx = {arXiv preprint arXiv:1810.04805}}\n\
            @article{devlin, title = {{BERT}: Pre-training}, journal = arx}\n\
            @misc{hu, title = {{LoRA}}, eprint = {2106.09685}, eprinttype = {arxiv}}\n\
            @misc{hu, title = {LoRA again}, url = {http://arxiv.org/abs/2106.09685v2}}\n\
            @misc{nodoi, title = {Other}, doi = {10.18653/v1/N19-1423}}\n\
            @misc{untitled, year = {2020}}\n\
            @article{jstor, title = {Other}, eprint = {1810.04805}, eprinttype = {jstor}}\n";
        let references = references(text).unwrap();
        assert_eq!(references.len(), 6, "a repeated key is read twice");
        assert_eq!(references[0].title.as_deref(), Some("BERT: Pre-training"));
        assert_eq!(references[0].arxiv, ArxivId::find_in("1810.04805"));
        assert_eq!(references[0].line, 2);
        assert_eq!(references[1].arxiv, ArxivId::find_in("2106.09685"));
        assert_eq!(references[2].arxiv, ArxivId::find_in("2106.09685"));
        assert_eq!(references[3].doi.as_ref().map(crate::catalog::Doi::as_str), Some("10.18653/v1/n19-1423"));
        assert_eq!(references[4].title, None);
        assert_eq!(references[5].arxiv, None, "another archive's eprint is not an arXiv id");
    }

    #[test]
    fn titles_lose_their_tex_but_keep_their_words() {
        assert_eq!(untex(r#"{BERT}: Pre-training of {Deep} Nets"#), "BERT: Pre-training of Deep Nets");
        assert_eq!(
            untex(r#"Sch{\"u}tze and \emph{Attention} in Time \& Space"#),
            "Schutze and Attention in Time & Space"
        );
        assert_eq!(untex("trailing \\"), "trailing");
    }

    #[test]
    fn a_malformed_file_says_on_which_line() {
        let error = references("@misc{a, title = {one}}\n\n@misc{b title = {two}}\n").unwrap_err();
        assert!(error.starts_with("3: not valid BibTeX"), "{error}");
    }
}

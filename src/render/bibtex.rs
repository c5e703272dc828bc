//! BibTeX entries in the shape of arXiv's own export, with stable, unique keys.

use std::collections::HashMap;
use std::fmt::Write;

use crate::catalog::{Catalog, Paper};

/// Words skipped when a key takes the first word of the title.
const SKIPPED_TITLE_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "for", "to", "with", "by", "at", "from", "into", "via", "and", "or", "is",
    "are",
];

/// Last words that mark an author as an organisation rather than a person.
const ORGANISATION_WORDS: &[&str] =
    &["team", "workshop", "group", "lab", "labs", "consortium", "project", "ai", "research"];

/// The kind of entries to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `@misc` with `eprint` and `archivePrefix`, as arXiv exports.
    BibTeX,
    /// `@online` with `eprint`, `eprinttype` and a `date`, as biblatex documents.
    BibLaTeX,
}

/// Every paper's citation key, made unique across the whole catalog in catalog order, so a
/// paper has the same key in every set it is cited in (`touvron2023llama` is LLaMA and
/// `touvron2023llamab` Llama 2, whether they are cited together or apart).
pub fn catalog_keys(catalog: &Catalog) -> HashMap<&str, String> {
    let papers: Vec<&Paper> = catalog.papers.iter().collect();
    papers.iter().map(|paper| paper.id.as_str()).zip(keys(&papers)).collect()
}

/// The citation keys of `papers`, made unique with a letter suffix (`b`, `c`, ...) in order.
fn keys(papers: &[&Paper]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    papers
        .iter()
        .map(|paper| {
            let base = key(paper);
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            match *count {
                1 => base,
                n => format!("{base}{}", suffix(n)),
            }
        })
        .collect()
}

/// Entries for `papers` under their keys in `keys` (see [`catalog_keys`]); a paper without
/// one gets its plain key.
pub fn render(papers: &[&Paper], keys: &HashMap<&str, String>, style: Style) -> String {
    let mut out = String::new();
    for (index, paper) in papers.iter().enumerate() {
        let key = keys.get(paper.id.as_str()).cloned().unwrap_or_else(|| key(paper));
        if index > 0 {
            out.push('\n');
        }
        match style {
            Style::BibTeX => entry(&mut out, &key, paper),
            Style::BibLaTeX => online(&mut out, &key, paper),
        }
    }
    out
}

/// `b` for the second use of a key, `c` for the third, ... `z`, then `ba`, `bb`, ...
fn suffix(occurrence: usize) -> String {
    let mut n = occurrence - 1;
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    letters.iter().rev().collect()
}

/// The `author` field: names joined by `and`, ending in `others` for a longer list.
fn authors(paper: &Paper) -> String {
    let mut authors = paper.authors.iter().map(|author| escape(author)).collect::<Vec<_>>().join(" and ");
    if paper.et_al {
        authors.push_str(" and others");
    }
    authors
}

/// A BibTeX `@misc` entry, as arXiv's own export writes it.
fn entry(out: &mut String, key: &str, paper: &Paper) {
    let _ = writeln!(out, "@misc{{{key},");
    let _ = writeln!(out, "  title = {{{}}},", escape(&paper.title));
    let _ = writeln!(out, "  author = {{{}}},", authors(paper));
    let _ = writeln!(out, "  year = {{{}}},", paper.year);
    if let Some(arxiv) = &paper.arxiv {
        let _ = writeln!(out, "  eprint = {{{arxiv}}},");
        let _ = writeln!(out, "  archivePrefix = {{arXiv}},");
        if let Some(class) = &paper.arxiv_class {
            let _ = writeln!(out, "  primaryClass = {{{class}}},");
        }
        let _ = writeln!(out, "  doi = {{10.48550/arXiv.{arxiv}}},");
    } else {
        let _ = writeln!(out, "  howpublished = {{\\url{{{}}}}},", url(&paper.abs_url()));
    }
    if let Some(venue) = &paper.venue {
        let _ = writeln!(out, "  note = {{{}}},", escape(venue));
    }
    let _ = writeln!(out, "  url = {{{}}},", url(&paper.abs_url()));
    out.push_str("}\n");
}

/// A BibLaTeX `@online` entry: the arXiv id as `eprint` with `eprinttype = {arxiv}` and, where
/// the catalog records it, arXiv's primary category as `eprintclass`; the month when known.
fn online(out: &mut String, key: &str, paper: &Paper) {
    let _ = writeln!(out, "@online{{{key},");
    let _ = writeln!(out, "  title = {{{}}},", escape(&paper.title));
    let _ = writeln!(out, "  author = {{{}}},", authors(paper));
    let _ = writeln!(out, "  date = {{{}}},", paper.date());
    if let Some(arxiv) = &paper.arxiv {
        let _ = writeln!(out, "  eprint = {{{arxiv}}},");
        let _ = writeln!(out, "  eprinttype = {{arxiv}},");
        if let Some(class) = &paper.arxiv_class {
            let _ = writeln!(out, "  eprintclass = {{{class}}},");
        }
        let _ = writeln!(out, "  doi = {{10.48550/arXiv.{arxiv}}},");
    }
    if let Some(venue) = &paper.venue {
        let _ = writeln!(out, "  note = {{{}}},", escape(venue));
    }
    let _ = writeln!(out, "  url = {{{}}},", url(&paper.abs_url()));
    out.push_str("}\n");
}

/// The citation key: first author's surname (an organisation's name run together), year,
/// and the first title word that is not an article or preposition, all ASCII lowercase.
///
/// Note: this is the Google Scholar / arXiv habit (`devlin2018bert`,
/// `vaswani2017attention`); the surname is the last word of the name, which fits
/// the "Given Family" order catalogs use.
pub fn key(paper: &Paper) -> String {
    let author = paper.authors.first().map_or("anonymous", String::as_str);
    let words: Vec<&str> = author.split_whitespace().collect();
    let is_organisation = words.len() == 1
        || words.last().is_some_and(|last| ORGANISATION_WORDS.contains(&fold(last).to_lowercase().as_str()));
    let name = if is_organisation { author.to_owned() } else { words.last().copied().unwrap_or(author).to_owned() };
    let title_word = paper
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| fold(word).to_lowercase())
        .find(|word| !word.is_empty() && !SKIPPED_TITLE_WORDS.contains(&word.as_str()))
        .unwrap_or_default();
    let name: String = fold(&name).to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    let title_word: String = title_word.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("{name}{}{title_word}", paper.year)
}

/// The text in ASCII letters (`Nguyễn` → `Nguyen`, `Łukasz` → `Lukasz`), as keys need.
fn fold(text: &str) -> String {
    deunicode::deunicode(text)
}

/// Escapes the characters BibTeX and LaTeX treat as syntax.
/// A link as BibTeX can hold it: braces, backslashes, `%` and `#` percent-encoded (the link
/// means the same to a browser), so every entry's braces balance whatever the catalog says.
fn url(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for c in crate::text::sanitize(link).chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            '#' => out.push_str("%23"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::sanitize(text).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ArxivId;

    fn paper(title: &str, year: u16, authors: &[&str]) -> Paper {
        Paper {
            title: title.to_owned(),
            authors: authors.iter().map(|author| (*author).to_owned()).collect(),
            ..Paper::sample("p", year)
        }
    }

    #[test]
    fn keys_follow_surname_year_first_significant_word() {
        assert_eq!(
            key(&paper("BERT: Pre-training of Deep Bidirectional Transformers", 2018, &["Jacob Devlin"])),
            "devlin2018bert"
        );
        assert_eq!(key(&paper("Attention Is All You Need", 2017, &["Ashish Vaswani"])), "vaswani2017attention");
        assert_eq!(key(&paper("The Llama 3 Herd of Models", 2024, &["Aaron Grattafiori"])), "grattafiori2024llama");
        assert_eq!(key(&paper("On the Opportunities", 2021, &["Rishi Bommasani"])), "bommasani2021opportunities");
    }

    #[test]
    fn keys_fold_accents_and_run_organisations_together() {
        assert_eq!(key(&paper("Code Llama", 2023, &["Baptiste Rozière"])), "roziere2023code");
        assert_eq!(key(&paper("Łódź", 2020, &["Łukasz Kaiser"])), "kaiser2020lodz");
        assert_eq!(key(&paper("Tiếng Việt", 2021, &["Nguyễn Văn An"])), "an2021tieng");
        assert_eq!(key(&paper("Models", 2021, &["Dat Quoc Nguyễn"])), "nguyen2021models");
        assert_eq!(key(&paper("GPT-4 Technical Report", 2023, &["OpenAI"])), "openai2023gpt");
        assert_eq!(key(&paper("DeepSeek-V3 Technical Report", 2024, &["DeepSeek-AI"])), "deepseekai2024deepseek");
        assert_eq!(
            key(&paper("BLOOM", 2022, &["BigScience Workshop", "Teven Le Scao"])),
            "bigscienceworkshop2022bloom"
        );
        assert_eq!(key(&paper("Gemma", 2024, &["Gemma Team"])), "gemmateam2024gemma");
    }

    #[test]
    fn duplicate_keys_get_letter_suffixes() {
        let first = paper("Scaling Laws", 2020, &["Jared Kaplan"]);
        let second = paper("Scaling Laws Again", 2020, &["Jared Kaplan"]);
        let third = paper("Scaling Laws Thrice", 2020, &["Jared Kaplan"]);
        assert_eq!(keys(&[&first, &second, &third]), ["kaplan2020scaling", "kaplan2020scalingb", "kaplan2020scalingc"]);
        assert_eq!(suffix(27), "ba");
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("R&D 100% $x$ #1 a_b {c} ~ ^ \\"),
            "R\\&D 100\\% \\$x\\$ \\#1 a\\_b \\{c\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
    }

    #[test]
    fn links_cannot_unbalance_an_entry() {
        assert_eq!(url("https://x.org/a}},\n@misc{evil,"), "https://x.org/a%7D%7D,%5Cu%7Ba%7D@misc%7Bevil,");
        assert_eq!(url("https://x.org/a\\b#c d"), "https://x.org/a%5Cb%23c%20d");
    }

    #[test]
    fn arxiv_papers_carry_eprint_and_others_a_url() {
        let mut with_arxiv = paper("BERT", 2018, &["Jacob Devlin", "Ming-Wei Chang"]);
        with_arxiv.arxiv = Some(ArxivId::parse("1810.04805").unwrap());
        with_arxiv.et_al = true;
        with_arxiv.arxiv_class = Some("cs.CL".to_owned());
        let text = render(&[&with_arxiv], &HashMap::new(), Style::BibTeX);
        assert!(text.contains("  author = {Jacob Devlin and Ming-Wei Chang and others},\n"));
        assert!(
            text.contains(
                "  eprint = {1810.04805},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n  doi = {10.48550/arXiv.1810.04805},\n"
            )
        );
        let online = render(&[&with_arxiv], &HashMap::new(), Style::BibLaTeX);
        assert!(online.contains("  eprinttype = {arxiv},\n  eprintclass = {cs.CL},\n"), "{online}");
        assert!(text.contains("  url = {https://arxiv.org/abs/1810.04805},\n"));
        let web = paper("GPT", 2018, &["Alec Radford"]);
        let text = render(&[&web], &HashMap::new(), Style::BibTeX);
        assert!(text.contains("  howpublished = {\\url{https://example.org/p.pdf}},\n"));
        assert!(!text.contains("eprint"));
    }
}

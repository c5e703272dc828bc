//! `roadmap import`: marks the papers of a reference library (a Zotero or Better BibTeX
//! export, in BibTeX, BibLaTeX or CSL-JSON), or merges a progress file (the page's download),
//! in one write of the progress file.

mod bibtex;
mod csl;
mod matching;
mod progress_file;
mod summary;

use std::path::Path;

use crate::catalog::read::{self, LIMIT};
use crate::catalog::{ArxivId, Doi};
use crate::context::Context;
use crate::progress::Status;
use crate::text::sanitize;
pub use matching::Outcome;

/// What a library entry says about the paper it stands for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// Where the entry starts in the file (1-based).
    pub line: usize,
    /// The title as plain text (TeX braces and commands, or CSL rich-text tags, removed).
    pub title: Option<String>,
    /// The arXiv id it names in any field that can hold one.
    pub arxiv: Option<ArxivId>,
    /// A DOI that is not arXiv's.
    pub doi: Option<Doi>,
}

/// The fields of an entry that can tell which paper it is.
struct Clues<'a> {
    /// An `eprint`-like field that names an arXiv id.
    eprint: Option<&'a str>,
    /// Fields that hold links.
    links: Vec<&'a str>,
    doi: Option<&'a str>,
    /// Free-text fields that may say `arXiv:ID`.
    texts: Vec<&'a str>,
}

impl Reference {
    /// The reference an entry at `line` (0: not known) makes with `title` and `clues`.
    fn new(line: usize, title: Option<String>, clues: &Clues<'_>) -> Reference {
        // A doi.org link is a DOI too.
        let doi = clues.doi.and_then(Doi::find_in).or_else(|| clues.links.iter().find_map(|link| Doi::find_in(link)));
        let arxiv = arxiv_of(clues.eprint, &clues.links, doi.as_ref(), &clues.texts);
        Reference { line, title, arxiv, doi: doi.filter(|doi| ArxivId::of_doi(doi).is_none()) }
    }
}

/// The two kinds of library file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    BibTeX,
    CslJson,
}

/// Reads `file` (`-`: stdin), matches its entries to papers and, unless `dry_run`, gives the
/// matched ones `status` in one atomic write. Returns the summary.
pub fn run(context: &Context, file: &Path, status: Status, dry_run: bool) -> anyhow::Result<String> {
    let (name, text) = read(file)?;
    // A BOM is not text; a library that opens with `[` or `{` is JSON (BibTeX opens with `@`
    // or with comment text).
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if progress_file::is_one(file, text) {
        return progress_file::merge(context, &name, text, dry_run);
    }
    let format = if file.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with(['[', '{'])
    {
        Format::CslJson
    } else {
        Format::BibTeX
    };
    let references = match format {
        Format::BibTeX => bibtex::references(text),
        Format::CslJson => csl::references(text),
    }
    .map_err(|error| anyhow::anyhow!("{name}:{error}"))?;
    let outcomes = matching::Matcher::new(&context.catalog).outcomes(&references, &context.progress, status);
    let marked: Vec<&str> = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Marked { paper, .. } => Some(paper.id.as_str()),
            _ => None,
        })
        .collect();
    if !dry_run && !marked.is_empty() {
        let today = context.settings.today();
        context.store()?.update(|progress| {
            // Note: read again under the lock; a paper read meanwhile stays read.
            for id in &marked {
                if progress.status(id) != Status::Read {
                    progress.set_status(id, status, &today);
                }
            }
            Ok(())
        })?;
    }
    Ok(summary::render(&name, format == Format::CslJson, &outcomes, status, dry_run))
}

/// The file's name for messages and its text.
fn read(file: &Path) -> anyhow::Result<(String, String)> {
    let (name, bytes) = if file.as_os_str() == "-" {
        let bytes =
            read::read_limited(std::io::stdin(), LIMIT, 1 << 16).map_err(|error| anyhow::anyhow!("stdin {error}"))?;
        ("stdin".to_owned(), bytes)
    } else {
        let name = sanitize(&file.to_string_lossy()).into_owned();
        let bytes = read::read(file, LIMIT).map_err(|error| anyhow::anyhow!("'{name}' {error}"))?;
        (name, bytes)
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!("'{name}' is not UTF-8 text (an invalid byte at offset {})", error.utf8_error().valid_up_to())
    })?;
    Ok((name, text))
}

/// The arXiv id in free text (`arXiv:2106.09685 [cs]`, `arXiv preprint arXiv:1810.04805`, a
/// link): only a word that says it is arXiv's, never a bare number.
fn arxiv_in_text(text: &str) -> Option<ArxivId> {
    // Zotero's Extra field often has `arXiv: 1706.03741`, with a space.
    let text = text.replace("arXiv: ", "arXiv:").replace("arxiv: ", "arxiv:");
    text.split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | ',' | ';' | '{' | '}'))
        .filter(|word| {
            let lower = word.to_ascii_lowercase();
            lower.starts_with("arxiv:") || lower.contains("arxiv.org/")
        })
        .find_map(ArxivId::find_in)
}

/// The reference's arXiv id from, in turn, an `eprint`-like field, links (`ArxivId::find_in`
/// reads arXiv's and its mirrors'), a DOI, free text: the same rules as a paper's id on the
/// command line.
fn arxiv_of(eprint: Option<&str>, links: &[&str], doi: Option<&Doi>, texts: &[&str]) -> Option<ArxivId> {
    eprint
        .and_then(ArxivId::find_in)
        .or_else(|| links.iter().find_map(|link| ArxivId::find_in(link)))
        .or_else(|| doi.and_then(ArxivId::of_doi))
        .or_else(|| texts.iter().find_map(|text| arxiv_in_text(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_ids_are_found_in_every_form_a_library_writes() {
        let lora = ArxivId::find_in("2106.09685");
        assert!(lora.is_some());
        assert_eq!(arxiv_in_text("arXiv:2106.09685 [cs]"), lora);
        assert_eq!(arxiv_in_text("arXiv preprint arXiv:2106.09685v2"), lora);
        assert_eq!(arxiv_in_text("see http://arxiv.org/abs/2106.09685v1"), lora);
        assert_eq!(arxiv_in_text("pages 2106.09685"), None, "a bare number is not taken for an id");
        assert_eq!(arxiv_in_text("arXiv: 2106.09685"), lora, "Zotero's Extra field puts a space");
        assert_eq!(arxiv_of(Some("2106.09685v3"), &[], None, &[]), lora);
        assert_eq!(arxiv_of(None, &["https://arxiv.org/pdf/2106.09685v2.pdf"], None, &[]), lora);
        assert_eq!(arxiv_of(None, &["https://huggingface.co/papers/2106.09685"], None, &[]), lora);
        assert_eq!(arxiv_of(None, &[], Doi::find_in("https://doi.org/10.48550/ARXIV.2106.09685").as_ref(), &[]), lora);
    }

    #[test]
    fn an_entry_keeps_only_a_doi_that_is_not_arxivs() {
        let clues = |doi, links| Clues { eprint: None, links, doi, texts: Vec::new() };
        let reference = Reference::new(1, None, &clues(Some("https://doi.org/10.18653/V1/N19-1423"), Vec::new()));
        assert_eq!(reference.doi, Doi::find_in("10.18653/v1/n19-1423"));
        let reference = Reference::new(1, None, &clues(None, vec!["https://dx.doi.org/10.18653/v1/N19-1423"]));
        assert_eq!(reference.doi, Doi::find_in("10.18653/v1/n19-1423"));
        let reference = Reference::new(1, None, &clues(Some("10.48550/arXiv.2106.09685"), Vec::new()));
        assert_eq!((reference.doi, reference.arxiv), (None, ArxivId::find_in("2106.09685")));
        let reference = Reference::new(1, None, &clues(Some("not a doi"), Vec::new()));
        assert_eq!((reference.doi, reference.arxiv), (None, None));
    }
}

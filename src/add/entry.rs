//! A catalog entry made from arXiv's metadata: its id, its YAML (written by the YAML crate,
//! so any title or name is quoted as it must be), and its place in your catalog's text,
//! inserted under `papers:` with every other line left as it was.

use serde::Serialize;

use crate::catalog::{ArxivId, Catalog};

/// More authors than this are cut to the first ones and `et_al: true`.
const MOST_AUTHORS: usize = 30;

/// Words left out of an id made from a title.
const SMALL_WORDS: &[&str] =
    &["a", "an", "the", "of", "for", "and", "on", "in", "to", "with", "via", "is", "are", "by"];

/// The facts of a new entry, as arXiv gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub id: String,
    /// The title, its whitespace folded.
    pub title: String,
    pub year: u16,
    pub month: u8,
    pub arxiv: ArxivId,
    pub arxiv_class: Option<String>,
    pub authors: Vec<String>,
    pub et_al: bool,
    /// The abstract, its whitespace folded.
    pub summary: String,
}

/// One paper as the catalog file has it: the fields `roadmap add` fills, in the order the
/// catalog writes them.
#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    title: &'a str,
    year: u16,
    month: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'a str>,
    arxiv: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    arxiv_class: Option<&'a str>,
    authors: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    et_al: bool,
    contribution: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
}

impl Facts {
    /// The facts of `arxiv`'s paper from what arXiv said, with an id no paper or alias of
    /// `catalog` has. Year and month are those of version 1, which the id encodes too.
    ///
    /// Note: the catalog holds a paper's year to its arXiv id's; arXiv numbers papers by its
    /// own (Eastern) calendar while `<published>` is in UTC, so at a month's turn the two can
    /// differ by a day, and the id's month is the one kept.
    pub fn new(
        arxiv: ArxivId,
        title: &str,
        authors: &[String],
        summary: &str,
        class: Option<&str>,
        catalog: &Catalog,
    ) -> Facts {
        let title = fold(title);
        let et_al = authors.len() > MOST_AUTHORS;
        Facts {
            id: unique_id(&slug_of(&title, &arxiv), catalog),
            year: arxiv.year(),
            month: arxiv.month(),
            arxiv_class: class.map(str::to_owned),
            authors: authors.iter().take(MOST_AUTHORS).cloned().collect(),
            et_al,
            summary: fold(summary),
            title,
            arxiv,
        }
    }

    /// The entry as a YAML list item (`- id: …`): with `family` when known, `contribution`
    /// as given, and `draft: true` when it is one.
    pub fn item(&self, family: Option<&str>, contribution: &str, draft: bool) -> anyhow::Result<String> {
        let item = Item {
            id: &self.id,
            title: &self.title,
            year: self.year,
            month: self.month,
            family,
            arxiv: self.arxiv.as_str(),
            arxiv_class: self.arxiv_class.as_deref(),
            authors: &self.authors,
            et_al: self.et_al,
            contribution,
            draft,
        };
        let yaml = crate::catalog::yaml::to_yaml(&[item]).map_err(anyhow::Error::msg)?;
        Ok(yaml.trim_end().to_owned())
    }
}

/// Text with its line breaks and runs of spaces folded into single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id from a title: the name before a colon when it is short (`LoRA: Low-Rank…` is
/// `lora`), else the first few words that carry meaning; the arXiv id when neither gives one.
fn slug_of(title: &str, arxiv: &ArxivId) -> String {
    let words = |text: &str| -> Vec<String> {
        deunicode::deunicode(text)
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let name = title.split_once(':').map(|(name, _)| words(name)).filter(|name| (1..=3).contains(&name.len()));
    let slug = name.unwrap_or_else(|| {
        words(title).into_iter().filter(|word| !SMALL_WORDS.contains(&word.as_str())).take(4).collect()
    });
    let slug = slug.join("-");
    if slug.is_empty() { format!("arxiv-{}", arxiv.as_str().replace(['/', '.'], "-")) } else { slug }
}

/// `slug`, or `slug-2`, `slug-3`… when a paper or an alias of `catalog` is called that.
fn unique_id(slug: &str, catalog: &Catalog) -> String {
    let taken = |id: &str| catalog.papers.iter().any(|paper| paper.id == id || paper.aliases.iter().any(|a| a == id));
    if !taken(slug) {
        return slug.to_owned();
    }
    (2..).map(|n| format!("{slug}-{n}")).find(|id| !taken(id)).unwrap_or_else(|| slug.to_owned())
}

/// Your catalog's text with `item` (a YAML list item, as [`Facts::item`] writes it) added at
/// the end of its `papers:` list, every other line as it was; a new catalog when there is
/// none yet. An entry it cannot place is an error rather than a guess.
pub fn insert(current: Option<&str>, item: &str) -> anyhow::Result<String> {
    let item = item.trim_matches('\n').trim_end();
    let Some(current) = current.filter(|text| !text.trim().is_empty()) else {
        return Ok(format!("version: 1\npapers:\n{}\n", indent(item, "  ")));
    };
    let lines: Vec<&str> = current.lines().collect();
    let top_level = |line: &str| line.starts_with(|c: char| !c.is_whitespace() && c != '#' && c != '-');
    let Some(start) = lines.iter().position(|line| line.starts_with("papers:")) else {
        let joint = if current.ends_with('\n') { "" } else { "\n" };
        return Ok(format!("{current}{joint}papers:\n{}\n", indent(item, "  ")));
    };
    let rest = lines[start]["papers:".len()..].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        anyhow::bail!("its papers are written on one line (`papers: {rest}`); write them as a block list to add one");
    }
    let end = lines[start + 1..].iter().position(|line| top_level(line)).map_or(lines.len(), |at| start + 1 + at);
    let last = (start + 1..end).rev().find(|&at| !lines[at].trim().is_empty()).unwrap_or(start);
    let margin = lines[start + 1..end]
        .iter()
        .find(|line| line.trim_start().starts_with("- "))
        .map_or("  ", |line| &line[..line.len() - line.trim_start().len()]);
    let mut out: Vec<String> = lines[..=last].iter().map(|line| (*line).to_owned()).collect();
    out.push(indent(item, margin));
    out.extend(lines[last + 1..].iter().map(|line| (*line).to_owned()));
    Ok(out.join("\n") + "\n")
}

fn indent(text: &str, margin: &str) -> String {
    text.lines()
        .map(|line| if line.is_empty() { String::new() } else { format!("{margin}{line}") })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        let arxiv = ArxivId::parse("2106.09685").expect("an id");
        let authors = ["Edward J. Hu".to_owned(), "Yelong: Shen".to_owned()];
        let title = "LoRA:   Low-Rank Adaptation of\n  Large Language Models";
        Facts::new(arxiv, title, &authors, " We propose\n LoRA. ", Some("cs.CL"), &Catalog::default())
    }

    #[test]
    fn an_entry_is_written_as_yaml_with_folded_text() {
        let facts = facts();
        assert_eq!(facts.id, "lora");
        assert_eq!(facts.title, "LoRA: Low-Rank Adaptation of Large Language Models");
        assert_eq!((facts.year, facts.month), (2021, 6));
        let item = facts.item(Some("peft"), &facts.summary, true).expect("YAML");
        assert!(item.starts_with("- id: lora\n  title: "), "{item}");
        assert!(item.contains("'Yelong: Shen'") || item.contains("\"Yelong: Shen\""), "quoted: {item}");
        assert!(item.contains("draft: true"), "{item}");
        let parsed: Vec<serde_json::Value> = crate::catalog::yaml::from_yaml(&item).expect("reads back");
        assert_eq!(parsed[0]["title"], "LoRA: Low-Rank Adaptation of Large Language Models");
        assert_eq!(parsed[0]["contribution"], "We propose LoRA.");
    }

    #[test]
    fn ids_come_from_short_names_or_the_first_words() {
        let arxiv = ArxivId::parse("1706.03762").expect("an id");
        assert_eq!(slug_of("Attention Is All You Need", &arxiv), "attention-all-you-need");
        assert_eq!(slug_of("GPT-4 Technical Report", &arxiv), "gpt-4-technical-report");
        assert_eq!(slug_of("Ünïcode: a long name here and more", &arxiv), "unicode");
        assert_eq!(slug_of("— …", &arxiv), "arxiv-1706-03762");
    }

    #[test]
    fn an_entry_goes_at_the_end_of_the_papers_and_nothing_else_moves() {
        let item = "- id: new\n  title: New";
        assert_eq!(insert(None, item).expect("new"), "version: 1\npapers:\n  - id: new\n    title: New\n");
        let current = "# mine\nversion: 1\npapers:\n- id: old  # kept\n  title: Old\n\ntracks:\n  - id: t\n";
        assert_eq!(
            insert(Some(current), item).expect("inserted"),
            "# mine\nversion: 1\npapers:\n- id: old  # kept\n  title: Old\n- id: new\n  title: New\n\ntracks:\n  - id: t\n"
        );
        assert_eq!(
            insert(Some("version: 1"), item).expect("appended"),
            "version: 1\npapers:\n  - id: new\n    title: New\n"
        );
        assert!(insert(Some("version: 1\npapers: []\n"), item).is_err());
    }
}

//! The validated catalog: the types every command works with.
//!
//! Values of these types only come out of `validate`, so their invariants
//! (slugs, arXiv ids agreeing with years, http(s) links, known families,
//! acyclic lineage) hold everywhere else in the program.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::arxiv::ArxivId;
pub use crate::at::Origin;
use crate::doi::Doi;
use crate::translation::Translation;

/// The years a paper may carry (and `--year` may ask for): one range for the whole program.
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

/// Whether a character could drive or deceive a terminal: control characters
/// (escape sequences start with one) and the invisible bidirectional overrides
/// that reorder how text is displayed.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The five branches of the field, in the order they are drawn and listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Branch {
    /// The roots and the Transformer itself.
    Foundation,
    /// Encoder-only models (BERT and its relatives).
    Encoder,
    /// Encoder-decoder models (T5, BART, UniLM).
    EncoderDecoder,
    /// Decoder-only models (GPT, LLaMA).
    Decoder,
    /// Techniques that cut across architectures (LoRA, chain-of-thought).
    Technique,
}

impl Branch {
    /// Every branch, in display order.
    pub const ALL: [Branch; 5] =
        [Branch::Foundation, Branch::Encoder, Branch::EncoderDecoder, Branch::Decoder, Branch::Technique];

    /// The name used in catalogs and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Branch::Foundation => "foundation",
            Branch::Encoder => "encoder",
            Branch::EncoderDecoder => "encoder-decoder",
            Branch::Decoder => "decoder",
            Branch::Technique => "technique",
        }
    }
}

impl fmt::Display for Branch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A family of related papers (the BERT family, the LLaMA line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// Unique slug.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The branch the family grows on.
    pub branch: Branch,
    /// One line on what unites the family.
    pub summary: String,
    /// Where it was defined.
    pub origin: Origin,
}

/// One paper of the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// Unique slug.
    pub id: String,
    /// Exact title.
    pub title: String,
    /// Year of the first public version.
    pub year: u16,
    /// Month of the first public version (from the arXiv id, else the catalog), if known.
    pub month: Option<u8>,
    /// Id of the paper's family.
    pub family: String,
    /// The arXiv identifier, when there is one.
    pub arxiv: Option<ArxivId>,
    /// arXiv's primary category for the paper (`cs.CL`), where the catalog records it.
    pub arxiv_class: Option<String>,
    /// A http(s) link, required when there is no arXiv id.
    pub url: Option<String>,
    /// Authors in the paper's order.
    pub authors: Vec<String>,
    /// True when `authors` is the head of a longer list.
    pub et_al: bool,
    /// The lab or company behind it.
    pub org: Option<String>,
    /// Where it was published.
    pub venue: Option<String>,
    /// Official code.
    pub code: Option<String>,
    /// What the paper changed.
    pub contribution: String,
    /// What to study closely.
    pub focus: Vec<String>,
    /// Ids of the papers it directly extends.
    pub builds_on: Vec<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
    /// Other names that resolve to this paper.
    pub aliases: Vec<String>,
    /// A draft entry (`roadmap add --no-edit`): loaded, but `check` warns until it is finished.
    pub draft: bool,
    /// Where it was defined.
    pub origin: Origin,
}

impl Paper {
    /// The page to open: the arXiv abstract, else the catalog's url.
    pub fn abs_url(&self) -> String {
        match (&self.arxiv, &self.url) {
            (Some(arxiv), _) => arxiv.abs_url(),
            (None, Some(url)) => url.clone(),
            (None, None) => String::new(),
        }
    }

    /// The PDF: arXiv's, else the catalog's url when it names a PDF.
    pub fn pdf_url(&self) -> Option<String> {
        match (&self.arxiv, &self.url) {
            (Some(arxiv), _) => Some(arxiv.pdf_url()),
            (None, Some(url)) if url.to_ascii_lowercase().ends_with(".pdf") => Some(url.clone()),
            _ => None,
        }
    }

    /// The DOI its catalog link names, when the link is a doi.org link.
    pub fn doi(&self) -> Option<Doi> {
        self.url.as_deref().and_then(Doi::find_in)
    }

    /// `YYYY-MM`, or `YYYY` when the month is unknown.
    pub fn date(&self) -> String {
        match self.month {
            Some(month) => format!("{}-{month:02}", self.year),
            None => self.year.to_string(),
        }
    }

    /// The chronological sort key: year, month (unknown last), arXiv id, title.
    pub fn chronological_key(&self) -> (u16, u8, Option<&ArxivId>, &str, &str) {
        (self.year, self.month.unwrap_or(13), self.arxiv.as_ref(), &self.title, &self.id)
    }
}

impl Paper {
    /// A valid paper with placeholder text, for tests (here and in the program) to adjust.
    #[doc(hidden)]
    pub fn sample(id: &str, year: u16) -> Paper {
        Paper {
            id: id.to_owned(),
            title: id.to_owned(),
            year,
            month: None,
            family: "f".to_owned(),
            arxiv: None,
            arxiv_class: None,
            url: Some("https://example.org/p.pdf".to_owned()),
            authors: vec!["A".to_owned()],
            et_al: false,
            org: None,
            venue: None,
            code: None,
            contribution: "c".to_owned(),
            focus: vec![],
            builds_on: vec![],
            tags: vec![],
            aliases: vec![],
            draft: false,
            origin: Origin::default(),
        }
    }
}

/// A tag of the vocabulary: what it means and the other names it answers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// A slug (`mixture-of-experts`).
    pub id: String,
    /// One line on what the tag covers.
    pub summary: String,
    /// Other slugs that mean the same (`moe`).
    pub aliases: Vec<String>,
    pub origin: Origin,
}

/// The slug a typed tag name stands for: lowercase, with runs of spaces, underscores and
/// hyphens as one hyphen (`Mixture of_Experts` becomes `mixture-of-experts`).
pub fn tag_slug(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let parts: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || c == '_' || c == '-').filter(|part| !part.is_empty()).collect();
    parts.join("-")
}

/// A curated reading order through the catalog: "where do I start".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Track {
    /// A slug (`alignment`).
    pub id: String,
    pub name: String,
    /// One line on what the track covers.
    pub summary: String,
    /// Paper ids in reading order.
    pub steps: Vec<Step>,
    pub origin: Origin,
}

/// One step of a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The paper's id.
    pub paper: String,
    /// Why the paper is here and what to take from it.
    pub why: Option<String>,
}

/// A whole validated catalog: families, papers in chronological order, and their sources.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Names of the files (or "embedded catalog") entries came from, indexed by [`Origin::source`].
    pub sources: Vec<String>,
    /// Families in catalog order.
    pub families: Vec<Family>,
    /// The declared tag vocabulary (papers may also use tags declared nowhere).
    pub tags: Vec<Tag>,
    /// Curated reading tracks.
    pub tracks: Vec<Track>,
    /// The text in Simplified Chinese, by id.
    pub zh: Translation,
    /// The same text in Traditional Chinese with Taiwan's usage, converted from `zh` at
    /// build time (empty unless it was asked for).
    #[serde(default)]
    pub zh_tw: Translation,
    /// Papers in chronological order.
    pub papers: Vec<Paper>,
}

impl Catalog {
    /// The family with this id.
    pub fn family(&self, id: &str) -> Option<&Family> {
        self.families.iter().find(|family| family.id == id)
    }

    /// The declared tag that `name` names, by id or alias, whatever its case, spaces or
    /// underscores (`MoE`, `mixture of experts`).
    pub fn tag(&self, name: &str) -> Option<&Tag> {
        let slug = tag_slug(name);
        self.tags.iter().find(|tag| tag.id == slug || tag.aliases.contains(&slug))
    }

    /// The track with exactly this id.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks.iter().find(|track| track.id == id)
    }

    /// The paper with exactly this id.
    pub fn paper(&self, id: &str) -> Option<&Paper> {
        self.papers.iter().find(|paper| paper.id == id)
    }

    /// The branch of a paper (through its family).
    pub fn branch_of(&self, paper: &Paper) -> Branch {
        self.family(&paper.family).expect("validation checks that every paper's family exists").branch
    }

    /// `file:line:column` of an origin (only the file when the position is unknown).
    pub fn locate(&self, origin: Origin) -> String {
        let file = self.sources.get(usize::from(origin.source)).map_or("?", String::as_str);
        if origin.line == 0 { file.to_owned() } else { format!("{file}:{}:{}", origin.line, origin.column) }
    }
}

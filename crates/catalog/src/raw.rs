//! Serde structs that mirror the catalog file exactly. Everything here is unchecked:
//! `validate` turns it into the model.

use serde::Deserialize;

pub use crate::at::At;

/// A short text of a paper as parsed (an id, a tag, an author): kept inline, without an
/// allocation of its own, up to 24 bytes.
///
/// Note: a catalog of short papers holds some 25 such texts a paper; as separate
/// allocations they were most of the memory a large catalog took while being parsed.
pub type Word = compact_str::CompactString;
use crate::yaml::{ParseError, from_yaml, from_yaml_reader};

/// A catalog file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalog {
    /// Format version; only 1 exists.
    pub version: At<u32>,
    /// Families defined by this file.
    #[serde(default)]
    pub families: Vec<At<RawFamily>>,
    /// The tag vocabulary this file declares.
    #[serde(default)]
    pub tags: Vec<At<RawTag>>,
    /// Papers defined by this file.
    #[serde(default)]
    pub papers: Vec<At<RawPaper>>,
    /// Reading tracks defined by this file.
    #[serde(default)]
    pub tracks: Vec<At<RawTrack>>,
}

/// A translation file (`lang: zh`): text in another language, keyed by the ids it translates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslation {
    pub version: At<u32>,
    /// The language, `zh`.
    pub lang: At<String>,
    #[serde(default)]
    pub families: std::collections::BTreeMap<String, At<RawFamilyText>>,
    #[serde(default)]
    pub papers: std::collections::BTreeMap<String, At<RawPaperText>>,
    #[serde(default)]
    pub tracks: std::collections::BTreeMap<String, At<RawTrackText>>,
}

/// A family's name and summary in another language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamilyText {
    pub name: String,
    pub summary: String,
    /// The fingerprint of the English this text translates (see `fingerprint`).
    #[serde(default)]
    pub en: Option<String>,
}

/// A paper's contribution and focus in another language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaperText {
    pub contribution: String,
    #[serde(default)]
    pub focus: Vec<String>,
    /// The fingerprint of the English this text translates (see `fingerprint`).
    #[serde(default)]
    pub en: Option<String>,
}

/// A track's name, summary and step notes in another language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrackText {
    pub name: Option<String>,
    pub summary: Option<String>,
    /// Why each step is there, by paper id.
    #[serde(default)]
    pub why: std::collections::BTreeMap<String, String>,
    /// The fingerprint of the English this text translates (see `fingerprint`).
    #[serde(default)]
    pub en: Option<String>,
}

/// A reading track as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    pub id: At<String>,
    pub name: At<String>,
    pub summary: At<String>,
    /// Paper ids in reading order, each alone or with a note on why it is there.
    pub steps: At<Vec<RawStep>>,
}

/// One step of a track: a paper id, or a paper id with why it is there.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawStep {
    Id(String),
    Noted(RawNotedStep),
}

/// A step with a note.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotedStep {
    pub id: String,
    pub why: Option<String>,
}

/// A family as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    /// Slug.
    pub id: At<String>,
    /// Display name.
    pub name: At<String>,
    /// Branch name (checked by `validate`).
    pub branch: At<String>,
    /// One line on the family.
    pub summary: At<String>,
}

/// A tag of the vocabulary as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTag {
    pub id: At<String>,
    pub summary: At<String>,
    /// Other names that mean the same tag.
    #[serde(default)]
    pub aliases: Option<At<Vec<String>>>,
}

/// A paper as written.
///
/// Note: list fields carry one position for the whole list rather than one per
/// element; on a large catalog per-element positions cost more memory than the text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaper {
    /// Slug.
    pub id: At<Word>,
    /// Exact title.
    pub title: At<String>,
    /// Year of the first version.
    pub year: At<i64>,
    /// Month, for papers without an arXiv id.
    pub month: Option<At<i64>>,
    /// Family id.
    pub family: At<Word>,
    /// arXiv id without version.
    pub arxiv: Option<At<Word>>,
    /// arXiv's primary category for it (`cs.CL`).
    pub arxiv_class: Option<At<Word>>,
    /// Link for papers without an arXiv id.
    pub url: Option<At<String>>,
    /// Authors in order.
    pub authors: At<Vec<Word>>,
    /// The author list is the head of a longer one.
    #[serde(default)]
    pub et_al: bool,
    /// Lab or company.
    pub org: Option<At<String>>,
    /// Venue.
    pub venue: Option<At<String>>,
    /// Official code.
    pub code: Option<At<String>>,
    /// What the paper changed.
    pub contribution: At<String>,
    /// What to study closely.
    #[serde(default)]
    pub focus: Option<At<Vec<String>>>,
    /// Papers it directly extends.
    #[serde(default)]
    pub builds_on: Option<At<Vec<Word>>>,
    /// Tags.
    #[serde(default)]
    pub tags: Option<At<Vec<Word>>>,
    /// Other names.
    #[serde(default)]
    pub aliases: Option<At<Vec<Word>>>,
    /// A draft (`roadmap add --no-edit`): it loads, and `check` warns until it is finished.
    #[serde(default)]
    pub draft: bool,
}

/// Parses a YAML catalog.
pub fn parse_yaml(text: &str) -> Result<RawCatalog, ParseError> {
    from_yaml(text)
}

/// Parses a YAML catalog as it streams from `reader`, so its text is never held whole.
pub fn parse_yaml_reader(reader: impl std::io::Read) -> Result<RawCatalog, ParseError> {
    from_yaml_reader(reader)
}

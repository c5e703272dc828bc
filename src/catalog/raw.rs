//! Serde structs that mirror the catalog file exactly, and the parsers that fill them.
//!
//! This is the only file that names the YAML crate (the progress file is read
//! and written through [`from_yaml`] and [`to_yaml`] too). Everything here is
//! unchecked: `validate` turns it into the model.

use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

/// A value with the 1-based line and column it was written at (0, 0 when unknown, as in JSON).
///
/// Note: serde-saphyr's `Spanned` keeps two full locations (56 bytes) per value; on a large
/// catalog those dwarf the text itself, so only line and column are kept.
#[derive(Debug)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        let location = spanned.referenced;
        Ok(At { value: spanned.value, line: clamp(location.line()), column: clamp(location.column()) })
    }
}

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
}

/// A paper's contribution and focus in another language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaperText {
    pub contribution: String,
    #[serde(default)]
    pub focus: Vec<String>,
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
    pub id: At<String>,
    /// Exact title.
    pub title: At<String>,
    /// Year of the first version.
    pub year: At<i64>,
    /// Month, for papers without an arXiv id.
    pub month: Option<At<i64>>,
    /// Family id.
    pub family: At<String>,
    /// arXiv id without version.
    pub arxiv: Option<At<String>>,
    /// arXiv's primary category for it (`cs.CL`).
    pub arxiv_class: Option<At<String>>,
    /// Link for papers without an arXiv id.
    pub url: Option<At<String>>,
    /// Authors in order.
    pub authors: At<Vec<String>>,
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
    pub builds_on: Option<At<Vec<String>>>,
    /// Tags.
    #[serde(default)]
    pub tags: Option<At<Vec<String>>>,
    /// Other names.
    #[serde(default)]
    pub aliases: Option<At<Vec<String>>>,
}

/// A parse failure with its position when the parser knows it.
#[derive(Debug)]
pub struct ParseError {
    /// 1-based line and column, when known.
    pub position: Option<(u32, u32)>,
    /// What went wrong.
    pub message: String,
    /// Whether the parser refused the document for its size or depth (a budget), rather
    /// than for what it says.
    pub refused: bool,
}

/// The YAML parser's resource budget.
///
/// Note: the default budget refuses catalogs past ~6,800 papers, so node and
/// event counts are raised to fit 100k-paper catalogs while alias-expansion
/// limits stay at their defaults, which is what refuses alias bombs.
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = 40_000_000;
    budget.max_nodes = 20_000_000;
    budget.max_total_scalar_bytes = 1 << 30;
    budget.max_reader_input_bytes = Some(1 << 30);
    budget.max_documents = 1;
    budget.max_depth = 16;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Parses a YAML catalog.
pub fn parse_yaml(text: &str) -> Result<RawCatalog, ParseError> {
    from_yaml(text)
}

/// Parses a YAML catalog as it streams from `reader`, so the file's text is never held whole.
pub fn parse_yaml_reader(reader: impl std::io::Read) -> Result<RawCatalog, ParseError> {
    serde_saphyr::from_reader_with_options(reader, yaml_options()).map_err(|error| parse_error(&error))
}

/// Parses a YAML document into a plain tree, repeated keys kept, under the same budget:
/// the second look at a catalog the typed parse refused, to report all it got wrong.
pub fn parse_yaml_tree(text: &str) -> Result<At<super::tree::Node>, ParseError> {
    let mut options = yaml_options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    parse_with(text, options)
}

/// Parses any YAML document (catalogs, the progress file) under the program's budget.
pub fn from_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    parse_with(text, yaml_options())
}

fn parse_with<T: serde::de::DeserializeOwned>(text: &str, options: serde_saphyr::Options) -> Result<T, ParseError> {
    serde_saphyr::from_str_with_options(text, options).map_err(|error| parse_error(&error))
}

/// Our error for the parser's: its position and the message in the user's terms.
fn parse_error(error: &serde_saphyr::Error) -> ParseError {
    let position = error
        .location()
        .filter(|location| location.line() > 0)
        .map(|location| (clamp(location.line()), clamp(location.column())));
    let (message, refused) = explain(error);
    ParseError { position, message, refused }
}

/// The parser's error in the user's terms (what a refusal means, or which field is missing;
/// otherwise the parser's own first line), and whether it is a refusal.
fn explain(error: &serde_saphyr::Error) -> (String, bool) {
    use serde_saphyr::budget::BudgetBreach;
    use serde_saphyr::granit_parser::ErrorKind;
    use serde_saphyr::{Error, ExternalMessageSource};
    let message = first_line(&error.to_string());
    let too_deep = "refused: the document is nested too deeply (a catalog needs a handful of levels)";
    // Note: the error may come wrapped with a snippet or an alias's location, any number of times.
    let mut original = error;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = original {
        original = error;
    }
    match original {
        Error::Budget { breach: BudgetBreach::Depth { .. }, .. } => (too_deep.to_owned(), true),
        Error::ExternalMessage { source, .. }
            if matches!(&**source, ExternalMessageSource::Parser(scan)
                if matches!(scan.kind(), ErrorKind::RecursionLimitExceeded)) =>
        {
            (too_deep.to_owned(), true)
        }
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => (
            format!(
                "refused: the document expands too far (too many aliases or nodes, as in an alias bomb); {message}"
            ),
            true,
        ),
        Error::SerdeMissingField { field, .. } => {
            (format!("an entry here has no {field}, which every one needs"), false)
        }
        _ => (message, false),
    }
}

fn clamp(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The parser's own message, without its rendered source snippet (we print our own position).
fn first_line(message: &str) -> String {
    let line = message.lines().find(|line| !line.trim().is_empty()).unwrap_or(message);
    let line = line.trim();
    // Note: saphyr prefixes "error: line N column M: "; the caller adds file:line:column itself.
    let line = line.strip_prefix("error:").map_or(line, str::trim_start);
    match line.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") => rest.to_owned(),
        _ => line.to_owned(),
    }
}

/// Writes a value as YAML.
pub fn to_yaml<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_saphyr::to_string(value).map_err(|error| error.to_string())
}

//! The one place that names the YAML crate: the program's budget against hostile
//! documents, and the parser's errors in a user's terms. Catalogs, translations and the
//! progress file are all read and written through here.

use crate::at::clamp;

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

/// Parses a YAML document with repeated keys passed through rather than refused (the
/// caller reports them), under the same budget.
pub fn from_yaml_keeping_repeats<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let mut options = yaml_options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    parse_with(text, options)
}

/// Parses any YAML document (catalogs, the progress file) under the program's budget.
pub fn from_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    parse_with(text, yaml_options())
}

/// Parses a YAML document as it streams from `reader`, under the program's budget.
pub fn from_yaml_reader<T: serde::de::DeserializeOwned>(reader: impl std::io::Read) -> Result<T, ParseError> {
    serde_saphyr::from_reader_with_options(reader, yaml_options()).map_err(|error| parse_error(&error))
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
    let line = error.location().map(|location| location.line()).filter(|&line| line > 0);
    match original {
        Error::Budget { breach: BudgetBreach::Documents { .. }, .. } | Error::MultipleDocuments { .. } => {
            let start = line.map_or_else(String::new, |line| format!(" at line {line}"));
            (format!("a catalog is one YAML document; a second one starts{start} (after a `---` or `...` line)"), false)
        }
        Error::DuplicateMappingKey { key: Some(key), .. } => {
            (format!("the key '{}' appears twice here; give each key once", key.escape_debug()), false)
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            ("a key appears twice here; give each key once".to_owned(), false)
        }
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
            "refused: the document expands too far (too many aliases, nodes or bytes, as in an alias bomb)".to_owned(),
            true,
        ),
        Error::SerdeMissingField { field, .. } => {
            (format!("an entry here has no {field}, which every one needs"), false)
        }
        _ => (message, false),
    }
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

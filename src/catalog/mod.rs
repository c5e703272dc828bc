//! Loading catalogs: the embedded default, then user files merged over it in order.

pub mod arxiv;
pub mod cache;
pub mod localized;
pub mod model;
pub mod raw;
pub mod shape;
pub mod suggest;
pub mod translation;
pub mod tree;
pub mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use cache::Cache;
pub use model::{ArxivId, Branch, Catalog, Family, Origin, Paper, Step, Tag, Track};
pub use validate::Problem;

/// The validated default catalog, encoded by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));
static EMBEDDED_ZH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zh.postcard"));

/// The catalog compiled into the binary.
pub fn embedded() -> Catalog {
    // Note: the bytes were produced from a validated catalog by this same
    // code at build time, so decoding cannot fail short of a miscompiled binary.
    postcard::from_bytes(EMBEDDED).expect("the embedded catalog was encoded by this same build")
}

/// The embedded catalog's Chinese text.
pub fn embedded_chinese() -> translation::Translation {
    postcard::from_bytes(EMBEDDED_ZH).expect("the embedded Chinese text was encoded by this same build")
}

/// Why a set of catalogs could not be loaded.
#[derive(Debug, thiserror::Error)]
pub struct InvalidCatalog {
    /// Every problem, sorted by file and position.
    pub problems: Vec<Located>,
}

/// One problem, placed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct Located {
    /// `file:line:column`, or the file alone when the position is unknown.
    pub location: String,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

impl fmt::Display for InvalidCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(f, "{count} problem{} in the catalog", if count == 1 { "" } else { "s" })?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

/// Where a catalog's bytes are.
pub enum Contents {
    /// In a file, read only when the cache cannot answer.
    File(PathBuf),
    /// Already in memory.
    Bytes(Vec<u8>),
}

/// One catalog to merge: its name (for messages), its reader and its contents.
pub struct Input {
    /// The name messages use (the path as given).
    pub name: String,
    /// Whether to read the contents as JSON rather than YAML.
    pub json: bool,
    /// Where the bytes are.
    pub contents: Contents,
    /// Whether it is a translation (`*.zh.yaml`) rather than a catalog.
    pub translation: bool,
}

impl Input {
    /// A catalog file; `.json` files are JSON, anything else YAML.
    pub fn file(path: &Path) -> Input {
        let json = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
        let stem = path.file_stem().map(|stem| stem.to_string_lossy().to_lowercase()).unwrap_or_default();
        let translation = stem.ends_with(".zh");
        Input { name: path.display().to_string(), json, contents: Contents::File(path.to_owned()), translation }
    }

    /// A catalog already in memory.
    pub fn bytes(name: &str, json: bool, bytes: Vec<u8>) -> Input {
        Input { name: name.to_owned(), json, contents: Contents::Bytes(bytes), translation: false }
    }
}

impl Contents {
    /// The bytes, reading the file now; or what went wrong.
    fn into_bytes(self) -> Result<Vec<u8>, String> {
        match self {
            Contents::Bytes(bytes) => Ok(bytes),
            Contents::File(path) if path.is_dir() => Err("is a directory, not a catalog file".to_owned()),
            Contents::File(path) => std::fs::read(path).map_err(|error| format!("cannot read: {error}")),
        }
    }
}

/// Loads the embedded catalog (unless `include_default` is false) and merges `files` over it
/// in order, reusing `cache` for files it has seen.
///
/// Every problem in every file is collected before giving up, so one run shows them all.
///
/// `chinese` says whether the embedded Chinese text is wanted too (user `*.zh.yaml` files
/// are always read).
pub fn load(include_default: bool, chinese: bool, files: &[PathBuf], cache: &Cache) -> Result<Catalog, InvalidCatalog> {
    let mut base = if include_default { embedded() } else { Catalog::default() };
    if include_default && chinese {
        base.zh = embedded_chinese();
    }
    merge(base, files.iter().map(|path| Input::file(path)), cache)
}

/// Validates `inputs` and merges them over `base` in order: a valid catalog, or every problem.
pub fn merge(
    mut catalog: Catalog,
    inputs: impl IntoIterator<Item = Input>,
    cache: &Cache,
) -> Result<Catalog, InvalidCatalog> {
    let mut problems = Vec::new();
    let mut broken = validate::Broken::default();
    let mut any = false;
    let mut translations = Vec::new();
    for input in inputs {
        any = true;
        let Input { name, json, contents, translation } = input;
        let source = validate::add_source(&mut catalog, name);
        if translation {
            translations.extend(read_translation(contents, json, source, &mut problems));
            continue;
        }
        // Note: the key hashes a file as it streams by, so a cache hit never holds the file.
        let key = cache.key(&contents, json);
        if let Some(mut entries) = key.as_deref().and_then(Cache::get) {
            entries.relocate(source);
            validate::apply(&mut catalog, entries);
            continue;
        }
        let before = problems.len();
        let parsed = match streamed(&contents, json) {
            Some(raw) => Some((raw, validate::Broken::default())),
            None => {
                let bytes = contents.into_bytes();
                let parsed = parse(bytes.as_deref().map_err(String::as_str), json, source, &mut problems);
                // Note: the file's bytes are dropped as soon as they are parsed, to keep peak memory low.
                drop(bytes);
                parsed
            }
        };
        if let Some((raw, file_broken)) = parsed {
            let entries = validate::check_file(raw, source, &mut problems);
            if problems.len() == before
                && let Some(key) = &key
            {
                Cache::put(key, &entries);
            }
            validate::apply(&mut catalog, entries);
            broken.papers.extend(file_broken.papers);
            broken.families.extend(file_broken.families);
        }
    }
    for translation in translations {
        translation::apply(&mut catalog.zh, translation);
    }
    if any {
        validate::check_links(&mut catalog, &broken, &mut problems);
        translation::check_links(&catalog, &mut problems);
    }
    if problems.is_empty() {
        return Ok(catalog);
    }
    problems.sort_by_key(|problem| (problem.origin.source, problem.origin.line, problem.origin.column));
    problems.dedup();
    let problems = problems
        .into_iter()
        .map(|problem| Located { location: catalog.locate(problem.origin), message: problem.message })
        .collect();
    Err(InvalidCatalog { problems })
}

/// A translation file (`*.zh.yaml`), checked on its own; `None` when it cannot be read.
fn read_translation(
    contents: Contents,
    json: bool,
    source: u16,
    problems: &mut Vec<Problem>,
) -> Option<translation::Translation> {
    let at = |(line, column): (u32, u32), message: String| Problem { origin: Origin { source, line, column }, message };
    let text = contents
        .into_bytes()
        .and_then(|bytes| String::from_utf8(bytes).map_err(|error| format!("is not UTF-8 text ({error})")));
    let raw = text.map_err(|message| at((0, 0), message)).and_then(|text| {
        if json {
            serde_json::from_str::<raw::RawTranslation>(&text)
                .map_err(|error| at((to_u32(error.line()), to_u32(error.column())), error.to_string()))
        } else {
            raw::from_yaml::<raw::RawTranslation>(&text)
                .map_err(|error| at(error.position.unwrap_or((0, 0)), error.message))
        }
    });
    match raw {
        Ok(raw) => Some(translation::check_file(raw, source, problems)),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// A YAML file parsed as it streams from disk, when that succeeds: its text is never held
/// whole, which keeps the first load of a large catalog within a few times the file's size.
/// Anything else (JSON, bytes in memory, a file with problems) goes through [`parse`], which
/// reads the text to say exactly what is wrong.
fn streamed(contents: &Contents, json: bool) -> Option<raw::RawCatalog> {
    let Contents::File(path) = contents else { return None };
    if json {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    raw::parse_yaml_reader(std::io::BufReader::with_capacity(1 << 16, file)).ok()
}

/// Parses one file's bytes into the raw structs, with the ids of entries too broken to read.
/// When the typed parse fails, the file is walked as a plain tree so that every structural
/// problem is reported, not only the first; `None` means nothing of the file is usable.
fn parse(
    bytes: Result<&[u8], &str>,
    json: bool,
    source: u16,
    problems: &mut Vec<Problem>,
) -> Option<(raw::RawCatalog, validate::Broken)> {
    let at = |line: u32, column: u32, message: String| Problem { origin: Origin { source, line, column }, message };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            problems.push(at(0, 0, message.to_owned()));
            return None;
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&byte| byte == b'\n').count() + 1;
            let column =
                offset - bytes[..offset].iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1) + 1;
            problems.push(at(
                to_u32(line),
                to_u32(column),
                format!("is not UTF-8 text (invalid byte at offset {offset})"),
            ));
            return None;
        }
    };
    if text.trim().is_empty() {
        problems.push(at(0, 0, "is empty: a catalog needs at least `version: 1`".to_owned()));
        return None;
    }
    let typed = if json {
        serde_json::from_str(text).map_err(|error| {
            let message = error.to_string();
            // Note: serde_json appends " at line L column C"; the position is printed in front instead.
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head).to_owned();
            at(to_u32(error.line()), to_u32(error.column()), message)
        })
    } else {
        raw::parse_yaml(text).map_err(|error| {
            let (line, column) = error.position.unwrap_or((0, 0));
            at(line, column, error.message)
        })
    };
    let first_problem = match typed {
        Ok(raw) => return Some((raw, validate::Broken::default())),
        Err(problem) => problem,
    };
    let tree = if json {
        serde_json::from_str::<serde_json::Value>(text).ok().map(tree::from_json)
    } else {
        match raw::parse_yaml_tree(text) {
            Ok(tree) => Some(tree),
            // Note: the typed parse may stop at a misnamed field before it reaches an alias
            // bomb that the walk, reading everything, runs into: the refusal is what to say.
            Err(error) if error.refused => {
                let (line, column) = error.position.unwrap_or((0, 0));
                problems.push(at(line, column, error.message));
                return None;
            }
            Err(_) => None,
        }
    };
    let before = problems.len();
    let shaped = tree.map(|tree| shape::check(tree, source, problems));
    match shaped {
        // Note: the walk found what the typed parse refused; its sound entries are checked further.
        Some(shaped) if problems.len() > before => Some((shaped.raw, shaped.broken)),
        // Note: a syntax error, a refused budget, or something only the typed parse sees.
        _ => {
            problems.truncate(before);
            problems.push(first_problem);
            None
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;

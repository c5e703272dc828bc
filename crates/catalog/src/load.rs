//! The one load pipeline: a catalog or translation file's bytes, read once and bounded,
//! parsed (YAML or JSON), checked, and merged over what came before. build.rs runs it on
//! the embedded catalog and the program on the user's files, so both say the same thing.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::cache::{Cache, Stored};
use crate::model::{Catalog, Origin};
use crate::read::{self, Kind, LIMIT};
use crate::translation::Translation;
use crate::validate::{self, Problem};
use crate::{raw, shape, tree, yaml};

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
    /// In a file (or a pipe, a FIFO), read once when the catalogs are merged.
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
    /// A catalog file; `.json` files are JSON, anything else YAML; `zh.yaml` and
    /// `NAME.zh.yaml` are translations.
    pub fn file(path: &Path) -> Input {
        let json = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
        let stem = path.file_stem().map(|stem| stem.to_string_lossy().to_lowercase()).unwrap_or_default();
        let translation = stem == "zh" || stem.ends_with(".zh");
        Input { name: path.display().to_string(), json, contents: Contents::File(path.to_owned()), translation }
    }

    /// A catalog already in memory.
    pub fn bytes(name: &str, json: bool, bytes: Vec<u8>) -> Input {
        Input { name: name.to_owned(), json, contents: Contents::Bytes(bytes), translation: false }
    }
}

impl Contents {
    /// The bytes, reading the file now (once, within [`LIMIT`]); or what went wrong.
    fn into_bytes(self) -> Result<Vec<u8>, String> {
        match self {
            Contents::Bytes(bytes) => Ok(bytes),
            Contents::File(path) => read::read(&path, LIMIT).map_err(|error| error.to_string()),
        }
    }
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
        let before = problems.len();
        match obtain(contents, json, cache, source, &mut problems) {
            Obtained::Cached(mut entries) => {
                entries.relocate(source);
                validate::apply(&mut catalog, entries);
            }
            Obtained::Parsed { raw, broken: file_broken, key } => {
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
            Obtained::Nothing => {}
        }
    }
    for translation in translations {
        catalog.zh.apply(translation);
    }
    if any {
        validate::check_links(&mut catalog, &broken, &mut problems);
        validate::translation::check_links(&catalog, &mut problems);
    }
    if problems.is_empty() {
        return Ok(catalog);
    }
    Err(InvalidCatalog::new(&catalog, problems))
}

impl InvalidCatalog {
    /// The problems found in `catalog`, sorted by file and position, each once, and placed.
    pub fn new(catalog: &Catalog, mut problems: Vec<Problem>) -> InvalidCatalog {
        problems.sort_by_key(|problem| (problem.origin.source, problem.origin.line, problem.origin.column));
        problems.dedup();
        let problems = problems
            .into_iter()
            .map(|problem| Located { location: catalog.locate(problem.origin), message: problem.message })
            .collect();
        InvalidCatalog { problems }
    }
}

/// What one catalog file gave.
enum Obtained {
    /// Its checked entries, from the cache.
    Cached(validate::Entries),
    /// Its raw entries, with the ids too broken to read, and where to cache them once checked.
    Parsed { raw: raw::RawCatalog, broken: validate::Broken, key: Option<PathBuf> },
    /// Nothing usable: the problems say why.
    Nothing,
}

/// Reads a catalog once: from the cache when it holds it, else parsed.
///
/// Note: a regular file is cached under its identity on disk (device, inode, size,
/// modification and change times), so a cache hit does not read it at all; on a miss a
/// YAML file is parsed as it streams from disk, its text never held whole, which keeps a
/// cold load within 4x the file (measured: 3.7x for 10k short papers, against 4.1x when
/// the text was read first). Pipes, FIFOs and JSON are read once into memory, within the
/// limit, and cached under a hash of their bytes.
fn obtain(contents: Contents, json: bool, cache: &Cache, source: u16, problems: &mut Vec<Problem>) -> Obtained {
    let fail = |problems: &mut Vec<Problem>, message: String| {
        problems.push(Problem { origin: Origin { source, line: 0, column: 0 }, message });
        Obtained::Nothing
    };
    let path = match contents {
        Contents::File(path) => path,
        contents => {
            return match contents.into_bytes() {
                Ok(bytes) => from_bytes(bytes, json, cache, source, problems),
                Err(message) => fail(problems, message),
            };
        }
    };
    let opened = match read::open(&path, LIMIT, &[Kind::File, Kind::Stream]) {
        Ok(opened) => opened,
        Err(error) => return fail(problems, error.to_string()),
    };
    let key = match opened.kind {
        Kind::File => cache.file_key(&opened.metadata, json),
        Kind::Stream => None,
    };
    if let Some(entries) = cached(key.as_deref(), source, problems) {
        return entries;
    }
    if opened.kind == Kind::File && !json {
        // Note: only a file the streaming parse refused is read again, whole, to say
        // exactly what is wrong with it (and it is never cached).
        return match raw::parse_yaml_reader(std::io::BufReader::with_capacity(1 << 16, opened.reader(LIMIT))) {
            Ok(raw) => Obtained::Parsed { raw, broken: validate::Broken::default(), key },
            Err(_) => match read::read(&path, LIMIT) {
                Ok(bytes) => parsed(parse(&bytes, json, source, problems), None),
                Err(error) => fail(problems, error.to_string()),
            },
        };
    }
    let is_file = opened.kind == Kind::File;
    match opened.read_all(LIMIT) {
        // Note: a stream is cached under a hash of its bytes, a JSON file under its identity.
        Ok(bytes) if !is_file => from_bytes(bytes, json, cache, source, problems),
        Ok(bytes) => {
            let result = parse(&bytes, json, source, problems);
            drop(bytes);
            parsed(result, key)
        }
        Err(error) => fail(problems, error.to_string()),
    }
}

/// A catalog already in memory: from the cache under a hash of its bytes, else parsed.
fn from_bytes(bytes: Vec<u8>, json: bool, cache: &Cache, source: u16, problems: &mut Vec<Problem>) -> Obtained {
    let key = cache.key(&bytes, json);
    if let Some(stored) = key.as_deref().and_then(Cache::find) {
        // Note: a verified cache entry stands for the bytes, which are let go before the
        // entries are decoded, so the two are never in memory together.
        drop(bytes);
        return decoded(stored, key.as_deref(), source, problems);
    }
    let result = parse(&bytes, json, source, problems);
    drop(bytes);
    parsed(result, key)
}

fn parsed(result: Option<(raw::RawCatalog, validate::Broken)>, key: Option<PathBuf>) -> Obtained {
    match result {
        Some((raw, broken)) => Obtained::Parsed { raw, broken, key },
        None => Obtained::Nothing,
    }
}

/// The entries cached under `key`, when there is a sound entry.
fn cached(key: Option<&Path>, source: u16, problems: &mut Vec<Problem>) -> Option<Obtained> {
    let stored = Cache::find(key?)?;
    Some(decoded(stored, key, source, problems))
}

/// A verified cache entry's entries.
fn decoded(stored: Stored, key: Option<&Path>, source: u16, problems: &mut Vec<Problem>) -> Obtained {
    match stored.decode() {
        Some(entries) => Obtained::Cached(entries),
        // Note: the entry's checksum held and its key names the shape of the types it
        // holds, so this means a damaged program rather than a damaged file.
        None => {
            let shown = key.map(|key| key.display().to_string()).unwrap_or_default();
            let message = format!("its cached copy {shown} cannot be read back: remove it and run again");
            problems.push(Problem { origin: Origin { source, line: 0, column: 0 }, message });
            Obtained::Nothing
        }
    }
}

/// A translation file (`*.zh.yaml`), checked on its own; `None` when it cannot be read.
fn read_translation(contents: Contents, json: bool, source: u16, problems: &mut Vec<Problem>) -> Option<Translation> {
    let at = |(line, column): (u32, u32), message: String| Problem { origin: Origin { source, line, column }, message };
    let raw = contents.into_bytes().map_err(|message| at((0, 0), message)).and_then(|bytes| {
        let text = utf8(&bytes).map_err(|(position, message)| at(position, message))?;
        if json {
            serde_json::from_str::<raw::RawTranslation>(text).map_err(|error| json_problem(&error, source))
        } else {
            yaml::from_yaml::<raw::RawTranslation>(text)
                .map_err(|error| at(error.position.unwrap_or((0, 0)), error.message))
        }
    });
    match raw {
        Ok(raw) => Some(validate::translation::check_file(raw, source, problems)),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// The text of a file's bytes, or where the first byte that is not UTF-8 sits.
fn utf8(bytes: &[u8]) -> Result<&str, ((u32, u32), String)> {
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&byte| byte == b'\n').count() + 1;
        let column =
            offset - bytes[..offset].iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1) + 1;
        ((to_u32(line), to_u32(column)), format!("is not UTF-8 text (invalid byte at offset {offset})"))
    })
}

/// serde_json's error as a problem: its position in front, as for YAML, not repeated at the end.
fn json_problem(error: &serde_json::Error, source: u16) -> Problem {
    let message = error.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head).to_owned();
    Problem { origin: Origin { source, line: to_u32(error.line()), column: to_u32(error.column()) }, message }
}

/// Parses one file's bytes into the raw structs, with the ids of entries too broken to read.
/// When the typed parse fails, the file is walked as a plain tree so that every structural
/// problem is reported, not only the first; `None` means nothing of the file is usable.
fn parse(
    bytes: &[u8],
    json: bool,
    source: u16,
    problems: &mut Vec<Problem>,
) -> Option<(raw::RawCatalog, validate::Broken)> {
    let at = |line: u32, column: u32, message: String| Problem { origin: Origin { source, line, column }, message };
    let text = match utf8(bytes) {
        Ok(text) => text,
        Err(((line, column), message)) => {
            problems.push(at(line, column, message));
            return None;
        }
    };
    if text.trim().is_empty() {
        problems.push(at(0, 0, "is empty: a catalog needs at least `version: 1`".to_owned()));
        return None;
    }
    let typed = if json {
        serde_json::from_str(text).map_err(|error| json_problem(&error, source))
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
        match tree::parse_yaml(text) {
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

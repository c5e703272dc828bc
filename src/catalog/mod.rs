//! The catalogs a run uses: the one compiled into the binary, then the user's files merged
//! over it in order through the catalog core's one load pipeline.

pub use roadmap_catalog::*;

/// The validated default catalog, encoded by build.rs.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));
static EMBEDDED_ZH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zh.postcard"));
static EMBEDDED_ZH_TW: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zh_tw.postcard"));

/// The glossary of Chinese terms, compiled in (build.rs has checked that it parses).
static GLOSSARY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lang/glossary.yaml"));

/// The glossary `check` holds every translation to.
pub fn glossary() -> glossary::Glossary {
    glossary::Glossary::parse(GLOSSARY).expect("build.rs checked the glossary")
}

static SEARCH_TERMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/search_terms.postcard"));

/// The glossary's terms as the search uses them: English, Simplified, Traditional.
pub fn search_terms() -> Vec<(String, String, String)> {
    postcard::from_bytes(SEARCH_TERMS).expect("the glossary's terms were encoded by this same build")
}

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

/// The embedded catalog's Chinese text in Traditional script with Taiwan's usage.
pub fn embedded_traditional() -> translation::Translation {
    postcard::from_bytes(EMBEDDED_ZH_TW).expect("the embedded Traditional text was encoded by this same build")
}

/// Loads the embedded catalog (unless `include_default` is false) and merges `files` over it
/// in order, reusing `cache` for files it has seen.
///
/// Every problem in every file is collected before giving up, so one run shows them all.
/// `chinese` says whether the embedded Chinese text is wanted too (user `*.zh.yaml` files
/// are always read).
pub fn load(
    include_default: bool,
    chinese: bool,
    files: &[std::path::PathBuf],
    cache: &Cache,
) -> Result<Catalog, InvalidCatalog> {
    merge(base(include_default, chinese), files.iter().map(|path| Input::file(path)), cache)
}

/// What the user's catalogs merge over: the embedded catalog (with its Chinese text when
/// `chinese`), or nothing.
pub fn base(include_default: bool, chinese: bool) -> Catalog {
    let mut base = if include_default { embedded() } else { Catalog::default() };
    if include_default && chinese {
        base.zh = embedded_chinese();
        base.zh_tw = embedded_traditional();
    }
    base
}

/// The problems `check` finds beyond loading: translations whose English changed since they
/// were written, and Chinese that strays from the glossary; with the number of translated
/// entries that record no fingerprint.
pub fn further_problems(catalog: &Catalog) -> (Vec<Problem>, usize) {
    let (mut problems, unrecorded) = validate::translation::drift(catalog);
    problems.extend(glossary().check(catalog));
    (problems, unrecorded)
}

/// `name`'s bytes as a catalog to merge, read as [`Input::file`] reads a file of that name
/// (`.json` as JSON, `NAME.zh.yaml` as a translation).
pub fn input_from_bytes(name: String, file_name: &str, bytes: Vec<u8>) -> Input {
    Input { name, contents: Contents::Bytes(bytes), ..Input::file(std::path::Path::new(file_name)) }
}

/// `inputs` merged over `base` and held to all of `check`'s rules: a valid catalog, or every problem.
pub fn checked(base: Catalog, inputs: impl IntoIterator<Item = Input>) -> Result<Catalog, InvalidCatalog> {
    let catalog = merge(base, inputs, &Cache::default())?;
    let (problems, _) = further_problems(&catalog);
    if problems.is_empty() { Ok(catalog) } else { Err(InvalidCatalog::new(&catalog, problems)) }
}

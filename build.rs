//! Parses and validates `data/catalog.yaml` and `data/tracks.yaml` at build time and
//! stores the validated catalog as postcard bytes in `OUT_DIR`, so the binary only
//! decodes it. A broken catalog fails the build with the validator's messages.

// Note: the catalog modules are shared with the program through #[path];
// the build script uses only part of them.
#![allow(dead_code)]

#[path = "src/catalog"]
mod catalog {
    pub mod arxiv;
    pub mod model;
    pub mod raw;
    pub mod suggest;
    pub mod translation;
    pub mod tree;
    pub mod validate;
}

use catalog::{model, raw, translation, validate};

use std::path::PathBuf;
use std::process::ExitCode;

const CATALOG: &str = "data/catalog.yaml";
const TRACKS: &str = "data/tracks.yaml";
const CHINESE: &str = "data/lang/zh.yaml";

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed={CATALOG}");
    println!("cargo::rerun-if-changed={TRACKS}");
    println!("cargo::rerun-if-changed={CHINESE}");
    println!("cargo::rerun-if-changed=src/catalog");
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(messages) => {
            for message in messages {
                eprintln!("error: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

fn build() -> Result<(), Vec<String>> {
    let mut catalog = model::Catalog::default();
    let mut problems = Vec::new();
    // Note: the tracks are a catalog file of their own, merged over the papers they name.
    for file in [CATALOG, TRACKS] {
        let text = std::fs::read_to_string(file).map_err(|error| vec![format!("{file}: {error}")])?;
        let raw = raw::parse_yaml(&text).map_err(|error| {
            let (line, column) = error.position.unwrap_or((0, 0));
            vec![format!("{file}:{line}:{column}: {}", error.message)]
        })?;
        let source = validate::add_source(&mut catalog, file.to_owned());
        validate::merge(&mut catalog, raw, source, &mut problems);
    }
    let text = std::fs::read_to_string(CHINESE).map_err(|error| vec![format!("{CHINESE}: {error}")])?;
    let raw: raw::RawTranslation = raw::from_yaml(&text).map_err(|error| {
        let (line, column) = error.position.unwrap_or((0, 0));
        vec![format!("{CHINESE}:{line}:{column}: {}", error.message)]
    })?;
    let source = validate::add_source(&mut catalog, CHINESE.to_owned());
    let chinese = translation::check_file(raw, source, &mut problems);
    translation::apply(&mut catalog.zh, chinese);
    validate::check_links(&mut catalog, &validate::Broken::default(), &mut problems);
    translation::check_links(&catalog, &mut problems);
    let coverage = translation::coverage(&catalog);
    if !coverage.is_full() {
        problems.push(validate::Problem {
            origin: model::Origin { source, line: 0, column: 0 },
            message: format!("the Chinese text does not cover the whole catalog: {coverage:?}"),
        });
    }
    if !problems.is_empty() {
        return Err(problems
            .iter()
            .map(|problem| format!("{}: {}", catalog.locate(problem.origin), problem.message))
            .collect());
    }
    // `roadmap --version` says which catalog the binary carries.
    let newest = catalog.papers.iter().map(|paper| (paper.year, paper.month)).max().unwrap_or_default();
    let newest = match newest {
        (year, Some(month)) => format!("{year}-{month:02}"),
        (year, None) => year.to_string(),
    };
    println!("cargo::rustc-env=ROADMAP_CATALOG_SUMMARY={} papers, the newest from {newest}", catalog.papers.len());
    catalog.sources = vec!["embedded catalog".to_owned()];
    // Note: the Chinese text is stored apart and decoded only when it is wanted, since
    // decoding it costs a seventh of a `roadmap list`.
    let chinese = std::mem::take(&mut catalog.zh);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?);
    let write = |name: &str, bytes: Result<Vec<u8>, postcard::Error>| {
        let bytes = bytes.map_err(|error| vec![format!("encoding {name}: {error}")])?;
        std::fs::write(out.join(name), bytes).map_err(|error| vec![format!("writing {name}: {error}")])
    };
    write("catalog.postcard", postcard::to_allocvec(&catalog))?;
    write("zh.postcard", postcard::to_allocvec(&chinese))
}

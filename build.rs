//! Parses and validates `data/catalog.yaml` and `data/tracks.yaml` at build time and
//! stores the validated catalog as postcard bytes in `OUT_DIR`, so the binary only
//! decodes it. A broken catalog fails the build with the validator's messages.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use roadmap_catalog::glossary::Glossary;
use roadmap_catalog::script::Overrides;
use roadmap_catalog::validate::translation;
use roadmap_catalog::{Cache, Catalog, Input, merge};

use std::path::PathBuf;
use std::process::ExitCode;

const CATALOG: &str = "data/catalog.yaml";
const TRACKS: &str = "data/tracks.yaml";
const CHINESE: &str = "data/lang/zh.yaml";
const GLOSSARY: &str = "data/lang/glossary.yaml";
const TAIWAN: &str = "data/lang/zh-TW-overrides.yaml";
const WORDS: &str = "src/words/zh.rs";

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed={CATALOG}");
    println!("cargo::rerun-if-changed={TRACKS}");
    println!("cargo::rerun-if-changed={CHINESE}");
    println!("cargo::rerun-if-changed={GLOSSARY}");
    println!("cargo::rerun-if-changed={TAIWAN}");
    println!("cargo::rerun-if-changed={WORDS}");
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

/// Simplified text to Traditional with Taiwan's usage: OpenCC's Taiwan tables with phrases,
/// then the reviewed overrides.
fn taiwan() -> Result<impl Fn(&str) -> String, Vec<String>> {
    let text = std::fs::read_to_string(TAIWAN).map_err(|error| vec![format!("{TAIWAN}: {error}")])?;
    let overrides = Overrides::parse(&text).map_err(|error| vec![format!("{TAIWAN}: {}", error.message)])?;
    let opencc = OpenCC::from_config(BuiltinConfig::S2twp).map_err(|error| vec![format!("OpenCC: {error}")])?;
    Ok(move |text: &str| overrides.apply(&opencc.convert(text)))
}

fn build() -> Result<(), Vec<String>> {
    // Note: the tracks are a catalog file of their own, merged over the papers they name,
    // and the Chinese text is a translation file: the same pipeline as `--catalog` files.
    let inputs = [CATALOG, TRACKS, CHINESE].map(|file| Input::file(std::path::Path::new(file)));
    let mut catalog = merge(Catalog::default(), inputs, &Cache::default())
        .map_err(|invalid| invalid.problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let glossary = std::fs::read_to_string(GLOSSARY).map_err(|error| vec![format!("{GLOSSARY}: {error}")])?;
    let glossary = Glossary::parse(&glossary).map_err(|error| vec![format!("{GLOSSARY}: {}", error.message)])?;
    let coverage = translation::coverage(&catalog);
    if !coverage.is_full() {
        return Err(vec![format!("{CHINESE}: the Chinese text does not cover the whole catalog: {coverage:?}")]);
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
    let taiwan = taiwan()?;
    let traditional = chinese.converted(&taiwan);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?);
    let write = |name: &str, bytes: Result<Vec<u8>, postcard::Error>| {
        let bytes = bytes.map_err(|error| vec![format!("encoding {name}: {error}")])?;
        std::fs::write(out.join(name), bytes).map_err(|error| vec![format!("writing {name}: {error}")])
    };
    write("catalog.postcard", postcard::to_allocvec(&catalog))?;
    write("zh.postcard", postcard::to_allocvec(&chinese))?;
    write("zh_tw.postcard", postcard::to_allocvec(&traditional))?;
    // Note: the search finds a glossary term typed in either script, as its English too.
    let terms: Vec<(String, String, String)> =
        glossary.terms.iter().map(|term| (term.en.clone(), term.zh.clone(), taiwan(&term.zh))).collect();
    write("search_terms.postcard", postcard::to_allocvec(&terms))?;
    // Note: the program's own Chinese words, converted the same way: the Simplified table's
    // source with every string in Traditional script (its module doc comment left out, which
    // an included file may not carry).
    let words = std::fs::read_to_string(WORDS).map_err(|error| vec![format!("{WORDS}: {error}")])?;
    let words: String =
        taiwan(&words).lines().filter(|line| !line.starts_with("//!")).map(|line| format!("{line}\n")).collect();
    std::fs::write(out.join("words_zh_tw.rs"), words).map_err(|error| vec![format!("writing words_zh_tw.rs: {error}")])
}

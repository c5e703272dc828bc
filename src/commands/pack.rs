//! `roadmap pack FILE... -o DIR`: publishes catalog files into a directory with an
//! `index.json` (name, version, date, each file's SHA-256 and size, and a changelog against
//! the index already there), optionally signed with minisign. Nothing is written unless the
//! files pass `check`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};

use crate::catalog::{self, Catalog, Input, read};
use crate::cli::PackOptions;
use crate::settings::Settings;
use crate::subscription::changelog::Changelog;
use crate::subscription::index::{self, FORMAT, FileEntry, Index};
use crate::subscription::signature::{self, SIGNATURE_NAME};
use crate::{atomic, output};

/// Packs `options.files` into `options.output`; says what it wrote on stderr.
pub fn run(settings: &Settings, options: &PackOptions) -> anyhow::Result<String> {
    let directory = &options.output;
    let mut files = Vec::new();
    for path in &options.files {
        let shown = crate::text::sanitize(&path.to_string_lossy()).into_owned();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .ok_or_else(|| anyhow!("'{shown}' names no file"))?;
        index::check_file_name(&name).map_err(|_| {
            anyhow!("'{shown}': a published file's name may hold only letters, digits, '.', '_' and '-'")
        })?;
        if name == "index.json" || name == SIGNATURE_NAME {
            bail!("'{shown}': index.json and {SIGNATURE_NAME} are the names pack writes; rename the catalog");
        }
        if files.iter().any(|(known, _)| *known == name) {
            bail!("two files are named '{name}': a published directory holds one of each name");
        }
        let bytes = read::read(path, read::LIMIT).map_err(|error| anyhow!("'{shown}' {error}"))?;
        files.push((name, bytes));
    }
    let base = || catalog::base(settings.include_default, true);
    let inputs = |files: &[(String, Vec<u8>)], paths: &[PathBuf]| -> Vec<Input> {
        files
            .iter()
            .zip(paths)
            .map(|((name, bytes), path)| catalog::input_from_bytes(path.display().to_string(), name, bytes.clone()))
            .collect()
    };
    let catalog = catalog::checked(base(), inputs(&files, &options.files))?;
    let previous = previous_index(directory, settings.include_default)?;
    let beneath = base();
    let changelog = match &previous {
        Some((index, old)) => Changelog { since: Some(index.version), ..Changelog::between(old, &catalog, &beneath) },
        None => Changelog::between(&beneath, &catalog, &beneath),
    };
    let name = options
        .name
        .clone()
        .or_else(|| previous.as_ref().map(|(index, _)| index.name.clone()))
        .or_else(|| directory_name(directory))
        .unwrap_or_else(|| "catalog".to_owned());
    let index = Index {
        format: FORMAT,
        name,
        version: previous.as_ref().map_or(1, |(index, _)| index.version + 1),
        date: settings.today(),
        files: files
            .iter()
            .map(|(path, bytes)| FileEntry {
                path: path.clone(),
                sha256: index::sha256(bytes),
                size: bytes.len() as u64,
            })
            .collect(),
        changelog,
    };
    let text = index.to_json();
    let signed = match &options.sign {
        Some(key) => {
            let comment = format!("roadmap index {} version {} of {}", index.name, index.version, index.date);
            let ask = || rpassword::prompt_password("password for the minisign key: ");
            let ask: Option<&dyn Fn() -> std::io::Result<String>> = settings.stdin_is_terminal.then_some(&ask);
            Some(signature::sign(key, text.as_bytes(), &comment, ask).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    std::fs::create_dir_all(directory)
        .with_context(|| format!("cannot create the directory '{}'", directory.display()))?;
    for (name, bytes) in &files {
        write(&directory.join(name), bytes)?;
    }
    // Note: the index goes last, so a reader never finds an index naming files not yet written.
    if let Some(signed) = &signed {
        write(&directory.join(SIGNATURE_NAME), signed.as_bytes())?;
    } else if directory.join(SIGNATURE_NAME).exists() {
        std::fs::remove_file(directory.join(SIGNATURE_NAME)).context("cannot remove the old signature")?;
    }
    write(&directory.join("index.json"), text.as_bytes())?;
    output::message(&format!(
        "packed '{}' version {} into {} ({} file{}{}): {}",
        index.name,
        index.version,
        directory.display(),
        index.files.len(),
        if index.files.len() == 1 { "" } else { "s" },
        if signed.is_some() { ", signed" } else { "" },
        index.changelog.summary()
    ));
    Ok(String::new())
}

/// The index already in `directory` and the catalog its files make, when there is one.
fn previous_index(directory: &Path, include_default: bool) -> anyhow::Result<Option<(Index, Catalog)>> {
    let path = directory.join("index.json");
    let shown = path.display().to_string();
    let bytes = match read::read(&path, index::INDEX_LIMIT) {
        Ok(bytes) => bytes,
        Err(read::ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => bail!("the previous index '{shown}' {error}"),
    };
    let index = Index::parse(&bytes).map_err(|error| anyhow!("the previous index '{shown}': {error}"))?;
    let inputs = index.files.iter().map(|file| Input::file(&directory.join(&file.path)));
    // Note: a previous version that no longer loads (its files edited by hand, or the embedded
    // catalog moved on) is measured as empty: the changelog then lists every paper as added.
    let base = || catalog::base(include_default, true);
    let old = catalog::merge(base(), inputs, &catalog::Cache::default()).unwrap_or_else(|_| base());
    Ok(Some((index, old)))
}

fn directory_name(directory: &Path) -> Option<String> {
    let absolute = std::path::absolute(directory).ok()?;
    absolute.file_name().map(|name| name.to_string_lossy().into_owned())
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    atomic::write(path, bytes, atomic::NewFile::Shared).with_context(|| format!("cannot write '{}'", path.display()))
}

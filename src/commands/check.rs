//! `roadmap check`: validate catalogs and report every problem, the translations whose
//! English changed since they were written, and Chinese that strays from the glossary;
//! `--fix-fingerprints` records what each translation now translates.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::bail;

use crate::catalog::fingerprint;
use crate::catalog::read::{self, LIMIT};
use crate::catalog::{self, Catalog, Input, InvalidCatalog};
use crate::settings::Settings;
use crate::{atomic, output};

/// Checks `paths` (or, when empty, the active catalogs) over the embedded catalog unless it is
/// left out; returns a summary, or every problem found. With `fix_fingerprints`, first
/// records the current English's fingerprint in every entry of the translation files among
/// `paths`.
pub fn run(settings: &Settings, paths: &[PathBuf], fix_fingerprints: bool) -> anyhow::Result<String> {
    // Note: the active catalogs are the subscriptions' copies, then your own catalog and files.
    let active: Vec<PathBuf> = if paths.is_empty() {
        settings.subscription_files()?.into_iter().chain(settings.catalog_files()).collect()
    } else {
        Vec::new()
    };
    let files = if paths.is_empty() { &active } else { paths };
    // Note: check always parses afresh, so what it reports never depends on the cache.
    let catalog = catalog::load(settings.include_default, true, files, &catalog::Cache::default())?;
    if fix_fingerprints {
        record_fingerprints(&catalog, paths)?;
        return run(settings, paths, false);
    }
    let (problems, unrecorded) = catalog::further_problems(&catalog);
    if !problems.is_empty() {
        return Err(InvalidCatalog::new(&catalog, problems).into());
    }
    warn_drafts(&catalog);
    let mut sources: Vec<String> = Vec::new();
    if settings.include_default {
        sources.push("embedded catalog".to_owned());
    }
    sources.extend(files.iter().map(|path| path.display().to_string()));
    let coverage = catalog::validate::translation::coverage(&catalog);
    let fraction = |(have, all): (usize, usize)| format!("{have}/{all}");
    let mut summary = format!(
        "ok: {} papers in {} families, {} tracks ({})\nzh: {} papers, {} families, {} tracks have Chinese text{}\n",
        catalog.papers.len(),
        catalog.families.len(),
        catalog.tracks.len(),
        if sources.is_empty() { "no catalog".to_owned() } else { sources.join(", ") },
        fraction(coverage.papers),
        fraction(coverage.families),
        fraction(coverage.tracks),
        if coverage.is_full() { " (all)" } else { "; the rest falls back to English" },
    );
    if settings.include_default {
        let traditional = catalog::validate::translation::coverage_of(&catalog, &catalog.zh_tw);
        let _ = writeln!(
            summary,
            "zh-TW: {} papers, {} families, {} tracks have Traditional text (converted at build time from the embedded Chinese)",
            fraction(traditional.papers),
            fraction(traditional.families),
            fraction(traditional.tracks),
        );
    }
    if unrecorded > 0 {
        let _ = writeln!(
            summary,
            "zh: {unrecorded} entries record no fingerprint of the English they translate (`roadmap check --fix-fingerprints FILE...` records them)"
        );
    }
    Ok(summary)
}

/// Warns about every draft entry (`roadmap add --no-edit`), placed, with what finishes it.
fn warn_drafts(catalog: &Catalog) {
    for paper in catalog.papers.iter().filter(|paper| paper.draft) {
        let location = catalog.locate(paper.origin);
        output::warn(&format!(
            "{location}: paper '{}' is a draft: write its contribution and focus, then remove `draft: true`",
            paper.id
        ));
    }
}

/// Writes the current fingerprints into the translation files among `paths`.
fn record_fingerprints(catalog: &Catalog, paths: &[PathBuf]) -> anyhow::Result<()> {
    let translated = fingerprint::translated(catalog);
    let mut any = false;
    for path in paths.iter().filter(|path| Input::file(path).translation) {
        any = true;
        let name = path.display().to_string();
        let Some(source) = catalog.sources.iter().position(|known| *known == name) else { continue };
        let places: Vec<(u32, u32, String)> = translated
            .iter()
            .filter(|(_, _, _, origin)| usize::from(origin.source) == source)
            .filter_map(|(entry, _, recorded, origin)| {
                let now = fingerprint::of(entry);
                (recorded != &Some(now.as_str())).then_some((origin.line, origin.column, now))
            })
            .collect();
        if places.is_empty() {
            output::message(&format!("{name}: every fingerprint is current"));
            continue;
        }
        let bytes = read::read(path, LIMIT).map_err(|error| anyhow::anyhow!("'{name}' {error}"))?;
        let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("'{name}' is not UTF-8 text"))?;
        let (written, skipped) = fingerprint::record(&text, &places);
        atomic::write(path, written.as_bytes(), atomic::NewFile::Shared)
            .map_err(|error| anyhow::anyhow!("cannot write '{name}': {error:#}"))?;
        let recorded = places.len() - skipped;
        let left = if skipped > 0 { format!(" ({skipped} entries in flow style left alone)") } else { String::new() };
        output::message(&format!("{name}: recorded {recorded} fingerprints{left}"));
    }
    if !any {
        bail!("--fix-fingerprints writes into translation files (NAME.zh.yaml or zh.yaml): name them among the paths");
    }
    Ok(())
}

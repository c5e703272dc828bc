//! `roadmap check`: validate catalogs and report every problem.

use std::path::PathBuf;

use crate::catalog;
use crate::settings::Settings;

/// Checks `paths` (or, when empty, the active catalogs) over the embedded catalog unless it is
/// left out; returns a summary, or every problem found.
pub fn run(settings: &Settings, paths: &[PathBuf]) -> anyhow::Result<String> {
    let files = if paths.is_empty() { &settings.catalogs } else { paths };
    // Note: check always parses afresh, so what it reports never depends on the cache.
    let catalog = catalog::load(settings.include_default, true, files, &catalog::Cache::default())?;
    let mut sources: Vec<String> = Vec::new();
    if settings.include_default {
        sources.push("embedded catalog".to_owned());
    }
    sources.extend(files.iter().map(|path| path.display().to_string()));
    let coverage = catalog::validate::translation::coverage(&catalog);
    let fraction = |(have, all): (usize, usize)| format!("{have}/{all}");
    Ok(format!(
        "ok: {} papers in {} families, {} tracks ({})\nzh: {} papers, {} families, {} tracks have Chinese text{}\n",
        catalog.papers.len(),
        catalog.families.len(),
        catalog.tracks.len(),
        if sources.is_empty() { "no catalog".to_owned() } else { sources.join(", ") },
        fraction(coverage.papers),
        fraction(coverage.families),
        fraction(coverage.tracks),
        if coverage.is_full() { " (all)" } else { "; the rest falls back to English" },
    ))
}

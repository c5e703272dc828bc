//! A progress file to import (the page's `a#download-progress`): read as the store reads its
//! own, merged by `Progress::merge` under the lock, and reported mark by mark.

use std::fmt::Write;
use std::path::Path;

use crate::context::Context;
use crate::progress::{self, Merged};
use crate::text::sanitize;

/// Whether `text` (from `file`) is a progress file: named `.yaml` or `.yml`, or opening (past
/// comments) with its `version:` line.
pub fn is_one(file: &Path, text: &str) -> bool {
    let named = file
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("yaml") || extension.eq_ignore_ascii_case("yml"));
    let first = text.lines().map(str::trim).find(|line| !line.is_empty() && !line.starts_with('#'));
    named || first.is_some_and(|line| line.starts_with("version:"))
}

/// Merges the progress file `name` (its `text`) into the learner's, unless `dry_run`; a file
/// that is not a valid progress file changes nothing.
pub fn merge(context: &Context, name: &str, text: &str, dry_run: bool) -> anyhow::Result<String> {
    // Note: the store reads an empty file as no progress yet; a file given to import that
    // says nothing at all is a mistake (the wrong file, or one cut short), not 0 marks.
    if text.lines().map(str::trim).all(|line| line.is_empty() || line.starts_with('#')) {
        anyhow::bail!("{name} is empty: it holds no marks; nothing was changed");
    }
    let file = progress::parse(text)
        .map_err(|why| anyhow::anyhow!("{name} is not a progress file ({why}); nothing was changed"))?;
    let known = |id: &str| context.catalog.paper(id).is_some();
    let today = context.settings.today();
    let merged = if dry_run {
        context.progress.clone().merge(&file, known, &today)
    } else {
        // Note: merged under the lock with the file as it is now, not as the run began.
        context.store()?.update(|progress| Ok(progress.merge(&file, known, &today)))?
    };
    Ok(report(name, &merged, dry_run))
}

/// What the merge changed, what it kept, and what it could not use.
fn report(name: &str, merged: &Merged, dry_run: bool) -> String {
    let mut out = String::new();
    let count = merged.changed.len() + merged.same.len() + merged.kept.len();
    let _ = writeln!(out, "{name}: a progress file with {count} {}", if count == 1 { "mark" } else { "marks" });
    let verb = if dry_run { "would change" } else { "changed" };
    let _ = writeln!(out, "  {verb:<18}{:>4}", merged.changed.len());
    for (id, from, to) in &merged.changed {
        let _ = writeln!(out, "    {}: {} -> {}", sanitize(id), from.as_str(), to.as_str());
    }
    let _ = writeln!(out, "  {:<18}{:>4}", "already so", merged.same.len());
    let _ = writeln!(out, "  {:<18}{:>4}", "kept yours", merged.kept.len());
    for (id, kept, theirs) in &merged.kept {
        let _ = writeln!(
            out,
            "    {}: kept {} (the file's {} is older or undated)",
            sanitize(id),
            kept.as_str(),
            theirs.as_str()
        );
    }
    let _ =
        writeln!(out, "  {:<18}{:>4}  (marks the file lacks stay as they are)", "not in the file", merged.untouched);
    if !merged.unknown.is_empty() {
        let shown: Vec<String> = merged.unknown.iter().take(10).map(|id| sanitize(id).into_owned()).collect();
        let more = if merged.unknown.len() > 10 { " …" } else { "" };
        let _ = writeln!(out, "  {:<18}{:>4}  {}{more}", "not in the catalog", merged.unknown.len(), shown.join(" "));
    }
    if merged.notes > 0 {
        let _ = writeln!(out, "  notes in the file are not imported ({})", merged.notes);
    }
    if dry_run {
        out.push_str("dry run: the progress file was not changed\n");
    }
    out
}

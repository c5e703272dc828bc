//! `roadmap whatsnew`: the papers this learner has not seen before, newest first.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use anyhow::Context as _;

use super::Context;
use crate::catalog::Paper;
use crate::cli::ListOutput;
use crate::output;

/// Lists the papers of the active catalogs that are not in the progress file's `seen` list,
/// newest first, and then adds them to it: only once the listing is written, so a failed
/// write (a full disk) leaves them new. The first run (nothing seen yet) only records.
pub fn run(context: &Context, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let unseen = |seen: &BTreeSet<String>| -> Vec<&Paper> {
        catalog.papers.iter().filter(|paper| !seen.contains(&paper.id)).collect()
    };
    let first = context.progress.seen.is_empty();
    let mut new = unseen(&context.progress.seen);
    let empty = || context.paper_listing(&[], output.format, &output.columns, false);
    if new.is_empty() {
        output::message(&format!("nothing new: all {} papers were here when you last looked", catalog.papers.len()));
        return empty();
    }
    if first {
        record(context, &new)?;
        output::message(&format!(
            "recorded the {} papers of the catalog as seen; from now on `roadmap whatsnew` lists the ones added later",
            new.len()
        ));
        return empty();
    }
    new.sort_by_key(|paper| Reverse(paper.chronological_key()));
    let count = new.len();
    let listing = context.paper_listing(&new, output.format, &output.columns, false)?;
    output::write_stdout(&listing).context("cannot write the new papers to standard output")?;
    record(context, &new)?;
    output::message(&format!("{count} new {} since you last looked", if count == 1 { "paper" } else { "papers" }));
    Ok(String::new())
}

/// Adds `papers` to the seen list, under the progress file's lock.
fn record(context: &Context, papers: &[&Paper]) -> anyhow::Result<()> {
    context.store()?.update(|progress| {
        progress.seen.extend(papers.iter().map(|paper| paper.id.clone()));
        Ok(())
    })
}

//! `roadmap whatsnew`: the papers this learner has not seen before, newest first.

use std::cmp::Reverse;

use super::Context;
use crate::catalog::Paper;
use crate::cli::ListOutput;
use crate::output;

/// Lists the papers of the active catalogs that are not in the progress file's `seen` list,
/// newest first, and adds them to it. The first run (nothing seen yet) only records.
pub fn run(context: &Context, output: &ListOutput) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let unseen = |seen: &std::collections::BTreeSet<String>| -> Vec<&Paper> {
        catalog.papers.iter().filter(|paper| !seen.contains(&paper.id)).collect()
    };
    if unseen(&context.progress.seen).is_empty() {
        output::message(&format!("nothing new: all {} papers were here when you last looked", catalog.papers.len()));
        return Ok(String::new());
    }
    // Note: read under the lock again, so a whatsnew run elsewhere meanwhile is not lost.
    let (first, mut new) = context.store()?.update(|progress| {
        let first = progress.seen.is_empty();
        let new = unseen(&progress.seen);
        progress.seen.extend(new.iter().map(|paper| paper.id.clone()));
        Ok((first, new))
    })?;
    if first {
        output::message(&format!(
            "recorded the {} papers of the catalog as seen; from now on `roadmap whatsnew` lists the ones added later",
            new.len()
        ));
        return Ok(String::new());
    }
    new.sort_by_key(|paper| Reverse(paper.chronological_key()));
    let count = new.len();
    output::message(&format!("{count} new {} since you last looked", if count == 1 { "paper" } else { "papers" }));
    context.paper_listing(&new, output.format, &output.columns, false)
}

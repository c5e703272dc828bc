//! `roadmap next`: the papers whose prerequisites are all read.

use super::Context;
use crate::catalog::Paper;
use crate::cli::ListOutput;
use crate::lineage::Lineage;
use crate::progress::Status;
use crate::query::{self, Filter, Selection};

/// How many papers `next` shows on a terminal unless told otherwise.
const SHORT_LIST: usize = 10;

/// Lists unread papers whose prerequisites are all read and that pass `selection`, oldest
/// first. With a track, the track's own order decides: its unread steps whose
/// prerequisites within the track are read, in track order.
///
/// At most `limit` papers are listed (0: all); on a terminal the default is a short list,
/// and stderr says how many more there are.
pub fn run(
    context: &Context,
    selection: &Selection,
    output: &ListOutput,
    limit: Option<usize>,
) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let filter = Filter::new(selection, catalog, &context.progress)?;
    let mut papers = match &selection.track {
        Some(track) => {
            let track = query::known_track(catalog, track)?;
            let steps: Vec<&Paper> = track
                .steps
                .iter()
                .map(|step| catalog.paper(&step.paper).expect("validation checks that every step names a paper"))
                .collect();
            let in_track = |id: &String| steps.iter().any(|step| step.id == *id);
            let read = |id: &String| context.progress.status(id) == Status::Read;
            steps
                .iter()
                .copied()
                .filter(|paper| !read(&paper.id))
                .filter(|paper| paper.builds_on.iter().filter(|id| in_track(id)).all(read))
                .collect()
        }
        None => Lineage::new(catalog).next(&context.progress),
    };
    papers.retain(|paper| filter.matches(catalog, paper));
    let limit = limit.or((context.settings.stdout_is_terminal).then_some(SHORT_LIST)).filter(|&limit| limit > 0);
    if let Some(limit) = limit.filter(|&limit| papers.len() > limit) {
        let more = papers.len() - limit;
        papers.truncate(limit);
        if context.settings.stdout_is_terminal {
            crate::output::message(&format!("… and {more} more (`--limit 0` lists them all)"));
        }
    }
    context.paper_listing(&papers, output.format, &output.columns, false)
}

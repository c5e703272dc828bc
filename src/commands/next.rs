//! `roadmap next`: the papers whose prerequisites are all read.

use super::Context;
use crate::catalog::Paper;
use crate::cli::ListOutput;
use crate::lineage::Lineage;
use crate::progress::Status;
use crate::query::{self, Filter, Selection};

/// Lists unread papers whose prerequisites are all read and that pass `selection`, oldest
/// first. With a track, the track's own order decides: its unread steps whose
/// prerequisites within the track are read, in track order.
pub fn run(context: &Context, selection: &Selection, output: &ListOutput) -> anyhow::Result<String> {
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
    context.paper_listing(&papers, output.format, &output.columns, false)
}

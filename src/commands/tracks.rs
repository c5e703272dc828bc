//! `roadmap tracks` and `roadmap track ID`: the curated reading orders, with your progress.

use serde::Serialize;

use super::Context;
use crate::catalog::{Branch, Catalog, Paper, Track};
use crate::lang::Lang;
use crate::progress::{Progress, Status};
use crate::query;
use crate::render::track::{StepRecord, render_steps, step_columns};
use crate::render::{Column, ListFormat, Record, listing};
use crate::words::Header;

/// A track as `tracks` lists it.
#[derive(Debug, Serialize)]
pub struct TrackRecord<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    /// The paper ids in reading order.
    pub steps: Vec<&'a str>,
    /// How many of its papers are read.
    pub read: usize,
    /// How many papers it has.
    pub total: usize,
}

impl Record for TrackRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Option<Branch> {
        None
    }
}

impl<'a> TrackRecord<'a> {
    fn new(catalog: &'a Catalog, track: &'a Track, progress: &Progress, lang: Lang) -> TrackRecord<'a> {
        let steps: Vec<&str> = track.steps.iter().map(|step| step.paper.as_str()).collect();
        let read = steps.iter().filter(|id| progress.status(id) == Status::Read).count();
        TrackRecord {
            id: &track.id,
            name: catalog.track_name(track, lang),
            summary: catalog.track_summary(track, lang),
            total: steps.len(),
            steps,
            read,
        }
    }
}

/// Lists every track with its length and how much of it is read.
pub fn list(context: &Context, format: Option<ListFormat>) -> anyhow::Result<String> {
    let lang = context.settings.lang;
    let catalog = &context.catalog;
    let rows: Vec<TrackRecord<'_>> =
        catalog.tracks.iter().map(|track| TrackRecord::new(catalog, track, &context.progress, lang)).collect();
    if rows.is_empty() {
        context.say_empty("no tracks in the active catalogs");
    }
    let columns = [
        Column { header: Header::Id, value: |row: &TrackRecord<'_>| row.id.to_owned() },
        Column { header: Header::Read, value: |row| row.read.to_string() },
        Column { header: Header::Papers, value: |row| row.total.to_string() },
        Column { header: Header::Name, value: |row| row.name.to_owned() },
        Column { header: Header::Summary, value: |row| row.summary.to_owned() },
    ];
    listing(context.list_format(format), &columns, &rows, context.look())
}

/// Shows one track's steps in order, with status and why; `unread` leaves out what is read.
pub fn show(context: &Context, id: &str, unread: bool, format: Option<ListFormat>) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let track = query::known_track(catalog, id)?;
    let steps: Vec<StepRecord<'_>> = track
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let paper: &Paper = catalog.paper(&step.paper).expect("validation checks that every step names a paper");
            StepRecord {
                step: index + 1,
                id: &paper.id,
                year: paper.year,
                status: context.progress.status(&paper.id),
                title: &paper.title,
                why: catalog.step_why(track, &step.paper, context.settings.lang),
                branch: catalog.branch_of(paper),
            }
        })
        .filter(|step| !unread || step.status != Status::Read)
        .collect();
    match context.list_format(format) {
        ListFormat::Table => {
            let lang = context.settings.lang;
            let heading = (catalog.track_name(track, lang), catalog.track_summary(track, lang));
            Ok(render_steps(heading, &steps, context.look()))
        }
        format => listing(format, &step_columns(), &steps, context.look()),
    }
}

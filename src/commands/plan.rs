//! `roadmap plan TRACK --per-week N`: a track's unread steps paced into dated weeks.

use anyhow::Context as _;

use super::Context;
use crate::cli::PlanOptions;
use crate::lineage::Lineage;
use crate::query;
use crate::render::plan::{CalendarHead, PlanRecord, ics, plan_columns};
use crate::render::track::StepRecord;
use crate::render::{PlanFormat, listing};
use crate::words::words;

/// The track's steps not yet read or skipped, in reading order (`Lineage::plan`),
/// `per_week` a week from `start` (default: today), spread over each week's days.
pub fn run(context: &Context, options: &PlanOptions) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let lang = context.settings.lang;
    let track = query::known_track(catalog, &options.track)?;
    let start = options.start.unwrap_or_else(|| context.settings.today_date());
    let order = Lineage::new(catalog).plan(track, &context.progress);
    let rows = order
        .into_iter()
        .enumerate()
        .map(|(index, (paper, step))| {
            Ok(PlanRecord {
                week: index / options.per_week + 1,
                date: day_of(start, index, options.per_week)?,
                step: StepRecord {
                    step,
                    id: &paper.id,
                    year: paper.year,
                    status: context.progress.status(&paper.id),
                    title: &paper.title,
                    why: catalog.step_why(track, &paper.id, lang),
                    branch: catalog.branch_of(paper),
                },
                url: paper.abs_url(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    if rows.is_empty() {
        context.say_empty(&format!("every step of {} is read or skipped: nothing left to plan", track.id));
    }
    match options.format {
        Some(PlanFormat::Ics) => {
            let head = CalendarHead {
                track_id: &track.id,
                track_name: catalog.track_name(track, lang),
                step_in: words(lang).next.step_in,
                made: context.settings.today_date(),
            };
            ics(&head, &rows)
        }
        Some(PlanFormat::List(format)) => listing(format, &plan_columns(), &rows, context.look()),
        None => listing(context.list_format(None), &plan_columns(), &rows, context.look()),
    }
}

/// The day to read the paper at `index`: its week's first day plus its share of the week
/// (three a week fall on days 0, 2 and 4).
fn day_of(start: jiff::civil::Date, index: usize, per_week: usize) -> anyhow::Result<jiff::civil::Date> {
    let days = (index / per_week) * 7 + (index % per_week) * 7 / per_week;
    let span = jiff::Span::new().try_days(i64::try_from(days)?)?;
    start.checked_add(span).with_context(|| format!("a plan from {start} runs past the last date there is"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_spread_over_their_week() {
        let start: jiff::civil::Date = "2026-05-04".parse().expect("a date");
        let days: Vec<String> = (0..5).map(|index| day_of(start, index, 3).expect("a day").to_string()).collect();
        assert_eq!(days, ["2026-05-04", "2026-05-06", "2026-05-08", "2026-05-11", "2026-05-13"]);
        assert_eq!(day_of(start, 1, 1).expect("a day").to_string(), "2026-05-11");
        assert!(day_of("9999-12-30".parse().expect("a date"), 3, 1).is_err());
    }
}

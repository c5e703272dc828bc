//! A paced plan: its rows and columns for every listing format, and an iCalendar file with
//! one all-day event per paper.

use anyhow::Context as _;
use icalendar::{Calendar, Component, EventLike};
use serde::Serialize;

use super::track::StepRecord;
use super::{Column, Record};
use crate::catalog::Branch;
use crate::text::sanitize;
use crate::words::Header;

/// One paper of a plan: the week and day to read it, and the track's step.
#[derive(Debug, Serialize)]
pub struct PlanRecord<'a> {
    /// The week it falls in (1-based).
    pub week: usize,
    /// The day to read it.
    #[serde(serialize_with = "as_text")]
    pub date: jiff::civil::Date,
    #[serde(flatten)]
    pub step: StepRecord<'a>,
    /// The abstract page.
    pub url: String,
}

/// A date as `YYYY-MM-DD`.
fn as_text<S: serde::Serializer>(date: &jiff::civil::Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

impl Record for PlanRecord<'_> {
    fn id(&self) -> &str {
        self.step.id
    }

    fn branch(&self) -> Option<Branch> {
        Some(self.step.branch)
    }
}

/// The columns of a plan: week, day, the track's step, id and title (narrow enough for
/// titles to wrap beside them at 80 columns).
pub fn plan_columns<'a>() -> [Column<PlanRecord<'a>>; 5] {
    [
        Column { header: Header::Week, value: |row: &PlanRecord<'_>| row.week.to_string() },
        Column { header: Header::Date, value: |row| row.date.to_string() },
        Column { header: Header::Step, value: |row| row.step.step.to_string() },
        Column { header: Header::Id, value: |row| row.step.id.to_owned() },
        Column { header: Header::Title, value: |row| row.step.title.to_owned() },
    ]
}

/// What a calendar needs beyond the rows: the track, how each step is named, and the day
/// the file is made (every event's DTSTAMP, so the same plan made the same day is the same
/// file).
pub struct CalendarHead<'a> {
    pub track_id: &'a str,
    pub track_name: &'a str,
    /// "step 4 of reasoning" in the reader's language.
    pub step_in: fn(usize, &str) -> String,
    pub made: jiff::civil::Date,
}

/// An iCalendar file: one all-day event per paper, its title as the summary, its step, why
/// and abstract page as the description, the page as URL, and a UID of paper and track that
/// stays the same when the plan is made again (a calendar then moves the event).
pub fn ics(head: &CalendarHead<'_>, rows: &[PlanRecord<'_>]) -> anyhow::Result<String> {
    let made = day(head.made)?.and_hms_opt(0, 0, 0).context("midnight exists")?.and_utc();
    let mut calendar = Calendar::new();
    calendar.name(&sanitize(head.track_name));
    for row in rows {
        let start = day(row.date)?;
        let end = start.succ_opt().with_context(|| format!("{} is the last day a calendar can hold", row.date))?;
        let mut description = sanitize(&(head.step_in)(row.step.step, head.track_id)).into_owned();
        if let Some(why) = row.step.why {
            description.push_str(&format!(": {}", sanitize(why)));
        }
        description.push_str(&format!("\n{}", sanitize(&row.url)));
        calendar.push(
            icalendar::Event::new()
                .uid(&format!("{}.{}@roadmap", row.step.id, head.track_id))
                .timestamp(made)
                .summary(&sanitize(row.step.title))
                .description(&description)
                .url(&row.url)
                .starts(start)
                .ends(end)
                .done(),
        );
    }
    Ok(calendar.done().to_string())
}

/// A civil date as chrono has it, for the iCalendar crate.
fn day(date: jiff::civil::Date) -> anyhow::Result<chrono::NaiveDate> {
    let month = u32::try_from(date.month()).context("months are positive")?;
    let day = u32::try_from(date.day()).context("days are positive")?;
    chrono::NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
        .with_context(|| format!("{date} is outside the calendar's range"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Status;

    fn row(week: usize, date: &str, id: &'static str, title: &'static str) -> PlanRecord<'static> {
        PlanRecord {
            week,
            date: date.parse().expect("a date"),
            step: StepRecord {
                step: week,
                id,
                year: 2017,
                status: Status::Unread,
                title,
                why: Some("Start here; it matters."),
                branch: Branch::Foundation,
            },
            url: format!("https://arxiv.org/abs/{id}"),
        }
    }

    #[test]
    fn a_calendar_has_an_all_day_event_per_paper_with_a_stable_uid() {
        let head = CalendarHead {
            track_id: "t",
            track_name: "A track",
            step_in: |step, track| format!("step {step} of {track}"),
            made: "2026-05-01".parse().expect("a date"),
        };
        let rows = [row(1, "2026-05-04", "a", "Attention, all; you need"), row(2, "2026-12-31", "b", "B")];
        let text = ics(&head, &rows).expect("a calendar");
        let parsed: Calendar = text.parse().expect("it parses back");
        let events: Vec<&icalendar::Event> = parsed.events().collect();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].get_summary(), Some("Attention, all; you need"));
        assert_eq!(events[0].get_uid(), Some("a.t@roadmap"));
        assert_eq!(events[0].get_url(), Some("https://arxiv.org/abs/a"));
        assert!(text.contains("DTSTART;VALUE=DATE:20260504\r\n"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20270101\r\n"), "the day after, across a year: {text}");
        assert!(text.contains("DTSTAMP:20260501T000000Z\r\n"), "{text}");
        assert_eq!(events[0].get_description(), Some("step 1 of t: Start here; it matters.\nhttps://arxiv.org/abs/a"));
        assert_eq!(ics(&head, &rows).expect("a calendar"), text, "the same plan, the same file");
    }
}

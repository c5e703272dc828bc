//! A track's steps: a numbered reading list for the terminal, columns for everything else.

use serde::Serialize;

use super::{Column, Look, Record};
use crate::catalog::Branch;
use crate::progress::Status;
use crate::text::{self, wrap};
use crate::words::{Header, words};

/// One step of a track with what a reader needs to see.
#[derive(Debug, Serialize)]
pub struct StepRecord<'a> {
    /// Its position in the track (1-based).
    pub step: usize,
    pub id: &'a str,
    pub year: u16,
    pub status: Status,
    pub title: &'a str,
    /// Why the paper is in the track.
    pub why: Option<&'a str>,
    #[serde(skip)]
    pub branch: Branch,
}

impl Record for StepRecord<'_> {
    fn id(&self) -> &str {
        self.id
    }

    fn branch(&self) -> Option<Branch> {
        Some(self.branch)
    }
}

/// The columns of a track's steps in machine formats.
pub fn step_columns<'a>() -> [Column<StepRecord<'a>>; 6] {
    [
        Column { header: Header::Step, value: |row: &StepRecord<'_>| row.step.to_string() },
        Column { header: Header::Id, value: |row| row.id.to_owned() },
        Column { header: Header::Year, value: |row| row.year.to_string() },
        Column { header: Header::Status, value: |row| row.status.as_str().to_owned() },
        Column { header: Header::Title, value: |row| row.title.to_owned() },
        Column { header: Header::Why, value: |row| row.why.unwrap_or_default().to_owned() },
    ]
}

/// The track's name and summary, how much is read, then each step: number, id (in its
/// branch's colour), year and a mark for its status, the title, and why, all wrapped.
pub fn render_steps((name, summary): (&str, &str), steps: &[StepRecord<'_>], look: Look) -> String {
    let width = look.width;
    let read = steps.iter().filter(|step| step.status == Status::Read).count();
    let mut out = String::new();
    for line in wrap(name, width, 0).lines() {
        out.push_str(&look.bold(line));
        out.push('\n');
    }
    out.push_str(&look.dim(wrap(summary, width, 0).trim_end()));
    out.push('\n');
    out.push_str(&look.dim(&text::cut(&(words(look.lang).read_of)(read, steps.len()), width)));
    out.push_str("\n\n");
    let number_width = steps.last().map_or(1, |step| step.step.to_string().len());
    let indent = number_width + 2;
    for step in steps {
        let mark = match step.status {
            Status::Read => " ✓",
            Status::Reading => " …",
            Status::Skipped => " –",
            Status::Unread => "",
        };
        let head = format!("{:>number_width$}. {} ({}){mark}", step.step, step.id, step.year);
        let head = text::cut(&head, width);
        out.push_str(&head.replacen(step.id, &look.branch(step.id, step.branch), 1));
        out.push('\n');
        out.push_str(&wrap(step.title, width, indent));
        if let Some(why) = step.why {
            out.push_str(&why_lines(why, width, indent, look));
        }
    }
    out
}

/// Why a step is in its track, wrapped to `width` after `indent` cells and dimmed, a line each.
fn why_lines(why: &str, width: usize, indent: usize, look: Look) -> String {
    wrap(why, width, indent).lines().map(|line| look.dim(line) + "\n").collect()
}

/// The head of a paper's card in a track: "step N of M" in bold, then why the step is
/// there (as `roadmap track` words it), then a blank line.
pub fn render_step_head(step: usize, total: usize, why: Option<&str>, look: Look) -> String {
    let head = (words(look.lang).step_of)(step, total);
    let mut out = look.bold(&text::cut(&head, look.width)) + "\n";
    if let Some(why) = why {
        out.push_str(&why_lines(why, look.width, 0, look));
    }
    out.push('\n');
    out
}

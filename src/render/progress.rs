//! Progress per family: bars with a legend for the terminal, a listing for everything else.

use serde::Serialize;

use super::{Column, Look, Record};
use crate::catalog::Branch;
use crate::tally::percent;
use crate::text;
use crate::words::{Header, words};

/// One line of the progress report.
#[derive(Debug, Serialize)]
pub struct FamilyProgress<'a> {
    /// Family id, or `total`.
    pub family: &'a str,
    /// The family's branch (none for the total).
    pub branch: Option<Branch>,
    pub read: usize,
    pub reading: usize,
    /// Papers the learner decided not to read: settled, but not read.
    pub skipped: usize,
    /// Papers in all.
    pub total: usize,
    /// The share read, rounded honestly (see [`percent`]).
    pub percent: usize,
}

impl<'a> FamilyProgress<'a> {
    /// A line for `family` with these counts.
    pub fn new(
        family: &'a str,
        branch: Option<Branch>,
        read: usize,
        reading: usize,
        skipped: usize,
        total: usize,
    ) -> Self {
        FamilyProgress { family, branch, read, reading, skipped, total, percent: percent(read, total) }
    }
}

impl Record for FamilyProgress<'_> {
    fn id(&self) -> &str {
        self.family
    }

    fn branch(&self) -> Option<Branch> {
        self.branch
    }
}

/// The columns of the progress listing (every format but the bars).
pub fn columns<'a>() -> [Column<FamilyProgress<'a>>; 6] {
    [
        Column { header: Header::Family, value: |row: &FamilyProgress<'_>| row.family.to_owned() },
        Column { header: Header::Read, value: |row| row.read.to_string() },
        Column { header: Header::Reading, value: |row| row.reading.to_string() },
        Column { header: Header::Total, value: |row| row.total.to_string() },
        Column { header: Header::Percent, value: |row| row.percent.to_string() },
        // Note: last, so the columns scripts already cut by position keep their places.
        Column { header: Header::Skipped, value: |row| row.skipped.to_string() },
    ]
}

const WIDEST_BAR: usize = 24;
const NARROWEST_BAR: usize = 4;

/// `id  ████▒▒░░░··  read/total  percent`, filled in the branch's colour (`▒` is reading,
/// `·` skipped), then a legend; the bar shrinks to fit `look.width`.
pub fn render_bars<'a>(rows: &[FamilyProgress<'a>], look: Look) -> String {
    let labels = words(look.lang);
    let name = |row: &FamilyProgress<'a>| -> &'a str { if row.branch.is_none() { labels.total } else { row.family } };
    let id_width = rows.iter().map(|row| text::width(name(row))).max().unwrap_or(0);
    let counts_width = rows.iter().map(|row| format!("{}/{}", row.read, row.total).len()).max().unwrap_or(0);
    // Note: two gaps of two, a space and "100%" around the bar.
    let room = look.width.saturating_sub(id_width + 2 + 2 + counts_width + 1 + 4);
    let bar = room.clamp(NARROWEST_BAR, WIDEST_BAR);
    let mut out = String::new();
    for row in rows {
        let cells = |count: usize| (count * bar).checked_div(row.total).unwrap_or(0);
        let read = cells(row.read);
        let reading = cells(row.read + row.reading) - read;
        let skipped = cells(row.read + row.reading + row.skipped) - read - reading;
        let filled = "█".repeat(read);
        let filled = match row.branch {
            Some(branch) => look.branch(&filled, branch),
            None => look.bold(&filled),
        };
        let rest =
            format!("{}{}{}", "▒".repeat(reading), "░".repeat(bar - read - reading - skipped), "·".repeat(skipped));
        let id = text::pad(name(row), id_width);
        let id = if row.branch.is_none() { look.bold(&id) } else { id };
        let counts = format!("{}/{}", row.read, row.total);
        out.push_str(&format!("{id}  {filled}{}  {counts:>counts_width$} {:>3}%\n", look.dim(&rest), row.percent));
    }
    out.push_str(&look.dim(&text::cut(labels.legend, look.width)));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> [FamilyProgress<'static>; 2] {
        [FamilyProgress::new("bert", Some(Branch::Encoder), 2, 1, 2, 8), FamilyProgress::new("total", None, 1, 0, 0, 6)]
    }

    #[test]
    fn bars_fill_in_proportion_and_have_a_legend() {
        let text = render_bars(&rows(), Look::default());
        let first = text.lines().next().unwrap();
        assert_eq!(first.matches('█').count(), 6);
        assert_eq!(first.matches('▒').count(), 3);
        assert_eq!(first.matches('░').count(), 9);
        assert_eq!(first.matches('·').count(), 6, "skipped papers show apart from read ones");
        assert!(first.ends_with("  2/8  25%"), "{first:?}");
        assert!(text.lines().nth(1).unwrap().ends_with("1/6  17%"), "one of six is 17%: {text}");
        assert_eq!(text.lines().last(), Some("█ read  ▒ reading  ░ unread  · skipped"));
    }

    #[test]
    fn bars_shrink_to_the_width() {
        for width in [30, 40, 60] {
            let text = render_bars(&rows(), Look { width, ..Look::default() });
            assert!(text.lines().all(|line| text::width(line) <= width), "{width}: {text}");
        }
    }
}

//! Progress bars per family, or tab-separated counts for scripts.

use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::catalog::Branch;

/// One line of the progress report.
pub struct FamilyProgress<'a> {
    /// Family id, or `total`.
    pub id: &'a str,
    /// The family's branch (none for the total).
    pub branch: Option<Branch>,
    /// Papers read.
    pub read: usize,
    /// Papers being read.
    pub reading: usize,
    /// Papers in all.
    pub total: usize,
}

const BAR: usize = 24;

/// `id  ████▒▒░░░░  read/total  percent`, filled in the branch's colour; `▒` is reading.
pub fn render_bars(rows: &[FamilyProgress<'_>], look: Look) -> String {
    let id_width = rows.iter().map(|row| row.id.width()).max().unwrap_or(0);
    let mut out = String::new();
    for row in rows {
        let cells = |count: usize| (count * BAR).checked_div(row.total).unwrap_or(0);
        let read = cells(row.read);
        let reading = cells(row.read + row.reading) - read;
        let filled = "█".repeat(read);
        let filled = match row.branch {
            Some(branch) => look.branch(&filled, branch),
            None => look.bold(&filled),
        };
        let rest = format!("{}{}", "▒".repeat(reading), "░".repeat(BAR - read - reading));
        let percent = (row.read * 100).checked_div(row.total).unwrap_or(0);
        let padding = " ".repeat(id_width - row.id.width());
        let id = if row.branch.is_none() { look.bold(row.id) } else { row.id.to_owned() };
        out.push_str(&format!(
            "{id}{padding}  {filled}{}  {:>3}/{:<3} {percent:>3}%\n",
            look.dim(&rest),
            row.read,
            row.total
        ));
    }
    out
}

/// `id<TAB>read<TAB>reading<TAB>total` per line.
pub fn render_plain(rows: &[FamilyProgress<'_>]) -> String {
    rows.iter().map(|row| format!("{}\t{}\t{}\t{}\n", row.id, row.read, row.reading, row.total)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        let rows = [
            FamilyProgress { id: "bert", branch: Some(Branch::Encoder), read: 2, reading: 1, total: 8 },
            FamilyProgress { id: "total", branch: None, read: 2, reading: 1, total: 8 },
        ];
        let text = render_bars(&rows, Look::default());
        let first = text.lines().next().unwrap();
        assert_eq!(first.matches('█').count(), 6);
        assert_eq!(first.matches('▒').count(), 3);
        assert_eq!(first.matches('░').count(), 15);
        assert!(first.ends_with("  2/8    25%"), "{first:?}");
        assert_eq!(render_plain(&rows), "bert\t2\t1\t8\ntotal\t2\t1\t8\n");
    }
}

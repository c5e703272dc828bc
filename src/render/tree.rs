//! The evolutionary tree in the terminal: years as rows (oldest at the top), branches as
//! columns, each paper a label in its branch's column at its year.

use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::catalog::Branch;
use crate::text;
use crate::text::sanitize;
use crate::words::{Words, words};

/// One paper's label: its id, whether it is read, and its family's position (for colour).
pub struct Label {
    /// The paper id.
    pub id: String,
    /// Whether the paper is read (drawn with a check mark).
    pub read: bool,
    /// Index of the paper's family in the catalog, which picks its colour.
    pub family: usize,
    /// The paper's branch.
    pub branch: Branch,
}

/// A year and its labels, in chronological order.
pub struct Year {
    /// The year.
    pub year: u16,
    /// Its papers.
    pub labels: Vec<Label>,
}

/// How the five branches are laid out in columns at a given width.
struct Layout {
    headers: Vec<&'static str>,
    column_of: fn(Branch) -> usize,
}

const YEAR_WIDTH: usize = 4;
const GAP: usize = 2;

/// Five columns need at least this many terminal columns; three need `MEDIUM`.
const WIDE: usize = 100;
const MEDIUM: usize = 64;

fn layout(width: usize, labels: &Words) -> Layout {
    match width {
        width if width < MEDIUM => Layout { headers: vec![labels.tree.papers], column_of: |_| 0 },
        width if width < WIDE => Layout {
            headers: labels.tree.merged_branches.to_vec(),
            column_of: |branch| match branch {
                Branch::Foundation | Branch::Technique => 0,
                Branch::Encoder | Branch::EncoderDecoder => 1,
                Branch::Decoder => 2,
            },
        },
        _ => Layout {
            headers: Branch::ALL.map(labels.branch).to_vec(),
            column_of: |branch| Branch::ALL.iter().position(|other| *other == branch).unwrap_or(0),
        },
    }
}

/// The tree: a header of branch names, then a block of lines per year. At `width` below
/// 100 the branches merge into three columns, below 64 into one.
pub fn render(years: &[Year], look: Look) -> String {
    let labels = words(look.lang);
    let layout = layout(look.width, labels);
    let columns = layout.headers.len();
    let cells: Vec<Vec<Vec<&Label>>> = years
        .iter()
        .map(|year| {
            let mut cells = vec![Vec::new(); columns];
            for label in &year.labels {
                cells[(layout.column_of)(label.branch)].push(label);
            }
            cells
        })
        .collect();
    let label_width = |label: &Label| sanitize(&label.id).width() + if label.read { 2 } else { 0 };
    let widths = column_widths(&cells, &layout, look.width, label_width);
    let mut out = String::new();
    let header: Vec<String> = layout
        .headers
        .iter()
        .zip(&widths)
        .map(|(header, width)| pad(&look.bold(header), header.width(), *width))
        .collect();
    push_line(&mut out, &text::pad(labels.tree.year, YEAR_WIDTH), &header);
    let rule_width = YEAR_WIDTH + widths.iter().map(|width| width + GAP).sum::<usize>();
    out.push_str(&look.dim(&"─".repeat(rule_width)));
    out.push('\n');
    for (year, row) in years.iter().zip(&cells) {
        let wrapped: Vec<Vec<(String, usize)>> =
            row.iter().zip(&widths).map(|(labels, width)| wrap(labels, *width, look, label_width)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for line in 0..height {
            let year_text = if line == 0 { look.bold(&year.year.to_string()) } else { " ".repeat(YEAR_WIDTH) };
            let parts: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .map(|(lines, width)| {
                    lines.get(line).map_or_else(|| " ".repeat(*width), |(text, used)| pad(text, *used, *width))
                })
                .collect();
            push_line(&mut out, &year_text, &parts);
        }
    }
    out
}

/// Column widths: each column first gets room for its longest label (or header), then the rest is shared in proportion
/// to how much text each column holds. Only when even the longest labels do not fit are the
/// columns equal (and over-long labels cut short).
fn column_widths(
    cells: &[Vec<Vec<&Label>>],
    layout: &Layout,
    width: usize,
    label_width: impl Fn(&Label) -> usize,
) -> Vec<usize> {
    let columns = layout.headers.len();
    let column_labels = |column: usize| cells.iter().flat_map(move |row| row[column].iter());
    let available = width.saturating_sub(YEAR_WIDTH + GAP * columns);
    let minimum: Vec<usize> = (0..columns)
        .map(|column| {
            column_labels(column).map(|label| label_width(label)).max().unwrap_or(0).max(layout.headers[column].width())
        })
        .collect();
    let needed: usize = minimum.iter().sum();
    if needed > available {
        return vec![(available / columns).max(1); columns];
    }
    let volume: Vec<usize> =
        (0..columns).map(|column| column_labels(column).map(|label| label_width(label) + 1).sum()).collect();
    let total = volume.iter().sum::<usize>().max(1);
    let spare = available - needed;
    let mut widths: Vec<usize> =
        minimum.iter().zip(&volume).map(|(minimum, volume)| minimum + spare * volume / total).collect();
    // Note: integer shares round down; the busiest column takes what is left over.
    let leftover = available - widths.iter().sum::<usize>();
    if let Some(busiest) = (0..columns).max_by_key(|&column| volume[column]) {
        widths[busiest] += leftover;
    }
    widths
}

fn push_line(out: &mut String, year: &str, parts: &[String]) {
    let gap = " ".repeat(GAP);
    let line = format!("{year}{gap}{}", parts.join(&gap));
    out.push_str(line.trim_end());
    out.push('\n');
}

/// `text` (whose visible width is `used`) padded with spaces to `width`.
fn pad(text: &str, used: usize, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Labels packed into lines of at most `width` columns (a label wider than a whole line is
/// cut short with `…`); each line with its visible width.
fn wrap(labels: &[&Label], width: usize, look: Look, label_width: impl Fn(&Label) -> usize) -> Vec<(String, usize)> {
    let mut lines: Vec<(String, usize)> = Vec::new();
    for label in labels {
        let mark = if label.read { " ✓" } else { "" };
        let mut id = sanitize(&label.id).into_owned();
        let mut needed = label_width(label);
        if needed > width {
            id = text::cut(&id, width.saturating_sub(mark.width()));
            needed = id.width() + mark.width();
        }
        let text = format!("{}{mark}", look.family(&id, label.family));
        match lines.last_mut() {
            Some((line, used)) if *used + 1 + needed <= width => {
                line.push(' ');
                line.push_str(&text);
                *used += 1 + needed;
            }
            _ => lines.push((text, needed)),
        }
    }
    lines
}

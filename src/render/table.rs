//! An aligned table for the terminal, fitted to its width; ids coloured by branch.
//!
//! Note: when the last (widest) column would be squeezed below a readable width, rows are
//! stacked instead: the leading cells on one line, the last one wrapped beneath at spaces,
//! so a narrow terminal never gets titles cut every few characters.

use comfy_table::{Cell, Color, ContentArrangement, LineStyle, Table, TableStyle};
use owo_colors::AnsiColors;

use super::{Column, Look, Record, branch_colour};
use crate::progress::Status;
use crate::text;
use crate::text::sanitize;
use crate::words::{Header, words};

/// No borders, one rule under the header: quiet enough to read a hundred rows.
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// The last column never gets fewer cells than this; below it rows are stacked.
const NARROWEST_LAST: usize = 24;

/// Cells comfy-table adds around each column (padding on both sides and a separator).
const COLUMN_FRAME: usize = 3;

/// A table with a header; long cells wrap at spaces to fit `look.width`.
pub fn render<T: Record>(columns: &[Column<T>], rows: &[T], look: Look) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| columns.iter().map(|column| sanitize(&(column.value)(row)).into_owned()).collect())
        .collect();
    let leading = columns.len().saturating_sub(1);
    let leading_width: usize = (0..leading)
        .map(|index| {
            let widest = cells.iter().map(|row| text::width(&row[index])).max().unwrap_or(0);
            widest.max(text::width((words(look.lang).header)(columns[index].header))) + COLUMN_FRAME
        })
        .sum();
    // Note: a short last column (years, counts) needs only its own width.
    let widest_last = cells.iter().map(|row| text::width(&row[leading])).max().unwrap_or(0);
    let last_needs =
        widest_last.max(text::width((words(look.lang).header)(columns[leading].header))).min(NARROWEST_LAST);
    if leading > 0 && leading_width + last_needs + COLUMN_FRAME > look.width {
        return stacked(columns, rows, &cells, look);
    }
    let mut table = Table::new();
    table.load_style(STYLE).set_content_arrangement(ContentArrangement::Dynamic);
    if look.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_width(u16::try_from(look.width).unwrap_or(u16::MAX));
    table.set_header(columns.iter().map(|column| Cell::new((words(look.lang).header)(column.header))));
    for (row, texts) in rows.iter().zip(cells) {
        let cells = texts.into_iter().enumerate().map(|(index, text)| {
            let cell = Cell::new(localized(columns[index].header, text, look));
            match row.branch() {
                Some(branch) if index == 0 && look.color => cell.fg(table_colour(branch_colour(branch))),
                _ => cell,
            }
        });
        table.add_row(cells);
    }
    // Note: comfy-table pads the last column; trailing spaces only get in the way of copy and paste.
    table.lines().map(|line| format!("{}\n", line.trim_end())).collect()
}

/// Each row as its leading cells on one line (cut to the width) and its last cell wrapped
/// beneath, indented; a header line names the leading columns and then the last.
fn stacked<T: Record>(columns: &[Column<T>], rows: &[T], cells: &[Vec<String>], look: Look) -> String {
    let leading = columns.len() - 1;
    let widths: Vec<usize> = (0..leading)
        .map(|index| {
            let widest = cells.iter().map(|row| text::width(&row[index])).max().unwrap_or(0);
            widest.max(text::width((words(look.lang).header)(columns[index].header)))
        })
        .collect();
    let line = |texts: &[&str]| -> String {
        let padded: Vec<String> = texts.iter().zip(&widths).map(|(text, width)| text::pad(text, *width)).collect();
        text::cut(padded.join("  ").trim_end(), look.width)
    };
    let headers: Vec<&str> = columns[..leading].iter().map(|column| (words(look.lang).header)(column.header)).collect();
    let mut out = format!("{}\n", look.bold(&line(&headers)));
    let last_header = (words(look.lang).header)(columns[leading].header);
    out.push_str(&format!("    {}\n", look.bold(&text::cut(last_header, look.width.saturating_sub(4)))));
    out.push_str(&look.dim(&"─".repeat(look.width)));
    out.push('\n');
    let cells: Vec<Vec<String>> = cells
        .iter()
        .map(|row| row.iter().zip(columns).map(|(text, column)| localized(column.header, text.clone(), look)).collect())
        .collect();
    for (row, texts) in rows.iter().zip(&cells) {
        let leading_texts: Vec<&str> = texts[..leading].iter().map(String::as_str).collect();
        let first = line(&leading_texts);
        let id = &texts[0];
        let first = match first.strip_prefix(id.as_str()) {
            Some(rest) => format!("{}{rest}", look.maybe_branch(id, row.branch())),
            None => first,
        };
        out.push_str(&format!("{first}\n"));
        out.push_str(&text::wrap(&texts[leading], look.width, 4));
    }
    out
}

/// A cell as a reader of `look.lang` sees it: statuses in their words, the rest as it is.
fn localized(header: Header, text: String, look: Look) -> String {
    let status = Status::ALL.into_iter().find(|status| status.as_str() == text);
    match status {
        Some(status) if header == Header::Status => (words(look.lang).status)(status).to_owned(),
        _ => text,
    }
}

/// comfy-table's name for a terminal colour.
fn table_colour(colour: AnsiColors) -> Color {
    match colour {
        AnsiColors::Black => Color::Black,
        AnsiColors::Red => Color::DarkRed,
        AnsiColors::Green => Color::DarkGreen,
        AnsiColors::Yellow => Color::DarkYellow,
        AnsiColors::Blue => Color::DarkBlue,
        AnsiColors::Magenta => Color::DarkMagenta,
        AnsiColors::Cyan => Color::DarkCyan,
        AnsiColors::White => Color::Grey,
        AnsiColors::BrightBlack => Color::DarkGrey,
        AnsiColors::BrightRed => Color::Red,
        AnsiColors::BrightGreen => Color::Green,
        AnsiColors::BrightYellow => Color::Yellow,
        AnsiColors::BrightBlue => Color::Blue,
        AnsiColors::BrightMagenta => Color::Magenta,
        AnsiColors::BrightCyan => Color::Cyan,
        AnsiColors::BrightWhite | AnsiColors::Default => Color::White,
    }
}

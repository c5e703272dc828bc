//! An aligned table for the terminal, fitted to its width; ids coloured by branch.

use comfy_table::{Cell, Color, ContentArrangement, LineStyle, Table, TableStyle};

use super::{Column, Look, Record, sanitize};
use crate::catalog::Branch;

/// No borders, one rule under the header: quiet enough to read a hundred rows.
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// A table with a header; long cells wrap to fit `look.width`.
pub fn render<T: Record>(columns: &[Column<T>], rows: &[T], look: Look) -> String {
    let mut table = Table::new();
    table.load_style(STYLE).set_content_arrangement(ContentArrangement::Dynamic);
    if look.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_width(u16::try_from(look.width).unwrap_or(u16::MAX));
    table.set_header(columns.iter().map(|column| Cell::new(column.header)));
    for row in rows {
        let cells = columns.iter().enumerate().map(|(index, column)| {
            let cell = Cell::new(sanitize(&(column.value)(row)));
            if index == 0 && look.color { cell.fg(color(row.branch())) } else { cell }
        });
        table.add_row(cells);
    }
    // Note: comfy-table pads the last column; trailing spaces only get in the way of copy and paste.
    table.lines().map(|line| format!("{}\n", line.trim_end())).collect()
}

fn color(branch: Branch) -> Color {
    match branch {
        Branch::Foundation => Color::Magenta,
        Branch::Encoder => Color::Blue,
        Branch::EncoderDecoder => Color::Yellow,
        Branch::Decoder => Color::Green,
        Branch::Technique => Color::Cyan,
    }
}

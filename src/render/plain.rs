//! Tab-separated values without a header: the default when stdout is a pipe.

use super::{Column, sanitize};

/// One line per row, cells separated by tabs (tabs inside cells become spaces).
pub fn render<T>(columns: &[Column<T>], rows: &[T]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> =
            columns.iter().map(|column| sanitize(&(column.value)(row)).replace('\u{fffd}', " ")).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

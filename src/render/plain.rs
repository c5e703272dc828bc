//! Tab-separated values without a header: the default when stdout is a pipe.

use super::{Column, Look, Record};
use crate::text::sanitize;

/// One line per row, cells separated by tabs (tabs and line breaks inside cells become
/// spaces, other control characters are escaped); with forced colour the first cell is
/// coloured by the row's branch.
pub fn render<T: Record>(columns: &[Column<T>], rows: &[T], look: Look) -> String {
    let mut out = String::new();
    for row in rows {
        for (index, column) in columns.iter().enumerate() {
            if index > 0 {
                out.push('\t');
            }
            let cell = sanitize(&(column.value)(row).replace(['\t', '\n', '\r'], " ")).into_owned();
            if index == 0 && look.color {
                out.push_str(&look.maybe_branch(&cell, row.branch()));
            } else {
                out.push_str(&cell);
            }
        }
        out.push('\n');
    }
    out
}

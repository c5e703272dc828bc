//! A GitHub-flavoured Markdown table.

use super::Column;
use crate::text::sanitize;

/// Header, separator, then one row per record; pipes in cells are escaped.
pub fn render<T>(columns: &[Column<T>], rows: &[T]) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(columns.iter().map(|column| column.header.name().to_owned()).collect());
    out.push_str(&line(columns.iter().map(|_| "---".to_owned()).collect()));
    for row in rows {
        out.push_str(&line(columns.iter().map(|column| escape(&(column.value)(row))).collect()));
    }
    out
}

fn escape(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('|', "\\|")
}

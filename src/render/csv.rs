//! Comma-separated values with a header row.

use super::Column;
use crate::text::sanitize_cell;

/// A header row, then one record per row, quoted where needed; a cell keeps its line breaks
/// and tabs (inside quotes) and shows any other control character escaped.
pub fn render<T>(columns: &[Column<T>], rows: &[T]) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns.iter().map(|column| column.header.name()))?;
    for row in rows {
        writer.write_record(columns.iter().map(|column| sanitize_cell(&(column.value)(row)).into_owned()))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

//! Comma-separated values with a header row.

use super::Column;

/// A header row, then one record per row, quoted where needed.
pub fn render<T>(columns: &[Column<T>], rows: &[T]) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(columns.iter().map(|column| column.header))?;
    for row in rows {
        writer.write_record(columns.iter().map(|column| (column.value)(row)))?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

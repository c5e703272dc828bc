//! JSON: an array of objects with the catalog's field names.

use serde::Serialize;

/// Pretty-printed JSON followed by a newline.
pub fn render<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

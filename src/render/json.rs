//! JSON: an array of objects with the catalog's field names.

use serde::Serialize;

use crate::catalog::model::is_unsafe_char;

/// Pretty-printed JSON followed by a newline. serde_json escapes C0 controls; DEL, C1
/// controls and bidirectional overrides are escaped here too (`\u202e`), so no JSON we
/// print can drive or deceive a terminal, and it stays the same JSON.
pub fn render<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    let mut out = escape_unsafe(&serde_json::to_string_pretty(value)?);
    out.push('\n');
    Ok(out)
}

/// JSON on one line, escaped as [`render`] escapes it.
pub fn compact<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(escape_unsafe(&serde_json::to_string(value)?))
}

/// JSON text with DEL, C1 controls and bidirectional overrides written as `\uXXXX`.
fn escape_unsafe(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if is_unsafe_char(c) && c != '\n' {
            // Note: outside strings pretty JSON holds only newlines and spaces, so every
            // character escaped here sits inside a string, where `\uXXXX` means the same.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unsafe_character_is_escaped_and_the_json_is_the_same() {
        let value = serde_json::json!({ "text": "a\u{1b}b\u{7f}c\u{85}d\u{202e}e\nf" });
        let text = render(&value).expect("JSON");
        assert!(!text.trim_end().chars().any(|c| is_unsafe_char(c) && c != '\n'), "{text:?}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).expect("valid"), value);
    }
}

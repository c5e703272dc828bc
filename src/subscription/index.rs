//! `index.json`, what `pack` publishes and `update` reads: the catalog's name, version and
//! date, each file's SHA-256 and size, and the changelog against the version before.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::changelog::Changelog;

/// The index format this program writes and reads.
pub const FORMAT: u32 = 1;

/// The most an `index.json` may hold.
pub const INDEX_LIMIT: u64 = 4 * 1024 * 1024;

/// A published catalog's index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    /// Always [`FORMAT`].
    pub format: u32,
    /// The catalog's name (a course's, a team's).
    pub name: String,
    /// 1 for the first pack into a directory, one more for each pack after.
    pub version: u64,
    /// The day it was packed, `YYYY-MM-DD`.
    pub date: String,
    /// The catalog files, in load order.
    pub files: Vec<FileEntry>,
    /// What changed since the previous version.
    pub changelog: Changelog,
}

/// One published file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// Its name beside `index.json`: letters, digits, `.`, `_` and `-` only.
    pub path: String,
    /// Its SHA-256, in lowercase hex.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

impl Index {
    /// Reads an index from the bytes a server (or the previous pack) gave, refusing a file
    /// named outside its directory or twice.
    pub fn parse(bytes: &[u8]) -> Result<Index, String> {
        let index: Index =
            serde_json::from_slice(bytes).map_err(|error| format!("index.json is not a valid index: {error}"))?;
        if index.format != FORMAT {
            return Err(format!("index.json has format {}; this program reads format {FORMAT}", index.format));
        }
        if index.files.is_empty() {
            return Err("index.json names no file".to_owned());
        }
        for (number, file) in index.files.iter().enumerate() {
            check_file_name(&file.path)?;
            if file.path == "index.json" || file.path == super::signature::SIGNATURE_NAME {
                return Err(format!("index.json names '{}', a name kept for the index itself", file.path));
            }
            if index.files[..number].iter().any(|earlier| earlier.path == file.path) {
                return Err(format!("index.json names '{}' twice", file.path));
            }
            if file.sha256.len() != 64 || !file.sha256.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f')) {
                return Err(format!("index.json gives '{}' a SHA-256 that is not 64 hex digits", file.path));
            }
        }
        Ok(index)
    }

    /// The index as `pack` writes it: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Refuses a file name that would leave its directory (`../x`, `/etc/x`, `a/b`) or that a
/// file system could read otherwise (hidden files, odd characters).
pub fn check_file_name(name: &str) -> Result<(), String> {
    let sound = !name.is_empty()
        && name.len() <= 128
        && !name.starts_with('.')
        && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-'));
    if sound {
        Ok(())
    } else {
        Err(format!(
            "index.json names the file '{}', outside its directory or not a plain name (letters, digits, '.', '_', '-')",
            crate::text::sanitize(name)
        ))
    }
}

/// The SHA-256 of `bytes` in lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_directory_are_refused() {
        for bad in ["../x.yaml", "/etc/passwd", "a/b.yaml", "..", ".hidden", "", "a\\b", "é.yaml"] {
            assert!(check_file_name(bad).is_err(), "{bad}");
        }
        assert!(check_file_name("course-2026.zh.yaml").is_ok());
    }

    #[test]
    fn the_checksum_is_sha256_in_hex() {
        assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

//! Positions in the files: a value with the line and column it was written at (what every
//! raw entry carries so that a problem found later can still point into the file), and an
//! entry's origin once validated.

use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

/// A value with the 1-based line and column it was written at (0, 0 when unknown, as in JSON).
///
/// Note: serde-saphyr's `Spanned` keeps two full locations (56 bytes) per value; on a large
/// catalog those dwarf the text itself, so only line and column are kept.
#[derive(Debug)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        let location = spanned.referenced;
        Ok(At { value: spanned.value, line: clamp(location.line()), column: clamp(location.column()) })
    }
}

/// Where an entry was defined: an index into the catalog's list of source files, line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Index of the source file in `Catalog::sources`.
    pub source: u16,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

/// A parser's 64-bit position, saturated to 32 bits.
pub(crate) fn clamp(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

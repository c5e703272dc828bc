//! Computes the shape of the types the catalog cache stores: a hash of the source files
//! that define them, so that any change to those types (a field added, removed or
//! reordered) gives cached entries a new key instead of decoding old ones wrongly.

use std::hash::{DefaultHasher, Hasher};

/// The files whose types are written into the cache (`validate::Entries` and what it holds).
const SHAPED: [&str; 5] = ["src/model.rs", "src/at.rs", "src/arxiv.rs", "src/translation.rs", "src/validate/mod.rs"];

fn main() {
    let mut hasher = DefaultHasher::new();
    for file in SHAPED {
        println!("cargo::rerun-if-changed={file}");
        let text = std::fs::read(file).unwrap_or_else(|error| panic!("{file}: {error}"));
        hasher.write(&text);
    }
    println!("cargo::rustc-env=ROADMAP_CATALOG_SHAPE={:016x}", hasher.finish());
}

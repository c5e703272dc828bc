//! The catalog core of `roadmap`: the file format (raw mirrors of YAML and JSON), its
//! validation into the typed model, arXiv ids and DOIs, translations, suggestions for near-misses,
//! bounded reads of files from outside, and the one load pipeline that both build.rs
//! (for the embedded catalog) and the program (for the user's files) run.
//!
//! This is the bottom layer: it knows nothing of the command line, the terminal or output.

pub mod arxiv;
mod at;
pub mod cache;
pub mod doi;
pub mod fingerprint;
pub mod glossary;
pub mod lang;
mod link;
pub mod load;
mod localized;
pub mod model;
pub mod raw;
pub mod read;
pub mod script;
mod shape;
pub mod suggest;
pub mod translation;
pub mod tree;
pub mod validate;
pub mod yaml;

pub use arxiv::ArxivId;
pub use cache::Cache;
pub use doi::Doi;
pub use lang::Lang;
pub use load::{Contents, Input, InvalidCatalog, Located, merge};
pub use model::{Branch, Catalog, Family, Origin, Paper, Step, Tag, Track, YEARS};
pub use validate::Problem;

#[cfg(test)]
mod tests;

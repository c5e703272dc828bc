//! Property tests: the catalog loader under arbitrary input, and every command's output
//! under hostile text (control and bidirectional characters in every field from outside).

mod loader;
mod terminal;

//! The options `roadmap browse` opens with: a track, a family, a search and a paper.

use clap::Args;

use super::values::non_empty;

/// Where the browser opens; none of them given, on the whole catalog, oldest paper first.
#[derive(Debug, Default, Args)]
pub struct BrowseOptions {
    /// Open on this reading track: its papers in step order, numbered, each card with why
    /// it is there (`roadmap tracks` lists them; `t` picks another).
    #[arg(long, value_name = "TRACK", value_parser = non_empty)]
    pub track: Option<String>,
    /// Open on this family's papers (`roadmap families` lists them; `f` picks another).
    #[arg(long, value_name = "FAMILY", value_parser = non_empty)]
    pub family: Option<String>,
    /// Open with this paper selected (id, alias, arXiv id or link, or unique prefix); a
    /// track, family or search that hides it gives way, and the bottom line says which.
    #[arg(long, value_name = "ID", value_parser = non_empty)]
    pub paper: Option<String>,
    /// Open with this search typed, as `/` and Enter would leave it (Esc clears it).
    #[arg(value_name = "QUERY")]
    pub words: Vec<String>,
}

impl BrowseOptions {
    /// The search to open with: the words, a space between them (empty: none).
    pub fn query(&self) -> String {
        self.words.iter().map(|word| word.trim()).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
    }
}

//! Every word the program says to a person, per language: one typed table.
//!
//! A language is one `static Words` (in `en.rs`, `zh.rs`); a language that lacks a word
//! does not compile, since every field must be given and every `match` over a header,
//! status or branch must be whole. Titles, authors, ids and catalog text are not here: they
//! come from the catalog. Machine formats (plain, csv, json keys, ids) keep the English
//! names of [`Header::name`] so scripts never break.

mod en;
mod zh;
/// Traditional Chinese with Taiwan's usage: `zh.rs` converted by build.rs.
mod zh_tw {
    include!(concat!(env!("OUT_DIR"), "/words_zh_tw.rs"));
}

use crate::catalog::{Branch, Lang};
use crate::progress::Status;
use crate::query::search::Field;

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &en::WORDS,
        Lang::Zh => &zh::WORDS,
        Lang::ZhTw => &zh_tw::WORDS,
    }
}

/// A column of a listing: its machine name is fixed, its heading follows the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    Step,
    Id,
    Year,
    Date,
    Family,
    Branch,
    Title,
    Authors,
    Org,
    Venue,
    Arxiv,
    Url,
    Pdf,
    Code,
    Status,
    Tags,
    Aliases,
    BuildsOn,
    Notes,
    /// Where a search found the paper.
    Matched,
    Papers,
    Read,
    Reading,
    Skipped,
    Total,
    Percent,
    Years,
    Name,
    Summary,
    Why,
    Kind,
    Path,
    Tag,
    Paper,
    Note,
    /// Why `next` offers a paper.
    Reason,
    /// A week of a plan.
    Week,
}

impl Header {
    /// Every header, for tests.
    pub const ALL: [Header; 37] = [
        Header::Step,
        Header::Id,
        Header::Year,
        Header::Date,
        Header::Family,
        Header::Branch,
        Header::Title,
        Header::Authors,
        Header::Org,
        Header::Venue,
        Header::Arxiv,
        Header::Url,
        Header::Pdf,
        Header::Code,
        Header::Status,
        Header::Tags,
        Header::Aliases,
        Header::BuildsOn,
        Header::Notes,
        Header::Matched,
        Header::Papers,
        Header::Read,
        Header::Reading,
        Header::Skipped,
        Header::Total,
        Header::Percent,
        Header::Years,
        Header::Name,
        Header::Summary,
        Header::Why,
        Header::Kind,
        Header::Path,
        Header::Tag,
        Header::Paper,
        Header::Note,
        Header::Reason,
        Header::Week,
    ];

    /// The column's name in machine formats and on the command line (`--columns`).
    pub fn name(self) -> &'static str {
        en::header(self)
    }
}

/// A row of the browser's help screen, by what its keys do (the keymap binds the keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyHelp {
    Move,
    FirstLast,
    Page,
    ScrollCard,
    Search,
    Open,
    Copy,
    Mark,
    SetStatus,
    View,
    Note,
    Lineage,
    Back,
    Path,
    TrackFamily,
    NarrowScreens,
    Wide,
    Mouse,
    Keys,
    Quit,
}

impl KeyHelp {
    /// Every row, for tests.
    pub const ALL: [KeyHelp; 20] = [
        KeyHelp::Move,
        KeyHelp::FirstLast,
        KeyHelp::Page,
        KeyHelp::ScrollCard,
        KeyHelp::Search,
        KeyHelp::Open,
        KeyHelp::Copy,
        KeyHelp::Mark,
        KeyHelp::SetStatus,
        KeyHelp::View,
        KeyHelp::Note,
        KeyHelp::Lineage,
        KeyHelp::Back,
        KeyHelp::Path,
        KeyHelp::TrackFamily,
        KeyHelp::NarrowScreens,
        KeyHelp::Wide,
        KeyHelp::Mouse,
        KeyHelp::Keys,
        KeyHelp::Quit,
    ];
}

/// The words of one language.
pub struct Words {
    /// A column's heading in human formats.
    pub header: fn(Header) -> &'static str,
    /// A reading status.
    pub status: fn(Status) -> &'static str,
    /// A branch of the tree.
    pub branch: fn(Branch) -> &'static str,
    pub card: Card,
    pub tree: Tree,
    /// The progress bars' legend, and the name of their total row.
    pub legend: &'static str,
    pub total: &'static str,
    /// "N of M read" in a track's heading.
    pub read_of: fn(usize, usize) -> String,
    /// "step N of M": where a paper sits in a track.
    pub step_of: fn(usize, usize) -> String,
    pub page: Page,
    pub browse: Browse,
    /// A searched field, where a search found a paper.
    pub field: fn(Field) -> &'static str,
    /// "found" before where a search found the paper, on the browser's card.
    pub found: &'static str,
    pub next: Next,
}

/// Why `next` offers a paper, in short phrases joined by `and`.
pub struct Next {
    /// "step 4 of reasoning": its step in a track, by the track's id.
    pub step_in: fn(usize, &str) -> String,
    /// "unlocks 12 papers": how many unread papers build on it, directly or not.
    pub unlocks: fn(usize) -> String,
    /// "all 3 prerequisites read", or with `true`, "… read or skipped".
    pub prerequisites: fn(usize, bool) -> String,
    /// For a paper that builds on no paper of the catalog and that none builds on.
    pub stands_alone: &'static str,
    /// Between two phrases.
    pub and: &'static str,
}

/// The headings and field names of a paper's card (in the terminal, the page and notes).
pub struct Card {
    pub contribution: &'static str,
    pub focus: &'static str,
    pub builds_on: &'static str,
    pub built_upon_by: &'static str,
    pub notes: &'static str,
    pub status: &'static str,
    pub authors: &'static str,
    pub org: &'static str,
    pub venue: &'static str,
    pub abstract_page: &'static str,
    pub pdf: &'static str,
    pub code: &'static str,
    pub aliases: &'static str,
    pub tags: &'static str,
}

/// The terminal tree's headings.
pub struct Tree {
    pub year: &'static str,
    /// The one heading of a tree too narrow for branch columns.
    pub papers: &'static str,
    /// The three headings of a medium-width tree.
    pub merged_branches: [&'static str; 3],
}

/// Every phrase the HTML page writes around the catalog's text.
pub struct Page {
    pub title: &'static str,
    /// "N papers in F families · R read · S reading", then "· K skipped" when some are.
    pub summary: fn(usize, usize, [usize; 3]) -> String,
    /// The section headings: tree, papers, cards, progress.
    pub sections: [&'static str; 4],
    pub tree_hint: &'static str,
    /// The tree's accessible title: papers, first year, last year.
    pub tree_title: fn(usize, u16, u16) -> String,
    /// The legend's line for links that pass through papers left off the page.
    pub indirect: &'static str,
    pub filter_placeholder: &'static str,
    pub filter_label: &'static str,
    pub track_label: &'static str,
    pub all_papers: &'static str,
    /// A step's place in a track, on a card: "Step 3".
    pub step: fn(usize) -> String,
    /// "{shown} of {total} papers shown · {read} read" when `{total}` is one and otherwise,
    /// filled in by the page's script (`{read}` counts the papers shown).
    pub shown: [&'static str; 2],
    /// The button under a table cut short: "Show all {count}", filled in by the script.
    pub show_all: &'static str,
    /// The name of the panel that shows the selected paper's card.
    pub detail: &'static str,
    pub close: &'static str,
    /// The legend's lines: a paper's main line, its other links, and the selected paper's
    /// lineage up and down.
    pub main_line: &'static str,
    pub other_link: &'static str,
    pub leads_up: &'static str,
    pub leads_down: &'static str,
    /// The name of a card's status control.
    pub status_label: &'static str,
    /// The link that downloads the reader's marks, and what to do with the file.
    pub download: &'static str,
    pub download_hint: &'static str,
    /// The heading of the progress per family, and of the progress per track.
    pub by_family: &'static str,
    pub by_track: &'static str,
    /// Under a tree cut short: "The tree shows the best {shown} of {count} found".
    pub tree_cut: &'static str,
}

/// What the terminal browser says on its top and bottom lines and in its pickers.
pub struct Browse {
    pub family: &'static str,
    pub track: &'static str,
    pub search: &'static str,
    /// The top line's counts: shown, total, and read among the shown.
    pub counts: fn(usize, usize, usize) -> String,
    pub no_match: &'static str,
    pub keys_title: &'static str,
    pub no_selection: &'static str,
    pub no_pdf: &'static str,
    /// After a paper's id: it has no code link.
    pub no_code: &'static str,
    /// The top line's name for the status view, and each view's name in the order `s`
    /// steps through them: all, unread, reading, next, read, skipped.
    pub view: &'static str,
    pub views: [&'static str; 6],
    /// What `y` copies, press after press: the id, the link, the BibTeX entry.
    pub copies: [&'static str; 3],
    /// After a copy: the paper's id, what was copied, and what `y` copies next.
    pub copied: fn(&str, &str, &str) -> String,
    pub nothing_to_undo: &'static str,
    /// After an undo: the paper's id and the status it has again.
    pub undone: fn(&str, &str) -> String,
    pub no_prerequisites: &'static str,
    pub no_successors: &'static str,
    /// A picker's title: what `id` builds on.
    pub builds_on: fn(&str) -> String,
    /// A picker's title: what builds on `id`.
    pub built_upon_by: fn(&str) -> String,
    pub no_jump_back: &'static str,
    /// What a jump cleared (family, track, search) to show `id`.
    pub cleared: fn(&str, &str) -> String,
    /// The reading path's title: id, read, length.
    pub path: fn(&str, usize, usize) -> String,
    pub all_papers: &'static str,
    pub all_families: &'static str,
    /// After a note is saved on `id`.
    pub noted: fn(&str) -> String,
    /// After `id` is marked with a status word.
    pub marked: fn(&str, &str) -> String,
    /// What the progress file's trouble stops, on the bottom line.
    pub progress_trouble: &'static str,
    /// What a row of keys does, on the help screen.
    pub key_help: fn(KeyHelp) -> &'static str,
    /// The most used rows, with a word each, for the bottom line.
    pub key_short: fn(KeyHelp) -> Option<&'static str>,
    /// The bottom line while typing a search, in a picker, and on a narrow screen.
    pub search_hint: &'static str,
    pub picker_hint: &'static str,
    pub card_hint: &'static str,
    pub list_hint: &'static str,
}

#[cfg(test)]
mod tests;

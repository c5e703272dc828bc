//! The command line's names for the program's own enums (branches, statuses, formats,
//! columns), with the help text of each choice.
//!
//! Note: the enums live with the code that uses them and know nothing of clap; this file
//! implements clap's `ValueEnum` for them by hand, as tealdeer does, so no layer below the
//! command line depends on clap and no enum is copied just to be parsed.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use super::{ColorChoice, HyperlinkChoice};
use crate::catalog::Branch;
use crate::lang::Lang;
use crate::progress::Status;
use crate::query::SortKey;
use crate::render::columns::PaperField;
use crate::render::{CardFormat, ExportFormat, GraphFormat, ListFormat, PlanFormat};

/// A catalog enum as the command line names it: the catalog core knows nothing of clap,
/// and a foreign type cannot implement clap's trait, so the command line wraps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named<T>(pub T);

/// Implements `ValueEnum` for `$type`: each variant with its command-line name and help.
macro_rules! value_enum {
    ($type:ty { $($variant:expr => $name:expr, $help:expr;)+ }) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($variant),+]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                let value = match self {
                    $(variant if *variant == $variant => PossibleValue::new($name).help($help),)+
                    _ => return None,
                };
                Some(value)
            }
        }
    };
}

value_enum!(Named<Branch> {
    Named(Branch::Foundation) => "foundation", "The roots and the Transformer itself";
    Named(Branch::Encoder) => "encoder", "Encoder-only models (BERT and its relatives)";
    Named(Branch::EncoderDecoder) => "encoder-decoder", "Encoder-decoder models (T5, BART, UniLM)";
    Named(Branch::Decoder) => "decoder", "Decoder-only models (GPT, LLaMA)";
    Named(Branch::Technique) => "technique", "Techniques that cut across architectures (LoRA, chain-of-thought)";
});

value_enum!(Status {
    Status::Unread => "unread", "Not started";
    Status::Reading => "reading", "Started";
    Status::Read => "read", "Finished";
    Status::Skipped => "skipped", "Decided not to read (settled for `next`, counted apart from read)";
});

impl ValueEnum for Named<Lang> {
    fn value_variants<'a>() -> &'a [Self] {
        &[Named(Lang::En), Named(Lang::Zh), Named(Lang::ZhTw)]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self.0 {
            Lang::En => PossibleValue::new("en").help("English"),
            Lang::Zh => PossibleValue::new("zh")
                .aliases(["zh-CN", "zh-Hans"])
                .help("Simplified Chinese (titles, authors and ids stay as published)"),
            Lang::ZhTw => PossibleValue::new("zh-TW")
                .aliases(["zh-Hant", "zh-HK", "zh-tw", "zh-hant", "zh-hk"])
                .help("Traditional Chinese with Taiwan's usage"),
        })
    }
}

value_enum!(SortKey {
    SortKey::Year => "year", "Oldest first (month within the year)";
    SortKey::Title => "title", "Alphabetical by title";
    SortKey::Family => "family", "By family, oldest first within each";
});

value_enum!(ListFormat {
    ListFormat::Table => "table", "An aligned table that fits the terminal";
    ListFormat::Plain => "plain", "Tab-separated values, no header; columns never change";
    ListFormat::Json => "json", "A JSON array of objects";
    ListFormat::Csv => "csv", "Comma-separated values with a header";
    ListFormat::Markdown => "markdown", "A Markdown table";
    ListFormat::Ids => "ids", "One id a line";
});

value_enum!(PlanFormat {
    PlanFormat::List(ListFormat::Table) => "table", "An aligned table that fits the terminal";
    PlanFormat::List(ListFormat::Plain) => "plain", "Tab-separated values, no header";
    PlanFormat::List(ListFormat::Json) => "json", "A JSON array of objects, a date per paper";
    PlanFormat::List(ListFormat::Csv) => "csv", "Comma-separated values with a header";
    PlanFormat::List(ListFormat::Markdown) => "markdown", "A Markdown table";
    PlanFormat::List(ListFormat::Ids) => "ids", "One id a line, in reading order";
    PlanFormat::Ics => "ics", "iCalendar: one all-day event per paper, to import into a calendar";
});

value_enum!(CardFormat {
    CardFormat::Card => "card", "A card for reading in the terminal";
    CardFormat::Json => "json", "A JSON object";
    CardFormat::Markdown => "markdown", "A Markdown section";
});

value_enum!(GraphFormat {
    GraphFormat::Dot => "dot", "Graphviz DOT (render with `dot -Tsvg`)";
    GraphFormat::Mermaid => "mermaid", "A Mermaid flowchart (renders in GitHub Markdown)";
});

value_enum!(ExportFormat {
    ExportFormat::Html => "html", "One HTML file with inline CSS, SVG and a little JS; no network requests";
    ExportFormat::Notes => "notes", "A directory (-o DIR) of Markdown notes, one per paper, with wiki-links, for Obsidian";
});

value_enum!(ColorChoice {
    ColorChoice::Auto => "auto", "On a terminal; a non-empty NO_COLOR turns it off, CLICOLOR_FORCE on, TERM=dumb off";
    ColorChoice::Always => "always", "Always, even in a pipe, whatever NO_COLOR says";
    ColorChoice::Never => "never", "Never";
});

value_enum!(HyperlinkChoice {
    HyperlinkChoice::Auto => "auto", "Where colour goes (a terminal, NO_COLOR unset, TERM not dumb), as ripgrep does";
    HyperlinkChoice::Always => "always", "On any terminal, whatever the colour; never in a pipe";
    HyperlinkChoice::Never => "never", "Never";
});

impl ValueEnum for PaperField {
    fn value_variants<'a>() -> &'a [Self] {
        &PaperField::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()).help(self.help()))
    }
}

/// A note's number as `roadmap notes` shows it: 1 and up.
pub(super) fn note_number(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("notes are numbered from 1, as `roadmap notes ID` shows them".to_owned()),
        Ok(number) => Ok(number),
        Err(_) => Err(format!("'{}' is not a note number (1, 2, …)", crate::text::sanitize(text))),
    }
}

/// Refuses empty ids before any lookup.
pub(super) fn non_empty(text: &str) -> Result<String, String> {
    if text.trim().is_empty() { Err("an id cannot be empty".to_owned()) } else { Ok(text.to_owned()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_branch_and_status_has_its_catalog_name() {
        for branch in Branch::ALL {
            assert_eq!(
                Named(branch).to_possible_value().map(|value| value.get_name().to_owned()).as_deref(),
                Some(branch.as_str())
            );
        }
        for status in Status::ALL {
            assert_eq!(
                status.to_possible_value().map(|value| value.get_name().to_owned()).as_deref(),
                Some(status.as_str())
            );
        }
        assert_eq!(Named::<Branch>::value_variants().len(), Branch::ALL.len());
    }

    #[test]
    fn statuses_parse_whatever_their_case() {
        assert_eq!(Status::from_str("Read", true), Ok(Status::Read));
        assert_eq!(Status::from_str("READING", true), Ok(Status::Reading));
    }
}

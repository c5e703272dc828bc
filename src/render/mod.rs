//! Turning gathered data into text: one file per output, columns defined once.
//!
//! Renderers are pure: they take data and a [`Look`] and return the text; only
//! `output` writes to stdout.

pub mod bibtex;
pub mod card;
pub mod columns;
pub mod csv;
pub mod dot;
pub mod graph;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod obsidian;
pub mod plain;
pub mod plan;
pub mod progress;
pub mod table;
pub mod timeline;
pub mod track;
pub mod tree;

use owo_colors::{AnsiColors, OwoColorize, Style};
use serde::Serialize;

use crate::catalog::Branch;
use crate::lang::Lang;
use crate::words::Header;

/// Formats of listing commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// An aligned table that fits the terminal (the default on one).
    Table,
    /// Tab-separated values without a header (the default in a pipe).
    Plain,
    Json,
    /// Comma-separated values with a header.
    Csv,
    Markdown,
    /// One id a line.
    Ids,
}

/// Formats of `plan`: every listing format, and a calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    /// A listing in one of the formats every listing has.
    List(ListFormat),
    /// iCalendar: one all-day event per paper, for a calendar.
    Ics,
}

/// Formats of `show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFormat {
    /// A card for reading in the terminal.
    Card,
    Json,
    Markdown,
}

/// Formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One HTML file with inline CSS, SVG and a little JS.
    Html,
    /// A directory of Markdown notes, one per paper, for Obsidian and the like.
    Notes,
}

/// Formats of `graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// How human output looks: colour on or off, and the width to fit.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// Whether to emit colour.
    pub color: bool,
    /// Width to fit, in terminal cells.
    pub width: usize,
    /// The language of labels and notes.
    pub lang: Lang,
    /// Whether links are OSC 8 hyperlinks.
    pub hyperlinks: bool,
}

impl Default for Look {
    fn default() -> Look {
        Look { color: false, width: crate::text::DEFAULT_WIDTH, lang: Lang::En, hyperlinks: false }
    }
}

impl Look {
    /// `text` in `style`, line by line (so line breaks stay line breaks and every line
    /// ends its own escape sequence), with anything unsafe replaced.
    fn paint(&self, text: &str, style: Style) -> String {
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let line = crate::text::sanitize(line);
                if self.color && !line.is_empty() { line.style(style).to_string() } else { line.into_owned() }
            })
            .collect();
        lines.join("\n")
    }

    /// A link as shown: with hyperlinks on, an OSC 8 hyperlink a click opens whole; always
    /// sanitised, and a link that needed escaping is never made a hyperlink.
    pub fn link(&self, url: &str) -> String {
        let linked = if self.hyperlinks { crate::text::hyperlink(url, url) } else { None };
        linked.unwrap_or_else(|| crate::text::sanitize(url).into_owned())
    }

    /// Text in its branch's colour.
    pub fn branch(&self, text: &str, branch: Branch) -> String {
        self.paint(text, branch_style(branch))
    }

    /// Text in its branch's colour when it has a branch (a tag, an org or a track has none).
    pub fn maybe_branch(&self, text: &str, branch: Option<Branch>) -> String {
        match branch {
            Some(branch) => self.branch(text, branch),
            None => crate::text::sanitize(text).into_owned(),
        }
    }

    /// Text in the colour of the family at `index` in the catalog (a palette cycles).
    pub fn family(&self, text: &str, index: usize) -> String {
        const PALETTE: [AnsiColors; 12] = [
            AnsiColors::Blue,
            AnsiColors::Green,
            AnsiColors::Magenta,
            AnsiColors::Yellow,
            AnsiColors::Cyan,
            AnsiColors::Red,
            AnsiColors::BrightBlue,
            AnsiColors::BrightGreen,
            AnsiColors::BrightMagenta,
            AnsiColors::BrightYellow,
            AnsiColors::BrightCyan,
            AnsiColors::BrightRed,
        ];
        self.paint(text, Style::new().color(PALETTE[index % PALETTE.len()]))
    }

    /// Emphasised text.
    pub fn bold(&self, text: &str) -> String {
        self.paint(text, Style::new().bold())
    }

    /// Secondary text.
    pub fn dim(&self, text: &str) -> String {
        self.paint(text, Style::new().dimmed())
    }

    /// Letters a search matched.
    pub fn mark(&self, text: &str) -> String {
        self.paint(text, Style::new().bold().underline())
    }
}

/// Each branch's colour: the one place it is chosen, for every output that colours branches.
pub fn branch_colour(branch: Branch) -> AnsiColors {
    match branch {
        Branch::Foundation => AnsiColors::Magenta,
        Branch::Encoder => AnsiColors::Blue,
        Branch::EncoderDecoder => AnsiColors::Yellow,
        Branch::Decoder => AnsiColors::Green,
        Branch::Technique => AnsiColors::Cyan,
    }
}

/// How text of a branch is painted: its colour, bold for the foundations.
fn branch_style(branch: Branch) -> Style {
    let style = Style::new().color(branch_colour(branch));
    if branch == Branch::Foundation { style.bold() } else { style }
}

/// A row of a listing: serialisable for JSON, with an id and a branch for the other formats.
pub trait Record: Serialize {
    /// The row's id (the `ids` format).
    fn id(&self) -> &str;
    /// The branch that colours the row.
    fn branch(&self) -> Option<Branch>;
}

/// One column of a listing: its header and how to get its value from a row.
pub struct Column<T> {
    /// Which column it is: its machine name in csv and markdown, its heading in a table.
    pub header: Header,
    /// The cell's text.
    pub value: fn(&T) -> String,
}

/// Renders rows in a listing format; every format draws on the same column list.
pub fn listing<T: Record>(format: ListFormat, columns: &[Column<T>], rows: &[T], look: Look) -> anyhow::Result<String> {
    Ok(match format {
        ListFormat::Table => table::render(columns, rows, look),
        ListFormat::Plain => plain::render(columns, rows, look),
        ListFormat::Csv => csv::render(columns, rows)?,
        ListFormat::Markdown => markdown::render(columns, rows),
        ListFormat::Json => json::render(rows)?,
        ListFormat::Ids => rows.iter().map(|row| format!("{}\n", look.maybe_branch(row.id(), row.branch()))).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_emitted_only_when_asked() {
        let plain = Look::default();
        let coloured = Look { color: true, ..Look::default() };
        assert_eq!(plain.branch("bert", Branch::Encoder), "bert");
        assert!(coloured.branch("bert", Branch::Encoder).contains("\u{1b}["));
        assert!(coloured.bold("x\u{1b}y").matches('\u{1b}').count() == 2, "only our own escapes");
        assert_eq!(plain.dim("two\nlines"), "two\nlines", "line breaks stay line breaks");
        assert_eq!(coloured.dim("a\nb").lines().count(), 2);
    }

    #[test]
    fn links_are_hyperlinks_only_when_asked_and_only_when_nothing_needed_escaping() {
        let url = "https://arxiv.org/abs/1706.03762";
        let linked = Look { hyperlinks: true, ..Look::default() };
        assert_eq!(Look::default().link(url), url);
        assert_eq!(linked.link(url), format!("\u{1b}]8;;{url}\u{1b}\\{url}\u{1b}]8;;\u{1b}\\"));
        let hostile = "https://x.org/\u{1b}]8;;https://evil.example\u{7}";
        assert_eq!(
            linked.link(hostile),
            "https://x.org/\\u{1b}]8;;https://evil.example\\u{7}",
            "shown, escaped, not linked"
        );
    }
}

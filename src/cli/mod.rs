//! The whole command-line surface: every subcommand, option and help text.

mod browse;
mod command;
mod filters;
mod import;
mod plan;
mod publish;
mod values;

use std::path::PathBuf;

use clap::Parser;

pub use browse::BrowseOptions;
pub use command::Command;
pub use filters::{Filters, ListOutput};
pub use import::ImportOptions;
pub use plan::PlanOptions;
pub use publish::{PackOptions, Publish};
pub use values::Named;

use crate::lang::Lang;
use crate::progress::Status;
use crate::render::ExportFormat;

/// Browse a curated reading roadmap of the large-language-model literature.
///
/// The catalog (Transformer, BERT, GPT, LLaMA, T5, LoRA, chain-of-thought and
/// what came after) is compiled in; add papers from arXiv with `roadmap add`, or your own
/// catalogs with --catalog.
#[derive(Debug, Parser)]
#[command(
    name = "roadmap",
    version = concat!(env!("CARGO_PKG_VERSION"), " (embedded catalog: ", env!("ROADMAP_CATALOG_SUMMARY"), ")"),
    max_term_width = 100
)]
#[command(after_help = "Examples:\n  roadmap list --family bert\n  roadmap show gpt-3\n  roadmap open gpt-3 --pdf")]
pub struct Cli {
    /// A catalog file merged over the embedded one (repeatable; later files win)
    /// [env: ROADMAP_CATALOG, paths separated by ':'].
    #[arg(long = "catalog", global = true, value_name = "PATH", help_heading = "Global options")]
    pub catalogs: Vec<PathBuf>,

    /// The progress file [env: ROADMAP_STATE] [default: $XDG_STATE_HOME/roadmap/progress.yaml].
    #[arg(long, global = true, value_name = "PATH", help_heading = "Global options")]
    pub state: Option<PathBuf>,

    /// Leave out the embedded catalog: use only --catalog files.
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_default: bool,

    /// When to colour the output (an explicit choice beats NO_COLOR and CLICOLOR_FORCE).
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", help_heading = "Global options")]
    pub color: ColorChoice,

    /// When links are clickable (OSC 8 hyperlinks); never when stdout is not a terminal.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", help_heading = "Global options")]
    pub hyperlinks: HyperlinkChoice,

    /// The language of notes and labels [env: ROADMAP_LANG; default: the locale's, else en].
    #[arg(long, global = true, value_name = "LANG", help_heading = "Global options")]
    pub lang: Option<Named<Lang>>,

    /// Pretend today is this date (YYYY-MM-DD), for reproducible notes in tests.
    #[arg(long, global = true, hide = true, value_name = "DATE")]
    pub today: Option<jiff::civil::Date>,

    /// What to do (none, on a terminal: browse).
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Refuses combinations of options that clap cannot see are contradictory.
    pub fn check(&self) -> Result<(), String> {
        match &self.command {
            Some(
                Command::List { filters, .. }
                | Command::Timeline { filters }
                | Command::Tree { filters }
                | Command::Search { filters, .. }
                | Command::Next { filters, .. }
                | Command::Graph { filters, .. },
            ) => filters.check(),
            Some(Command::Import(ImportOptions { mark: Status::Unread, .. })) => {
                Err("import marks papers read, reading or skipped; `roadmap mark ID unread` undoes a mark".to_owned())
            }
            Some(Command::Export { format, output, filters, .. }) => {
                filters.check()?;
                ExportTarget::new(*format, output.as_deref()).map(|_| ())
            }
            Some(Command::Cite { ids, all, path, filters, .. }) => {
                filters.check()?;
                match (ids.is_empty(), *all || path.is_some(), filters.is_empty()) {
                    (true, false, true) => Err("cite needs paper ids, --all, --path ID or a filter".to_owned()),
                    (false, _, false) => {
                        Err("filters choose papers alone or with --all or --path, not with ids".to_owned())
                    }
                    _ => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

/// When to use colour (`--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless the environment says otherwise.
    #[default]
    Auto,
    /// Always, even in a pipe.
    Always,
    Never,
}

/// When to make links clickable (`--hyperlinks`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HyperlinkChoice {
    /// Where colour goes, as ripgrep decides: a terminal with colour on.
    #[default]
    Auto,
    /// On any terminal, whatever the colour (never in a pipe).
    Always,
    Never,
}

/// Where `roadmap export` puts what it makes, checked once here so that no layer below
/// has to trust that the command line was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// The HTML page, to stdout (no `-o`, or `-o -`) or to a file.
    Page(PageOutput),
    /// A directory of Markdown notes.
    Notes(PathBuf),
}

/// Where the HTML page goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageOutput {
    /// Stdout, because no `-o` was given: refused on a terminal, where it would flood the screen.
    Unnamed,
    /// Stdout, asked for with `-o -`.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl ExportTarget {
    /// The target of `--format` and `-o`; notes need a directory.
    pub fn new(format: ExportFormat, output: Option<&std::path::Path>) -> Result<ExportTarget, String> {
        let file = output.filter(|output| output.as_os_str() != "-").map(std::path::Path::to_path_buf);
        match (format, file) {
            (ExportFormat::Html, Some(file)) => Ok(ExportTarget::Page(PageOutput::File(file))),
            (ExportFormat::Html, None) if output.is_some() => Ok(ExportTarget::Page(PageOutput::Stdout)),
            (ExportFormat::Html, None) => Ok(ExportTarget::Page(PageOutput::Unnamed)),
            (ExportFormat::Notes, Some(directory)) => Ok(ExportTarget::Notes(directory)),
            (ExportFormat::Notes, None) => {
                Err("--format notes writes a directory of notes: name it with -o DIR".to_owned())
            }
        }
    }
}

impl Command {
    /// Whether the command searches (`search`, `--query`, the browser, the page): the search
    /// looks in the Chinese text in every language, so it is loaded too.
    pub fn searches(&self) -> bool {
        match self {
            Command::Browse(_) | Command::Search { .. } | Command::Export { .. } => true,
            Command::List { filters, .. }
            | Command::Timeline { filters }
            | Command::Tree { filters }
            | Command::Next { filters, .. }
            | Command::Graph { filters, .. }
            | Command::Cite { filters, .. } => filters.query.is_some(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_target_is_typed_once() {
        let notes = ExportTarget::new(ExportFormat::Notes, Some(std::path::Path::new("vault")));
        assert_eq!(notes, Ok(ExportTarget::Notes(PathBuf::from("vault"))));
        assert!(ExportTarget::new(ExportFormat::Notes, None).is_err());
        assert!(ExportTarget::new(ExportFormat::Notes, Some(std::path::Path::new("-"))).is_err());
        assert_eq!(ExportTarget::new(ExportFormat::Html, None), Ok(ExportTarget::Page(PageOutput::Unnamed)));
        assert_eq!(
            ExportTarget::new(ExportFormat::Html, Some(std::path::Path::new("-"))),
            Ok(ExportTarget::Page(PageOutput::Stdout))
        );
    }
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}

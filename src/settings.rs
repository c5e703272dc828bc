//! Arguments and environment resolved once into typed settings.
//!
//! Nothing below this module reads flags or environment variables.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::catalog::{self, Cache, Catalog, InvalidCatalog};
use crate::cli::{Cli, ColorChoice, ListFormat};

/// Where a setting came from, for `roadmap paths`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag.
    Flag,
    /// An environment variable.
    Environment,
    /// The built-in default.
    Default,
}

impl Origin {
    fn of(matches: &ArgMatches, id: &str) -> Origin {
        match matches.value_source(id) {
            Some(ValueSource::CommandLine) => Origin::Flag,
            Some(ValueSource::EnvVariable) => Origin::Environment,
            _ => Origin::Default,
        }
    }
}

/// Everything the commands need to know about how they were invoked.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Catalog files merged over the embedded one, in order.
    pub catalogs: Vec<PathBuf>,
    /// Whether the catalog files came from `--catalog` or `ROADMAP_CATALOG`.
    pub catalogs_origin: Origin,
    /// Whether the embedded catalog is the base.
    pub include_default: bool,
    /// Whether stdout gets colour.
    pub color: bool,
    /// Whether stdout is a terminal (picks the default format).
    pub stdout_is_terminal: bool,
    /// Width for tables and wrapped text: `COLUMNS`, else the terminal's, else none.
    pub width: Option<usize>,
    /// `$BROWSER`, when set and non-empty.
    pub browser: Option<OsString>,
    /// `$EDITOR` (else `$VISUAL`), when set and non-empty.
    pub editor: Option<OsString>,
    /// The progress file: `--state`, `ROADMAP_STATE`, else the platform's state directory.
    pub state: Option<PathBuf>,
    /// Where `state` came from.
    pub state_origin: Origin,
    /// The cache of parsed user catalogs: the platform's cache directory + `roadmap`.
    pub cache: Option<PathBuf>,
}

impl Settings {
    /// Resolves the settings from the parsed command line and the process environment;
    /// `matches` tells flags from environment variables.
    pub fn new(cli: &Cli, matches: &ArgMatches) -> Settings {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let var = |name: &str| std::env::var(name).ok();
        let terminal_width = || comfy_table::Table::new().width().map(usize::from);
        Settings {
            catalogs: cli.catalogs.iter().filter(|path| !path.as_os_str().is_empty()).cloned().collect(),
            catalogs_origin: Origin::of(matches, "catalogs"),
            include_default: !cli.no_default,
            color: use_color(cli.color, stdout_is_terminal, var),
            stdout_is_terminal,
            width: columns(var("COLUMNS").as_deref())
                .or_else(|| if stdout_is_terminal { terminal_width() } else { None }),
            browser: non_empty_var("BROWSER"),
            editor: non_empty_var("EDITOR").or_else(|| non_empty_var("VISUAL")),
            state: cli.state.clone().filter(|path| !path.as_os_str().is_empty()).or_else(default_state),
            cache: platform_directory(|strategy| Some(strategy.cache_dir())),
            state_origin: match &cli.state {
                Some(path) if !path.as_os_str().is_empty() => Origin::of(matches, "state"),
                _ => Origin::Default,
            },
        }
    }
}

fn non_empty_var(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|value| !value.is_empty())
}

/// `$XDG_STATE_HOME/roadmap/progress.yaml` on Linux, the platform's equivalent elsewhere.
fn default_state() -> Option<PathBuf> {
    platform_directory(|strategy| Some(strategy.state_dir().unwrap_or_else(|| strategy.data_dir())))
        .map(|directory| directory.join("progress.yaml"))
}

/// `roadmap` inside one of the platform's base directories (XDG on Linux).
fn platform_directory(pick: impl FnOnce(&dyn etcetera::BaseStrategy) -> Option<PathBuf>) -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    pick(&strategy).map(|directory| directory.join("roadmap"))
}

impl Settings {
    /// Loads the active catalogs, through the cache.
    pub fn load_catalog(&self) -> Result<Catalog, InvalidCatalog> {
        catalog::load(self.include_default, &self.catalogs, &Cache::new(self.cache.clone()))
    }

    /// The requested listing format, else a table on a terminal and plain text in a pipe.
    pub fn list_format(&self, requested: Option<ListFormat>) -> ListFormat {
        requested.unwrap_or(if self.stdout_is_terminal { ListFormat::Table } else { ListFormat::Plain })
    }
}

/// Decides colour: the flag, then `NO_COLOR`, then `CLICOLOR_FORCE`, then a real terminal that is not `TERM=dumb`.
pub fn use_color(choice: ColorChoice, is_terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| var(name).is_some_and(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").as_deref() != Some("0") => true,
        ColorChoice::Auto => is_terminal && var("TERM").is_some_and(|term| !term.is_empty() && term != "dumb"),
    }
}

/// A positive `COLUMNS` value.
fn columns(value: Option<&str>) -> Option<usize> {
    value?.trim().parse().ok().filter(|&width| width > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        move |name| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone())
    }

    #[test]
    fn the_flag_beats_the_environment() {
        assert!(use_color(ColorChoice::Always, false, env(&[("NO_COLOR", "1")])));
        assert!(!use_color(ColorChoice::Never, true, env(&[("CLICOLOR_FORCE", "1"), ("TERM", "xterm")])));
    }

    #[test]
    fn a_non_empty_no_color_turns_colour_off_even_when_forced() {
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1"), ("TERM", "xterm")])
        ));
        assert!(use_color(ColorChoice::Auto, true, env(&[("NO_COLOR", ""), ("TERM", "xterm")])));
    }

    #[test]
    fn clicolor_force_colours_a_pipe() {
        assert!(use_color(ColorChoice::Auto, false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!use_color(ColorChoice::Auto, false, env(&[("CLICOLOR_FORCE", "0")])));
    }

    #[test]
    fn dumb_or_missing_terminals_get_no_colour() {
        assert!(!use_color(ColorChoice::Auto, true, env(&[("TERM", "dumb")])));
        assert!(!use_color(ColorChoice::Auto, true, env(&[])));
        assert!(!use_color(ColorChoice::Auto, false, env(&[("TERM", "xterm")])));
        assert!(use_color(ColorChoice::Auto, true, env(&[("TERM", "xterm-256color")])));
    }

    #[test]
    fn columns_must_be_a_positive_number() {
        assert_eq!(columns(Some("120")), Some(120));
        assert_eq!(columns(Some("0")), None);
        assert_eq!(columns(Some("wide")), None);
        assert_eq!(columns(None), None);
    }
}

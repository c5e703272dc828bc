//! Arguments and environment resolved once into typed settings.
//!
//! Nothing below this module reads flags or environment variables.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::catalog::{self, Cache, Catalog, InvalidCatalog};
use crate::cli::{Cli, ColorChoice, HyperlinkChoice};
use crate::lang::Lang;
use crate::render::ListFormat;
use crate::text::DEFAULT_WIDTH;

mod network;

pub use network::ArxivApi;
use network::net_options;

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
    /// A flag when `id` was given on the command line, else the environment when `variable`
    /// is set, else the default.
    fn of(matches: &ArgMatches, id: &str, variable: Option<&OsString>) -> Origin {
        match matches.value_source(id) {
            Some(ValueSource::CommandLine) => Origin::Flag,
            _ if variable.is_some() => Origin::Environment,
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
    /// Whether links on stdout are OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// The language of notes and labels.
    pub lang: Lang,
    /// Whether the Chinese text is needed: in Chinese, or when an argument holds CJK
    /// characters (a search for 注意力 looks in the Chinese text whatever the language).
    pub chinese: bool,
    /// Whether stdout is a terminal (picks the default format).
    pub stdout_is_terminal: bool,
    /// Whether stdin is a terminal (a password may be asked for).
    pub stdin_is_terminal: bool,
    /// Width of human formats in terminal cells: `COLUMNS`, else the terminal's, else 80.
    pub width: usize,
    /// `$BROWSER`, when set and non-empty (a command line, split as a shell would).
    pub browser: Option<OsString>,
    /// `$VISUAL`, else `$EDITOR`, else `vi` when stdin is a terminal (a command line, split as
    /// a shell would); none in a script with neither variable set, where `vi` would hang.
    pub editor: Option<OsString>,
    /// The progress file: `--state`, `ROADMAP_STATE`, else the platform's state directory.
    pub state: Option<PathBuf>,
    /// Where `state` came from.
    pub state_origin: Origin,
    /// Where the browser was when it closed: the platform's state directory +
    /// `roadmap/browse.json`.
    pub browse_state: Option<PathBuf>,
    /// The cache of parsed user catalogs: the platform's cache directory + `roadmap`.
    pub cache: Option<PathBuf>,
    /// The data directory: `$XDG_DATA_HOME/roadmap` (the platform's equivalent elsewhere),
    /// where subscriptions keep their copies.
    pub data: Option<PathBuf>,
    /// How `update` talks to servers: `ROADMAP_NET_TIMEOUT` (seconds, at most 15) and
    /// whether a proxy variable is set.
    pub net: crate::net::NetOptions,
    /// Your own catalog, the one `roadmap add` writes: the platform's data directory +
    /// `roadmap/catalog.yaml`; merged after the embedded catalog, before `--catalog` files.
    pub own_catalog: Option<PathBuf>,
    /// How `add` asks arXiv's API.
    pub arxiv: ArxivApi,
    /// The date `--today` pins, for tests; otherwise [`Settings::today`] asks the clock.
    pub pinned_today: Option<jiff::civil::Date>,
    /// What the settings had to guess at, for stderr (an unknown language).
    pub warnings: Vec<String>,
}

/// What the process knows of its surroundings: read once at the top and handed in, so that
/// nothing below reads the environment itself and a test can give any surroundings.
#[derive(Clone, Debug, Default)]
pub struct Environment {
    /// The environment variables that are set and not empty.
    pub vars: HashMap<String, OsString>,
    /// The command line's words, to tell whether any holds CJK text.
    pub args: Vec<OsString>,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    /// The terminal's width in cells, when stdout is one.
    pub terminal_width: Option<usize>,
    /// The home directory, for `~` in paths.
    pub home: Option<PathBuf>,
    /// The platform's state directory for roadmap (`$XDG_STATE_HOME/roadmap` on Linux).
    pub state_dir: Option<PathBuf>,
    /// The platform's cache directory for roadmap (`$XDG_CACHE_HOME/roadmap` on Linux).
    pub cache_dir: Option<PathBuf>,
    /// The platform's data directory for roadmap (`$XDG_DATA_HOME/roadmap` on Linux).
    pub data_dir: Option<PathBuf>,
}

impl Environment {
    /// This process's surroundings.
    pub fn of_process() -> Environment {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Environment {
            vars: std::env::vars_os()
                .filter(|(_, value)| !value.is_empty())
                .filter_map(|(name, value)| Some((name.into_string().ok()?, value)))
                .collect(),
            args: std::env::args_os().collect(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal,
            terminal_width: if stdout_is_terminal { comfy_table::Table::new().width().map(usize::from) } else { None },
            home: etcetera::home_dir().ok(),
            state_dir: platform_directory(|strategy| Some(strategy.state_dir().unwrap_or_else(|| strategy.data_dir()))),
            cache_dir: platform_directory(|strategy| Some(strategy.cache_dir())),
            data_dir: platform_directory(|strategy| Some(strategy.data_dir())),
        }
    }

    /// A variable's value, when it is set and not empty.
    pub fn var(&self, name: &str) -> Option<&OsString> {
        self.vars.get(name).filter(|value| !value.is_empty())
    }

    /// A variable's value as text.
    fn text(&self, name: &str) -> Option<String> {
        self.var(name).map(|value| value.to_string_lossy().into_owned())
    }
}

impl Settings {
    /// Resolves the settings from the parsed command line and the surroundings; `matches`
    /// tells flags from environment variables.
    pub fn new(cli: &Cli, matches: &ArgMatches, env: &Environment) -> Settings {
        let text = |name: &str| env.text(name);
        let expand = |path: &PathBuf| expand_tilde(path, env.home.as_deref());
        let catalog_variable = env.var("ROADMAP_CATALOG");
        let catalogs: Vec<PathBuf> = if cli.catalogs.is_empty() {
            catalog_variable.map(std::env::split_paths).into_iter().flatten().collect()
        } else {
            cli.catalogs.clone()
        };
        let state_variable = env.var("ROADMAP_STATE");
        let state = cli.state.clone().or_else(|| state_variable.map(PathBuf::from));
        let (lang, unknown_lang) = crate::lang::choose(cli.lang.map(|named| named.0), text);
        let warnings = unknown_lang
            .map(|name| {
                let name = crate::text::sanitize(&name);
                format!("language '{name}' is not available (en, zh, zh-TW); using English")
            })
            .into_iter()
            .collect();
        let color = use_color(cli.color, env.stdout_is_terminal, text);
        Settings {
            catalogs: catalogs.iter().filter(|path| !path.as_os_str().is_empty()).map(expand).collect(),
            catalogs_origin: Origin::of(matches, "catalogs", catalog_variable),
            include_default: !cli.no_default,
            color,
            hyperlinks: use_hyperlinks(cli.hyperlinks, color, env.stdout_is_terminal),
            lang,
            chinese: lang.is_chinese()
                || cli.command.as_ref().is_none_or(crate::cli::Command::searches)
                || env.args.iter().any(|argument| crate::lang::has_cjk(&argument.to_string_lossy())),
            stdout_is_terminal: env.stdout_is_terminal,
            stdin_is_terminal: env.stdin_is_terminal,
            width: columns(env.text("COLUMNS").as_deref()).or(env.terminal_width).unwrap_or(DEFAULT_WIDTH),
            browser: env.var("BROWSER").cloned(),
            editor: env
                .var("VISUAL")
                .or_else(|| env.var("EDITOR"))
                .cloned()
                .or_else(|| env.stdin_is_terminal.then(|| OsString::from("vi"))),
            state_origin: Origin::of(matches, "state", state_variable),
            state: state.as_ref().map(expand).or_else(|| env.state_dir.as_ref().map(|dir| dir.join("progress.yaml"))),
            browse_state: env.state_dir.as_ref().map(|dir| dir.join(BROWSE_STATE)),
            cache: env.cache_dir.clone(),
            data: env.data_dir.clone(),
            net: net_options(env),
            own_catalog: env.data_dir.as_ref().map(|dir| dir.join(OWN_CATALOG)),
            arxiv: ArxivApi::new(text),
            pinned_today: cli.today,
            warnings,
        }
    }
}

/// The name of the browser's state file in the platform's state directory.
pub const BROWSE_STATE: &str = "browse.json";

/// The name of your own catalog in the platform's data directory.
pub const OWN_CATALOG: &str = "catalog.yaml";

/// `~` or `~/rest` at the start of a path becomes the home directory.
fn expand_tilde(path: &Path, home: Option<&Path>) -> PathBuf {
    let (Some(home), Ok(rest)) = (home, path.strip_prefix("~")) else { return path.to_path_buf() };
    if rest.as_os_str().is_empty() { home.to_path_buf() } else { home.join(rest) }
}

/// `roadmap` inside one of the platform's base directories (XDG on Linux).
fn platform_directory(pick: impl FnOnce(&dyn etcetera::BaseStrategy) -> Option<PathBuf>) -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    pick(&strategy).map(|directory| directory.join("roadmap"))
}

impl Settings {
    /// Today's date in the user's time zone (`YYYY-MM-DD`), for notes and status changes.
    ///
    /// Note: asked only by the commands that write, since reading the system's time zone
    /// costs about as much as a whole `roadmap list`.
    pub fn today(&self) -> String {
        self.today_date().to_string()
    }

    /// Today's date in the user's time zone: `--today` when pinned, else the clock's (the
    /// one place a command learns the date; a plan starts from it).
    pub fn today_date(&self) -> jiff::civil::Date {
        match self.pinned_today {
            Some(date) => date,
            None => crate::progress::local_day(jiff::Timestamp::now(), &jiff::tz::TimeZone::system()),
        }
    }

    /// Loads the active catalogs, through the cache: the embedded one, the subscriptions'
    /// copies in subscription order (both unless `--no-default`), then the user's files.
    /// A subscription not updated for 30 days is a warning.
    pub fn load_catalog(&self) -> Result<Catalog, InvalidCatalog> {
        let mut files = self.subscription_files()?;
        files.extend(self.catalog_files());
        catalog::load(self.include_default, self.chinese, &files, &Cache::new(self.cache.clone()))
    }

    /// The subscriptions' store, when there is a data directory.
    pub fn subscriptions(&self) -> Option<crate::subscription::Store> {
        self.data.clone().map(crate::subscription::Store::new)
    }

    /// The files of the subscriptions' copies, in load order (none with `--no-default`),
    /// warning of stale ones; a corrupt subscriptions file is a catalog problem naming it.
    pub fn subscription_files(&self) -> Result<Vec<PathBuf>, InvalidCatalog> {
        let Some(store) = self.subscriptions().filter(|_| self.include_default) else { return Ok(Vec::new()) };
        let subscriptions = store.load().map_err(|error| InvalidCatalog {
            problems: vec![catalog::Located {
                location: store.file().display().to_string(),
                message: format!("{error:#}"),
            }],
        })?;
        let now = jiff::Timestamp::now();
        for subscription in &subscriptions.subscriptions {
            if let Some(warning) = subscription.staleness(now) {
                crate::output::warn(&warning);
            }
        }
        Ok(subscriptions.subscriptions.iter().flat_map(|subscription| store.files(subscription)).collect())
    }

    /// The catalog files merged over the embedded one and the subscriptions, in order: your
    /// own catalog when it exists (and the embedded one is in use: your entries name its
    /// families and papers), then the `--catalog` files.
    pub fn catalog_files(&self) -> Vec<PathBuf> {
        let own = self.own_catalog_in_use();
        own.into_iter().chain(self.catalogs.iter().cloned()).collect()
    }

    /// Your own catalog, when it is merged: it exists (as anything at all, so that a broken
    /// link or an unreadable file is reported rather than passed over) and `--no-default`
    /// was not given.
    pub fn own_catalog_in_use(&self) -> Option<PathBuf> {
        let own = self.own_catalog.as_ref().filter(|_| self.include_default)?;
        own.symlink_metadata().is_ok().then(|| own.clone())
    }

    /// The requested listing format, else a table on a terminal and plain text in a pipe.
    pub fn list_format(&self, requested: Option<ListFormat>) -> ListFormat {
        requested.unwrap_or(if self.stdout_is_terminal { ListFormat::Table } else { ListFormat::Plain })
    }
}

/// Decides colour: the flag, then `NO_COLOR`, then `CLICOLOR_FORCE`, then a real terminal that is not `TERM=dumb`.
/// `var` returns a variable's value (an empty one counts as unset).
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

/// Decides OSC 8 hyperlinks as ripgrep does: where colour goes (its colour choice is the
/// proxy for "escape sequences are welcome here"), `always` on any terminal, and never when
/// stdout is not a terminal, whatever was asked (a pipe gets plain URLs).
pub fn use_hyperlinks(choice: HyperlinkChoice, color: bool, is_terminal: bool) -> bool {
    is_terminal
        && match choice {
            HyperlinkChoice::Auto => color,
            HyperlinkChoice::Always => true,
            HyperlinkChoice::Never => false,
        }
}

/// A positive `COLUMNS` value.
fn columns(value: Option<&str>) -> Option<usize> {
    value?.trim().parse().ok().filter(|&width| width > 0)
}

#[cfg(test)]
mod tests;

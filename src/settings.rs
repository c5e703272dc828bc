//! Arguments and environment resolved once into typed settings.
//!
//! Nothing below this module reads flags or environment variables.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::catalog::{self, Cache, Catalog, InvalidCatalog};
use crate::cli::{Cli, ColorChoice};
use crate::lang::Lang;
use crate::render::ListFormat;
use crate::text::DEFAULT_WIDTH;

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

/// Where and how `roadmap add` asks arXiv's API for a paper's metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArxivApi {
    /// The query endpoint: `ROADMAP_ARXIV_API`, else arXiv's export API.
    pub base: String,
    /// The least time between two requests (arXiv asks for 3 s); `ROADMAP_ARXIV_INTERVAL_MS`
    /// shortens it, for tests and mirrors.
    pub interval: Duration,
    /// How long a request may take, at most [`ArxivApi::TIMEOUT`]; `ROADMAP_ARXIV_TIMEOUT_MS`
    /// shortens it, for tests.
    pub timeout: Duration,
}

impl ArxivApi {
    /// arXiv's own query endpoint.
    pub const DEFAULT_BASE: &'static str = "https://export.arxiv.org/api/query";
    /// arXiv's rule: one request every three seconds.
    pub const INTERVAL: Duration = Duration::from_secs(3);
    /// The longest a request may take.
    pub const TIMEOUT: Duration = Duration::from_secs(15);

    fn new(text: impl Fn(&str) -> Option<String>) -> ArxivApi {
        let millis = |name: &str| text(name)?.trim().parse::<u64>().ok().map(Duration::from_millis);
        ArxivApi {
            base: text("ROADMAP_ARXIV_API").unwrap_or_else(|| ArxivApi::DEFAULT_BASE.to_owned()),
            interval: millis("ROADMAP_ARXIV_INTERVAL_MS").unwrap_or(ArxivApi::INTERVAL),
            timeout: millis("ROADMAP_ARXIV_TIMEOUT_MS")
                .filter(|timeout| !timeout.is_zero())
                .map_or(ArxivApi::TIMEOUT, |timeout| timeout.min(ArxivApi::TIMEOUT)),
        }
    }
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
        Settings {
            catalogs: catalogs.iter().filter(|path| !path.as_os_str().is_empty()).map(expand).collect(),
            catalogs_origin: Origin::of(matches, "catalogs", catalog_variable),
            include_default: !cli.no_default,
            color: use_color(cli.color, env.stdout_is_terminal, text),
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

/// The network's settings: a timeout from `ROADMAP_NET_TIMEOUT` (seconds, fractions allowed,
/// at most the default 15), and the proxy the usual variables name.
fn net_options(env: &Environment) -> crate::net::NetOptions {
    let default = crate::net::DEFAULT_TIMEOUT;
    let timeout = env
        .text("ROADMAP_NET_TIMEOUT")
        .and_then(|seconds| seconds.trim().parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
        .map_or(default, |seconds| std::time::Duration::from_secs_f64(seconds).min(default));
    let proxies = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];
    crate::net::NetOptions { timeout, proxy_from_environment: proxies.iter().any(|name| env.var(name).is_some()) }
}
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

/// A positive `COLUMNS` value.
fn columns(value: Option<&str>) -> Option<usize> {
    value?.trim().parse().ok().filter(|&width| width > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_for(args: &[&str], environment: &Environment) -> Settings {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Cli::command().get_matches_from(args);
        let cli = Cli::from_arg_matches(&matches).expect("valid arguments");
        Settings::new(&cli, &matches, environment)
    }

    #[test]
    fn settings_come_from_the_surroundings_handed_in() {
        let vars = [
            ("COLUMNS", "100"),
            ("ROADMAP_LANG", "zh"),
            ("BROWSER", "firefox --new-window"),
            ("ROADMAP_CATALOG", "~/mine.yaml"),
        ];
        let environment = Environment {
            vars: vars.iter().map(|(name, value)| ((*name).to_owned(), OsString::from(value))).collect(),
            args: vec![OsString::from("roadmap"), OsString::from("list")],
            stdin_is_terminal: false,
            stdout_is_terminal: true,
            terminal_width: Some(120),
            home: Some(PathBuf::from("/home/reader")),
            state_dir: Some(PathBuf::from("/state/roadmap")),
            cache_dir: None,
            data_dir: Some(PathBuf::from("/data/roadmap")),
        };
        let settings = settings_for(&["roadmap", "list"], &environment);
        assert_eq!(settings.width, 100, "COLUMNS beats the terminal's width");
        assert_eq!(settings.lang, Lang::Zh);
        assert!(settings.chinese);
        assert_eq!(settings.browser, Some(OsString::from("firefox --new-window")));
        assert_eq!(settings.editor, None, "no editor and no terminal to run vi in");
        assert_eq!(settings.catalogs, [PathBuf::from("/home/reader/mine.yaml")]);
        assert_eq!(settings.catalogs_origin, Origin::Environment);
        assert_eq!(settings.state, Some(PathBuf::from("/state/roadmap/progress.yaml")));
        assert_eq!(settings.state_origin, Origin::Default);
        assert!(settings.warnings.is_empty());
        assert_eq!(settings.own_catalog, Some(PathBuf::from("/data/roadmap/catalog.yaml")));
        assert_eq!(settings.arxiv.base, ArxivApi::DEFAULT_BASE);
        assert_eq!((settings.arxiv.interval, settings.arxiv.timeout), (ArxivApi::INTERVAL, ArxivApi::TIMEOUT));

        let quiet = Environment { stdout_is_terminal: false, terminal_width: None, ..Environment::default() };
        let settings = settings_for(&["roadmap", "--state", "~/p.yaml", "list"], &quiet);
        assert_eq!(settings.width, DEFAULT_WIDTH);
        assert_eq!(settings.state, Some(PathBuf::from("~/p.yaml")), "no home: the path stays as given");
        assert_eq!(settings.state_origin, Origin::Flag);
    }

    #[test]
    fn the_arxiv_api_can_be_pointed_elsewhere_and_hurried_but_never_waited_on_longer() {
        let vars = [
            ("ROADMAP_ARXIV_API", "http://127.0.0.1:9/api/query"),
            ("ROADMAP_ARXIV_INTERVAL_MS", "10"),
            ("ROADMAP_ARXIV_TIMEOUT_MS", "60000"),
        ];
        let environment = Environment {
            vars: vars.iter().map(|(name, value)| ((*name).to_owned(), OsString::from(value))).collect(),
            ..Environment::default()
        };
        let settings = settings_for(&["roadmap", "paths"], &environment);
        assert_eq!(settings.arxiv.base, "http://127.0.0.1:9/api/query");
        assert_eq!(settings.arxiv.interval, Duration::from_millis(10));
        assert_eq!(settings.arxiv.timeout, ArxivApi::TIMEOUT, "15 s at most");
    }

    #[test]
    fn an_unknown_language_becomes_a_warning() {
        let environment = Environment {
            vars: [("ROADMAP_LANG".to_owned(), OsString::from("fr"))].into_iter().collect(),
            ..Environment::default()
        };
        let settings = settings_for(&["roadmap", "list"], &environment);
        assert_eq!(settings.lang, Lang::En);
        assert_eq!(settings.warnings, ["language 'fr' is not available (en, zh, zh-TW); using English"]);
    }

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

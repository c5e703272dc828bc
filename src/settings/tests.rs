//! Settings from flags and surroundings: what wins over what, and what is guessed.

use std::time::Duration;

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
    assert!(!use_color(ColorChoice::Auto, true, env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1"), ("TERM", "xterm")])));
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

#[test]
fn hyperlinks_go_where_colour_goes_and_never_into_a_pipe() {
    let terminal = Environment {
        stdout_is_terminal: true,
        vars: [("TERM".to_owned(), OsString::from("xterm-256color"))].into_iter().collect(),
        ..Environment::default()
    };
    assert!(settings_for(&["roadmap", "show", "bert"], &terminal).hyperlinks);
    assert!(!settings_for(&["roadmap", "--color", "never", "show", "bert"], &terminal).hyperlinks, "as ripgrep");
    assert!(
        settings_for(&["roadmap", "--color", "never", "--hyperlinks", "always", "show", "bert"], &terminal).hyperlinks
    );
    assert!(!settings_for(&["roadmap", "--hyperlinks", "never", "show", "bert"], &terminal).hyperlinks);
    let mut no_color = terminal.clone();
    no_color.vars.insert("NO_COLOR".to_owned(), OsString::from("1"));
    assert!(!settings_for(&["roadmap", "show", "bert"], &no_color).hyperlinks);
    let pipe = Environment { stdout_is_terminal: false, ..terminal };
    for asked in ["auto", "always"] {
        let settings = settings_for(&["roadmap", "--color", "always", "--hyperlinks", asked, "show", "bert"], &pipe);
        assert!(!settings.hyperlinks, "{asked} in a pipe");
    }
}

//! `roadmap man`: the man page, generated from the command-line definition.

use std::io::Write as _;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::Cli;

/// The environment variables the program reads, with what each does.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("ROADMAP_CATALOG", "Catalog files merged over the embedded one, separated by ':' (as --catalog)."),
    ("ROADMAP_STATE", "The progress file (as --state)."),
    (
        "VISUAL, EDITOR",
        "The editor for notes and add, split into words as a shell would; VISUAL first, else EDITOR, else vi on a terminal.",
    ),
    (
        "BROWSER",
        "The browser for open, split into words as a shell would; the URL is its last argument. Unset: the platform opener.",
    ),
    ("ROADMAP_ARXIV_API", "The arXiv API add asks (default https://export.arxiv.org/api/query); for a mirror."),
    (
        "ROADMAP_ARXIV_INTERVAL_MS, ROADMAP_ARXIV_TIMEOUT_MS",
        "For tests and mirrors: the least time between two requests to the API (3000) and a request's timeout (15000 at most).",
    ),
    ("ROADMAP_LANG", "The language of notes and labels, en or zh (as --lang)."),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The first one set that starts with zh chooses Simplified Chinese when neither --lang nor ROADMAP_LANG does.",
    ),
    ("COLUMNS", "The width of human formats, also in a pipe (80 when neither it nor a terminal gives one)."),
    ("NO_COLOR", "Non-empty: no colour, unless --color always."),
    ("CLICOLOR_FORCE", "Non-zero: colour even in a pipe, unless --color never or NO_COLOR."),
    ("TERM", "dumb: no colour."),
    (
        "XDG_STATE_HOME, XDG_CACHE_HOME, XDG_DATA_HOME",
        "Where the progress file, the cache of parsed catalogs and your own catalog live (under roadmap/).",
    ),
];

/// The files the program reads and writes.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_STATE_HOME/roadmap/progress.yaml",
        "Reading status and notes, written atomically under a lock (default of --state).",
    ),
    (
        "$XDG_DATA_HOME/roadmap/catalog.yaml",
        "Your own catalog: written by add, merged after the embedded catalog and before --catalog files.",
    ),
    (
        "$XDG_CACHE_HOME/roadmap/",
        "Parsed --catalog files, keyed by content, and when add last asked arXiv; safe to delete.",
    ),
];

/// The roff man page: the main page, each subcommand with its synopsis and options, then
/// the environment, files and exit status.
pub fn run() -> anyhow::Result<String> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    let failed = "cannot render the man page";
    man.render_title(&mut out).context(failed)?;
    man.render_name_section(&mut out).context(failed)?;
    man.render_synopsis_section(&mut out).context(failed)?;
    man.render_description_section(&mut out).context(failed)?;
    man.render_options_section(&mut out).context(failed)?;
    // Note: clap_mangen's own subcommand list points to roadmap-list(1) and the like,
    // pages that do not exist; the subcommands are described in this page instead.
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        let name = format!("roadmap {}", sub.get_name());
        let sub = sub.clone().name(name.clone()).bin_name(name.clone());
        let page = clap_mangen::Man::new(sub);
        writeln!(out, ".SH \"{}\"", name.to_uppercase()).context(failed)?;
        page.render_description_section(&mut out).context(failed)?;
        page.render_synopsis_section(&mut out).context(failed)?;
        page.render_options_section(&mut out).context(failed)?;
        page.render_extra_section(&mut out).context(failed)?;
    }
    section(&mut out, "ENVIRONMENT", ENVIRONMENT).context(failed)?;
    section(&mut out, "FILES", FILES).context(failed)?;
    let exit = [
        ("0", "Success (a closed pipe counts as success)."),
        (
            "1",
            "A runtime error: an unknown id, an invalid catalog or progress file, a browser or editor that failed; search with no match.",
        ),
        ("2", "A usage error: an unknown option or value, contradictory years."),
    ];
    section(&mut out, "EXIT STATUS", &exit).context(failed)?;
    man.render_version_section(&mut out).context(failed)?;
    String::from_utf8(out).context("the man page is not UTF-8")
}

/// A section of tagged paragraphs: each term in bold, its text below.
fn section(out: &mut Vec<u8>, title: &str, items: &[(&str, &str)]) -> std::io::Result<()> {
    writeln!(out, ".SH \"{title}\"")?;
    for (term, text) in items {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(term), roff(text))?;
    }
    Ok(())
}

/// Escapes text for roff: backslashes, and a leading dot or quote that would read as a request.
fn roff(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) { format!("\\&{text}") } else { text }
}

//! `roadmap`: a command-line browser for a curated reading roadmap of the LLM literature.
//!
//! Data flows one way: catalog files -> [`catalog`] (typed, validated) ->
//! [`query`] -> [`commands`] -> [`render`] -> [`output`].

pub mod add;
pub mod atomic;
pub mod browse;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod context;
pub mod draft;
pub mod import;
pub mod lang;
pub mod launch;
pub mod lineage;
pub mod net;
pub mod output;
pub mod progress;
pub mod query;
pub mod render;
pub mod settings;
pub mod subscription;
pub mod tally;
pub mod text;
pub mod words;

use cli::{Cli, Command, ImportOptions};
use context::{Context, Use};
use render::bibtex;
use settings::{Environment, Settings};

/// Runs one invocation (no command: the browser) and writes its data to stdout; `matches`
/// are the parsed arguments `cli` came from (they tell flags from environment variables).
pub fn run(cli: &Cli, matches: &clap::ArgMatches, environment: &Environment) -> anyhow::Result<()> {
    let settings = Settings::new(cli, matches, environment);
    for warning in &settings.warnings {
        output::warn(warning);
    }
    let bare = Command::Browse(cli::BrowseOptions::default());
    let text = execute(settings, cli.command.as_ref().unwrap_or(&bare))?;
    output::write_stdout(&text)?;
    Ok(())
}

/// Runs a command; only the commands that need the catalog and progress load them, so
/// `check`, `paths` and `man` work while a catalog is broken, and `completions` while
/// the progress file is.
fn execute(settings: Settings, command: &Command) -> anyhow::Result<String> {
    // Note: the context lives until the process exits, so it is leaked rather than freed
    // paper by paper: on the embedded catalog freeing it was a seventh of a run's work.
    let open = |settings: Settings, usage: Use| -> anyhow::Result<&'static Context> {
        let catalog = settings.load_catalog()?;
        Ok(Box::leak(Box::new(Context::new(catalog, settings, usage)?)))
    };
    let load = |settings: Settings| open(settings, Use::Read);
    let load_to_write = |settings: Settings| open(settings, Use::Write);
    match command {
        Command::Browse(options) => browse::run(load(settings)?, options),
        Command::Check { paths, fix_fingerprints } => commands::check::run(&settings, paths, *fix_fingerprints),
        Command::Paths { format } => commands::paths::run(&settings, *format),
        Command::Publish(publish) => run_publish(&settings, publish),
        Command::Add { reference, family, dry_run, no_edit } => {
            let options = add::Options { reference, family: family.as_deref(), dry_run: *dry_run, no_edit: *no_edit };
            add::run(&settings, &options)
        }
        Command::Man => commands::man::run(),
        Command::List { filters, sort, output } => {
            commands::list::run(load(settings)?, &filters.selection(), *sort, output)
        }
        Command::Show { id, format } => commands::show::run(load(settings)?, id, *format),
        Command::Open { ids, pdf, print } => commands::open::run(load(settings)?, ids, *pdf, *print),
        Command::Timeline { filters } => commands::timeline::run(load(settings)?, &filters.selection()),
        Command::Tree { filters } => commands::tree::run(load(settings)?, &filters.selection()),
        Command::Families { format } => commands::families::run(load(settings)?, *format),
        Command::Tags { format } => commands::tags::run(load(settings)?, *format),
        Command::Orgs { format } => commands::orgs::run(load(settings)?, *format),
        Command::Search { words, filters, output } => {
            commands::search::run(load(settings)?, words, &filters.selection(), output)
        }
        Command::Path { id, to, unread, output } => {
            commands::path::run(load(settings)?, id, to.as_deref(), *unread, output)
        }
        Command::Next { filters, output, limit } => {
            commands::next::run(load(settings)?, &filters.selection(), output, *limit)
        }
        Command::Plan(options) => commands::plan::run(load(settings)?, options),
        Command::Mark { ids, status } => commands::mark::run(load_to_write(settings)?, ids, *status),
        Command::Whatsnew { output } => commands::whatsnew::run(load_to_write(settings)?, output),
        Command::Import(ImportOptions { file, mark, dry_run }) => {
            // Note: a dry run writes nothing, so an unreadable progress file is only a warning for it.
            let context = if *dry_run { load(settings)? } else { load_to_write(settings)? };
            import::run(context, file, *mark, *dry_run)
        }
        Command::Note { id, text, file, edit, delete } => {
            let change = match (edit, delete) {
                (Some(number), _) => commands::note::Change::Edit(*number),
                (_, Some(number)) => commands::note::Change::Delete(*number),
                _ => commands::note::Change::Add,
            };
            let source = match file {
                Some(path) => commands::note::Source::File(path),
                None if text.is_empty() => commands::note::Source::Editor,
                None => commands::note::Source::Words(text),
            };
            commands::note::run(load_to_write(settings)?, id, source, change)
        }
        Command::Notes { id, format } => commands::notes::run(load(settings)?, id.as_deref(), *format),
        Command::Progress { format, bars, track } => {
            let bars = *bars || (format.is_none() && settings.stdout_is_terminal);
            commands::progress::run(load(settings)?, (!bars).then_some(*format), track.as_deref())
        }
        Command::Tracks { format } => commands::tracks::list(load(settings)?, *format),
        Command::Track { id, unread, format } => commands::tracks::show(load(settings)?, id, *unread, *format),
        Command::Graph { id, ancestors, descendants, depth, filters, format } => {
            let focus = id.as_deref().map(|id| commands::graph::Focus::new(id, *ancestors, *descendants, *depth));
            commands::graph::run(load(settings)?, focus, &filters.selection(), *format)
        }
        Command::Cite { ids, all: _, path, biblatex, filters } => {
            let style = if *biblatex { bibtex::Style::BibLaTeX } else { bibtex::Style::BibTeX };
            commands::cite::run(load(settings)?, ids, path.as_deref(), &filters.selection(), style)
        }
        Command::Export { format, output, notes, filters } => {
            let target = cli::ExportTarget::new(*format, output.as_deref()).map_err(anyhow::Error::msg)?;
            commands::export::run(load(settings)?, &target, *notes, &filters.selection())
        }
        Command::Completions { shell } => commands::completions::run(&settings.load_catalog()?, *shell),
    }
}

/// Publishing and following catalogs: none of them loads the catalogs the way other commands
/// do (`pack` checks its files, `update` each copy, over the layers beneath).
fn run_publish(settings: &Settings, publish: &cli::Publish) -> anyhow::Result<String> {
    use cli::Publish;
    match publish {
        Publish::Pack(options) => commands::pack::run(settings, options),
        Publish::Subscribe { url, key, name } => {
            commands::subscribe::subscribe(settings, url, key.as_deref(), name.as_deref())
        }
        Publish::Unsubscribe { name } => commands::subscribe::unsubscribe(settings, name),
        Publish::Subscriptions { format } => commands::subscribe::list(settings, *format),
        Publish::Update { names } => commands::update::run(settings, names),
    }
}

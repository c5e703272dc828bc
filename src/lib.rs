//! `roadmap`: a command-line browser for a curated reading roadmap of the LLM literature.
//!
//! Data flows one way: catalog files -> [`catalog`] (typed, validated) ->
//! [`query`] -> [`commands`] -> [`render`] -> [`output`].

pub mod catalog;
pub mod cli;
pub mod commands;
pub mod lineage;
pub mod output;
pub mod progress;
pub mod query;
pub mod render;
pub mod settings;

use cli::{Cli, Command};
use commands::Context;
use settings::Settings;

/// Runs one invocation and writes its data to stdout.
pub fn run(cli: &Cli) -> anyhow::Result<()> {
    let settings = Settings::new(cli);
    let text = match &cli.command {
        Command::Check { paths } => commands::check::run(&settings, paths)?,
        command => {
            let catalog = catalog::load(settings.include_default, &settings.catalogs)?;
            let context = Context::new(catalog, settings)?;
            dispatch(&context, command)?
        }
    };
    output::write_stdout(&text)?;
    Ok(())
}

fn dispatch(context: &Context, command: &Command) -> anyhow::Result<String> {
    match command {
        Command::List { filters, sort, format } => commands::list::run(context, filters, *sort, *format),
        Command::Show { id, format } => commands::show::run(context, id, *format),
        Command::Open { ids, pdf, print } => commands::open::run(context, ids, *pdf, *print),
        Command::Timeline { filters } => commands::timeline::run(context, filters),
        Command::Families { format } => commands::families::run(context, *format),
        Command::Search { words, filters, format } => commands::search::run(context, words, filters, *format),
        Command::Path { id, unread, format } => commands::path::run(context, id, *unread, *format),
        Command::Next { filters, format } => commands::next::run(context, filters, *format),
        Command::Mark { ids, status } => commands::mark::run(context, ids, *status),
        Command::Note { id, text } => commands::note::run(context, id, text),
        Command::Progress => commands::progress::run(context),
        Command::Graph { filters, format } => commands::graph::run(context, filters, *format),
        Command::Cite { ids, all, filters } => commands::cite::run(context, ids, *all, filters),
        Command::Check { paths } => commands::check::run(&context.settings, paths),
    }
}

//! The `roadmap` binary: parse, run, map errors to exit codes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use roadmap::cli::Cli;
use roadmap::settings::Environment;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    if cli.command.is_none() && !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        // Note: a bare `roadmap` browses only on a terminal; in a pipe or a script it is a usage error.
        let _ = write!(std::io::stderr(), "{}", Cli::command().render_help());
        return ExitCode::from(2);
    }
    if let Err(message) = cli.check() {
        Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit();
    }
    match roadmap::run(&cli, &matches, &Environment::of_process()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if roadmap::output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            roadmap::output::error(&error);
            ExitCode::FAILURE
        }
    }
}

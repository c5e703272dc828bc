//! The `roadmap` binary: parse, run, map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use roadmap::cli::Cli;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    if let Err(message) = cli.check() {
        Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit();
    }
    match roadmap::run(&cli, &matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if roadmap::output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

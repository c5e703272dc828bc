//! `roadmap completions`: shell completion scripts that also complete paper ids and families.

use anyhow::Context as _;
use clap::builder::PossibleValuesParser;
use clap::{Arg, CommandFactory};

use crate::catalog::Catalog;
use crate::cli::Cli;

/// Arguments that take paper ids.
const PAPER_ARGUMENTS: &[&str] = &["id", "ids"];

/// The completion script for `shell`, with the active catalog's ids and family names baked in.
///
/// Note: the parser itself accepts any text for ids (aliases, prefixes, `GPT3`); only the
/// copy of the command given to clap_complete lists the exact ids as possible values.
pub fn run(catalog: &Catalog, shell: clap_complete::Shell) -> anyhow::Result<String> {
    let ids: Vec<String> = catalog.papers.iter().map(|paper| paper.id.clone()).collect();
    let families: Vec<String> = catalog.families.iter().map(|family| family.id.clone()).collect();
    let with_values = |argument: Arg| -> Arg {
        let id = argument.get_id().as_str();
        let values = if id == "family" {
            &families
        } else if PAPER_ARGUMENTS.contains(&id) {
            &ids
        } else {
            return argument;
        };
        argument.value_parser(PossibleValuesParser::new(values.clone()))
    };
    let mut command = Cli::command();
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        // Note: mut_args edits arguments in place; mut_arg would re-add them and
        // reorder the positionals.
        command = command.mut_subcommand(name, |sub| sub.mut_args(with_values));
    }
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "roadmap", &mut out);
    String::from_utf8(out).context("the completion script is not UTF-8")
}

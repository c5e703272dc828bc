//! `roadmap completions`: shell completion scripts that also complete paper ids and families.

use anyhow::Context as _;
use clap::builder::PossibleValuesParser;
use clap::{Arg, CommandFactory};

use crate::catalog::Catalog;
use crate::cli::Cli;

/// Arguments that take paper ids.
const PAPER_ARGUMENTS: &[&str] = &["id", "ids"];

/// The completion script for `shell`, with the active catalogs' ids (overlays included),
/// family names and tags baked in.
///
/// Note: the parser itself accepts any text for ids (aliases, prefixes, `GPT3`); only the
/// copy of the command given to clap_complete lists the exact ids as possible values.
pub fn run(catalog: &Catalog, shell: clap_complete::Shell) -> anyhow::Result<String> {
    let ids: Vec<String> = catalog.papers.iter().map(|paper| paper.id.clone()).collect();
    let families: Vec<String> = catalog.families.iter().map(|family| family.id.clone()).collect();
    let mut tags: Vec<String> = catalog
        .tags
        .iter()
        .flat_map(|tag| std::iter::once(&tag.id).chain(&tag.aliases))
        .chain(catalog.papers.iter().flat_map(|paper| &paper.tags))
        .cloned()
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let tracks: Vec<String> = catalog.tracks.iter().map(|track| track.id.clone()).collect();
    let with_values = |subcommand: &str, argument: Arg| -> Arg {
        let id = argument.get_id().as_str();
        let values = match id {
            "family" => &families,
            "tag" => &tags,
            "track" => &tracks,
            // Note: `roadmap track ID` takes a track's id, every other ID a paper's.
            "id" if subcommand == "track" => &tracks,
            _ if PAPER_ARGUMENTS.contains(&id) => &ids,
            _ => return argument,
        };
        argument.value_parser(PossibleValuesParser::new(values.clone()))
    };
    let mut command = Cli::command();
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        // Note: mut_args edits arguments in place; mut_arg would re-add them and
        // reorder the positionals.
        command = command.mut_subcommand(&name, |sub| sub.mut_args(|argument| with_values(&name, argument)));
    }
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "roadmap", &mut out);
    String::from_utf8(out).context("the completion script is not UTF-8")
}

//! `roadmap man`: the man page, generated from the command-line definition.

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::Cli;

/// The roff man page: the main page, then a section per subcommand with its synopsis and options.
pub fn run() -> anyhow::Result<String> {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out).context("cannot render the man page")?;
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        let name = format!("roadmap {}", sub.get_name());
        let sub = sub.clone().name(name.clone()).bin_name(name.clone());
        let page = clap_mangen::Man::new(sub);
        out.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        page.render_description_section(&mut out).context("cannot render the man page")?;
        page.render_synopsis_section(&mut out).context("cannot render the man page")?;
        page.render_options_section(&mut out).context("cannot render the man page")?;
        page.render_extra_section(&mut out).context("cannot render the man page")?;
    }
    String::from_utf8(out).context("the man page is not UTF-8")
}

//! The whole command-line surface: every subcommand, option and help text.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalog::Branch;
use crate::progress::Status;

/// Browse a curated reading roadmap of the large-language-model literature.
///
/// The catalog (Transformer, BERT, GPT, LLaMA, T5, LoRA, chain-of-thought and
/// what came after) is compiled in; add your own papers with --catalog.
#[derive(Debug, Parser)]
#[command(name = "roadmap", version, max_term_width = 100)]
#[command(after_help = "Examples:\n  roadmap list --family bert\n  roadmap show gpt-3\n  roadmap open gpt-3 --pdf")]
pub struct Cli {
    /// A catalog file merged over the embedded one (repeatable; later files win).
    #[arg(long = "catalog", global = true, value_name = "PATH", env = "ROADMAP_CATALOG", value_delimiter = ':')]
    pub catalogs: Vec<PathBuf>,

    /// The progress file [default: $XDG_STATE_HOME/roadmap/progress.yaml].
    #[arg(long, global = true, value_name = "PATH", env = "ROADMAP_STATE")]
    pub state: Option<PathBuf>,

    /// Leave out the embedded catalog: use only --catalog files.
    #[arg(long, global = true)]
    pub no_default: bool,

    /// When to colour the output.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Refuses combinations of options that clap cannot see are contradictory.
    pub fn check(&self) -> Result<(), String> {
        match &self.command {
            Command::List { filters, .. }
            | Command::Timeline { filters }
            | Command::Tree { filters }
            | Command::Search { filters, .. }
            | Command::Next { filters, .. }
            | Command::Graph { filters, .. }
            | Command::Cite { filters, .. }
            | Command::Export { filters, .. } => filters.check(),
            _ => Ok(()),
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List papers, oldest first.
    #[command(
        after_help = "Examples:\n  roadmap list --family bert\n  roadmap list --year 2019..2021 --branch decoder\n  roadmap list --tag alignment --format ids"
    )]
    List {
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
        /// Order of the rows.
        #[arg(long, default_value = "year")]
        sort: SortKey,
        /// Output format (default: table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Show one paper as a card: links, contribution, what to focus on, lineage.
    #[command(after_help = "Examples:\n  roadmap show bert\n  roadmap show GPT3\n  roadmap show lora --format json")]
    Show {
        /// Paper id, alias, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// Output format.
        #[arg(long, short, default_value = "card")]
        format: CardFormat,
    },
    /// Open papers in the browser ($BROWSER when set).
    #[command(
        after_help = "Examples:\n  roadmap open gpt-3\n  roadmap open bert roberta --pdf\n  roadmap open lora --print"
    )]
    Open {
        /// Paper ids, aliases, or unique prefixes.
        #[arg(required = true, value_parser = non_empty)]
        ids: Vec<String>,
        /// Open the PDF instead of the abstract page.
        #[arg(long)]
        pdf: bool,
        /// Print the URLs instead of opening them.
        #[arg(long)]
        print: bool,
    },
    /// Papers by year, month by month, coloured by branch.
    #[command(after_help = "Examples:\n  roadmap timeline\n  roadmap timeline --since 2022 --branch decoder")]
    Timeline {
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// The evolutionary tree: years as rows (oldest at the top), branches as columns.
    ///
    /// Each paper is its id in its branch's column at its year, coloured by family, with a
    /// check mark when read. Below 100 columns the branches merge into three columns, below
    /// 64 into one; the width is the terminal's, or COLUMNS.
    #[command(
        after_help = "Examples:\n  roadmap tree\n  roadmap tree --since 2020 --branch decoder\n  COLUMNS=160 roadmap tree | less -R"
    )]
    Tree {
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// Families with their branch, paper count and years.
    #[command(after_help = "Examples:\n  roadmap families\n  roadmap families --format json")]
    Families {
        /// Output format (default: table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Search titles, ids, authors, contributions and focus notes, best match first.
    #[command(
        after_help = "Examples:\n  roadmap search \"knowledge distillation\"\n  roadmap search attention --since 2020\n  roadmap search rlhf --format ids"
    )]
    Search {
        /// Words to look for (case and punctuation ignored; every word must match).
        #[arg(required = true, num_args = 1.., value_name = "QUERY", value_parser = non_empty)]
        words: Vec<String>,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
        /// Output format (default: table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Everything to read before a paper, in a valid reading order, then the paper.
    #[command(
        after_help = "Examples:\n  roadmap path gpt-4\n  roadmap path llama-2 --unread\n  roadmap path lora --format ids"
    )]
    Path {
        /// Paper id, alias, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// Leave out papers already read.
        #[arg(long)]
        unread: bool,
        /// Output format (default: a numbered table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Papers not yet read whose prerequisites are all read, oldest first.
    #[command(
        after_help = "Examples:\n  roadmap next\n  roadmap next --branch decoder\n  roadmap next --format ids | head -1 | xargs roadmap open"
    )]
    Next {
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
        /// Output format (default: table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Record reading progress: `mark ID... read|reading|unread`.
    #[command(
        after_help = "Examples:\n  roadmap mark transformer read\n  roadmap mark bert roberta reading\n  roadmap mark bert unread"
    )]
    Mark {
        /// Paper ids, aliases, or unique prefixes.
        #[arg(required = true, num_args = 1.., value_parser = non_empty)]
        ids: Vec<String>,
        /// The new status.
        #[arg(required = true)]
        status: Status,
    },
    /// Add a dated note to a paper (without TEXT, write it in $EDITOR).
    #[command(after_help = "Examples:\n  roadmap note bert \"re-read section 3.1 on masking\"\n  roadmap note lora")]
    Note {
        /// Paper id, alias, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// The note (several words are joined with spaces).
        text: Vec<String>,
    },
    /// Reading progress: a bar per family and the total.
    #[command(after_help = "Examples:\n  roadmap progress\n  roadmap mark bert read && roadmap progress")]
    Progress,
    /// The lineage graph in Graphviz DOT or Mermaid, families as clusters.
    #[command(
        after_help = "Examples:\n  roadmap graph | dot -Tsvg > roadmap.svg\n  roadmap graph --family gpt,llama --format mermaid\n  roadmap graph --since 2022 | dot -Tpng > recent.png"
    )]
    Graph {
        /// Which papers (edges between papers left out are dropped).
        #[command(flatten)]
        filters: Filters,
        /// Graph language.
        #[arg(long, short, default_value = "dot")]
        format: GraphFormat,
    },
    /// BibTeX entries, in the shape of arXiv's own export.
    #[command(
        after_help = "Examples:\n  roadmap cite bert\n  roadmap cite gpt-3 instructgpt >> refs.bib\n  roadmap cite --all --status read > read.bib"
    )]
    Cite {
        /// Paper ids, aliases, or unique prefixes.
        #[arg(required_unless_present = "all", conflicts_with = "all", value_parser = non_empty)]
        ids: Vec<String>,
        /// Every paper that passes the filters.
        #[arg(long)]
        all: bool,
        /// Which papers, with --all.
        #[command(flatten)]
        filters: Filters,
    },
    /// A self-contained HTML roadmap page: the tree, a filterable table, cards, progress.
    #[command(
        after_help = "Examples:\n  roadmap export --format html -o roadmap.html\n  roadmap export --family gpt,llama > decoders.html"
    )]
    Export {
        /// Page format.
        #[arg(long, short, default_value = "html")]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// Validate catalogs and list every problem (default: the active catalogs).
    #[command(
        after_help = "Examples:\n  roadmap check\n  roadmap check my-papers.yaml\n  roadmap --no-default check base.yaml overlay.yaml"
    )]
    Check {
        /// Catalog files, checked together in order over the embedded one (unless --no-default).
        paths: Vec<PathBuf>,
    },
    /// Where the catalogs, the progress file and the cache are, and why.
    #[command(after_help = "Examples:\n  roadmap paths\n  ROADMAP_STATE=/tmp/p.yaml roadmap paths --format json")]
    Paths {
        /// Output format (default: table on a terminal, plain when piped).
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Print a shell completion script (paper ids and family names complete too).
    #[command(
        after_help = "Examples:\n  source <(roadmap completions bash)\n  roadmap completions zsh > ~/.zfunc/_roadmap\n  roadmap completions fish > ~/.config/fish/completions/roadmap.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), subcommands included.
    #[command(after_help = "Examples:\n  roadmap man | man -l -\n  roadmap man > /usr/local/share/man/man1/roadmap.1")]
    Man,
}

/// Filters shared by every listing command.
#[derive(Debug, Default, Args)]
pub struct Filters {
    /// Only these families (repeatable, or a comma-separated list).
    #[arg(long, value_delimiter = ',', value_name = "FAMILY")]
    pub family: Vec<String>,
    /// Only this branch.
    #[arg(long, value_name = "BRANCH")]
    pub branch: Option<BranchArg>,
    /// Only this year (2019) or range of years (2019..2021, 2022.., ..2018).
    #[arg(long, value_name = "YEAR[..YEAR]", value_parser = parse_years)]
    pub year: Option<RangeInclusive<u16>>,
    /// Only papers from this year on.
    #[arg(long, value_name = "YEAR")]
    pub since: Option<u16>,
    /// Only papers up to this year.
    #[arg(long, value_name = "YEAR")]
    pub until: Option<u16>,
    /// Only papers with this tag (repeatable: all must match).
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only papers whose organisation contains this text.
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Only papers whose text has words starting with every word of this query.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Only papers with this reading status.
    #[arg(long, value_name = "STATUS")]
    pub status: Option<Status>,
}

impl Filters {
    /// The years selected by `--year`, `--since` and `--until` together, if any.
    pub fn years(&self) -> Option<RangeInclusive<u16>> {
        if self.year.is_none() && self.since.is_none() && self.until.is_none() {
            return None;
        }
        let (start, end) = self.year.as_ref().map_or((0, u16::MAX), |years| (*years.start(), *years.end()));
        Some(start.max(self.since.unwrap_or(0))..=end.min(self.until.unwrap_or(u16::MAX)))
    }

    /// Refuses contradictory options (a usage error).
    pub fn check(&self) -> Result<(), String> {
        match (self.since, self.until) {
            (Some(since), Some(until)) if since > until => Err(format!("--since {since} is after --until {until}")),
            _ => Ok(()),
        }
    }
}

/// The branch names accepted on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BranchArg {
    /// The roots and the Transformer itself.
    Foundation,
    /// Encoder-only models.
    Encoder,
    /// Encoder-decoder models.
    EncoderDecoder,
    /// Decoder-only models.
    Decoder,
    /// Techniques that cut across architectures.
    Technique,
}

impl From<BranchArg> for Branch {
    fn from(branch: BranchArg) -> Branch {
        match branch {
            BranchArg::Foundation => Branch::Foundation,
            BranchArg::Encoder => Branch::Encoder,
            BranchArg::EncoderDecoder => Branch::EncoderDecoder,
            BranchArg::Decoder => Branch::Decoder,
            BranchArg::Technique => Branch::Technique,
        }
    }
}

/// Orders for `list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// Oldest first (month within the year).
    Year,
    /// Alphabetical by title.
    Title,
    /// By family, oldest first within each.
    Family,
}

/// Formats of listing commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table that fits the terminal.
    Table,
    /// Tab-separated values, no header.
    Plain,
    /// A JSON array of objects.
    Json,
    /// Comma-separated values with a header.
    Csv,
    /// A Markdown table.
    Markdown,
    /// One id a line.
    Ids,
}

/// Formats of `show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// A card for reading in the terminal.
    Card,
    /// A JSON object.
    Json,
    /// A Markdown section.
    Markdown,
}

/// Formats of `graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
    /// A Mermaid flowchart (renders in GitHub Markdown).
    Mermaid,
}

/// Formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One HTML file with inline CSS, SVG and a little JS; no network requests.
    Html,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal; a non-empty NO_COLOR turns it off, CLICOLOR_FORCE on, TERM=dumb off.
    Auto,
    /// Always, even in a pipe.
    Always,
    /// Never.
    Never,
}

/// `2019` or `2019..2021`; a reversed range is a usage error.
fn parse_years(text: &str) -> Result<RangeInclusive<u16>, String> {
    let year = |part: &str| {
        part.trim().parse::<u16>().map_err(|_| format!("'{part}' is not a year (expected e.g. 2019 or 2019..2021)"))
    };
    match text.split_once("..") {
        None => year(text).map(|single| single..=single),
        Some((start, end)) => {
            let start = if start.trim().is_empty() { 0 } else { year(start)? };
            let end = if end.trim().is_empty() { u16::MAX } else { year(end)? };
            if start > end {
                return Err(format!("the range {start}..{end} is reversed; did you mean {end}..{start}?"));
            }
            Ok(start..=end)
        }
    }
}

/// Refuses empty ids before any lookup.
fn non_empty(text: &str) -> Result<String, String> {
    if text.trim().is_empty() { Err("an id cannot be empty".to_owned()) } else { Ok(text.to_owned()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn year_ranges_parse_and_reversed_ones_are_refused() {
        assert_eq!(parse_years("2019"), Ok(2019..=2019));
        assert_eq!(parse_years("2019..2021"), Ok(2019..=2021));
        assert_eq!(parse_years("2022.."), Ok(2022..=u16::MAX));
        assert_eq!(parse_years("..2018"), Ok(0..=2018));
        assert!(parse_years("2021..2019").is_err());
        assert!(parse_years("twenty").is_err());
    }

    #[test]
    fn branch_arguments_match_catalog_branches() {
        for (argument, branch) in BranchArg::value_variants().iter().zip(Branch::ALL) {
            assert_eq!(Branch::from(*argument), branch);
            assert_eq!(
                argument.to_possible_value().map(|value| value.get_name().to_owned()),
                Some(branch.as_str().to_owned())
            );
        }
    }
}

//! The subcommands: each one's arguments and help text.

use std::path::PathBuf;

use clap::Subcommand;

use super::values::{non_empty, note_number};
use super::{BrowseOptions, Filters, ImportOptions, ListOutput, PlanOptions};
use crate::progress::Status;
use crate::query::SortKey;
use crate::render::{CardFormat, ExportFormat, GraphFormat, ListFormat};

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Browse full-screen: the papers beside the selected one's card (`?` shows the keys).
    #[command(after_help = "Keys: j/k move, / search, o open, p PDF, m mark, n note, b/a lineage, P path, t track, \
                      f family, ? all keys, q quit.\n\nA bare `roadmap` on a terminal browses too.\n\n\
                      Examples:\n  roadmap browse\n  roadmap browse --track encoders\n  \
                      roadmap browse --family bert --paper roberta\n  roadmap browse flash attention\n  \
                      roadmap --lang zh")]
    Browse(BrowseOptions),
    /// List papers, oldest first.
    #[command(
        after_help = "Examples:\n  roadmap list --family bert\n  roadmap list --year 2019..2021 --branch decoder\n  roadmap list --tag alignment --format ids"
    )]
    List {
        /// Order of the rows.
        #[arg(long, default_value = "year")]
        sort: SortKey,
        #[command(flatten)]
        output: ListOutput,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// Show one paper as a card: links, contribution, what to focus on, lineage.
    #[command(after_help = "Examples:\n  roadmap show bert\n  roadmap show GPT3\n  roadmap show lora --format json")]
    Show {
        /// Paper id, alias, arXiv id, DOI or link, full title, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// Output format.
        #[arg(long, short, default_value = "card")]
        format: CardFormat,
    },
    /// Open papers in the browser ($BROWSER when set; a paper without a PDF opens its page).
    #[command(
        after_help = "Examples:\n  roadmap open gpt-3\n  roadmap open bert roberta --pdf\n  roadmap open lora --print"
    )]
    Open {
        /// Paper ids, aliases, arXiv ids, DOIs or links, full titles, or unique prefixes.
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
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// The tags papers carry, with their aliases and paper counts, most used first.
    #[command(after_help = "Examples:\n  roadmap tags\n  roadmap tags --format ids\n  roadmap list --tag moe")]
    Tags {
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// The curated reading tracks, with how much of each you have read.
    #[command(after_help = "Examples:\n  roadmap tracks\n  roadmap tracks --format json\n  roadmap track original")]
    Tracks {
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// One track's papers in reading order, with your status and why each is there.
    #[command(
        after_help = "Examples:\n  roadmap track original\n  roadmap track alignment --unread\n  roadmap track reasoning --format ids | head -1 | xargs roadmap open"
    )]
    Track {
        /// The track's id (`roadmap tracks` lists them).
        #[arg(value_parser = non_empty)]
        id: String,
        /// Leave out papers already read.
        #[arg(long)]
        unread: bool,
        /// Output format [default: a reading list on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// The organisations behind the papers, with paper counts, most papers first.
    #[command(after_help = "Examples:\n  roadmap orgs\n  roadmap list --org deepmind")]
    Orgs {
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Search ids, titles, tags, authors, text, notes and Chinese; best first, with where.
    #[command(
        after_help = "The same search as the browser's / and the page's filter. Every word must match; fzf's marks \
                      work as in fzf: 'exact, 'whole', ^start, end$, !not, and a | b for either. Ids are \
                      forgiving (gpt3, flashattn), and a Chinese word finds papers in any language.\n\n\
                      Examples:\n  roadmap search \"knowledge distillation\"\n  roadmap search attention --since 2020\n  \
                      roadmap search encoder '!bert' --format ids\n  roadmap search 长上下文"
    )]
    Search {
        /// Words to look for, with fzf's marks if you like (case ignored; every word must match).
        #[arg(required = true, num_args = 1.., value_name = "QUERY", value_parser = non_empty)]
        words: Vec<String>,
        #[command(flatten)]
        output: ListOutput,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// Everything to read before a paper, in reading order (or from one paper to another).
    #[command(
        after_help = "Examples:\n  roadmap path gpt-4\n  roadmap path llama-2 --unread\n  roadmap path lora --format ids\n  roadmap path transformer llama"
    )]
    Path {
        /// Paper id, alias, arXiv id, DOI or link, full title, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// Only the way from ID to this later paper: the papers between them in the lineage.
        #[arg(value_name = "TO", value_parser = non_empty)]
        to: Option<String>,
        /// Leave out papers already read.
        #[arg(long)]
        unread: bool,
        #[command(flatten)]
        output: ListOutput,
    },
    /// What to read now, best first, each with why (papers whose prerequisites are read).
    ///
    /// First the next steps of the tracks you have started (with nothing read, the track
    /// that starts at the roots: foundations), then the papers that unlock the most, then the
    /// oldest. With --track, that track's next steps in its order.
    #[command(
        after_help = "Examples:\n  roadmap next\n  roadmap next --track reasoning\n  roadmap next --branch decoder --limit 3\n  roadmap next --format ids | head -1 | xargs roadmap open"
    )]
    Next {
        /// At most N papers (0: all) [default: 10 on a terminal, all in a pipe].
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        output: ListOutput,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    /// Pace a track: its unread steps, N a week, each with a date (prerequisites first).
    #[command(after_help = "Papers read or skipped are left out, so running it again after `mark` plans from \
                      today what is left.\n\n\
                      Examples:\n  roadmap plan foundations --per-week 3\n  \
                      roadmap plan reasoning --per-week 2 --start 2026-05-04 --format json\n  \
                      roadmap plan alignment --per-week 3 --format ics > alignment.ics")]
    Plan(PlanOptions),
    /// Record reading progress: `mark ID... read|reading|skipped|unread`.
    #[command(
        after_help = "Examples:\n  roadmap mark transformer read\n  roadmap mark bert roberta reading\n  roadmap mark elmo skipped\n  roadmap mark bert unread"
    )]
    Mark {
        /// Paper ids, aliases, arXiv ids, DOIs or links, full titles, or unique prefixes (a repeated one counts once).
        #[arg(required = true, num_args = 1.., value_parser = non_empty)]
        ids: Vec<String>,
        /// The new status (any case).
        #[arg(required = true, ignore_case = true)]
        status: Status,
    },
    /// Add an arXiv paper to your own catalog: arXiv's metadata, your words in the editor.
    ///
    /// The title, authors, year, arXiv id and category come from arXiv; $VISUAL or $EDITOR
    /// opens for the contribution, focus, family and builds_on, and the entry is saved only
    /// once it passes `roadmap check`. Your catalog is a file in the platform's data
    /// directory (`roadmap paths` shows it), merged after the embedded catalog. A paper that
    /// is already in a catalog is not added twice.
    #[command(after_help = "arXiv asks for one request every 3 seconds: a second `add` in a row waits. \
                      ROADMAP_ARXIV_API points at another copy of arXiv's API (a mirror).\n\n\
                      Examples:\n  roadmap add 2305.18290 --family alignment\n  \
                      roadmap add https://arxiv.org/abs/2305.18290v3\n  \
                      roadmap add 2305.18290 --family alignment --no-edit\n  \
                      roadmap add 2305.18290 --dry-run")]
    Add {
        /// arXiv id or link (`2305.18290`, `arXiv:2305.18290v2`, an arxiv.org, Hugging Face or
        /// alphaXiv link, arXiv's DOI).
        #[arg(value_name = "ID|URL", value_parser = non_empty)]
        reference: String,
        /// The family the paper belongs to (`roadmap families` lists them).
        #[arg(long, value_name = "F")]
        family: Option<String>,
        /// Print the entry as YAML; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Save a draft without opening the editor: the abstract as its contribution, marked
        /// `draft: true` so `roadmap check` reminds you to finish it (needs --family).
        #[arg(long, requires = "family")]
        no_edit: bool,
    },
    /// Mark a Zotero library's papers read, or merge the page's progress file
    ///
    /// A BibTeX, BibLaTeX or CSL-JSON library (a Zotero export), or a progress file (the
    /// exported page's "Download my progress").
    #[command(after_help = "A progress file (.yaml, or opening with `version:`) is merged: a paper it leaves out or \
                      unread keeps your mark; its mark is taken when yours is unread or older than its date (an undated \
                      mark never replaces yours); --mark does not apply, and what changed is listed.\n\n\
                      Entries match papers by arXiv id (eprint, a link to arxiv.org, huggingface.co/papers \
                      or alphaxiv.org, or the DOI 10.48550/arXiv.ID in any case, versions ignored), then by DOI, then by title. A paper already read \
                      stays read. All matched papers are marked in one write.\n\n\
                      Examples:\n  roadmap import my-library.bib\n  roadmap import zotero.json --mark reading\n  \
                      roadmap import my-library.bib --dry-run\n  roadmap import roadmap-progress.yaml")]
    Import(ImportOptions),
    /// The papers added to the catalogs since you last asked, newest first.
    #[command(after_help = "The first run records every paper as seen and lists nothing; later runs list the papers \
                      added since (by an update of roadmap or a catalog of yours) and record them too.\n\n\
                      Examples:\n  roadmap whatsnew\n  roadmap whatsnew --format ids")]
    Whatsnew {
        #[command(flatten)]
        output: ListOutput,
    },
    /// Add a dated note to a paper, or change one (no TEXT: write it in your editor).
    ///
    /// Notes are kept verbatim, line breaks, Markdown and `#` lines included.
    #[command(
        after_help = "Examples:\n  roadmap note bert \"re-read section 3.1 on masking\"\n  roadmap note lora\n  roadmap note lora --edit 2\n  roadmap note lora --delete 1"
    )]
    Note {
        /// Paper id, alias, arXiv id, DOI or link, full title, or unique prefix.
        #[arg(value_parser = non_empty)]
        id: String,
        /// The note (several words are joined with spaces).
        text: Vec<String>,
        /// Take the note from this file (a kept draft, or any text; `-` is not read).
        #[arg(long, value_name = "PATH", conflicts_with_all = ["text", "delete"])]
        file: Option<std::path::PathBuf>,
        /// Replace note N (as numbered by `roadmap notes ID`) with TEXT, or edit it in the editor.
        #[arg(long, value_name = "N", conflicts_with = "delete", value_parser = note_number)]
        edit: Option<usize>,
        /// Delete note N (as numbered by `roadmap notes ID`).
        #[arg(long, value_name = "N", value_parser = note_number)]
        delete: Option<usize>,
    },
    /// Your notes, on one paper or on all, oldest first, numbered per paper.
    #[command(after_help = "Examples:\n  roadmap notes\n  roadmap notes lora\n  roadmap notes --format json")]
    Notes {
        /// Only this paper's notes (its id, alias, arXiv id, DOI or link, full title, or
        /// unique prefix).
        #[arg(value_parser = non_empty)]
        id: Option<String>,
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Reading progress: a bar per family and the total.
    #[command(
        after_help = "Examples:\n  roadmap progress\n  roadmap progress --track original\n  roadmap progress --format json"
    )]
    Progress {
        /// Output format [default: bars on a terminal, plain when piped]; `table` is an
        /// aligned table of the counts.
        #[arg(long, short, conflicts_with = "bars")]
        format: Option<ListFormat>,
        /// Bars with a legend, even in a pipe.
        #[arg(long)]
        bars: bool,
        /// Only the papers of this reading track.
        #[arg(long, value_name = "TRACK")]
        track: Option<String>,
    },
    /// The lineage graph in Graphviz DOT or Mermaid, families as clusters.
    #[command(
        after_help = "Examples:\n  roadmap graph | dot -Tsvg > roadmap.svg\n  roadmap graph --family gpt,llama --format mermaid\n  roadmap graph --since 2022 | dot -Tpng > recent.png\n  roadmap graph llama --ancestors --depth 2 | dot -Tsvg > llama.svg\n  roadmap graph lora --descendants --format mermaid"
    )]
    Graph {
        /// Only this paper's lineage: what it builds on and what builds on it (its id, alias,
        /// arXiv id, DOI or link, full title, or unique prefix).
        #[arg(value_name = "ID", value_parser = non_empty)]
        id: Option<String>,
        /// With ID: only what it builds on.
        #[arg(long, requires = "id")]
        ancestors: bool,
        /// With ID: only what builds on it.
        #[arg(long, requires = "id")]
        descendants: bool,
        /// With ID: at most this many steps away.
        #[arg(long, value_name = "N", requires = "id")]
        depth: Option<usize>,
        /// Graph language.
        #[arg(long, short, default_value = "dot")]
        format: GraphFormat,
        /// Which papers (edges between papers left out are dropped).
        #[command(flatten)]
        filters: Filters,
    },
    /// BibTeX entries, in the shape of arXiv's own export.
    #[command(
        after_help = "Examples:\n  roadmap cite bert\n  roadmap cite gpt-3 instructgpt >> refs.bib\n  roadmap cite --track alignment > alignment.bib\n  roadmap cite --path llama --biblatex\n  roadmap cite --status read > read.bib"
    )]
    Cite {
        /// Paper ids, aliases, arXiv ids, DOIs or links, full titles, or unique prefixes.
        #[arg(conflicts_with_all = ["all", "path"], value_parser = non_empty)]
        ids: Vec<String>,
        /// Every paper (that passes the filters, if any are given).
        #[arg(long, conflicts_with = "path")]
        all: bool,
        /// The reading path to this paper: all it builds on, in reading order, then the paper.
        #[arg(long, value_name = "ID", value_parser = non_empty)]
        path: Option<String>,
        /// BibLaTeX `@online` entries (with `eprinttype`) instead of BibTeX `@misc`.
        #[arg(long)]
        biblatex: bool,
        /// Which papers: alone, or with --all or --path.
        #[command(flatten)]
        filters: Filters,
    },
    /// A self-contained HTML roadmap page: the tree, a filterable table, cards, progress.
    #[command(
        after_help = "Examples:\n  roadmap export --format html -o roadmap.html\n  roadmap export --family gpt,llama > decoders.html\n  roadmap export --format notes -o ~/vault/roadmap --track alignment"
    )]
    Export {
        /// Page format (`notes`: one Markdown note per paper, into the directory -o names).
        #[arg(long, short, default_value = "html")]
        format: ExportFormat,
        /// Write to this file (written whole or not at all) instead of stdout; `-` is stdout.
        /// With `--format notes`, the directory the notes go to.
        #[arg(long, short, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
        /// Put your own notes on the page too (left out of a page by default: it is for
        /// sharing; Markdown notes always carry them).
        #[arg(long)]
        notes: bool,
        /// Which papers.
        #[command(flatten)]
        filters: Filters,
    },
    #[command(flatten)]
    Publish(super::Publish),
    /// Validate catalogs and list every problem (default: the active catalogs).
    #[command(
        after_help = "Examples:\n  roadmap check\n  roadmap check my-papers.yaml\n  roadmap --no-default check base.yaml overlay.yaml\n  roadmap --no-default check --fix-fingerprints data/catalog.yaml data/tracks.yaml data/lang/zh.yaml"
    )]
    Check {
        /// Catalog files, checked together in order over the embedded one (unless --no-default).
        paths: Vec<PathBuf>,
        /// Record in the translation files among PATHS the fingerprint of the English each
        /// entry translates, once its Chinese says what the English says.
        #[arg(long, requires = "paths")]
        fix_fingerprints: bool,
    },
    /// Where the catalogs, the progress file and the cache are, and why.
    #[command(after_help = "Examples:\n  roadmap paths\n  ROADMAP_STATE=/tmp/p.yaml roadmap paths --format json")]
    Paths {
        /// Output format [default: table on a terminal, plain when piped].
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

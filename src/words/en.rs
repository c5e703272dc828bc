//! English.

use super::{Browse, Card, Header, KeyHelp, Next, Page, Tree, Words};
use crate::catalog::Branch;
use crate::progress::Status;
use crate::query::search::Field;

pub(super) static WORDS: Words = Words {
    header,
    // Note: the fields' machine names are English already, but for the ones a person reads
    // better in words.
    field: |field| match field {
        Field::Note => "your note",
        Field::ContributionZh | Field::ContributionZhTw => "Chinese contribution",
        Field::FocusZh | Field::FocusZhTw => "Chinese focus",
        other => other.name(),
    },
    found: "found in",
    status: |status| match status {
        Status::Unread => "unread",
        Status::Reading => "reading",
        Status::Read => "read",
        Status::Skipped => "skipped",
    },
    branch: |branch| match branch {
        Branch::Foundation => "foundation",
        Branch::Encoder => "encoder",
        Branch::EncoderDecoder => "encoder-decoder",
        Branch::Decoder => "decoder",
        Branch::Technique => "technique",
    },
    card: Card {
        contribution: "Contribution",
        focus: "Focus",
        builds_on: "Builds on",
        built_upon_by: "Built upon by",
        notes: "Notes",
        status: "status",
        authors: "authors",
        org: "org",
        venue: "venue",
        abstract_page: "abstract",
        pdf: "pdf",
        code: "code",
        aliases: "aliases",
        tags: "tags",
    },
    tree: Tree {
        year: "year",
        papers: "papers",
        merged_branches: ["foundation/technique", "encoder/enc-dec", "decoder"],
    },
    legend: "█ read  ▒ reading  ░ unread  · skipped",
    total: "total",
    read_of: |read, total| format!("{read} of {total} read"),
    step_of: |step, total| format!("step {step} of {total}"),
    page: Page {
        title: "LLM reading roadmap",
        summary: |papers, families, [read, reading, skipped]| {
            let skipped = if skipped > 0 { format!(" · {skipped} skipped") } else { String::new() };
            format!(
                "{papers} {} in {families} {} · {read} read · {reading} reading{skipped}",
                if papers == 1 { "paper" } else { "papers" },
                if families == 1 { "family" } else { "families" }
            )
        },
        sections: ["Evolutionary tree", "Papers", "Cards", "Progress"],
        tree_hint: "Years run down, branches across. Click a paper, or Tab to it and press Enter, to follow its \
                    lineage: dark lines lead to what it builds on, blue lines to what builds on it. Esc clears.",
        tree_title: |papers, first, last| {
            format!("Evolutionary tree of {papers} {}, {first} to {last}", if papers == 1 { "paper" } else { "papers" })
        },
        indirect: "through papers not shown",
        filter_placeholder: "Filter by id, title, author, tag…",
        filter_label: "Filter papers",
        track_label: "Reading track",
        all_papers: "All papers",
        step: |step| format!("Step {step}"),
        shown: ["{shown} of {total} paper shown · {read} read", "{shown} of {total} papers shown · {read} read"],
        show_all: "Show all {count} in the table",
        detail: "Selected paper",
        close: "Close",
        main_line: "main line: what a paper builds on first",
        other_link: "its other links",
        leads_up: "what the selected paper builds on",
        leads_down: "what builds on the selected paper",
        status_label: "My status",
        download: "Download my progress",
        download_hint: "Your marks stay in this browser. To keep them in roadmap: roadmap import roadmap-progress.yaml",
        by_family: "By family",
        by_track: "By track",
        tree_cut: "The tree shows the best {shown} of {count} found.",
    },
    browse: Browse {
        family: "family",
        track: "track",
        search: "search",
        counts: |shown, total, read| {
            if shown == total {
                format!("{total} papers · {read} read ")
            } else {
                format!("{shown} of {total} papers · {read} of {shown} read ")
            }
        },
        no_match: "no paper matches",
        keys_title: "keys (Esc closes)",
        no_selection: "no paper is selected",
        no_pdf: "has no PDF link; opened its page",
        no_code: "has no code link",
        view: "view",
        views: ["all", "unread", "reading", "next", "read", "skipped"],
        copies: ["id", "link", "BibTeX entry"],
        copied: |id, what, next| format!("copied the {what} of {id} (y again: its {next})"),
        nothing_to_undo: "no mark to undo",
        undone: |id, status| format!("undone: {id} is {status} again"),
        no_prerequisites: "builds on no paper of the catalog",
        no_successors: "no paper of the catalog builds on it",
        builds_on: |id| format!("{id} builds on"),
        built_upon_by: |id| format!("{id} is built upon by"),
        no_jump_back: "no jump to go back from",
        cleared: |what, id| format!("cleared the {what} to show {id}"),
        path: |id, read, total| format!("reading path to {id}: {read} of {total} read"),
        all_papers: "all papers",
        all_families: "all families",
        noted: |id| format!("noted on {id}"),
        marked: |id, status| format!("{id}: {status}"),
        key_help,
        key_short,
        search_hint: "type to search · ↑↓ move · Enter keep · Esc clear",
        picker_hint: "type to filter · ↑↓ move · Enter choose · Esc cancel",
        card_hint: "Enter card",
        list_hint: "Esc list",
        progress_trouble: "marks and notes wait until the progress file is fixed",
    },
    next: Next {
        step_in: |step, track| format!("step {step} of {track}"),
        unlocks: |count| format!("unlocks {count} {}", if count == 1 { "paper" } else { "papers" }),
        prerequisites: |count, skipped| {
            let settled = if skipped { "read or skipped" } else { "read" };
            match count {
                1 => format!("its prerequisite {settled}"),
                2 => format!("both prerequisites {settled}"),
                count => format!("all {count} prerequisites {settled}"),
            }
        },
        stands_alone: "builds on no paper of the catalog",
        and: " · ",
    },
};

/// The English headings, which are also the columns' machine names.
pub(super) fn header(header: Header) -> &'static str {
    match header {
        Header::Step => "#",
        Header::Id => "id",
        Header::Year => "year",
        Header::Date => "date",
        Header::Family => "family",
        Header::Branch => "branch",
        Header::Title => "title",
        Header::Authors => "authors",
        Header::Org => "org",
        Header::Venue => "venue",
        Header::Arxiv => "arxiv",
        Header::Url => "url",
        Header::Pdf => "pdf",
        Header::Code => "code",
        Header::Status => "status",
        Header::Tags => "tags",
        Header::Aliases => "aliases",
        Header::BuildsOn => "builds-on",
        Header::Notes => "notes",
        Header::Matched => "matched",
        Header::Papers => "papers",
        Header::Read => "read",
        Header::Reading => "reading",
        Header::Skipped => "skipped",
        Header::Total => "total",
        Header::Percent => "percent",
        Header::Years => "years",
        Header::Name => "name",
        Header::Summary => "summary",
        Header::Why => "why",
        Header::Kind => "kind",
        Header::Path => "path",
        Header::Tag => "tag",
        Header::Paper => "paper",
        Header::Note => "note",
        Header::Reason => "reason",
        Header::Week => "week",
    }
}

fn key_help(help: KeyHelp) -> &'static str {
    match help {
        KeyHelp::Move => "move down / up",
        KeyHelp::FirstLast => "first / last paper",
        KeyHelp::Page => "a page down / up",
        KeyHelp::ScrollCard => "scroll the card",
        KeyHelp::Search => "search as you type (Enter keeps it, Esc clears it)",
        KeyHelp::Open => "open the paper's page / its PDF / its code",
        KeyHelp::Copy => "copy its id; again: its link; again: its BibTeX",
        KeyHelp::Mark => "mark: unread → reading → read → skipped → unread",
        KeyHelp::SetStatus => "mark unread / reading / read / skipped; undo the last mark",
        KeyHelp::View => "show all → unread → reading → next → read → skipped",
        KeyHelp::Note => "write a note in $VISUAL / $EDITOR",
        KeyHelp::Lineage => "go to what it builds on / what builds on it",
        KeyHelp::Back => "back to the paper before the last jump",
        KeyHelp::Path => "its reading path, with statuses",
        KeyHelp::TrackFamily => "pick a track / a family",
        KeyHelp::NarrowScreens => "narrow screens: show the card / the list",
        KeyHelp::Wide => "widen the list (the card hides) / back",
        KeyHelp::Mouse => "the wheel scrolls, a click selects",
        KeyHelp::Keys => "these keys",
        KeyHelp::Quit => "quit",
    }
}

fn key_short(help: KeyHelp) -> Option<&'static str> {
    match help {
        KeyHelp::Move => Some("j/k move"),
        KeyHelp::Search => Some("/ search"),
        KeyHelp::Open => Some("o open"),
        KeyHelp::Mark => Some("m mark"),
        KeyHelp::View => Some("s show"),
        KeyHelp::Note => Some("n note"),
        KeyHelp::Lineage => Some("b/a lineage"),
        KeyHelp::Path => Some("P path"),
        KeyHelp::TrackFamily => Some("t/f track/family"),
        KeyHelp::Keys => Some("? keys"),
        KeyHelp::Quit => Some("q quit"),
        _ => None,
    }
}

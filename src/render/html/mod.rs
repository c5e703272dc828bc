//! A self-contained HTML roadmap page: progress first, the tree as inline SVG, a table, and
//! a card per paper that opens beside them. Inline CSS and an inline script that adds following a paper's lineage,
//! one filter for everything and a track picker; no request leaves the page, and without
//! the script it still shows everything, with every box linked to its card. A track's page
//! (`export --track`) is named after the track and opens on it, steps in order with their
//! whys, script or not.

mod layout;
mod links;
mod progress;
mod route;
mod search_data;
mod sections;
mod steps;
mod tree;
mod tree_data;

use std::collections::HashSet;
use std::fmt::Write;

use crate::catalog::{Catalog, Paper, Track};
use crate::lang::Lang;
use crate::progress::{Progress, Status};
use crate::tally::{self, FamilyTally};
use crate::words::{Words, words};

/// Escapes text for HTML element content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Everything the page shows.
pub struct Page<'a> {
    pub catalog: &'a Catalog,
    /// The papers on the page, oldest first.
    pub papers: Vec<&'a Paper>,
    pub progress: &'a Progress,
    /// What the papers on the page add up to, per family.
    pub tallies: Vec<FamilyTally<'a>>,
    /// The language of the page's words and of the catalog's text.
    pub lang: Lang,
    pub words: &'static Words,
    /// Whether the learner's own notes go on the page.
    pub notes: bool,
    /// The ids of `papers`.
    pub on_page: HashSet<&'a str>,
    /// The track the page is about (`export --track`): its name is the title, and the page
    /// opens on it.
    pub track: Option<&'a Track>,
}

impl<'a> Page<'a> {
    /// The page for `papers` (oldest first), about `track` when there is one.
    pub fn new(
        catalog: &'a Catalog,
        papers: Vec<&'a Paper>,
        progress: &'a Progress,
        lang: Lang,
        notes: bool,
        track: Option<&'a Track>,
    ) -> Self {
        let tallies = tally::by_family(catalog, &papers, progress);
        let on_page = papers.iter().map(|paper| paper.id.as_str()).collect();
        Page { catalog, papers, progress, tallies, lang, words: words(lang), notes, on_page, track }
    }
}

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// The page's port of `query::search`, which page.js calls.
const SEARCH: &str = include_str!("search.js");
/// Without the script, every card is listed (with it, a card opens beside the tree).
const NO_SCRIPT: &str = "#cards { display: block; }";
/// The page's port of `layout::arrange` and `route::route`, for the part of the tree shown.
const LAYOUT: &str = include_str!("layout.js");
/// The cards, the table's rows and the tree's boxes, made from the text the exporter keeps
/// them in when the script runs.
const SOURCE: &str = include_str!("source.js");
/// Keeps a parent's children to a list, in order, for the table's rows and the tree's boxes.
const KEEP: &str = include_str!("keep.js");
/// What the page's address says, and the address of what it shows.
const ADDRESS: &str = include_str!("address.js");
/// A paper's ancestors and descendants, for the tree's highlight.
const LINEAGE: &str = include_str!("lineage.js");
/// Where the search found each listed paper, shown in the table.
const EXPLAIN: &str = include_str!("explain.js");
/// The reader's marks: kept in the browser, counted, and downloaded as a progress file.
const MARKS: &str = include_str!("marks.js");

/// Fonts that render Simplified Chinese well on every platform, before the system's own.
const CJK_FONTS: &str = "\nbody { font-family: system-ui, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif; }\n";

/// The same for Traditional Chinese: Taiwan's glyph forms first.
const TRADITIONAL_FONTS: &str = "\nbody { font-family: system-ui, \"PingFang TC\", \"Microsoft JhengHei\", \"Noto Sans CJK TC\", \"Source Han Sans TC\", sans-serif; }\n";

/// The mark that says a status without colour: ✓ read, ▸ reading, – skipped, nothing for
/// unread.
pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Read => "✓ ",
        Status::Reading => "▸ ",
        Status::Skipped => "– ",
        Status::Unread => "",
    }
}

/// Numbers that stand for the read, reading and skipped counts in the summary's templates,
/// which the script fills in as the reader marks papers.
const SENTINELS: [usize; 3] = [1_000_001, 1_000_002, 1_000_003];

/// The whole page.
pub fn render(page: &Page<'_>) -> String {
    let words = &page.words.page;
    let read: usize = page.tallies.iter().map(|tally| tally.read).sum();
    let reading: usize = page.tallies.iter().map(|tally| tally.reading).sum();
    let skipped: usize = page.tallies.iter().map(|tally| tally.skipped).sum();
    let families = page.tallies.iter().filter(|tally| tally.total > 0).count();
    let mut out = String::new();
    // Note: a track's page is named after the track, then the roadmap, so its tab says which.
    let (title, heading) = match page.track {
        Some(track) => {
            let name = escape(page.catalog.track_name(track, page.lang));
            (format!("{name} · {}", words.title), name)
        }
        None => (words.title.to_owned(), words.title.to_owned()),
    };
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}{fonts}</style>\n<noscript><style>{NO_SCRIPT}</style></noscript>\n</head>\n<body>\n<header>\n<h1>{heading}</h1>\n<p class=\"muted\" id=\"summary\" data-plain=\"{plain}\" data-skipped=\"{skipped}\">{summary}</p>\n<nav>",
        lang = page.lang.tag(),
        fonts = match page.lang {
            Lang::En => "",
            Lang::Zh => CJK_FONTS,
            Lang::ZhTw => TRADITIONAL_FONTS,
        },
        summary = escape(&(words.summary)(page.papers.len(), families, [read, reading, skipped])),
        plain = escape(&(words.summary)(page.papers.len(), families, [SENTINELS[0], SENTINELS[1], 0])),
        skipped = escape(&(words.summary)(page.papers.len(), families, SENTINELS)),
    );
    for (anchor, name) in ["progress", "tree", "papers", "cards"].iter().zip([3, 0, 1, 2].map(|at| words.sections[at]))
    {
        let _ = write!(out, "<a href=\"#{anchor}\">{name}</a>");
    }
    out.push_str("</nav>\n</header>\n");
    toolbar(&mut out, page);
    progress::write(&mut out, page);
    tree::write(&mut out, page);
    let _ = writeln!(out, "<aside id=\"detail\" hidden aria-live=\"polite\" data-close=\"{}\"></aside>", words.close);
    sections::table(&mut out, page);
    sections::cards(&mut out, page);
    search_data::write(&mut out, page);
    let _ = write!(
        out,
        "<script>{KEEP}{SOURCE}{SEARCH}{EXPLAIN}{LAYOUT}{LINEAGE}{ADDRESS}{MARKS}{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// The filter and the track picker, hidden until the script shows them (without it, the
/// page shows everything and has nothing to filter with).
fn toolbar(out: &mut String, page: &Page<'_>) {
    let words = &page.words.page;
    let _ = write!(
        out,
        "<div id=\"toolbar\" hidden>\n<input id=\"filter\" type=\"search\" placeholder=\"{}\" aria-label=\"{}\">\n<select id=\"track\" aria-label=\"{}\">\n<option value=\"\">{}</option>\n",
        words.filter_placeholder, words.filter_label, words.track_label, words.all_papers
    );
    for track in page.tracks() {
        let steps: Vec<&str> =
            track.steps.iter().map(|step| step.paper.as_str()).filter(|id| page.on_page.contains(id)).collect();
        let selected = if page.track.is_some_and(|shown| shown.id == track.id) { " selected" } else { "" };
        let _ = writeln!(
            out,
            "<option value=\"{}\"{selected} data-papers=\"{}\" data-summary=\"{}\">{} ({})</option>",
            escape(&track.id),
            escape(&steps.join(" ")),
            escape(page.catalog.track_summary(track, page.lang)),
            escape(page.catalog.track_name(track, page.lang)),
            steps.len()
        );
    }
    let _ = write!(
        out,
        "</select>\n<output id=\"shown\" data-one=\"{}\" data-many=\"{}\"></output>\n</div>\n",
        escape(words.shown[0]),
        escape(words.shown[1])
    );
    match page.track {
        Some(track) => {
            let summary = escape(page.catalog.track_summary(track, page.lang));
            let _ = writeln!(out, "<p id=\"track-summary\" class=\"muted\">{summary}</p>");
        }
        None => out.push_str("<p id=\"track-summary\" class=\"muted\" hidden></p>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("plain"), "plain");
    }
}

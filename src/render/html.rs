//! A self-contained HTML roadmap page: the tree as inline SVG, a filterable table, a card
//! per paper, and progress. Inline CSS, inline SVG, a few lines of inline JS that only add
//! filtering; no request leaves the page, and it reads the same with JavaScript off.

use std::collections::HashMap;
use std::fmt::Write;

use super::columns::authors_line;
use crate::catalog::{Branch, Catalog, Paper};
use crate::lang::Lang;
use crate::progress::{Progress, Status};
use crate::tally::FamilyTally;

/// Escapes text for HTML element content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::sanitize(text).chars() {
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
    /// The catalog.
    pub catalog: &'a Catalog,
    /// The papers on the page, oldest first.
    pub papers: Vec<&'a Paper>,
    /// Reading progress.
    pub progress: &'a Progress,
    /// What the papers on the page add up to, per family.
    pub tallies: Vec<FamilyTally<'a>>,
    /// The language of the notes.
    pub lang: Lang,
    /// Whether the learner's own notes go on the page.
    pub notes: bool,
}

const STYLE: &str = "
:root { color-scheme: light dark; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --card: #f6f8fa; --read: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23; --read: #3fb950; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 1.5rem; }
h1 { margin-bottom: .2rem; } .muted { color: var(--muted); }
nav a { margin-right: 1rem; }
section { margin-top: 2.5rem; }
.tree { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.tree text { font: 11px ui-monospace, monospace; fill: var(--ink); }
.tree .axis { font-weight: bold; } .tree .edge { fill: none; stroke: var(--muted); stroke-opacity: .45; }
.tree .node rect { fill-opacity: .18; stroke-width: 1.2; } .tree .read rect { fill-opacity: .45; stroke-width: 2.5; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
#filter { font: inherit; padding: .35rem .6rem; width: 20rem; margin-bottom: .6rem; }
.status-read { color: var(--read); font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
.card h3 { font-size: 1rem; margin: 0 0 .3rem; } .card ul { padding-left: 1.1rem; margin: .3rem 0; }
.bar { display: inline-block; width: 12rem; height: .7rem; background: var(--line); border-radius: 4px; vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--read); }
";

const SCRIPT: &str = "
const filter = document.getElementById('filter');
filter.hidden = false;
filter.addEventListener('input', () => {
  const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of document.querySelectorAll('#paper-table tbody tr')) {
    row.hidden = !words.every(word => row.dataset.text.includes(word));
  }
});
";

/// Fonts that render Simplified Chinese well on every platform, before the system's own.
const CJK_FONTS: &str = "\nbody { font-family: system-ui, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif; }\n";

/// The whole page.
pub fn render(page: &Page<'_>) -> String {
    let read: usize = page.tallies.iter().map(|tally| tally.read).sum();
    let families = page.tallies.iter().filter(|tally| tally.total > 0).count();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>LLM reading roadmap</title>\n<style>{STYLE}{fonts}</style>\n</head>\n<body>\n<header>\n<h1>LLM reading roadmap</h1>\n<p class=\"muted\">{} {} in {families} {} · {read} read</p>\n<nav><a href=\"#tree\">Tree</a><a href=\"#papers\">Papers</a><a href=\"#cards\">Cards</a><a href=\"#progress\">Progress</a></nav>\n</header>\n",
        page.papers.len(),
        if page.papers.len() == 1 { "paper" } else { "papers" },
        if families == 1 { "family" } else { "families" },
        lang = page.lang.tag(),
        fonts = if page.lang == Lang::Zh { CJK_FONTS } else { "" },
    );
    tree(&mut out, page);
    table(&mut out, page);
    cards(&mut out, page);
    progress(&mut out, page);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// A colour per family, spread around the hue circle.
fn family_colour(catalog: &Catalog, family: &str) -> String {
    let index = catalog.families.iter().position(|other| other.id == family).unwrap_or(0);
    let count = catalog.families.len().max(1);
    format!("hsl({}, 65%, 45%)", index * 360 / count)
}

const AXIS: usize = 56;
const COLUMN: usize = 200;
const BOX_WIDTH: usize = 186;
const BOX_HEIGHT: usize = 20;
const ROW_GAP: usize = 14;

/// The evolutionary tree as SVG: years down the left (oldest at the top), one column per
/// branch, a linked box per paper, and a curve for every `builds_on` edge.
fn tree(out: &mut String, page: &Page<'_>) {
    let mut years: Vec<u16> = page.papers.iter().map(|paper| paper.year).collect();
    years.dedup();
    let column =
        |paper: &Paper| Branch::ALL.iter().position(|branch| *branch == page.catalog.branch_of(paper)).unwrap_or(0);
    let mut places: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut rows: Vec<(u16, usize)> = Vec::new();
    let mut top = 40;
    for year in &years {
        let mut filled = [0usize; 5];
        for paper in page.papers.iter().filter(|paper| paper.year == *year) {
            let branch = column(paper);
            places.insert(&paper.id, (AXIS + branch * COLUMN, top + filled[branch] * (BOX_HEIGHT + 4)));
            filled[branch] += 1;
        }
        rows.push((*year, top));
        top += filled.iter().max().unwrap_or(&1) * (BOX_HEIGHT + 4) + ROW_GAP;
    }
    let width = AXIS + Branch::ALL.len() * COLUMN;
    let _ = write!(
        out,
        "<section id=\"tree\">\n<h2>Evolutionary tree</h2>\n<p class=\"muted\">Years run down, branches across; each box links to the paper, lines follow <code>builds_on</code>, filled boxes are read.</p>\n<div class=\"tree\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{top}\" viewBox=\"0 0 {width} {top}\" role=\"img\" aria-label=\"Evolutionary tree of the papers\">\n"
    );
    for (index, branch) in Branch::ALL.iter().enumerate() {
        let _ = writeln!(out, "<text class=\"axis\" x=\"{}\" y=\"20\">{branch}</text>", AXIS + index * COLUMN);
    }
    for (year, y) in &rows {
        let _ = writeln!(out, "<text class=\"axis\" x=\"4\" y=\"{}\">{year}</text>", y + 14);
    }
    for paper in &page.papers {
        let Some(&(x, y)) = places.get(paper.id.as_str()) else { continue };
        for parent in &paper.builds_on {
            let Some(&(px, py)) = places.get(parent.as_str()) else { continue };
            let (from_x, from_y, to_x, to_y) = (px + BOX_WIDTH / 2, py + BOX_HEIGHT, x + BOX_WIDTH / 2, y);
            let middle = usize::midpoint(from_y, to_y);
            let _ = writeln!(
                out,
                "<path class=\"edge\" d=\"M{from_x},{from_y} C{from_x},{middle} {to_x},{middle} {to_x},{to_y}\"><title>{} builds on {}</title></path>",
                escape(&paper.id),
                escape(parent)
            );
        }
    }
    for paper in &page.papers {
        let Some(&(x, y)) = places.get(paper.id.as_str()) else { continue };
        let read = page.progress.status(&paper.id) == Status::Read;
        let colour = family_colour(page.catalog, &paper.family);
        let label: String = paper.id.chars().take(26).collect();
        let _ = writeln!(
            out,
            "<a href=\"{href}\"><g class=\"node{read_class}\" id=\"node-{id}\"><title>{title} ({year})</title><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_WIDTH}\" height=\"{BOX_HEIGHT}\" rx=\"4\" fill=\"{colour}\" stroke=\"{colour}\"/><text x=\"{tx}\" y=\"{ty}\">{mark}{label}</text></g></a>",
            href = escape(&paper.abs_url()),
            read_class = if read { " read" } else { "" },
            id = escape(&paper.id),
            title = escape(&paper.title),
            year = paper.year,
            tx = x + 6,
            ty = y + 14,
            mark = if read { "✓ " } else { "" },
            label = escape(&label),
        );
    }
    out.push_str("</svg>\n</div>\n</section>\n");
}

/// The table of papers; each row carries its searchable text for the filter.
fn table(out: &mut String, page: &Page<'_>) {
    out.push_str("<section id=\"papers\">\n<h2>Papers</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"Filter by id, title, author, family…\" aria-label=\"Filter papers\" hidden>\n<table id=\"paper-table\">\n<thead><tr><th>id</th><th>year</th><th>family</th><th>title</th><th>status</th></tr></thead>\n<tbody>\n");
    for paper in &page.papers {
        let status = page.progress.status(&paper.id);
        let text = format!(
            "{} {} {} {} {} {}",
            paper.id,
            paper.year,
            paper.family,
            paper.title,
            paper.authors.join(" "),
            paper.tags.join(" ")
        )
        .to_lowercase();
        let _ = writeln!(
            out,
            "<tr data-text=\"{}\"><td><a href=\"#paper-{id}\">{id}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"status-{status}\">{status}</td></tr>",
            escape(&text),
            paper.date(),
            escape(&paper.family),
            escape(&paper.title),
            id = escape(&paper.id),
            status = status.as_str(),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// A card per paper: title, authors, links, contribution, what to focus on, lineage, notes.
fn cards(out: &mut String, page: &Page<'_>) {
    out.push_str("<section id=\"cards\">\n<h2>Cards</h2>\n<div class=\"cards\">\n");
    for paper in &page.papers {
        let status = page.progress.status(&paper.id);
        let authors = authors_line(&paper.authors, paper.et_al);
        let _ = write!(
            out,
            "<article class=\"card\" id=\"paper-{id}\">\n<h3>{title}</h3>\n<p class=\"muted\">{id} · {date} · {family} · <span class=\"status-{status}\">{status}</span></p>\n<p>{authors}</p>\n<p><a href=\"{abs}\">abstract</a>",
            id = escape(&paper.id),
            title = escape(&paper.title),
            date = paper.date(),
            family = escape(&paper.family),
            status = status.as_str(),
            authors = escape(&authors),
            abs = escape(&paper.abs_url()),
        );
        if let Some(pdf) = paper.pdf_url() {
            let _ = write!(out, " · <a href=\"{}\">pdf</a>", escape(&pdf));
        }
        if let Some(code) = &paper.code {
            let _ = write!(out, " · <a href=\"{}\">code</a>", escape(code));
        }
        let _ = write!(out, "</p>\n<p>{}</p>\n", escape(page.catalog.contribution(paper, page.lang)));
        let focus = page.catalog.focus(paper, page.lang);
        if !focus.is_empty() {
            out.push_str("<p><strong>Focus</strong></p>\n<ul>");
            for point in focus {
                let _ = write!(out, "<li>{}</li>", escape(point));
            }
            out.push_str("</ul>\n");
        }
        if !paper.builds_on.is_empty() {
            let links: Vec<String> =
                paper.builds_on.iter().map(|id| format!("<a href=\"#paper-{0}\">{0}</a>", escape(id))).collect();
            let _ = writeln!(out, "<p><strong>Builds on</strong> {}</p>", links.join(", "));
        }
        let notes = if page.notes { page.progress.notes(&paper.id) } else { &[] };
        for note in notes {
            let _ = writeln!(out, "<p class=\"muted\">{}: {}</p>", escape(&note.date), escape(&note.text));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// A progress bar per family of the papers shown.
fn progress(out: &mut String, page: &Page<'_>) {
    out.push_str("<section id=\"progress\">\n<h2>Progress</h2>\n<table>\n<thead><tr><th>family</th><th>read</th><th></th></tr></thead>\n<tbody>\n");
    for tally in page.tallies.iter().filter(|tally| tally.total > 0) {
        let percent = tally.percent_read();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}/{}</td><td><span class=\"bar\" role=\"img\" aria-label=\"{percent}% read\"><span style=\"width: {percent}%\"></span></span></td></tr>",
            escape(&tally.family.name),
            tally.read,
            tally.total
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
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

//! The page's evolutionary tree: a legend, then an SVG with a year band per year, a column
//! band per branch, a routed line per `builds_on` link and a focusable box per paper that
//! carries `data-paper` and, for the page's script, `data-builds-on`. A line has one style per
//! meaning, each in the legend: a paper's main line (its first `builds_on`), its other links,
//! and links through papers not on the page; a status is drawn on the box, never as a line.

use std::collections::HashMap;
use std::fmt::Write;

use super::layout::{self, HEADER, Layout, NODE_HEIGHT, NODE_WIDTH, YEAR_GAP};
use super::links::links;
use super::route::route;
use super::{Page, escape, mark};
use crate::catalog::Paper;
use crate::progress::Status;

/// Characters a box shows at their natural width; up to a third more are squeezed in, and
/// longer labels are cut.
const LABEL_CHARS: usize = 15;
const SQUEEZED_CHARS: usize = 20;

/// Writes the tree section.
pub fn write(out: &mut String, page: &Page<'_>) {
    let layout = layout::arrange(page.catalog, &page.papers);
    let links = links(page);
    let words = &page.words.page;
    let _ = write!(
        out,
        "<section id=\"tree\" aria-labelledby=\"tree-heading\">\n<h2 id=\"tree-heading\">{}</h2>\n<p class=\"muted hint\">{}</p>\n",
        words.sections[0], words.tree_hint
    );
    legend(out, page, &layout);
    let (first, last) = (page.papers.first(), page.papers.last());
    let years = first.zip(last).map_or((0, 0), |(first, last)| (first.year, last.year));
    // Note: the script draws the papers it shows into the empty tree; the whole tree is for
    // a reader without it (a browser running the script reads a <noscript> as text).
    let _ = write!(
        out,
        "<div class=\"tree-box\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"part off\" role=\"group\" aria-label=\"{title}\"></svg>\n<noscript id=\"tree-source\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"full\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"group\" aria-labelledby=\"tree-title\">\n<title id=\"tree-title\">{title}</title>\n",
        title = escape(&(words.tree_title)(page.papers.len(), years.0, years.1)),
        w = layout.width,
        h = layout.height,
    );
    bands(out, page, &layout);
    out.push_str("<g class=\"edges\">\n");
    for (index, link) in links.iter().enumerate() {
        // Links join papers on the page, and every one has its place.
        let place = |paper: &Paper| layout.places[paper.id.as_str()];
        let (parent, child) = (place(link.parent), place(link.child));
        let _ = writeln!(
            out,
            "<path class=\"{}\" data-from=\"{}\" data-to=\"{}\" d=\"{}\"/>",
            link.class(),
            escape(&link.parent.id),
            escape(&link.child.id),
            route(&layout, parent, child, index),
        );
    }
    let mut parents: HashMap<&str, Vec<&str>> = HashMap::new();
    for link in &links {
        parents.entry(link.child.id.as_str()).or_default().push(link.parent.id.as_str());
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for paper in &page.papers {
        node(out, page, &layout, paper, parents.get(paper.id.as_str()).map_or(&[], Vec::as_slice));
    }
    out.push_str("</g>\n</svg></noscript>\n</div>\n");
    let _ =
        writeln!(out, "<p id=\"tree-cut\" class=\"muted\" hidden data-template=\"{}\"></p>", escape(words.tree_cut));
    super::tree_data::write(out, page, &links);
    out.push_str("</section>\n");
}

/// The names of the branches on the page with their colours, what the boxes' fills mean,
/// and a sample of every line style (drawn with the tree's own classes, so the legend and the
/// lines cannot disagree).
fn legend(out: &mut String, page: &Page<'_>, layout: &Layout<'_>) {
    let labels = page.words;
    let words = &page.words.page;
    out.push_str("<ul class=\"legend\">\n");
    for band in &layout.bands {
        let _ = writeln!(
            out,
            "<li><span class=\"swatch b-{}\" aria-hidden=\"true\"></span>{}</li>",
            band.branch.as_str(),
            (labels.branch)(band.branch)
        );
    }
    let status = labels.status;
    let _ = writeln!(
        out,
        "<li><span class=\"key read\" aria-hidden=\"true\">✓</span>{}</li>\n<li><span class=\"key reading\" aria-hidden=\"true\">▸</span>{}</li>\n<li><span class=\"key unread\" aria-hidden=\"true\"></span>{}</li>\n<li><span class=\"key skipped\" aria-hidden=\"true\">–</span>{}</li>",
        status(Status::Read),
        status(Status::Reading),
        status(Status::Unread),
        status(Status::Skipped)
    );
    out.push_str("</ul>\n<ul class=\"legend lines\">\n");
    // Note: links through papers not shown appear whenever a track or a filter hides some.
    let lines = [
        ("edge main", words.main_line),
        ("edge other", words.other_link),
        ("edge indirect", words.indirect),
        ("edge strong", words.leads_up),
        ("edge strong down", words.leads_down),
    ];
    for (class, label) in lines {
        let _ = writeln!(
            out,
            "<li><svg class=\"line-key\" width=\"30\" height=\"8\" aria-hidden=\"true\"><path class=\"{class}\" d=\"M1,4 H29\"/></svg>{label}</li>"
        );
    }
    out.push_str("</ul>\n");
}

/// Shaded bands for every other year and a name over each branch's columns.
fn bands(out: &mut String, page: &Page<'_>, layout: &Layout<'_>) {
    let labels = page.words;
    out.push_str("<g class=\"bands\" aria-hidden=\"true\">\n");
    for (index, year) in layout.years.iter().enumerate() {
        let top = year.top.saturating_sub(YEAR_GAP / 2);
        let height = year.bottom + YEAR_GAP / 2 - top;
        if index % 2 == 1 {
            let _ = writeln!(
                out,
                "<rect class=\"year-band\" x=\"0\" y=\"{top}\" width=\"{}\" height=\"{height}\"/>",
                layout.width
            );
        }
        let _ = writeln!(out, "<text class=\"year\" x=\"4\" y=\"{}\">{}</text>", year.top + 14, year.year);
    }
    for band in &layout.bands {
        let _ = writeln!(
            out,
            "<text class=\"branch b-{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            band.branch.as_str(),
            band.left.midpoint(band.right),
            HEADER - 12,
            (labels.branch)(band.branch)
        );
    }
    out.push_str("</g>\n");
}

/// A paper's box: a link to its card (so it works without the script), coloured by branch,
/// filled by status, with its status mark before its id.
fn node(out: &mut String, page: &Page<'_>, layout: &Layout<'_>, paper: &Paper, parents: &[&str]) {
    // Every paper on the page has its place.
    let place = layout.places[paper.id.as_str()];
    let (x, y) = layout.corner(place);
    let status = page.progress.status(&paper.id);
    let label = format!("{}{}", mark(status), paper.id);
    let count = label.chars().count();
    let (label, squeeze) = match count {
        _ if count <= LABEL_CHARS => (label, String::new()),
        _ if count <= SQUEEZED_CHARS => {
            (label, format!(" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"", NODE_WIDTH - 10))
        }
        _ => {
            let cut: String = label.chars().take(SQUEEZED_CHARS - 1).chain(['…']).collect();
            (cut, format!(" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"", NODE_WIDTH - 10))
        }
    };
    let status_word = (page.words.status)(status);
    let _ = writeln!(
        out,
        "<a class=\"node b-{branch} {status}\" href=\"#paper-{id}\" data-paper=\"{id}\" data-builds-on=\"{parents}\" aria-label=\"{id}: {title} ({year}, {status_word})\"><title>{id}: {title} ({year}, {status_word})</title><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"4\"/><text x=\"{tx}\" y=\"{ty}\"{squeeze}><tspan class=\"mark\">{mark}</tspan>{label}</text></a>",
        branch = page.catalog.branch_of(paper).as_str(),
        status = status.as_str(),
        id = escape(&paper.id),
        parents = escape(&parents.join(" ")),
        title = escape(&paper.title),
        year = paper.year,
        tx = x + 5,
        ty = y + 14,
        mark = mark(status),
        label = escape(label.strip_prefix(mark(status)).unwrap_or(&label)),
    );
}

//! One paper as a card (terminal) or a Markdown section.

use super::Look;
use super::columns::authors_line;
use crate::catalog::{Catalog, Family, Paper};
use crate::lang::Lang;
use crate::lineage::Lineage;
use crate::progress::{Note, Progress, Status};
use crate::text::sanitize;
use crate::text::{self, wrap};
use crate::words::words;

/// Everything a card shows about one paper.
pub struct CardView<'a> {
    /// The paper.
    pub paper: &'a Paper,
    /// Its family.
    pub family: &'a Family,
    /// The papers it directly builds on.
    pub builds_on: Vec<&'a Paper>,
    /// The papers that directly build on it.
    pub built_upon_by: Vec<&'a Paper>,
    /// The learner's status.
    pub status: Status,
    /// The learner's notes, oldest first.
    pub notes: &'a [Note],
    /// The family's name, the contribution and the focus, in the reader's language.
    pub family_name: &'a str,
    pub contribution: &'a str,
    pub focus: &'a [String],
}

impl<'a> CardView<'a> {
    /// Gathers what the card of `paper` shows; none when its family is missing, which a
    /// validated catalog rules out.
    pub fn gather(
        catalog: &'a Catalog,
        lineage: &Lineage<'a>,
        progress: &'a Progress,
        paper: &'a Paper,
        lang: Lang,
    ) -> Option<CardView<'a>> {
        let family = catalog.family(&paper.family)?;
        Some(CardView {
            paper,
            family,
            builds_on: lineage.prerequisites(paper),
            built_upon_by: lineage.successors(paper),
            status: progress.status(&paper.id),
            notes: progress.notes(&paper.id),
            family_name: catalog.family_name(family, lang),
            contribution: catalog.contribution(paper, lang),
            focus: catalog.focus(paper, lang),
        })
    }
}

const INDENT: &str = "  ";

/// The card for the terminal.
pub fn render(view: &CardView<'_>, look: Look) -> String {
    let paper = view.paper;
    let width = look.width;
    let mut out = String::new();
    for line in wrap(&paper.title, width, 0).lines() {
        out.push_str(&look.bold(line));
        out.push('\n');
    }
    let heading = [
        sanitize(&paper.id).into_owned(),
        paper.date(),
        sanitize(view.family_name).into_owned(),
        (words(look.lang).branch)(view.family.branch).to_owned(),
    ]
    .join(" · ");
    let heading = wrap(&heading, width, 0);
    // Note: colour goes on after wrapping, so escape sequences never count towards the width.
    let id = sanitize(&paper.id);
    out.push_str(&heading.replacen(id.as_ref(), &look.branch(&id, view.family.branch), 1));
    out.push('\n');

    let labels = words(look.lang);
    let card = &labels.card;
    let (org, venue, pdf, code) = (card.org, card.venue, card.pdf, card.code);
    let mut fields: Vec<(&str, String)> = vec![
        (card.status, (labels.status)(view.status).to_owned()),
        (card.authors, authors_line(&paper.authors, paper.et_al)),
    ];
    fields.extend(paper.org.as_ref().map(|value| (org, value.clone())));
    fields.extend(paper.venue.as_ref().map(|value| (venue, value.clone())));
    fields.push((card.abstract_page, paper.abs_url()));
    fields.extend(paper.pdf_url().map(|value| (pdf, value)));
    fields.extend(paper.code.as_ref().map(|value| (code, value.clone())));
    if !paper.aliases.is_empty() {
        fields.push((card.aliases, paper.aliases.join(", ")));
    }
    if !paper.tags.is_empty() {
        fields.push((card.tags, paper.tags.join(", ")));
    }
    let label_width = fields.iter().map(|(label, _)| text::width(label)).max().unwrap_or(0);
    for (label, value) in &fields {
        let label = text::pad(label, label_width);
        let indent = INDENT.len() + label_width + 2;
        // Note: a link is never broken: one too long for its column goes whole on the next
        // line (past the edge when it is longer than the line), clickable where the terminal
        // takes hyperlinks.
        if text::is_link(value) && text::width(value) + indent > width {
            out.push_str(&format!("{INDENT}{}\n{INDENT}{}\n", look.dim(label.trim_end()), look.link(value)));
        } else if text::is_link(value) {
            out.push_str(&format!("{INDENT}{}  {}\n", look.dim(&label), look.link(value)));
        } else {
            out.push_str(&format!("{INDENT}{}  {}\n", look.dim(&label), wrap(value, width, indent).trim()));
        }
    }

    // Note: your own notes come first after the links, before what the catalog says.
    if !view.notes.is_empty() {
        out.push_str(&format!("\n{}\n", look.bold(card.notes)));
        for note in view.notes {
            let indent = INDENT.len() + note.date.len() + 2;
            // Note: notes keep their lines (lists, headings); each line wraps on its own.
            let text: String = note.text.lines().map(|line| wrap_or_blank(line, width, indent)).collect();
            out.push_str(&format!("{INDENT}{}  {}", look.dim(&note.date), text.trim_start()));
        }
    }
    out.push_str(&format!("\n{}\n{}", look.bold(card.contribution), wrap(view.contribution, width, INDENT.len())));
    if !view.focus.is_empty() {
        out.push_str(&format!("\n{}\n", look.bold(card.focus)));
        for point in view.focus {
            out.push_str(&format!("{INDENT}• {}", wrap(point, width, INDENT.len() + 2).trim_start()));
        }
    }
    lineage(&mut out, card.builds_on, &view.builds_on, look, width);
    lineage(&mut out, card.built_upon_by, &view.built_upon_by, look, width);
    out
}

/// `line` wrapped with every line indented, or an empty line for an empty one.
fn wrap_or_blank(line: &str, width: usize, indent: usize) -> String {
    if line.trim().is_empty() { "\n".to_owned() } else { wrap(line, width, indent) }
}

/// A heading, then one line per paper: its id, then its title and year wrapped under
/// the title's column.
fn lineage(out: &mut String, heading: &str, papers: &[&Paper], look: Look, width: usize) {
    if papers.is_empty() {
        return;
    }
    out.push_str(&format!("\n{}\n", look.bold(heading)));
    let id_width = papers.iter().map(|paper| text::width(&sanitize(&paper.id))).max().unwrap_or(0);
    // Note: on a narrow terminal the ids take the whole line and titles go below them.
    let indent = if INDENT.len() + id_width + 2 + 20 <= width { INDENT.len() + id_width + 2 } else { INDENT.len() + 2 };
    for paper in papers {
        let id = sanitize(&paper.id);
        let title = wrap(&format!("{} ({})", paper.title, paper.year), width, indent);
        if indent > INDENT.len() + 2 {
            let padding = " ".repeat(id_width - text::width(&id));
            out.push_str(&format!("{INDENT}{}{padding}  {}", look.bold(&id), title.trim_start()));
        } else {
            out.push_str(&format!(
                "{INDENT}{}\n{title}",
                look.bold(&text::cut(&id, width.saturating_sub(INDENT.len())))
            ));
        }
    }
}

/// The card as a Markdown section.
pub fn markdown(view: &CardView<'_>) -> String {
    let paper = view.paper;
    let text = |value: &str| sanitize(value).replace('\\', "\\\\").replace('*', "\\*").replace('_', "\\_");
    let mut out = format!("## {}\n\n", text(&paper.title));
    out.push_str(&format!(
        "- **id:** `{}`\n- **date:** {}\n- **status:** {}\n",
        paper.id,
        paper.date(),
        view.status.as_str()
    ));
    out.push_str(&format!("- **family:** {} ({})\n", text(view.family_name), view.family.branch));
    out.push_str(&format!("- **authors:** {}\n", text(&authors_line(&paper.authors, paper.et_al))));
    for (label, value) in [("org", &paper.org), ("venue", &paper.venue)] {
        if let Some(value) = value {
            out.push_str(&format!("- **{label}:** {}\n", text(value)));
        }
    }
    out.push_str(&format!("- **abstract:** <{}>\n", paper.abs_url()));
    if let Some(pdf) = paper.pdf_url() {
        out.push_str(&format!("- **pdf:** <{pdf}>\n"));
    }
    if let Some(code) = &paper.code {
        out.push_str(&format!("- **code:** <{code}>\n"));
    }
    out.push_str(&format!("\n{}\n", text(view.contribution)));
    if !view.focus.is_empty() {
        out.push_str("\n**Focus**\n\n");
        for point in view.focus {
            out.push_str(&format!("- {}\n", text(point)));
        }
    }
    for (heading, papers) in [("Builds on", &view.builds_on), ("Built upon by", &view.built_upon_by)] {
        if !papers.is_empty() {
            let ids: Vec<String> = papers.iter().map(|paper| format!("`{}`", paper.id)).collect();
            out.push_str(&format!("\n**{heading}:** {}\n", ids.join(", ")));
        }
    }
    if !view.notes.is_empty() {
        out.push_str("\n**Notes**\n\n");
        for note in view.notes {
            out.push_str(&format!("- {}: {}\n", text(&note.date), text(&note.text).replace('\n', "\n  ")));
        }
    }
    out
}

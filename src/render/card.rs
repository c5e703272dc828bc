//! One paper as a card (terminal) or a Markdown section.

use unicode_width::UnicodeWidthStr;

use super::{Look, sanitize};
use crate::catalog::{Family, Paper};
use crate::progress::{Note, Status};

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
}

const INDENT: &str = "  ";
/// Width used for wrapping when the terminal's is unknown.
const DEFAULT_WIDTH: usize = 80;

/// The card for the terminal.
pub fn render(view: &CardView<'_>, look: Look) -> String {
    let paper = view.paper;
    let width = look.width.unwrap_or(DEFAULT_WIDTH).max(20);
    let mut out = String::new();
    out.push_str(&look.bold(&paper.title));
    out.push('\n');
    let heading = [
        look.branch(&paper.id, view.family.branch),
        paper.date(),
        sanitize(&view.family.name).into_owned(),
        view.family.branch.to_string(),
    ];
    out.push_str(&heading.join(" · "));
    out.push_str("\n\n");

    let mut fields: Vec<(&str, String)> =
        vec![("status", view.status.as_str().to_owned()), ("authors", authors(paper))];
    fields.extend(paper.org.as_ref().map(|org| ("org", org.clone())));
    fields.extend(paper.venue.as_ref().map(|venue| ("venue", venue.clone())));
    fields.push(("abstract", paper.abs_url()));
    fields.extend(paper.pdf_url().map(|pdf| ("pdf", pdf)));
    fields.extend(paper.code.as_ref().map(|code| ("code", code.clone())));
    if !paper.aliases.is_empty() {
        fields.push(("aliases", paper.aliases.join(", ")));
    }
    if !paper.tags.is_empty() {
        fields.push(("tags", paper.tags.join(", ")));
    }
    let label_width = fields.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    for (label, value) in &fields {
        let label = format!("{label:<label_width$}");
        let indent = INDENT.len() + label_width + 2;
        out.push_str(&format!("{INDENT}{}  {}\n", look.dim(&label), wrap(value, width, indent).trim()));
    }

    out.push_str(&format!("\n{}\n{}", look.bold("Contribution"), wrap(&paper.contribution, width, INDENT.len())));
    if !paper.focus.is_empty() {
        out.push_str(&format!("\n{}\n", look.bold("Focus")));
        for point in &paper.focus {
            out.push_str(&format!("{INDENT}• {}", wrap(point, width, INDENT.len() + 2).trim_start()));
        }
    }
    lineage(&mut out, "Builds on", &view.builds_on, look);
    lineage(&mut out, "Built upon by", &view.built_upon_by, look);
    if !view.notes.is_empty() {
        out.push_str(&format!("\n{}\n", look.bold("Notes")));
        for note in view.notes {
            let indent = INDENT.len() + note.date.len() + 2;
            out.push_str(&format!(
                "{INDENT}{}  {}",
                look.dim(&note.date),
                wrap(&note.text, width, indent).trim_start()
            ));
        }
    }
    out
}

fn lineage(out: &mut String, heading: &str, papers: &[&Paper], look: Look) {
    if papers.is_empty() {
        return;
    }
    out.push_str(&format!("\n{}\n", look.bold(heading)));
    let id_width = papers.iter().map(|paper| paper.id.width()).max().unwrap_or(0);
    for paper in papers {
        let padding = " ".repeat(id_width - paper.id.width());
        out.push_str(&format!(
            "{INDENT}{}{padding}  {} ({})\n",
            look.bold(&paper.id),
            sanitize(&paper.title),
            paper.year
        ));
    }
}

fn authors(paper: &Paper) -> String {
    let mut text = paper.authors.join(", ");
    if paper.et_al {
        text.push_str(", et al.");
    }
    text
}

/// Greedy word wrap to `width` columns, every line indented by `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let text = sanitize(text);
    let room = width.saturating_sub(indent).max(10);
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > room {
            out.push_str(&pad);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&pad);
        out.push_str(&line);
        out.push('\n');
    }
    out
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
    out.push_str(&format!("- **family:** {} ({})\n", text(&view.family.name), view.family.branch));
    out.push_str(&format!("- **authors:** {}\n", text(&authors(paper))));
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
    out.push_str(&format!("\n{}\n", text(&paper.contribution)));
    if !paper.focus.is_empty() {
        out.push_str("\n**Focus**\n\n");
        for point in &paper.focus {
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
            out.push_str(&format!("- {}: {}\n", note.date, text(&note.text)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 20, 2);
        assert!(wrapped.lines().all(|line| line.width() <= 20), "{wrapped}");
        assert!(wrapped.lines().all(|line| line.starts_with("  ")));
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>().join(" "), text);
    }

    #[test]
    fn wide_characters_count_double() {
        let wrapped = wrap("注意力 注意力 注意力 注意力", 16, 0);
        assert!(wrapped.lines().all(|line| line.width() <= 16), "{wrapped}");
        assert!(wrapped.lines().count() > 1);
    }
}

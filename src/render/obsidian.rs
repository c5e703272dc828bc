//! Markdown notes for Obsidian and the like: one note per paper with YAML front matter,
//! the contribution and focus, `[[id]]` wiki-links along the lineage and the learner's
//! notes; and an index note linking them all.

use std::collections::HashSet;
use std::fmt::Write;

use serde::Serialize;

use crate::catalog::{Catalog, Paper, Track};
use crate::lang::Lang;
use crate::lineage::Lineage;
use crate::progress::Progress;
use crate::text::sanitize;
use crate::words::words;

/// The line that ends what `roadmap` writes; what a learner writes below it is theirs.
/// (`%%` makes it an Obsidian comment, hidden when the note is read.)
pub const MARKER: &str = "%% roadmap: everything above this line is rewritten by `roadmap export --format notes`; what you write below it is kept %%";

/// The index note's file name: with a space, so no paper id (a slug) can take it.
pub const INDEX: &str = "Roadmap index.md";

/// What the notes are made from.
pub struct Vault<'a> {
    pub catalog: &'a Catalog,
    /// The papers that get a note, oldest first.
    pub papers: Vec<&'a Paper>,
    pub progress: &'a Progress,
    pub lang: Lang,
    /// The track the index follows (else it goes by family).
    pub track: Option<&'a Track>,
}

/// The front matter: what Obsidian's properties and Dataview read.
#[derive(Serialize)]
struct FrontMatter<'a> {
    id: &'a str,
    title: &'a str,
    year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    arxiv: Option<String>,
    url: String,
    authors: &'a [String],
    tags: &'a [String],
    aliases: &'a [String],
    status: &'a str,
    bibtex: &'a str,
}

impl Vault<'_> {
    /// Each paper's file name and the text above the marker, the marker included.
    pub fn notes(&self) -> Vec<(String, String)> {
        let lineage = Lineage::new(self.catalog);
        let keys = super::bibtex::catalog_keys(self.catalog);
        let exported: HashSet<&str> = self.papers.iter().map(|paper| paper.id.as_str()).collect();
        self.papers
            .iter()
            .map(|paper| {
                let key = keys.get(paper.id.as_str()).cloned().unwrap_or_else(|| super::bibtex::key(paper));
                (file_name(paper), self.note(paper, &key, &lineage, &exported))
            })
            .collect()
    }

    fn note(&self, paper: &Paper, key: &str, lineage: &Lineage<'_>, exported: &HashSet<&str>) -> String {
        let labels = words(self.lang);
        let status = self.progress.status(&paper.id);
        let front = FrontMatter {
            id: &paper.id,
            title: &paper.title,
            year: paper.year,
            arxiv: paper.arxiv.as_ref().map(ToString::to_string),
            url: paper.abs_url(),
            authors: &paper.authors,
            tags: &paper.tags,
            aliases: &paper.aliases,
            status: status.as_str(),
            bibtex: key,
        };
        let yaml = crate::catalog::yaml::to_yaml(&front).expect("plain strings and numbers always serialise");
        let mut out = format!("---\n{}---\n\n# {}\n\n", yaml, sanitize(&paper.title));
        let _ = writeln!(out, "{}\n", sanitize(self.catalog.contribution(paper, self.lang)));
        let focus = self.catalog.focus(paper, self.lang);
        if !focus.is_empty() {
            let _ = writeln!(out, "## {}\n", labels.card.focus);
            for point in focus {
                let _ = writeln!(out, "- {}", sanitize(point));
            }
            out.push('\n');
        }
        let link = |other: &Paper| {
            if exported.contains(other.id.as_str()) {
                format!("[[{}]]", other.id)
            } else {
                format!("[{}]({})", other.id, other.abs_url())
            }
        };
        for (label, papers) in [
            (labels.card.builds_on, lineage.prerequisites(paper)),
            (labels.card.built_upon_by, lineage.successors(paper)),
        ] {
            if !papers.is_empty() {
                let links: Vec<String> = papers.iter().map(|other| link(other)).collect();
                let _ = writeln!(out, "**{label}:** {}\n", links.join(", "));
            }
        }
        let notes = self.progress.notes(&paper.id);
        if !notes.is_empty() {
            let _ = writeln!(out, "## {}\n", labels.card.notes);
            for note in notes {
                // Note: each line is cleaned on its own, so the note's line breaks are kept.
                let lines: Vec<String> = note.text.lines().map(|line| sanitize(line).into_owned()).collect();
                let _ = writeln!(out, "- {}: {}", note.date, lines.join("\n  "));
            }
            out.push('\n');
        }
        closed(&out)
    }

    /// The index note above its marker: every paper linked, by family, or a track's steps
    /// numbered in its order, each with why it is there.
    pub fn index(&self) -> String {
        let mut out = String::from("# LLM reading roadmap\n\n");
        let line = |out: &mut String, paper: &Paper| {
            let status = self.progress.status(&paper.id);
            let _ =
                writeln!(out, "- [[{}]] {} ({}) · {}", paper.id, sanitize(&paper.title), paper.year, status.as_str());
        };
        match self.track {
            Some(track) => {
                let _ = writeln!(
                    out,
                    "## {}\n\n{}\n",
                    sanitize(self.catalog.track_name(track, self.lang)),
                    sanitize(self.catalog.track_summary(track, self.lang))
                );
                // Note: numbered as `roadmap track` numbers them, so a step left out by a
                // filter leaves a gap rather than renumbering the rest.
                for (index, step) in track.steps.iter().enumerate() {
                    let Some(paper) = self.papers.iter().find(|paper| paper.id == step.paper) else { continue };
                    let status = self.progress.status(&paper.id);
                    let _ = writeln!(
                        out,
                        "{}. [[{}]] {} ({}) · {}",
                        index + 1,
                        paper.id,
                        sanitize(&paper.title),
                        paper.year,
                        status.as_str()
                    );
                    if let Some(why) = self.catalog.step_why(track, &paper.id, self.lang) {
                        let _ = writeln!(out, "   {}", sanitize(why));
                    }
                }
                out.push('\n');
            }
            None => {
                for family in &self.catalog.families {
                    let members: Vec<&&Paper> = self.papers.iter().filter(|paper| paper.family == family.id).collect();
                    if members.is_empty() {
                        continue;
                    }
                    let _ = writeln!(out, "## {}\n", sanitize(self.catalog.family_name(family, self.lang)));
                    for paper in members {
                        line(&mut out, paper);
                    }
                    out.push('\n');
                }
            }
        }
        closed(&out)
    }
}

/// `text` ended by the marker, which no line before it may equal (a catalog text that
/// happened to hold it would move the learner's part on every export).
fn closed(text: &str) -> String {
    let mut out: String = text
        .lines()
        .map(|line| if line.trim_end() == MARKER { format!(" {line}\n") } else { format!("{line}\n") })
        .collect();
    out.push_str(MARKER);
    out.push('\n');
    out
}

/// What the learner wrote in an existing note: everything after the marker line, or the whole
/// text when the note has no marker (so a note made by hand is kept, below the new marker).
/// The second value says whether a marker was found.
pub fn learner_part(old: &str) -> (&str, bool) {
    let mut offset = 0;
    for line in old.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == MARKER {
            return (&old[offset..], true);
        }
    }
    (old, false)
}

/// A paper's note file: its id, which is a slug, so it is a safe file name everywhere.
pub fn file_name(paper: &Paper) -> String {
    format!("{}.md", paper.id)
}

//! Every structural problem of a catalog file at once: wrong types, unknown fields,
//! repeated keys and missing fields, in the user's terms.
//!
//! The typed parse (`raw`) stops at the first such problem. When it does, the file is read
//! again as a plain tree ([`Node`]) and walked here against the catalog's shape. Entries
//! that pass become raw entries again, so the usual checks still run on them; the ids of
//! entries that do not are remembered, so links to them are not reported as dangling too.

mod walker;

use crate::raw::{At, RawCatalog, RawFamily, RawNotedStep, RawPaper, RawStep, RawTag, RawTrack, Word};
use crate::tree::Node;
use crate::validate::{Broken, Problem};
use walker::Walker;

const CATALOG_FIELDS: [&str; 5] = ["version", "families", "tags", "papers", "tracks"];
const TRACK_FIELDS: [&str; 4] = ["id", "name", "summary", "steps"];
const STEP_FIELDS: [&str; 2] = ["id", "why"];
const FAMILY_FIELDS: [&str; 4] = ["id", "name", "branch", "summary"];
const TAG_FIELDS: [&str; 3] = ["id", "summary", "aliases"];
const PAPER_FIELDS: [&str; 19] = [
    "id",
    "title",
    "year",
    "month",
    "family",
    "arxiv",
    "arxiv_class",
    "url",
    "authors",
    "et_al",
    "org",
    "venue",
    "code",
    "contribution",
    "focus",
    "builds_on",
    "tags",
    "aliases",
    "draft",
];

/// The entries of a file that are sound in shape, and the ids of those that are not.
pub struct Shaped {
    pub raw: RawCatalog,
    pub broken: Broken,
}

/// Walks a catalog tree, reporting every structural problem; sound entries come back as raw ones.
pub fn check(root: At<Node>, source: u16, problems: &mut Vec<Problem>) -> Shaped {
    let mut walker = Walker { source, problems };
    let mut shaped = Shaped {
        raw: RawCatalog {
            version: At { value: 1, line: root.line, column: root.column },
            families: Vec::new(),
            tags: Vec::new(),
            papers: Vec::new(),
            tracks: Vec::new(),
        },
        broken: Broken::default(),
    };
    let origin = walker.origin(&root);
    let Some(mut fields) = walker.fields("the catalog", root, &CATALOG_FIELDS) else {
        return shaped;
    };
    match fields.take("version") {
        Some(version) => {
            if let Some(version) = walker.whole("version", &version, "1") {
                let value = u32::try_from(version.value).unwrap_or(u32::MAX);
                shaped.raw.version = At { value, line: version.line, column: version.column };
            }
        }
        None => walker.report(origin, "the catalog has no version: start the file with `version: 1`".to_owned()),
    }
    for entry in walker.entries("families", fields.take("families")) {
        let (family, id) = walker.family(entry);
        match family {
            Some(family) => shaped.raw.families.push(family),
            None => shaped.broken.families.extend(id),
        }
    }
    for entry in walker.entries("tags", fields.take("tags")) {
        shaped.raw.tags.extend(walker.tag(entry));
    }
    for entry in walker.entries("papers", fields.take("papers")) {
        let (paper, id) = walker.paper(entry);
        match paper {
            Some(paper) => shaped.raw.papers.push(paper),
            None => shaped.broken.papers.extend(id),
        }
    }
    for entry in walker.entries("tracks", fields.take("tracks")) {
        shaped.raw.tracks.extend(walker.track(entry));
    }
    shaped
}

impl Walker<'_> {
    fn track(&mut self, node: At<Node>) -> Option<At<RawTrack>> {
        let origin = self.origin(&node);
        let (line, column) = (node.line, node.column);
        let mut fields = self.fields(&name_of("track", &node), node, &TRACK_FIELDS)?;
        let before = self.problems.len();
        let (what, id) = self.id(&mut fields, "track", origin);
        let name = self.required(&mut fields, "name", &what, origin).and_then(|value| self.text("name", value));
        let summary =
            self.required(&mut fields, "summary", &what, origin).and_then(|value| self.text("summary", value));
        let steps_node = self.required(&mut fields, "steps", &what, origin)?;
        let (steps_line, steps_column) = (steps_node.line, steps_node.column);
        let mut steps = Vec::new();
        for step in self.entries("steps", Some(steps_node)) {
            let at = self.origin(&step);
            match step.value {
                Node::Map(_) => {
                    let Some(mut fields) = self.fields("a step", step, &STEP_FIELDS) else { continue };
                    let id = self.required(&mut fields, "id", "a step", at).and_then(|value| self.text("id", value));
                    let why = self.optional_text("why", fields.take("why"));
                    if let (Some(id), Ok(why)) = (id, why) {
                        steps.push(RawStep::Noted(RawNotedStep { id: id.value, why: why.map(|why| why.value) }));
                    }
                }
                _ => steps.extend(self.text("steps", step).map(|id| RawStep::Id(id.value))),
            }
        }
        match (id, name, summary) {
            (Some(id), Some(name), Some(summary)) if self.problems.len() == before => {
                let steps = At { value: steps, line: steps_line, column: steps_column };
                Some(At { value: RawTrack { id, name, summary, steps }, line, column })
            }
            _ => None,
        }
    }

    fn family(&mut self, node: At<Node>) -> (Option<At<RawFamily>>, Option<String>) {
        let origin = self.origin(&node);
        let (line, column) = (node.line, node.column);
        let Some(mut fields) = self.fields(&name_of("family", &node), node, &FAMILY_FIELDS) else {
            return (None, None);
        };
        let before = self.problems.len();
        let (what, id) = self.id(&mut fields, "family", origin);
        let mut text = |walker: &mut Self, name: &str| {
            walker.required(&mut fields, name, &what, origin).and_then(|value| walker.text(name, value))
        };
        let (name, branch, summary) = (text(self, "name"), text(self, "branch"), text(self, "summary"));
        let known = id.as_ref().map(|id| id.value.clone());
        match (id, name, branch, summary) {
            (Some(id), Some(name), Some(branch), Some(summary)) if self.problems.len() == before => {
                (Some(At { value: RawFamily { id, name, branch, summary }, line, column }), known)
            }
            _ => (None, known),
        }
    }

    fn tag(&mut self, node: At<Node>) -> Option<At<RawTag>> {
        let origin = self.origin(&node);
        let (line, column) = (node.line, node.column);
        let mut fields = self.fields(&name_of("tag", &node), node, &TAG_FIELDS)?;
        let before = self.problems.len();
        let (what, id) = self.id(&mut fields, "tag", origin);
        let summary =
            self.required(&mut fields, "summary", &what, origin).and_then(|value| self.text("summary", value));
        let aliases = self.texts("aliases", fields.take("aliases"));
        match (id, summary, aliases) {
            (Some(id), Some(summary), Ok(aliases)) if self.problems.len() == before => {
                Some(At { value: RawTag { id, summary, aliases }, line, column })
            }
            _ => None,
        }
    }

    fn paper(&mut self, node: At<Node>) -> (Option<At<RawPaper>>, Option<String>) {
        let origin = self.origin(&node);
        let (line, column) = (node.line, node.column);
        let Some(mut fields) = self.fields(&name_of("paper", &node), node, &PAPER_FIELDS) else { return (None, None) };
        let before = self.problems.len();
        let (what, id) = self.id(&mut fields, "paper", origin);
        let known = id.as_ref().map(|id| id.value.clone());
        let title = self.required(&mut fields, "title", &what, origin).and_then(|value| self.text("title", value));
        let year =
            self.required(&mut fields, "year", &what, origin).and_then(|value| self.whole("year", &value, "2018"));
        let month = fields.take("month").map(|value| self.whole("month", &value, "10"));
        let family = self.required(&mut fields, "family", &what, origin).and_then(|value| self.text("family", value));
        let authors =
            self.required(&mut fields, "authors", &what, origin).map(|value| self.texts("authors", Some(value)));
        let contribution = self
            .required(&mut fields, "contribution", &what, origin)
            .and_then(|value| self.text("contribution", value));
        let et_al = self.flag("et_al", fields.take("et_al"));
        let draft = self.flag("draft", fields.take("draft"));
        let mut optional = |walker: &mut Self, name: &str| walker.optional_text(name, fields.take(name));
        let (arxiv, url, org) = (optional(self, "arxiv"), optional(self, "url"), optional(self, "org"));
        let (venue, code, arxiv_class) =
            (optional(self, "venue"), optional(self, "code"), optional(self, "arxiv_class"));
        let mut list = |walker: &mut Self, name: &str| walker.texts(name, fields.take(name));
        let (focus, builds_on) = (list(self, "focus"), list(self, "builds_on"));
        let (tags, aliases) = (list(self, "tags"), list(self, "aliases"));
        if self.problems.len() != before {
            return (None, known);
        }
        let paper = (|| {
            Some(RawPaper {
                id: word(id?),
                title: title?,
                year: year?,
                month: month.flatten(),
                family: word(family?),
                arxiv: arxiv.ok()?.map(word),
                arxiv_class: arxiv_class.ok()?.map(word),
                url: url.ok()?,
                authors: words(authors?.ok()??),
                et_al: et_al?,
                org: org.ok()?,
                venue: venue.ok()?,
                code: code.ok()?,
                contribution: contribution?,
                focus: focus.ok()?,
                builds_on: builds_on.ok()?.map(words),
                tags: tags.ok()?.map(words),
                aliases: aliases.ok()?.map(words),
                draft: draft?,
            })
        })();
        (paper.map(|value| At { value, line, column }), known)
    }
}

/// A text as the raw paper keeps a short one.
fn word(text: At<String>) -> At<Word> {
    At { value: Word::from(text.value), line: text.line, column: text.column }
}

/// A list of texts as the raw paper keeps short ones.
fn words(texts: At<Vec<String>>) -> At<Vec<Word>> {
    At { value: texts.value.into_iter().map(Word::from).collect(), line: texts.line, column: texts.column }
}

/// How messages name an entry before its fields are read: by its id when it has a plain one.
fn name_of(kind: &str, node: &At<Node>) -> String {
    let Node::Map(entries) = &node.value else { return format!("a {kind}") };
    let id = entries.iter().find_map(|(key, value)| match &value.value {
        Node::Text(id) if key.value == "id" => Some(id),
        _ => None,
    });
    id.map_or_else(|| format!("a {kind}"), |id| format!("{kind} '{}'", id.escape_debug()))
}

//! Every structural problem of a catalog file at once: wrong types, unknown fields,
//! repeated keys and missing fields, in the user's terms.
//!
//! The typed parse (`raw`) stops at the first such problem. When it does, the file is read
//! again as a plain tree ([`Node`]) and walked here against the catalog's shape. Entries
//! that pass become raw entries again, so the usual checks still run on them; the ids of
//! entries that do not are remembered, so links to them are not reported as dangling too.

use std::collections::HashMap;

use super::model::Origin;
use super::raw::{At, RawCatalog, RawFamily, RawPaper, RawTag};
use super::suggest::{Suggester, did_you_mean};
use super::tree::Node;
use super::validate::{Broken, Problem};

const CATALOG_FIELDS: [&str; 4] = ["version", "families", "tags", "papers"];
const FAMILY_FIELDS: [&str; 4] = ["id", "name", "branch", "summary"];
const TAG_FIELDS: [&str; 3] = ["id", "summary", "aliases"];
const PAPER_FIELDS: [&str; 17] = [
    "id",
    "title",
    "year",
    "month",
    "family",
    "arxiv",
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
    shaped
}

/// The fields of one mapping, after repeated and unknown keys were reported.
struct Fields {
    values: HashMap<String, At<Node>>,
}

impl Fields {
    fn take(&mut self, name: &str) -> Option<At<Node>> {
        self.values.remove(name)
    }
}

struct Walker<'a> {
    source: u16,
    problems: &'a mut Vec<Problem>,
}

impl Walker<'_> {
    fn origin<T>(&self, at: &At<T>) -> Origin {
        Origin { source: self.source, line: at.line, column: at.column }
    }

    fn report(&mut self, origin: Origin, message: String) {
        self.problems.push(Problem { origin, message });
    }

    /// The keys of a mapping that `what` must be; repeats and unknown keys are reported.
    fn fields(&mut self, what: &str, node: At<Node>, allowed: &[&str]) -> Option<Fields> {
        let origin = self.origin(&node);
        let Node::Map(entries) = node.value else {
            self.report(
                origin,
                format!("{what} must be a mapping of `key: value` lines, found {}", node.value.describe()),
            );
            return None;
        };
        let mut values: HashMap<String, At<Node>> = HashMap::new();
        let mut first_line: HashMap<String, u32> = HashMap::new();
        let mut suggester = Suggester::new(allowed.iter().copied());
        for (key, value) in entries {
            let at = self.origin(&key);
            if !allowed.contains(&key.value.as_str()) {
                let hint = did_you_mean(&suggester.suggest(&key.value));
                let hint = if hint.is_empty() { format!(" (the fields are {})", allowed.join(", ")) } else { hint };
                self.report(at, format!("{what} has an unknown field '{}'{hint}", key.value.escape_debug()));
                continue;
            }
            if let Some(line) = first_line.get(&key.value) {
                self.report(at, format!("{what} gives '{}' twice (first on line {line}): keep one", key.value));
                continue;
            }
            first_line.insert(key.value.clone(), key.line);
            values.insert(key.value, value);
        }
        Some(Fields { values })
    }

    /// The items of a top-level list (`families`, `tags`, `papers`).
    fn entries(&mut self, field: &str, node: Option<At<Node>>) -> Vec<At<Node>> {
        let Some(node) = node else { return Vec::new() };
        let origin = self.origin(&node);
        match node.value {
            Node::List(items) => items,
            Node::Null => Vec::new(),
            other => {
                self.report(
                    origin,
                    format!("{field}: expected a list of entries (`- id: ...`), found {}", other.describe()),
                );
                Vec::new()
            }
        }
    }

    /// A required field, or a problem naming it.
    fn required(&mut self, fields: &mut Fields, name: &str, what: &str, origin: Origin) -> Option<At<Node>> {
        let value = fields.take(name);
        if value.is_none() {
            self.report(origin, format!("{what} has no {name}, which every one needs"));
        }
        value
    }

    /// One line of text; numbers and booleans count as their text, as the typed parse reads them.
    fn text(&mut self, field: &str, node: At<Node>) -> Option<At<String>> {
        let origin = self.origin(&node);
        let text = match node.value {
            Node::Text(text) => text,
            Node::Integer(number) => number.to_string(),
            Node::Float(number) if field == "arxiv" => arxiv_text(number),
            Node::Float(number) => number.to_string(),
            Node::Bool(value) => value.to_string(),
            Node::Null => {
                self.report(origin, format!("{field} is empty"));
                return None;
            }
            other => {
                self.report(origin, format!("{field}: expected text, found {}", other.describe()));
                return None;
            }
        };
        Some(At { value: text, line: node.line, column: node.column })
    }

    fn optional_text(&mut self, field: &str, node: Option<At<Node>>) -> Result<Option<At<String>>, ()> {
        match node {
            None | Some(At { value: Node::Null, .. }) => Ok(None),
            Some(node) => self.text(field, node).map(Some).ok_or(()),
        }
    }

    /// A whole number; `example` shows one in the message.
    fn whole(&mut self, field: &str, node: &At<Node>, example: &str) -> Option<At<i64>> {
        let origin = self.origin(node);
        let number = match &node.value {
            Node::Integer(number) => i64::try_from(*number).ok(),
            Node::Text(text) => text.trim().parse().ok(),
            _ => None,
        };
        if number.is_none() {
            self.report(
                origin,
                format!("{field}: expected a whole number such as {example}, found {}", node.value.describe()),
            );
        }
        number.map(|value| At { value, line: node.line, column: node.column })
    }

    /// A list of one-line texts.
    fn texts(&mut self, field: &str, node: Option<At<Node>>) -> Result<Option<At<Vec<String>>>, ()> {
        let Some(node) = node else { return Ok(None) };
        let origin = self.origin(&node);
        let items = match node.value {
            Node::List(items) => items,
            Node::Null => return Ok(None),
            other => {
                let found = other.describe();
                self.report(origin, format!("{field}: expected a list such as [first, second], found {found}"));
                return Err(());
            }
        };
        let mut texts = Vec::with_capacity(items.len());
        let mut sound = true;
        for (index, item) in items.into_iter().enumerate() {
            match item.value {
                Node::List(_) | Node::Map(_) | Node::Null => {
                    let at = self.origin(&item);
                    self.report(at, format!("{field}: item {} is {}, expected text", index + 1, item.value.describe()));
                    sound = false;
                }
                _ => texts.extend(self.text(field, item).map(|text| text.value)),
            }
        }
        if sound { Ok(Some(At { value: texts, line: node.line, column: node.column })) } else { Err(()) }
    }

    /// An entry's id as far as it can be read, and how messages name the entry.
    fn id(&mut self, fields: &mut Fields, kind: &str, origin: Origin) -> (String, Option<At<String>>) {
        let id = self.required(fields, "id", &format!("a {kind}"), origin).and_then(|id| self.text("id", id));
        let name = id.as_ref().map_or_else(|| format!("a {kind}"), |id| format!("{kind} '{}'", id.value));
        (name, id)
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
        let et_al = match fields.take("et_al") {
            None | Some(At { value: Node::Bool(false), .. }) => Some(false),
            Some(At { value: Node::Bool(true), .. }) => Some(true),
            Some(other) => {
                let at = self.origin(&other);
                self.report(at, format!("et_al: expected true or false, found {}", other.value.describe()));
                None
            }
        };
        let mut optional = |walker: &mut Self, name: &str| walker.optional_text(name, fields.take(name));
        let (arxiv, url, org) = (optional(self, "arxiv"), optional(self, "url"), optional(self, "org"));
        let (venue, code) = (optional(self, "venue"), optional(self, "code"));
        let mut list = |walker: &mut Self, name: &str| walker.texts(name, fields.take(name));
        let (focus, builds_on) = (list(self, "focus"), list(self, "builds_on"));
        let (tags, aliases) = (list(self, "tags"), list(self, "aliases"));
        if self.problems.len() != before {
            return (None, known);
        }
        let paper = (|| {
            Some(RawPaper {
                id: id?,
                title: title?,
                year: year?,
                month: month.flatten(),
                family: family?,
                arxiv: arxiv.ok()?,
                url: url.ok()?,
                authors: authors?.ok()??,
                et_al: et_al?,
                org: org.ok()?,
                venue: venue.ok()?,
                code: code.ok()?,
                contribution: contribution?,
                focus: focus.ok()?,
                builds_on: builds_on.ok()?,
                tags: tags.ok()?,
                aliases: aliases.ok()?,
            })
        })();
        (paper.map(|value| At { value, line, column }), known)
    }
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

/// The text of an arXiv id written without quotes, which YAML reads as a number: the digits
/// after the point are padded back to four (before 2015) or five, as trailing zeros are lost.
fn arxiv_text(number: f64) -> String {
    let text = number.to_string();
    let Some((yymm, serial)) = text.split_once('.') else { return text };
    let digits = if yymm.len() == 4 && yymm >= "1501" { 5 } else { 4 };
    format!("{yymm}.{serial:0<digits$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_arxiv_ids_get_their_trailing_zeros_back() {
        assert_eq!(arxiv_text(2501.1012), "2501.10120");
        assert_eq!(arxiv_text(1706.03762), "1706.03762");
        assert_eq!(arxiv_text(1409.047), "1409.0470");
        assert_eq!(arxiv_text(2501.1), "2501.10000");
    }
}

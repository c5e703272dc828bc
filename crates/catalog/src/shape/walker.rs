//! The primitives of the structural walk: a mapping's fields (repeats and unknown keys
//! reported), and values read as text, whole numbers or lists of text, each wrong one
//! reported in the user's terms.

use std::collections::HashMap;

use crate::model::Origin;
use crate::raw::At;
use crate::suggest::{Suggester, did_you_mean};
use crate::tree::Node;
use crate::validate::Problem;

/// The fields of one mapping, after repeated and unknown keys were reported.
pub(super) struct Fields {
    values: HashMap<String, At<Node>>,
}

impl Fields {
    pub(super) fn take(&mut self, name: &str) -> Option<At<Node>> {
        self.values.remove(name)
    }
}

pub(super) struct Walker<'a> {
    pub(super) source: u16,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl Walker<'_> {
    pub(super) fn origin<T>(&self, at: &At<T>) -> Origin {
        Origin { source: self.source, line: at.line, column: at.column }
    }

    pub(super) fn report(&mut self, origin: Origin, message: String) {
        self.problems.push(Problem { origin, message });
    }

    /// A true-or-false field (absent: false).
    pub(super) fn flag(&mut self, name: &str, value: Option<At<Node>>) -> Option<bool> {
        match value {
            None | Some(At { value: Node::Bool(false), .. }) => Some(false),
            Some(At { value: Node::Bool(true), .. }) => Some(true),
            Some(other) => {
                let at = self.origin(&other);
                self.report(at, format!("{name}: expected true or false, found {}", other.value.describe()));
                None
            }
        }
    }

    /// The keys of a mapping that `what` must be; repeats and unknown keys are reported.
    pub(super) fn fields(&mut self, what: &str, node: At<Node>, allowed: &[&str]) -> Option<Fields> {
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
    pub(super) fn entries(&mut self, field: &str, node: Option<At<Node>>) -> Vec<At<Node>> {
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
    pub(super) fn required(&mut self, fields: &mut Fields, name: &str, what: &str, origin: Origin) -> Option<At<Node>> {
        let value = fields.take(name);
        if value.is_none() {
            self.report(origin, format!("{what} has no {name}, which every one needs"));
        }
        value
    }

    /// One line of text; numbers and booleans count as their text, as the typed parse reads them.
    pub(super) fn text(&mut self, field: &str, node: At<Node>) -> Option<At<String>> {
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

    pub(super) fn optional_text(&mut self, field: &str, node: Option<At<Node>>) -> Result<Option<At<String>>, ()> {
        match node {
            None | Some(At { value: Node::Null, .. }) => Ok(None),
            Some(node) => self.text(field, node).map(Some).ok_or(()),
        }
    }

    /// A whole number; `example` shows one in the message.
    pub(super) fn whole(&mut self, field: &str, node: &At<Node>, example: &str) -> Option<At<i64>> {
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
    pub(super) fn texts(&mut self, field: &str, node: Option<At<Node>>) -> Result<Option<At<Vec<String>>>, ()> {
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
    pub(super) fn id(&mut self, fields: &mut Fields, kind: &str, origin: Origin) -> (String, Option<At<String>>) {
        let id = self.required(fields, "id", &format!("a {kind}"), origin).and_then(|id| self.text("id", id));
        let name = id.as_ref().map_or_else(|| format!("a {kind}"), |id| format!("{kind} '{}'", id.value));
        (name, id)
    }
}

/// The text of an arXiv id written without quotes, which YAML reads as a number: the digits
/// after the point are padded back to four (before 2015) or five, as trailing zeros are lost.
pub(super) fn arxiv_text(number: f64) -> String {
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

//! A catalog file as a plain tree of values with their positions: what `shape` walks to
//! report every structural problem (wrong types, unknown fields, repeated keys) at once,
//! where the typed parse stops at the first.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::at::At;
use crate::yaml::{ParseError, from_yaml_keeping_repeats};

/// One value as written.
#[derive(Debug)]
pub enum Node {
    /// `~`, `null` or nothing.
    Null,
    Bool(bool),
    /// A whole number.
    Integer(i128),
    Float(f64),
    Text(String),
    List(Vec<At<Node>>),
    /// Keys in file order, repeats kept (so they can be reported).
    Map(Vec<(At<String>, At<Node>)>),
}

impl Node {
    /// What kind of value this is, in a user's words ("a list", "the text 'twenty'").
    pub fn describe(&self) -> String {
        match self {
            Node::Null => "nothing".to_owned(),
            Node::Bool(value) => format!("{value}"),
            Node::Integer(value) => format!("the number {value}"),
            Node::Float(value) => format!("the number {value}"),
            Node::Text(text) => format!("'{}'", shorten(text)),
            Node::List(_) => "a list".to_owned(),
            Node::Map(_) => "a mapping (key: value lines)".to_owned(),
        }
    }
}

/// At most 40 characters of `text`, for messages.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).flat_map(char::escape_debug).collect();
    if text.chars().count() > 40 {
        short.push('…');
    }
    short
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Integer(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Integer(value.into()))
    }

    fn visit_i128<E>(self, value: i128) -> Result<Node, E> {
        Ok(Node::Integer(value))
    }

    fn visit_u128<E>(self, value: u128) -> Result<Node, E> {
        Ok(i128::try_from(value).map_or(Node::Float(value as f64), Node::Integer))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Node, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element()? {
            list.push(item);
        }
        Ok(Node::List(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Node, A::Error> {
        let mut map = Vec::new();
        while let Some(key) = entries.next_key()? {
            map.push((key, entries.next_value()?));
        }
        Ok(Node::Map(map))
    }
}

/// Parses a YAML document into a plain tree, repeated keys kept, under the program's
/// budget: the second look at a catalog the typed parse refused, to report all it got wrong.
pub fn parse_yaml(text: &str) -> Result<At<Node>, ParseError> {
    from_yaml_keeping_repeats(text)
}

/// A JSON value as a tree (JSON carries no positions, so all are 0).
pub fn from_json(value: serde_json::Value) -> At<Node> {
    At { value: json_node(value), line: 0, column: 0 }
}

fn json_node(value: serde_json::Value) -> Node {
    match value {
        serde_json::Value::Null => Node::Null,
        serde_json::Value::Bool(value) => Node::Bool(value),
        serde_json::Value::Number(number) => match number.as_i64() {
            Some(whole) => Node::Integer(whole.into()),
            None => number
                .as_u64()
                .map_or_else(|| Node::Float(number.as_f64().unwrap_or(f64::NAN)), |whole| Node::Integer(whole.into())),
        },
        serde_json::Value::String(text) => Node::Text(text),
        serde_json::Value::Array(items) => Node::List(items.into_iter().map(from_json).collect()),
        serde_json::Value::Object(entries) => Node::Map(
            entries.into_iter().map(|(key, value)| (At { value: key, line: 0, column: 0 }, from_json(value))).collect(),
        ),
    }
}

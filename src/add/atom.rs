//! arXiv's answer read: the Atom feed of `query?id_list=ID` (arXiv's API user manual, §5:
//! one `<entry>` per paper, its `<id>` the abstract page of the latest version, `<published>`
//! the date of version 1, `<author><name>` in order, `<summary>` the abstract, and
//! `<arxiv:primary_category term="cs.CL">` in arXiv's own namespace). Namespaces are resolved,
//! so only Atom's and arXiv's elements count, whatever prefixes the document picks.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::catalog::ArxivId;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const ARXIV: &str = "http://arxiv.org/schemas/atom";

/// One paper as arXiv describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preprint {
    /// The abstract page of the latest version (`http://arxiv.org/abs/1706.03762v7`), or one
    /// of `http://arxiv.org/api/errors#…` when arXiv refused the query.
    pub id: String,
    /// The title as arXiv has it (line breaks and runs of spaces still in it).
    pub title: String,
    /// The abstract, likewise.
    pub summary: String,
    /// Authors in the paper's order.
    pub authors: Vec<String>,
    /// When version 1 appeared (`2017-06-12T17:57:34Z`).
    pub published: String,
    /// arXiv's primary category (`cs.CL`).
    pub primary_category: Option<String>,
}

/// Why an answer is not an Atom feed: not XML, XML cut short, or XML whose root is not
/// Atom's `<feed>`.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("is not an Atom feed ({0})")]
pub struct NotAtom(pub String);

/// Where the reader is: the names of the open elements, each with whether it is Atom's,
/// arXiv's or another's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Space {
    Atom,
    Arxiv,
    Other,
}

fn space(resolved: &ResolveResult<'_>) -> Space {
    match resolved {
        ResolveResult::Bound(namespace) if namespace.as_ref() == ATOM => Space::Atom,
        ResolveResult::Bound(namespace) if namespace.as_ref() == ARXIV => Space::Arxiv,
        _ => Space::Other,
    }
}

/// The entries of an Atom feed, in order; an error when `body` is not one.
pub fn entries(body: &[u8]) -> Result<Vec<Preprint>, NotAtom> {
    let text = std::str::from_utf8(body).map_err(|_| NotAtom("it is not UTF-8 text".to_owned()))?;
    let mut reader = NsReader::from_str(text);
    let mut open: Vec<(Space, String)> = Vec::new();
    let mut entries: Vec<Preprint> = Vec::new();
    let mut text = String::new();
    let mut seen_root = false;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|error| NotAtom(error.to_string()))?;
        let space = space(&resolved);
        match event {
            Event::Start(start) | Event::Empty(start) if !seen_root => {
                let name = local_name(&start);
                if space != Space::Atom || name != "feed" {
                    return Err(NotAtom(format!("its root element is <{name}>, not Atom's <feed>")));
                }
                seen_root = true;
                open.push((space, name));
            }
            Event::Start(start) => {
                let name = local_name(&start);
                if open.len() == 1 && space == Space::Atom && name == "entry" {
                    entries.push(Preprint::default());
                }
                text.clear();
                open.push((space, name));
            }
            Event::Empty(start) => {
                let in_entry = open.len() == 2 && open[1] == (Space::Atom, "entry".to_owned());
                if in_entry && space == Space::Arxiv && local_name(&start) == "primary_category" {
                    let term = start
                        .try_get_attribute("term")
                        .ok()
                        .flatten()
                        .and_then(|term| term.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                        .map(|term| term.trim().to_owned());
                    if let Some(entry) = entries.last_mut() {
                        entry.primary_category = term.filter(|term| !term.is_empty());
                    }
                }
            }
            Event::Text(part) => text.push_str(&part.xml10_content()),
            Event::CData(part) => text.push_str(&part.xml10_content()),
            Event::GeneralRef(reference) => {
                let name = reference.xml10_content();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned),
                    Err(_) => None,
                };
                let resolved = resolved.ok_or_else(|| NotAtom(format!("unknown entity &{name};")))?;
                text.push_str(&resolved);
            }
            Event::End(_) => {
                let closed = open.pop();
                if let (Some(closed), Some(entry)) = (closed, entries.last_mut()) {
                    take_field(entry, &open, &closed, &text);
                }
                text.clear();
            }
            Event::Eof if open.is_empty() => break,
            Event::Eof => {
                let name = open.last().map(|(_, name)| name.as_str()).unwrap_or_default();
                return Err(NotAtom(format!("it ends before </{name}>: cut short?")));
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !seen_root {
        return Err(NotAtom("it holds no element".to_owned()));
    }
    Ok(entries)
}

/// Keeps the text of an element that just closed when it is one of an entry's fields.
fn take_field(entry: &mut Preprint, open: &[(Space, String)], closed: &(Space, String), text: &str) {
    let is_entry = |at: usize| open.get(at).is_some_and(|(space, name)| *space == Space::Atom && name == "entry");
    let (space, name) = closed;
    if open.len() == 2 && is_entry(1) && *space == Space::Atom {
        match name.as_str() {
            "id" => text.trim().clone_into(&mut entry.id),
            "title" => text.clone_into(&mut entry.title),
            "summary" => text.clone_into(&mut entry.summary),
            "published" => text.trim().clone_into(&mut entry.published),
            _ => {}
        }
    }
    let in_author = open.len() == 3 && is_entry(1) && open[2] == (Space::Atom, "author".to_owned());
    if in_author && *space == Space::Atom && name == "name" {
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            entry.authors.push(name);
        }
    }
}

fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

impl Preprint {
    /// The arXiv id the entry is about (its `<id>`, without the version), unless the entry
    /// is arXiv's way of refusing the query.
    pub fn arxiv_id(&self) -> Option<ArxivId> {
        ArxivId::find_in(&self.id)
    }

    /// The year and month of version 1, from `<published>` (`2017-06-12T…`).
    pub fn published_month(&self) -> Option<(u16, u8)> {
        let year = self.published.get(..4)?.parse().ok()?;
        let month = self.published.get(5..7)?.parse().ok().filter(|month| (1..=12).contains(month))?;
        Some((year, month))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer in the shape of arXiv's user manual's example, with another prefix for
    /// arXiv's namespace to show that names are resolved, not matched as written.
    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ax="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=1706.03762</title>
  <id>http://arxiv.org/api/abc</id>
  <entry>
    <id>http://arxiv.org/abs/1706.03762v7</id>
    <published>2017-06-12T17:57:34Z</published>
    <title>Attention Is All
  You Need</title>
    <summary>  The dominant sequence transduction models &amp; more &#x3b1;.
</summary>
    <author><name>Ashish Vaswani</name></author>
    <author><name>Noam
 Shazeer</name><ax:affiliation>Google</ax:affiliation></author>
    <ax:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>"#;

    #[test]
    fn an_entry_is_read_with_its_fields() {
        let entries = entries(FEED.as_bytes()).expect("a feed");
        assert_eq!(entries.len(), 1);
        let entry = &entries[0];
        assert_eq!(entry.arxiv_id().map(|id| id.to_string()).as_deref(), Some("1706.03762"));
        assert_eq!(entry.title, "Attention Is All\n  You Need");
        assert_eq!(entry.summary.trim(), "The dominant sequence transduction models & more \u{3b1}.");
        assert_eq!(entry.authors, ["Ashish Vaswani", "Noam Shazeer"]);
        assert_eq!(entry.published_month(), Some((2017, 6)));
        assert_eq!(entry.primary_category.as_deref(), Some("cs.CL"));
    }

    #[test]
    fn what_is_not_an_atom_feed_is_refused() {
        assert!(matches!(entries(b"<html><body>Hi</body></html>"), Err(NotAtom(_))));
        assert!(matches!(entries(b"{\"id\": 1}"), Err(NotAtom(_))));
        assert!(matches!(entries(b"<feed><entry/></feed>"), Err(NotAtom(_))), "no Atom namespace");
        assert!(matches!(entries(b"\xff\xfe"), Err(NotAtom(_))));
        assert!(matches!(entries(b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>"), Err(NotAtom(_))));
        let empty = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>"#;
        assert_eq!(entries(empty.as_bytes()), Ok(Vec::new()));
    }
}

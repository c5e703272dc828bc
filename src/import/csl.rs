//! Reading CSL-JSON, Zotero's other export: an array of items.

use serde_json::Value;

use super::{Clues, Reference};

/// The references of a CSL-JSON file, or `LINE:COLUMN: what is wrong`.
pub fn references(text: &str) -> Result<Vec<Reference>, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| format!("{}:{}: not valid JSON: {error}", error.line(), error.column()))?;
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(object) => match object.get("items") {
            Some(Value::Array(items)) => items,
            _ => return Err("1: CSL-JSON is an array of items".to_owned()),
        },
        _ => return Err("1: CSL-JSON is an array of items".to_owned()),
    };
    // Note: only objects are items; anything else in the array is no entry at all.
    Ok(items
        .iter()
        .filter(|item| item.is_object())
        .map(|item| {
            let field = |name: &str| item.get(name).and_then(Value::as_str).filter(|value| !value.trim().is_empty());
            let texts: Vec<&str> = ["number", "note", "container-title", "archive", "publisher"]
                .iter()
                .filter_map(|name| field(name))
                .collect();
            let clues = Clues { eprint: None, links: field("URL").into_iter().collect(), doi: field("DOI"), texts };
            // Note: JSON has no line per item worth giving; 0 means "not known".
            Reference::new(0, field("title").map(without_markup), &clues)
        })
        .collect())
}

/// A CSL title as plain text: its rich-text tags (`<i>`, `<span class="nocase">`) dropped,
/// spaces single.
fn without_markup(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ArxivId;

    #[test]
    fn zotero_items_give_arxiv_ids_from_their_url_doi_or_number() {
        let text = r#"[
          {"type": "article", "title": "LoRA", "URL": "http://arxiv.org/abs/2106.09685"},
          {"type": "article", "title": "BERT", "DOI": "10.48550/arXiv.1810.04805"},
          {"type": "article", "title": "GPT-3", "number": "arXiv:2005.14165"},
          {"type": "book", "title": "Elsewhere", "DOI": "10.1000/XYZ"},
          {"type": "book"}
        ]"#;
        let references = references(text).unwrap();
        assert_eq!(references[0].arxiv, ArxivId::find_in("2106.09685"));
        assert_eq!(references[1].arxiv, ArxivId::find_in("1810.04805"));
        assert_eq!(references[2].arxiv, ArxivId::find_in("2005.14165"));
        assert_eq!(references[3].doi.as_ref().map(crate::catalog::Doi::as_str), Some("10.1000/xyz"));
        assert_eq!(references[4].title, None);
        assert_eq!(
            without_markup("The <b>Huaynaputina</b>  <span class=\"nocase\">eruption</span>"),
            "The Huaynaputina eruption"
        );
        assert!(super::references("[{\"title\": }]").unwrap_err().starts_with("1:"));
        assert!(super::references("{\"title\": \"x\"}").unwrap_err().contains("array of items"));
    }
}

//! arXiv identifiers: parsing, the year and month they encode, links, and finding one in
//! whatever form a person pastes (`arXiv:1706.03762`, an abstract or PDF link).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A validated arXiv identifier without version, new (`1810.04805`) or old (`cs/0112017`) style.
///
/// Note: it is decoded (from the cache and the embedded catalog) through [`ArxivId::parse`]
/// too, so no unchecked id can exist.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArxivId(String);

impl TryFrom<String> for ArxivId {
    type Error = String;

    fn try_from(text: String) -> Result<ArxivId, String> {
        ArxivId::parse(&text)
    }
}

impl From<ArxivId> for String {
    fn from(id: ArxivId) -> String {
        id.0
    }
}

impl ArxivId {
    /// The arXiv id a reference names, whatever its form: `1706.03762`, `1706.03762v5`,
    /// `arXiv:1706.03762`, or an arxiv.org abstract or PDF link with or without a version.
    pub fn find_in(reference: &str) -> Option<ArxivId> {
        let text = reference.trim();
        let text = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")).unwrap_or(text);
        let text = text.strip_prefix("www.").unwrap_or(text);
        let text = text.strip_prefix("export.").unwrap_or(text);
        let text = ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv.org/html/", "arxiv:", "arXiv:", "ARXIV:"]
            .iter()
            .find_map(|prefix| text.strip_prefix(prefix))
            .unwrap_or(text);
        let text = text.trim_end_matches('/');
        let text = text.strip_suffix(".pdf").unwrap_or(text);
        let without_version = match text.rfind('v') {
            Some(at) if at > 0 && text[at + 1..].chars().all(|c| c.is_ascii_digit()) && at + 1 < text.len() => {
                &text[..at]
            }
            _ => text,
        };
        ArxivId::parse(without_version).ok()
    }

    /// Parses an identifier, returning why it is not one.
    pub fn parse(text: &str) -> Result<ArxivId, String> {
        let well_formed = match text.split_once('/') {
            Some((archive, number)) => is_old_style(archive, number),
            None => is_new_style(text),
        };
        if !well_formed {
            return Err(format!(
                "'{text}' is not an arXiv id (expected YYMM.NNNNN like 1810.04805, or archive/YYMMNNN like cs/0112017, without a version)"
            ));
        }
        let id = ArxivId(text.to_owned());
        if !(1..=12).contains(&id.month()) {
            return Err(format!("'{text}' is not an arXiv id (month {} is not 01-12)", id.month()));
        }
        Ok(id)
    }

    /// The identifier as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn yymm(&self) -> &str {
        match self.0.split_once('/') {
            Some((_, number)) => &number[..4],
            None => &self.0[..4],
        }
    }

    /// The year of submission encoded in the identifier.
    pub fn year(&self) -> u16 {
        let yy: u16 = self.yymm()[..2].parse().unwrap_or(0);
        // Note: arXiv began in 1991, so 91-99 are the 1990s and 00-90 this century.
        if yy >= 91 { 1900 + yy } else { 2000 + yy }
    }

    /// The month of submission encoded in the identifier (1-12).
    pub fn month(&self) -> u8 {
        self.yymm()[2..].parse().unwrap_or(0)
    }

    /// The abstract page.
    pub fn abs_url(&self) -> String {
        format!("https://arxiv.org/abs/{}", self.0)
    }

    /// The PDF.
    pub fn pdf_url(&self) -> String {
        format!("https://arxiv.org/pdf/{}", self.0)
    }
}

impl fmt::Display for ArxivId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_new_style(text: &str) -> bool {
    let Some((yymm, number)) = text.split_once('.') else {
        return false;
    };
    // Note: four-digit serials ran from 0704 to 1412, five digits since 1501.
    let digits = if yymm < "1501" { 4 } else { 5 };
    yymm.len() == 4 && all_digits(yymm) && number.len() == digits && all_digits(number)
}

fn is_old_style(archive: &str, number: &str) -> bool {
    let (name, subject) = archive.split_once('.').unwrap_or((archive, ""));
    let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let subject_ok = subject.is_empty() || subject.bytes().all(|b| b.is_ascii_uppercase());
    name_ok && subject_ok && number.len() == 7 && all_digits(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_style_ids_give_year_and_month() {
        let id = ArxivId::parse("1810.04805").expect("valid id");
        assert_eq!((id.year(), id.month()), (2018, 10));
        assert_eq!(id.abs_url(), "https://arxiv.org/abs/1810.04805");
        assert_eq!(id.pdf_url(), "https://arxiv.org/pdf/1810.04805");
    }

    #[test]
    fn four_digit_serials_belong_before_2015() {
        assert!(ArxivId::parse("1409.0473").is_ok());
        assert!(ArxivId::parse("1409.04730").is_err());
        assert!(ArxivId::parse("2005.1416").is_err());
    }

    #[test]
    fn old_style_ids_are_accepted() {
        let id = ArxivId::parse("cs/9912012").expect("valid id");
        assert_eq!((id.year(), id.month()), (1999, 12));
        assert!(ArxivId::parse("math.GT/0309136").is_ok());
    }

    #[test]
    fn ids_are_found_in_links_and_versioned_forms() {
        for reference in [
            "1706.03762",
            "1706.03762v5",
            "arXiv:1706.03762",
            "https://arxiv.org/abs/1706.03762v5",
            "http://arxiv.org/pdf/1706.03762v2.pdf",
            "arxiv.org/abs/1706.03762/",
        ] {
            assert_eq!(ArxivId::find_in(reference).map(String::from).as_deref(), Some("1706.03762"), "{reference}");
        }
        assert_eq!(
            ArxivId::find_in("https://arxiv.org/abs/cs/9912012v1").map(String::from).as_deref(),
            Some("cs/9912012")
        );
        assert!(ArxivId::find_in("gpt-3").is_none());
        assert!(ArxivId::find_in("https://example.com/1706.03762").is_none());
    }

    #[test]
    fn decoding_checks_the_id_too() {
        assert!(serde_json::from_str::<ArxivId>("\"1810.04805\"").is_ok());
        assert!(serde_json::from_str::<ArxivId>("\"not an id\"").is_err());
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in ["", "1810.04805v2", "1813.04805", "abcd.12345", "CS/9912012", "cs/99120", "1810-04805"] {
            assert!(ArxivId::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}

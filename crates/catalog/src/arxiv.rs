//! arXiv identifiers: parsing, the year and month they encode, links, and finding one in
//! whatever form a person pastes (`arXiv:1706.03762`, arXiv's DOI, a link to arXiv or to a
//! site that mirrors its papers under their ids).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::doi::Doi;
use crate::link::{Link, strip_prefix_ignore_case, strip_suffix_ignore_case};

/// The sites whose links name an arXiv paper, each with the folders it puts the id under
/// (`huggingface.co/papers/2106.09685`); a host is compared without `www.` and case.
pub const SITES: &[(&str, &[&str])] = &[
    ("arxiv.org", &["abs/", "pdf/", "html/"]),
    ("export.arxiv.org", &["abs/", "pdf/", "html/"]),
    ("huggingface.co", &["papers/"]),
    ("alphaxiv.org", &["abs/", "overview/", "pdf/"]),
];

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
    /// `hep-th/9901001`, `arXiv:1706.03762`, arXiv's DOI (`10.48550/arXiv.1706.03762`, after
    /// `doi:` or as a doi.org link, in any case), or a link to one of [`SITES`] (with or
    /// without `https://`, a version, `.pdf`, a query string or a trailing `/`).
    ///
    /// Note: only the hosts in [`SITES`] are read. A link elsewhere names nothing, even with
    /// an arXiv-looking number in it: a number in an unknown site's path may be a date, an
    /// issue or another paper's id, and taking it would open a paper the person never named.
    /// They get the usual "no paper" error instead.
    pub fn find_in(reference: &str) -> Option<ArxivId> {
        let text = reference.trim();
        if let Some(doi) = Doi::find_in(text) {
            return ArxivId::of_doi(&doi);
        }
        let link = Link::parse(text);
        let id = match SITES.iter().find(|(host, _)| *host == link.host) {
            Some((_, folders)) => folders.iter().find_map(|folder| strip_prefix_ignore_case(link.path, folder))?,
            None if link.has_scheme => return None,
            None => strip_prefix_ignore_case(text, "arxiv:").map_or(text, str::trim_start),
        };
        let id = id.trim_end_matches('/');
        let id = strip_suffix_ignore_case(id, ".pdf").unwrap_or(id);
        ArxivId::parse(unversioned(id)).ok()
    }

    /// The arXiv id of arXiv's own DOI (`10.48550/arXiv.ID`), if the DOI is one.
    pub fn of_doi(doi: &Doi) -> Option<ArxivId> {
        let id = unversioned(doi.as_str().strip_prefix("10.48550/arxiv.")?);
        // Note: a DOI is held lowercase; an old-style id's subject class is uppercase (math.GT).
        let id = match id.split_once('/') {
            Some((archive, number)) => match archive.split_once('.') {
                Some((name, subject)) => format!("{name}.{}/{number}", subject.to_ascii_uppercase()),
                None => id.to_owned(),
            },
            None => id.to_owned(),
        };
        ArxivId::parse(&id).ok()
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

/// An id without its version (`2106.09685v2` and `2106.09685V2` are `2106.09685`).
fn unversioned(text: &str) -> &str {
    match text.rfind(['v', 'V']) {
        Some(at) if at > 0 && all_digits(&text[at + 1..]) => &text[..at],
        _ => text,
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

    fn found(reference: &str) -> Option<String> {
        ArxivId::find_in(reference).map(String::from)
    }

    #[test]
    fn ids_are_found_in_links_and_versioned_forms() {
        for reference in [
            "1706.03762",
            "1706.03762v5",
            " arXiv:1706.03762 ",
            "ARXIV: 1706.03762v1",
            "1706.03762v2.pdf",
            "https://arxiv.org/abs/1706.03762v5",
            "http://arxiv.org/pdf/1706.03762v2.pdf",
            "arxiv.org/abs/1706.03762/",
            "https://arxiv.org/abs/1706.03762?context=cs",
            "https://www.arxiv.org/html/1706.03762v7#S3",
            "HTTPS://ArXiv.org/PDF/1706.03762V5.PDF",
            "https://export.arxiv.org/abs/1706.03762",
        ] {
            assert_eq!(found(reference).as_deref(), Some("1706.03762"), "{reference}");
        }
        assert_eq!(found("https://arxiv.org/abs/cs/9912012v1").as_deref(), Some("cs/9912012"));
        assert_eq!(found("hep-th/9901001v2").as_deref(), Some("hep-th/9901001"));
        assert!(found("gpt-3").is_none());
    }

    #[test]
    fn ids_are_found_in_arxivs_dois_whatever_their_case() {
        for reference in [
            "10.48550/arXiv.2106.09685",
            "doi:10.48550/arXiv.2106.09685",
            "https://doi.org/10.48550/ARXIV.2106.09685",
            "dx.doi.org/10.48550/arxiv.2106.09685",
        ] {
            assert_eq!(found(reference).as_deref(), Some("2106.09685"), "{reference}");
        }
        assert_eq!(found("10.48550/ARXIV.MATH.GT/0309136").as_deref(), Some("math.GT/0309136"));
        assert_eq!(found("https://doi.org/10.48550/arXiv.HEP-TH/9901001").as_deref(), Some("hep-th/9901001"));
        assert_eq!(found("10.18653/v1/N19-1423"), None, "another registrant's DOI is no arXiv id");
        assert_eq!(found("10.48550/arXiv.not-an-id"), None);
    }

    #[test]
    fn ids_are_found_in_links_to_sites_that_mirror_arxiv() {
        for reference in [
            "https://huggingface.co/papers/2106.09685",
            "huggingface.co/papers/2106.09685#community",
            "https://www.alphaxiv.org/abs/2106.09685",
            "https://alphaxiv.org/overview/2106.09685v2",
            "https://www.alphaxiv.org/pdf/2106.09685v2.pdf",
        ] {
            assert_eq!(found(reference).as_deref(), Some("2106.09685"), "{reference}");
        }
    }

    #[test]
    fn links_elsewhere_or_to_other_pages_name_no_id() {
        for reference in [
            "https://example.com/2106.09685",
            "https://example.com/abs/2106.09685",
            "example.com/abs/2106.09685",
            "https://huggingface.co/2106.09685",
            "https://huggingface.co/papers/2106.09685/extra",
            "https://arxiv.org/list/2106.09685",
            "https://arxiv.org/abs/",
            "https://arxiv.org.evil.com/abs/2106.09685",
            "https://github.com/org/repo/issues/2106.09685",
            "arxiv:",
            "v2",
            "2106.09685vé",
        ] {
            assert_eq!(found(reference), None, "{reference}");
        }
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

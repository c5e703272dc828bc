//! DOIs: finding one in whatever form a person or a library writes it (`10.1000/xyz`,
//! `doi:10.1000/xyz`, a doi.org link), held in the one case they are compared in.

use std::fmt;

use crate::link::{Link, strip_prefix_ignore_case};

/// The hosts whose links name a DOI (`https://doi.org/10.1000/xyz`).
pub const DOI_HOSTS: &[&str] = &["doi.org", "dx.doi.org"];

/// A DOI, lowercase: the DOI system ignores case, so `10.48550/ARXIV.2106.09685` and
/// `10.48550/arXiv.2106.09685` are one DOI and compare equal here.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Doi(String);

impl Doi {
    /// The DOI a reference names: `10.PREFIX/SUFFIX` as it is, after `doi:`, or in a link
    /// to doi.org or dx.doi.org (with or without `https://`; a query string, fragment or
    /// trailing `/` dropped). A link to any other host names no DOI, even with one inside it.
    pub fn find_in(reference: &str) -> Option<Doi> {
        let text = reference.trim();
        let link = Link::parse(text);
        let doi = if DOI_HOSTS.contains(&link.host.as_str()) {
            link.path.trim_end_matches('/')
        } else if link.has_scheme {
            return None;
        } else {
            strip_prefix_ignore_case(text, "doi:").map_or(text, str::trim_start)
        };
        let (registrant, suffix) = doi.split_once('/')?;
        let registrant_ok = registrant
            .strip_prefix("10.")
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        let suffix_ok = !suffix.is_empty() && !suffix.chars().any(|c| c.is_whitespace() || c.is_control());
        (registrant_ok && suffix_ok).then(|| Doi(doi.to_lowercase()))
    }

    /// The DOI, lowercase, without `doi:` or a link around it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doi(reference: &str) -> Option<String> {
        Doi::find_in(reference).map(|doi| doi.as_str().to_owned())
    }

    #[test]
    fn dois_are_found_bare_after_doi_and_in_doi_org_links_in_any_case() {
        for reference in [
            "10.48550/arXiv.2106.09685",
            " doi:10.48550/arXiv.2106.09685",
            "DOI: 10.48550/arxiv.2106.09685",
            "https://doi.org/10.48550/ARXIV.2106.09685",
            "http://dx.doi.org/10.48550/arXiv.2106.09685/",
            "doi.org/10.48550/arXiv.2106.09685?via=x",
            "https://www.doi.org/10.48550/arXiv.2106.09685",
        ] {
            assert_eq!(doi(reference).as_deref(), Some("10.48550/arxiv.2106.09685"), "{reference}");
        }
        assert_eq!(doi("10.18653/v1/N19-1423").as_deref(), Some("10.18653/v1/n19-1423"));
    }

    #[test]
    fn other_text_and_other_hosts_name_no_doi() {
        for reference in [
            "",
            "lora",
            "2106.09685",
            "10.48550",
            "10./x",
            "11.1000/x",
            "10.1000/",
            "10.1000/a b",
            "https://example.com/10.48550/arXiv.2106.09685",
            "https://doi.org/",
        ] {
            assert_eq!(doi(reference), None, "{reference}");
        }
    }
}

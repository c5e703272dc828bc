//! Links as people paste them: with or without `https://` and `www.`, the host in any case,
//! a query string or fragment after the path.

/// A pasted reference read as a link (any text is one; whether its host means anything is
/// for the caller to say).
pub(crate) struct Link<'a> {
    /// The host, lowercase, without `www.`.
    pub host: String,
    /// What follows the host's `/`, without query string or fragment.
    pub path: &'a str,
    /// Whether it began with `http://` or `https://`, so that it is surely meant as a link.
    pub has_scheme: bool,
}

impl<'a> Link<'a> {
    /// Splits `text` (already trimmed) into host and path.
    pub fn parse(text: &'a str) -> Link<'a> {
        let (rest, has_scheme) =
            match strip_prefix_ignore_case(text, "https://").or_else(|| strip_prefix_ignore_case(text, "http://")) {
                Some(rest) => (rest, true),
                None => (text, false),
            };
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let host = host.to_ascii_lowercase();
        let host = host.strip_prefix("www.").map_or_else(|| host.clone(), str::to_owned);
        Link { host, path, has_scheme }
    }
}

/// `text` after `prefix`, whatever the ASCII case of either.
pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| text.get(prefix.len()..)).flatten()
}

/// `text` before `suffix`, whatever the ASCII case of either.
pub(crate) fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| text.get(..at)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_split_into_host_and_path_whatever_their_scheme_case_and_query() {
        let link = Link::parse("HTTPS://WWW.ArXiv.org/abs/2106.09685v2?context=cs#x");
        assert_eq!((link.host.as_str(), link.path, link.has_scheme), ("arxiv.org", "abs/2106.09685v2", true));
        let link = Link::parse("arxiv.org/pdf/2106.09685");
        assert_eq!((link.host.as_str(), link.path, link.has_scheme), ("arxiv.org", "pdf/2106.09685", false));
        let link = Link::parse("hep-th/9901001");
        assert_eq!((link.host.as_str(), link.path), ("hep-th", "9901001"));
    }

    #[test]
    fn prefixes_and_suffixes_strip_without_case_or_panics() {
        assert_eq!(strip_prefix_ignore_case("ArXiv:1", "arxiv:"), Some("1"));
        assert_eq!(strip_prefix_ignore_case("é", "ab"), None, "no cut inside a character");
        assert_eq!(strip_suffix_ignore_case("x.PDF", ".pdf"), Some("x"));
        assert_eq!(strip_suffix_ignore_case("ü.pdf", "aaaaaa.pdf"), None);
        assert_eq!(strip_suffix_ignore_case("aü", "b"), None, "no cut inside a character");
    }
}

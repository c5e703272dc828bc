//! Checks of one entry at a time (a family, tag or paper as written), recording every
//! problem against its source and position.

use std::collections::HashSet;

use super::Problem;
use crate::model::{ArxivId, Branch, Family, Origin, Paper, Step, Tag, Track, YEARS, is_unsafe_char};
use crate::raw::{At, RawFamily, RawNotedStep, RawPaper, RawStep, RawTag, RawTrack};

/// Checks one entry at a time and records problems against one source.
pub(super) struct Checker<'a> {
    pub(super) source: u16,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    pub(super) fn origin<T>(&self, at: &At<T>) -> Origin {
        Origin { source: self.source, line: at.line, column: at.column }
    }

    pub(super) fn report(&mut self, origin: Origin, message: String) {
        self.problems.push(Problem { origin, message });
    }

    /// A field that must hold one line of text.
    fn line(&mut self, field: &str, value: At<String>) -> Option<String> {
        let origin = self.origin(&value);
        let text = value.value;
        let text = if text.trim().len() == text.len() { text } else { text.trim().to_owned() };
        self.text(field, text, origin)
    }

    /// A field of prose: line breaks and runs of spaces fold into single spaces.
    fn prose(&mut self, field: &str, value: At<String>) -> Option<String> {
        let origin = self.origin(&value);
        let text = value.value;
        let folded = text.split_whitespace().eq(text.split(' '));
        let text = if folded { text } else { text.split_whitespace().collect::<Vec<_>>().join(" ") };
        self.text(field, text, origin)
    }

    fn text(&mut self, field: &str, text: String, origin: Origin) -> Option<String> {
        if text.is_empty() {
            self.report(origin, format!("{field} is empty"));
            return None;
        }
        if let Some(bad) = text.chars().find(|&c| is_unsafe_char(c)) {
            self.report(origin, format!("{field} contains the control character {}", bad.escape_unicode()));
            return None;
        }
        Some(text)
    }

    /// A slug, or the text as written (for fallbacks) after reporting why it is not one.
    fn slug(&mut self, field: &str, value: At<impl Into<String>>, allow_dot: bool) -> Result<String, String> {
        let origin = self.origin(&value);
        self.slug_at(field, value.value.into(), allow_dot, origin)
    }

    fn slug_at(&mut self, field: &str, text: String, allow_dot: bool, origin: Origin) -> Result<String, String> {
        let valid_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (allow_dot && c == '.');
        let edges_ok = text.starts_with(|c: char| c.is_ascii_alphanumeric())
            && text.ends_with(|c: char| c.is_ascii_alphanumeric());
        if text.is_empty() || !text.chars().all(valid_char) || !edges_ok {
            let allowed = if allow_dot { "a-z, 0-9, '-' and '.'" } else { "a-z, 0-9 and '-'" };
            self.report(
                origin,
                format!(
                    "{field} '{}' is not a slug: use {allowed}, starting and ending with a letter or digit",
                    text.escape_debug()
                ),
            );
            return Err(text);
        }
        Ok(text)
    }

    fn link(&mut self, field: &str, value: At<String>) -> Option<String> {
        let origin = self.origin(&value);
        let text = self.line(field, value)?;
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => Some(text),
            _ => {
                self.report(origin, format!("{field} '{}' is not an http(s) URL", text.escape_debug()));
                None
            }
        }
    }

    /// A list of one-line texts (problems are placed at the list).
    fn lines(&mut self, field: &str, values: Option<At<Vec<impl Into<String>>>>) -> Option<Vec<String>> {
        let Some(values) = values else { return Some(Vec::new()) };
        let origin = self.origin(&values);
        let count = values.value.len();
        let kept: Vec<String> = values
            .value
            .into_iter()
            .filter_map(|value| {
                let value: String = value.into();
                let value = if value.trim().len() == value.len() { value } else { value.trim().to_owned() };
                self.text(field, value, origin)
            })
            .collect();
        (kept.len() == count).then_some(kept)
    }

    /// A list of distinct slugs; on any problem, every entry as written (for fallbacks).
    fn slugs(
        &mut self,
        field: &str,
        values: Option<At<Vec<impl Into<String>>>>,
        allow_dot: bool,
    ) -> Result<Vec<String>, Vec<String>> {
        let Some(values) = values else { return Ok(Vec::new()) };
        let origin = self.origin(&values);
        let mut seen = HashSet::new();
        let mut all = Vec::with_capacity(values.value.len());
        let mut sound = true;
        for value in values.value {
            match self.slug_at(field, value.into(), allow_dot, origin) {
                Ok(slug) if seen.insert(slug.clone()) => all.push(slug),
                Ok(slug) => {
                    self.report(origin, format!("{field} lists '{slug}' twice"));
                    sound = false;
                }
                Err(text) => {
                    all.push(text);
                    sound = false;
                }
            }
        }
        if sound { Ok(all) } else { Err(all) }
    }

    /// The focus list: one-line phrases whose brackets and quotes balance (a flow list
    /// `[a (b, c)]` splits inside the brackets and leaves halves that do not).
    fn focus(&mut self, values: Option<At<Vec<String>>>) -> Option<Vec<String>> {
        let origin = values.as_ref().map(|values| self.origin(values))?;
        let focus = self.lines("focus", values)?;
        let mut sound = true;
        for item in &focus {
            if let Some(why) = unbalanced(item) {
                self.report(
                    origin,
                    format!(
                        "focus item '{}' {why}: write focus as a block list (`- item` lines), or quote items that hold commas",
                        item.escape_debug()
                    ),
                );
                sound = false;
            }
        }
        sound.then_some(focus)
    }

    /// Checks a track on its own: its text, and steps that are slugs, each once (whether
    /// they name papers is for the link checks).
    pub(super) fn track(&mut self, raw: RawTrack, origin: Origin) -> Track {
        let id = self.slug("track id", raw.id, false).unwrap_or_else(|text| text);
        let name = self.line("track name", raw.name);
        let summary = self.prose("track summary", raw.summary);
        let steps_at = self.origin(&raw.steps);
        if raw.steps.value.is_empty() {
            self.report(steps_at, format!("track '{id}' has no steps"));
        }
        let mut seen = HashSet::new();
        let mut steps = Vec::with_capacity(raw.steps.value.len());
        for step in raw.steps.value {
            let (paper, why) = match step {
                RawStep::Id(paper) => (paper, None),
                RawStep::Noted(RawNotedStep { id, why }) => (id, why),
            };
            let Ok(paper) = self.slug_at("track step", paper, true, steps_at) else { continue };
            if !seen.insert(paper.clone()) {
                self.report(steps_at, format!("track '{id}' lists '{paper}' twice"));
                continue;
            }
            let why = why.and_then(|why| {
                let why = why.split_whitespace().collect::<Vec<_>>().join(" ");
                self.text("why", why, steps_at)
            });
            steps.push(Step { paper, why });
        }
        Track { id, name: name.unwrap_or_default(), summary: summary.unwrap_or_default(), steps, origin }
    }

    /// Checks a tag of the vocabulary.
    pub(super) fn tag(&mut self, raw: RawTag, origin: Origin) -> Tag {
        let id = self.slug("tag id", raw.id, false).unwrap_or_else(|text| text);
        let summary = self.prose("tag summary", raw.summary);
        let aliases = self.slugs("tag alias", raw.aliases, false).unwrap_or_default();
        Tag { id, summary: summary.unwrap_or_default(), aliases, origin }
    }

    fn optional<T>(
        &mut self,
        value: Option<At<String>>,
        check: impl FnOnce(&mut Self, At<String>) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        match value {
            None => Ok(None),
            Some(value) => check(self, value).map(Some).ok_or(()),
        }
    }

    /// Checks a family, with fallbacks in place of bad fields (see [`Checker::paper`]).
    pub(super) fn family(&mut self, raw: RawFamily, origin: Origin) -> Family {
        let id = self.slug("family id", raw.id, false).unwrap_or_else(|text| text);
        let name = self.line("family name", raw.name);
        let summary = self.prose("family summary", raw.summary);
        let branch = Branch::ALL.into_iter().find(|branch| branch.as_str() == raw.branch.value);
        if branch.is_none() {
            let at = self.origin(&raw.branch);
            let choices: Vec<&str> = Branch::ALL.iter().map(|branch| branch.as_str()).collect();
            self.report(
                at,
                format!("unknown branch '{}': use one of {}", raw.branch.value.escape_debug(), choices.join(", ")),
            );
        }
        Family {
            id,
            name: name.unwrap_or_default(),
            branch: branch.unwrap_or(Branch::Technique),
            summary: summary.unwrap_or_default(),
            origin,
        }
    }

    /// Checks a paper. Every problem is reported; the paper comes back with
    /// fallbacks in place of bad fields, so the link checks can still run on it
    /// (a catalog with any problem is refused as a whole anyway).
    ///
    /// Note: the raw paper is taken by value so its strings move into the model
    /// instead of being copied: on a large catalog that is a good part of peak memory.
    pub(super) fn paper(&mut self, raw: RawPaper, origin: Origin) -> Paper {
        let id = self.slug("paper id", raw.id, true).unwrap_or_else(|text| text);
        let title = self.line("title", raw.title);
        let family = self.slug("family", raw.family, false).unwrap_or_else(|text| text);
        let year = self.year(&raw.year);
        let has_arxiv = raw.arxiv.is_some();
        let arxiv = raw.arxiv.and_then(|value| {
            let at = self.origin(&value);
            ArxivId::parse(&value.value).map_err(|message| self.report(at, message)).ok().map(|id| (id, at))
        });
        let month = self.month(raw.month.as_ref(), arxiv.as_ref().map(|(id, _)| id));
        if let (Some((arxiv, at)), Some(year)) = (&arxiv, year)
            && arxiv.year() != year
        {
            self.report(*at, format!("year {year} disagrees with arXiv id {arxiv}, which dates from {}", arxiv.year()));
        }
        let arxiv_class = raw.arxiv_class.and_then(|value| {
            let at = self.origin(&value);
            if !has_arxiv {
                self.report(at, "arxiv_class is the category of an arXiv id: give arxiv too".to_owned());
            }
            if is_arxiv_class(&value.value) {
                Some(value.value.into())
            } else {
                let message = format!(
                    "arxiv_class '{}' is not an arXiv category (expected one like cs.CL, stat.ML or hep-th)",
                    value.value.escape_debug()
                );
                self.report(at, message);
                None
            }
        });
        let url = self.optional(raw.url, |checker, value| checker.link("url", value));
        if !has_arxiv && matches!(url, Ok(None)) {
            self.report(origin, "a paper without an arXiv id needs a url".to_owned());
        }
        let code = self.optional(raw.code, |checker, value| checker.link("code", value));
        let org = self.optional(raw.org, |checker, value| checker.line("org", value));
        let venue = self.optional(raw.venue, |checker, value| checker.line("venue", value));
        if raw.authors.value.is_empty() {
            let at = self.origin(&raw.authors);
            self.report(at, "authors is empty: list at least the first author".to_owned());
        }
        let authors = self.lines("author", Some(raw.authors));
        let contribution = self.prose("contribution", raw.contribution);
        let focus = self.focus(raw.focus);
        let tags = self.slugs("tag", raw.tags, false).unwrap_or_default();
        let aliases = self.slugs("alias", raw.aliases, true).unwrap_or_default();
        let mut builds_on = self.slugs("builds_on", raw.builds_on, true).unwrap_or_else(|all| all);
        if builds_on.contains(&id) {
            self.report(origin, format!("paper '{id}' lists itself in builds_on"));
            builds_on.retain(|target| *target != id);
        }
        Paper {
            id,
            title: title.unwrap_or_default(),
            year: year.unwrap_or_default(),
            month: month.unwrap_or_default(),
            family,
            arxiv: arxiv.map(|(arxiv, _)| arxiv),
            arxiv_class,
            url: url.unwrap_or_default(),
            authors: authors.unwrap_or_default(),
            et_al: raw.et_al,
            org: org.unwrap_or_default(),
            venue: venue.unwrap_or_default(),
            code: code.unwrap_or_default(),
            contribution: contribution.unwrap_or_default(),
            focus: focus.unwrap_or_default(),
            builds_on,
            tags,
            aliases,
            draft: raw.draft,
            origin,
        }
    }

    fn year(&mut self, raw: &At<i64>) -> Option<u16> {
        let origin = self.origin(raw);
        match u16::try_from(raw.value) {
            Ok(year) if YEARS.contains(&raw.value) => Some(year),
            _ => {
                self.report(origin, format!("year {} is outside {} to {}", raw.value, YEARS.start(), YEARS.end()));
                None
            }
        }
    }

    fn month(&mut self, raw: Option<&At<i64>>, arxiv: Option<&ArxivId>) -> Result<Option<u8>, ()> {
        let given = match raw {
            None => None,
            Some(value) => match u8::try_from(value.value) {
                Ok(month) if (1..=12).contains(&month) => Some((month, self.origin(value))),
                _ => {
                    let origin = self.origin(value);
                    self.report(origin, format!("month {} is not 1..=12", value.value));
                    return Err(());
                }
            },
        };
        match (given, arxiv) {
            (Some((month, origin)), Some(arxiv)) if month != arxiv.month() => {
                self.report(
                    origin,
                    format!("month {month} disagrees with arXiv id {arxiv}, which dates from month {}", arxiv.month()),
                );
                Err(())
            }
            (_, Some(arxiv)) => Ok(Some(arxiv.month())),
            (given, None) => Ok(given.map(|(month, _)| month)),
        }
    }
}

/// Why brackets or quotes in `text` do not balance, if they do not.
pub fn unbalanced(text: &str) -> Option<String> {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        let expected = match c {
            '(' | '[' | '{' | '（' | '【' | '《' | '「' => {
                open.push(c);
                continue;
            }
            ')' => '(',
            ']' => '[',
            '}' => '{',
            '）' => '（',
            '】' => '【',
            '》' => '《',
            '」' => '「',
            _ => continue,
        };
        if open.pop() != Some(expected) {
            return Some(format!("has a '{c}' that closes nothing"));
        }
    }
    if let Some(c) = open.last() {
        return Some(format!("leaves a '{c}' unclosed"));
    }
    // Note: apostrophes are letters in "model's"; only double quotes must pair up.
    let count = |wanted: char| text.chars().filter(|&c| c == wanted).count();
    if count('"') % 2 == 1 || count('\u{201c}') != count('\u{201d}') {
        return Some("has an unpaired quote".to_owned());
    }
    None
}

/// Whether `text` has the shape of an arXiv category: an archive (`cs`, `hep-th`), then
/// optionally a dot and a subject class (`CL`, `ML`, `comp-ph`).
pub fn is_arxiv_class(text: &str) -> bool {
    let word = |part: &str, upper: bool| {
        !part.is_empty()
            && part.split('-').all(|piece| {
                !piece.is_empty() && piece.chars().all(|c| c.is_ascii_lowercase() || (upper && c.is_ascii_uppercase()))
            })
    };
    match text.split_once('.') {
        Some((archive, subject)) => word(archive, false) && word(subject, true),
        None => word(text, false),
    }
}

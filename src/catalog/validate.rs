//! Raw catalog files -> the validated model, collecting every problem with its location.
//!
//! Validation runs in two passes. `merge` checks each entry on its own (slugs,
//! arXiv ids against years, links, text) and merges it over what came before;
//! `check_links` then checks what only the merged whole can tell: unknown
//! families, dangling or cyclic `builds_on`, clashing aliases and arXiv ids.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{ArxivId, Branch, Catalog, Family, Origin, Paper, is_unsafe_char};
use super::raw::{At, RawCatalog, RawFamily, RawPaper};

/// The oldest and newest years a paper may carry.
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

/// One thing wrong with a catalog, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

/// A problem with its location resolved to `file:line:column`.
pub struct Located<'a>(pub &'a Catalog, pub &'a Problem);

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.locate(self.1.origin), self.1.message)
    }
}

/// Registers a source name and returns its index for [`Origin::source`].
pub fn add_source(catalog: &mut Catalog, name: String) -> u16 {
    catalog.sources.push(name);
    u16::try_from(catalog.sources.len() - 1).unwrap_or(u16::MAX)
}

/// The checked entries of one file, before they are merged: what the cache stores.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entries {
    /// Families in file order.
    pub families: Vec<Family>,
    /// Papers in file order.
    pub papers: Vec<Paper>,
}

impl Entries {
    /// Points every origin at `source` (entries read back from the cache).
    pub fn relocate(&mut self, source: u16) {
        self.families.iter_mut().for_each(|family| family.origin.source = source);
        self.papers.iter_mut().for_each(|paper| paper.origin.source = source);
    }
}

/// Checks every entry of one file on its own (everything but the links between entries).
///
/// Entries with problems still come back, with fallbacks for the bad fields, so the
/// link checks can run over them too; a file with any problem is refused as a whole.
pub fn check_file(raw: RawCatalog, source: u16, problems: &mut Vec<Problem>) -> Entries {
    let mut checker = Checker { source, problems };
    if raw.version.value != 1 {
        let origin = checker.origin(&raw.version);
        checker
            .report(origin, format!("unsupported catalog version {}: this program reads version 1", raw.version.value));
        return Entries::default();
    }
    let mut entries = Entries::default();
    let mut seen = HashSet::new();
    for raw_family in raw.families {
        let origin = checker.origin(&raw_family);
        let family = checker.family(raw_family.value, origin);
        if seen.insert(family.id.clone()) {
            entries.families.push(family);
        } else {
            checker.report(origin, format!("family '{}' is defined twice in this file", family.id));
        }
    }
    let mut seen = HashSet::new();
    for raw_paper in raw.papers {
        let origin = checker.origin(&raw_paper);
        let paper = checker.paper(raw_paper.value, origin);
        if seen.insert(paper.id.clone()) {
            entries.papers.push(paper);
        } else {
            checker.report(origin, format!("paper '{}' is defined twice in this file", paper.id));
        }
    }
    entries
}

/// Merges a file's entries over `catalog`: a family or paper with an id already present
/// replaces the earlier one in place.
pub fn apply(catalog: &mut Catalog, mut entries: Entries) {
    // Note: the first file over an empty base is taken whole, and later ones reserve room
    // first: a growing list of large catalogs would briefly hold two copies of itself.
    if catalog.families.is_empty() {
        catalog.families = std::mem::take(&mut entries.families);
    }
    if catalog.papers.is_empty() {
        catalog.papers = std::mem::take(&mut entries.papers);
    }
    catalog.families.reserve(entries.families.len());
    catalog.papers.reserve(entries.papers.len());
    let mut family_index: HashMap<String, usize> =
        catalog.families.iter().enumerate().map(|(index, family)| (family.id.clone(), index)).collect();
    for family in entries.families {
        match family_index.get(&family.id) {
            Some(&index) => catalog.families[index] = family,
            None => {
                family_index.insert(family.id.clone(), catalog.families.len());
                catalog.families.push(family);
            }
        }
    }
    let mut paper_index: HashMap<String, usize> =
        catalog.papers.iter().enumerate().map(|(index, paper)| (paper.id.clone(), index)).collect();
    for paper in entries.papers {
        match paper_index.get(&paper.id) {
            Some(&index) => catalog.papers[index] = paper,
            None => {
                paper_index.insert(paper.id.clone(), catalog.papers.len());
                catalog.papers.push(paper);
            }
        }
    }
}

/// Checks every entry of `raw` and merges them over `catalog` ([`check_file`] then [`apply`]).
pub fn merge(catalog: &mut Catalog, raw: RawCatalog, source: u16, problems: &mut Vec<Problem>) {
    let entries = check_file(raw, source, problems);
    apply(catalog, entries);
}

/// Checks the merged catalog as a whole, then puts papers in chronological order.
pub fn check_links(catalog: &mut Catalog, problems: &mut Vec<Problem>) {
    let families: HashSet<&str> = catalog.families.iter().map(|family| family.id.as_str()).collect();
    let ids: HashMap<&str, &Paper> = catalog.papers.iter().map(|paper| (paper.id.as_str(), paper)).collect();
    let mut names: HashMap<&str, &str> = HashMap::new();
    let mut arxiv_ids: HashMap<&ArxivId, &str> = HashMap::new();

    for paper in &catalog.papers {
        if !families.contains(paper.family.as_str()) {
            problems.push(Problem {
                origin: paper.origin,
                message: format!(
                    "paper '{}' names unknown family '{}'{}",
                    paper.id,
                    paper.family,
                    hint(&paper.family, &families)
                ),
            });
        }
        for target in &paper.builds_on {
            if !ids.contains_key(target.as_str()) {
                let known = ids.keys().copied().collect();
                problems.push(Problem {
                    origin: paper.origin,
                    message: format!("paper '{}' builds on unknown paper '{target}'{}", paper.id, hint(target, &known)),
                });
            }
        }
        for alias in &paper.aliases {
            let clash = if ids.contains_key(alias.as_str()) {
                Some(alias.as_str())
            } else {
                names.get(alias.as_str()).copied()
            };
            match clash {
                Some(other) => problems.push(Problem {
                    origin: paper.origin,
                    message: format!("alias '{alias}' of paper '{}' is already taken by paper '{other}'", paper.id),
                }),
                None => {
                    names.insert(alias, &paper.id);
                }
            }
        }
        if let Some(arxiv) = &paper.arxiv
            && let Some(other) = arxiv_ids.insert(arxiv, &paper.id)
        {
            problems.push(Problem {
                origin: paper.origin,
                message: format!(
                    "arXiv id {arxiv} is used by both '{other}' and '{}': one arXiv id, one paper",
                    paper.id
                ),
            });
        }
    }
    for cycle in cycles(catalog) {
        let origin = ids.get(cycle[0].as_str()).map_or_else(Origin::default, |paper| paper.origin);
        problems.push(Problem { origin, message: format!("builds_on forms a cycle: {}", cycle.join(" -> ")) });
    }
    catalog.papers.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
}

/// Every `builds_on` cycle, each as a path that starts and ends at the same id.
fn cycles(catalog: &Catalog) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unvisited,
        Active,
        Done,
    }
    let index: HashMap<&str, usize> =
        catalog.papers.iter().enumerate().map(|(position, paper)| (paper.id.as_str(), position)).collect();
    let mut marks = vec![Mark::Unvisited; catalog.papers.len()];
    let mut found = Vec::new();
    // Note: iterative depth-first search, so a 100k-deep chain cannot overflow the stack.
    for start in 0..catalog.papers.len() {
        if marks[start] != Mark::Unvisited {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::Active;
        while let Some(&mut (node, ref mut next_edge)) = stack.last_mut() {
            let edges = &catalog.papers[node].builds_on;
            if let Some(target) = edges.get(*next_edge) {
                *next_edge += 1;
                let Some(&child) = index.get(target.as_str()) else { continue };
                match marks[child] {
                    Mark::Unvisited => {
                        marks[child] = Mark::Active;
                        stack.push((child, 0));
                    }
                    Mark::Active => {
                        let from = stack.iter().position(|&(id, _)| id == child).unwrap_or(0);
                        let mut path: Vec<String> =
                            stack[from..].iter().map(|&(id, _)| catalog.papers[id].id.clone()).collect();
                        path.push(catalog.papers[child].id.clone());
                        found.push(path);
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    found
}

/// " (did you mean X?)" when a known name is close to `name`.
fn hint(name: &str, known: &HashSet<&str>) -> String {
    let mut close: Vec<(usize, &str)> = known
        .iter()
        .map(|candidate| (strsim::osa_distance(name, candidate), *candidate))
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 3))
        .collect();
    close.sort_unstable();
    match close.first() {
        Some((_, best)) => format!(" (did you mean '{best}'?)"),
        None => String::new(),
    }
}

/// Checks one entry at a time and records problems against one source.
struct Checker<'a> {
    source: u16,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn origin<T>(&self, at: &At<T>) -> Origin {
        Origin { source: self.source, line: at.line, column: at.column }
    }

    fn report(&mut self, origin: Origin, message: String) {
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
    fn slug(&mut self, field: &str, value: At<String>, allow_dot: bool) -> Result<String, String> {
        let origin = self.origin(&value);
        self.slug_at(field, value.value, allow_dot, origin)
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
    fn lines(&mut self, field: &str, values: Option<At<Vec<String>>>) -> Option<Vec<String>> {
        let Some(values) = values else { return Some(Vec::new()) };
        let origin = self.origin(&values);
        let count = values.value.len();
        let kept: Vec<String> = values
            .value
            .into_iter()
            .filter_map(|value| {
                let value = if value.trim().len() == value.len() { value } else { value.trim().to_owned() };
                self.text(field, value, origin)
            })
            .collect();
        (kept.len() == count).then_some(kept)
    }

    /// A list of distinct slugs; on any problem, every entry as written (for fallbacks).
    fn slugs(&mut self, field: &str, values: Option<At<Vec<String>>>) -> Result<Vec<String>, Vec<String>> {
        let Some(values) = values else { return Ok(Vec::new()) };
        let origin = self.origin(&values);
        let mut seen = HashSet::new();
        let mut all = Vec::with_capacity(values.value.len());
        let mut sound = true;
        for value in values.value {
            match self.slug_at(field, value, true, origin) {
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
    fn family(&mut self, raw: RawFamily, origin: Origin) -> Family {
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
    fn paper(&mut self, raw: RawPaper, origin: Origin) -> Paper {
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
        let focus = self.lines("focus", raw.focus);
        let tags = self.lines("tag", raw.tags);
        let aliases = self.slugs("alias", raw.aliases).unwrap_or_default();
        let mut builds_on = self.slugs("builds_on", raw.builds_on).unwrap_or_else(|all| all);
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
            url: url.unwrap_or_default(),
            authors: authors.unwrap_or_default(),
            et_al: raw.et_al,
            org: org.unwrap_or_default(),
            venue: venue.unwrap_or_default(),
            code: code.unwrap_or_default(),
            contribution: contribution.unwrap_or_default(),
            focus: focus.unwrap_or_default(),
            builds_on,
            tags: tags.unwrap_or_default(),
            aliases,
            origin,
        }
    }

    fn year(&mut self, raw: &At<i64>) -> Option<u16> {
        let origin = self.origin(raw);
        match u16::try_from(raw.value) {
            Ok(year) if YEARS.contains(&raw.value) => Some(year),
            _ => {
                self.report(origin, format!("year {} is out of range {}..={}", raw.value, YEARS.start(), YEARS.end()));
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

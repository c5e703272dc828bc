//! Fingerprints of the English a translation was written from: each Chinese entry records
//! them (`en: 3fa2c1d0/9b1e22aa`, one per translated field), and `check` reports every entry
//! whose English changed since, field by field, so a translation cannot drift unnoticed.

use sha2::{Digest, Sha256};

use crate::model::{Catalog, Family, Paper, Track};

/// Eight hex digits of SHA-256 over `parts` (separated so that moving text between parts
/// changes the fingerprint).
fn digest<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.finalize().iter().take(4).map(|byte| format!("{byte:02x}")).collect()
}

/// The fields of an entry's English that its translation translates, named, in order.
pub fn fields<'a>(english: &Entry<'a>) -> Vec<(&'static str, String)> {
    match english {
        Entry::Paper(paper) => vec![
            ("contribution", digest([paper.contribution.as_str()])),
            ("focus", digest(paper.focus.iter().map(String::as_str))),
        ],
        Entry::Family(family) => {
            vec![("name", digest([family.name.as_str()])), ("summary", digest([family.summary.as_str()]))]
        }
        Entry::Track(track) => vec![
            ("name", digest([track.name.as_str()])),
            ("summary", digest([track.summary.as_str()])),
            (
                "why",
                digest(
                    track.steps.iter().flat_map(|step| [step.paper.as_str(), step.why.as_deref().unwrap_or_default()]),
                ),
            ),
        ],
    }
}

/// An entry of the catalog that a translation translates.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    Paper(&'a Paper),
    Family(&'a Family),
    Track(&'a Track),
}

/// The fingerprint an entry's translation should record now: its fields' digests joined by `/`.
pub fn of(english: &Entry<'_>) -> String {
    fields(english).into_iter().map(|(_, digest)| digest).collect::<Vec<_>>().join("/")
}

/// The fields whose English changed since `recorded` was written (all of them when the
/// recorded fingerprint has another shape).
pub fn changed(english: &Entry<'_>, recorded: &str) -> Vec<&'static str> {
    let now = fields(english);
    let recorded: Vec<&str> = recorded.split('/').collect();
    if recorded.len() != now.len() {
        return now.into_iter().map(|(name, _)| name).collect();
    }
    now.into_iter().zip(recorded).filter(|((_, digest), old)| digest != old).map(|((name, _), _)| name).collect()
}

/// Every entry of `catalog` with a translation, and that translation's recorded fingerprint
/// (none when it has not recorded one) and where it was written.
pub fn translated(catalog: &Catalog) -> Vec<(Entry<'_>, String, Option<&str>, crate::model::Origin)> {
    let zh = &catalog.zh;
    let papers = catalog.papers.iter().filter_map(|paper| {
        zh.papers.get(&paper.id).map(|text| (Entry::Paper(paper), paper.id.clone(), text.en.as_deref(), text.origin))
    });
    let families = catalog.families.iter().filter_map(|family| {
        zh.families
            .get(&family.id)
            .map(|text| (Entry::Family(family), family.id.clone(), text.en.as_deref(), text.origin))
    });
    let tracks = catalog.tracks.iter().filter_map(|track| {
        zh.tracks.get(&track.id).map(|text| (Entry::Track(track), track.id.clone(), text.en.as_deref(), text.origin))
    });
    papers.chain(families).chain(tracks).collect()
}

impl Entry<'_> {
    /// "paper", "family" or "track", for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Paper(_) => "paper",
            Entry::Family(_) => "family",
            Entry::Track(_) => "track",
        }
    }
}

/// `text` (a translation file) with `en: "FINGERPRINT"` written into each entry that starts
/// at the given 1-based line and column: the entry's `en:` line replaced, or a first one put
/// in. Entries written in flow style (`id: {contribution: …}`) are left alone and counted.
pub fn record(text: &str, places: &[(u32, u32, String)]) -> (String, usize) {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut sorted: Vec<&(u32, u32, String)> = places.iter().collect();
    sorted.sort_by_key(|(line, _, _)| std::cmp::Reverse(*line));
    let mut skipped = 0;
    for (line, column, fingerprint) in sorted {
        let (Some(start), Some(indent)) = (
            usize::try_from(*line).ok().and_then(|line| line.checked_sub(1)),
            usize::try_from(*column).ok().and_then(|column| column.checked_sub(1)),
        ) else {
            skipped += 1;
            continue;
        };
        let starts_block =
            lines.get(start).is_some_and(|first| indentation(first) == indent && !first.trim_start().starts_with('{'));
        if !starts_block {
            skipped += 1;
            continue;
        }
        let written = format!("{}en: \"{fingerprint}\"", " ".repeat(indent));
        let end = (start + 1..lines.len())
            .find(|&index| !lines[index].trim().is_empty() && indentation(&lines[index]) < indent)
            .unwrap_or(lines.len());
        let existing = (start..end)
            .find(|&index| indentation(&lines[index]) == indent && lines[index].trim_start().starts_with("en:"));
        match existing {
            Some(index) => lines[index] = written,
            None => lines.insert(start, written),
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    (out, skipped)
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_field_is_named_and_the_others_are_not() {
        let mut paper = Paper::sample("p", 2020);
        paper.focus = vec!["one".to_owned(), "two".to_owned()];
        let recorded = of(&Entry::Paper(&paper));
        assert_eq!(recorded.len(), 17, "{recorded}");
        assert!(changed(&Entry::Paper(&paper), &recorded).is_empty());
        paper.contribution.push_str(" More.");
        assert_eq!(changed(&Entry::Paper(&paper), &recorded), ["contribution"]);
        paper.focus.swap(0, 1);
        assert_eq!(changed(&Entry::Paper(&paper), &recorded), ["contribution", "focus"]);
        assert_eq!(changed(&Entry::Paper(&paper), "garbage"), ["contribution", "focus"]);
    }

    #[test]
    fn fingerprints_are_written_into_block_entries_and_replace_old_ones() {
        let text = "papers:\n  a:\n    contribution: \"x\"\n    focus:\n      - \"y\"\n  b:\n    en: \"old\"\n    contribution: \"z\"\n";
        let (written, skipped) = record(text, &[(3, 5, "1111/2222".to_owned()), (7, 5, "3333/4444".to_owned())]);
        assert_eq!(skipped, 0);
        assert_eq!(
            written,
            "papers:\n  a:\n    en: \"1111/2222\"\n    contribution: \"x\"\n    focus:\n      - \"y\"\n  b:\n    en: \"3333/4444\"\n    contribution: \"z\"\n"
        );
        let (_, skipped) = record("papers:\n  a: {contribution: x}\n", &[(2, 6, "f".to_owned())]);
        assert_eq!(skipped, 1, "flow style is left alone");
    }

    #[test]
    fn moving_text_between_focus_items_changes_the_fingerprint() {
        assert_ne!(digest(["a b", "c"]), digest(["a", "b c"]));
    }
}

//! Where the search found a paper, for the list (its matched letters marked) and the card
//! (the field and a snippet).

use super::app::App;
use crate::query::search::{Field, Why};
use crate::render::Look;

/// How many characters of a field the card shows on each side of a match.
const REACH: usize = 24;

impl App<'_> {
    /// Where the search now in force found the paper at `position` (nothing without one).
    pub(super) fn why(&self, position: usize) -> Vec<Why<'_>> {
        if self.query.trim().is_empty() {
            return Vec::new();
        }
        let Some((hit, index)) = self.finder.as_ref().and_then(|finder| finder.hit(position)) else {
            return Vec::new();
        };
        let paper = &self.catalog.papers[position];
        Why::of(self.catalog, &self.progress, paper, index.doc(position), hit)
    }

    /// The card's first lines under a search, one per word: "found in tag: rlhf".
    pub(super) fn found_line(&self, position: usize, look: Look) -> String {
        let words = self.words();
        let mut lines: String = self
            .why(position)
            .iter()
            .map(|why| look.dim(&format!("{} {}: {}\n", words.found, (words.field)(why.field), why.snippet(REACH))))
            .collect();
        if !lines.is_empty() {
            lines.push('\n');
        }
        lines
    }
}

/// `text` as the list shows it in `width` cells, with the letters each word of a search
/// matched in `field` marked (only those still shown when the text is cut) and the padding
/// after; `paint` styles the plain parts.
pub(super) fn marked(
    text: &str,
    width: usize,
    field: Field,
    why: &[Why<'_>],
    look: Look,
    paint: impl Fn(&str) -> String,
) -> String {
    let shown = crate::text::cut(text, width);
    let kept = shown.strip_suffix('…').filter(|_| shown != text).unwrap_or(&shown);
    let padding = " ".repeat(width.saturating_sub(crate::text::width(&shown)));
    // Note: text with characters the sanitiser writes out is shown as it is, unmarked, since
    // its positions no longer match.
    let mut found: Vec<_> = why
        .iter()
        .filter(|why| why.field == field && why.text == text && text.starts_with(kept))
        .map(|why| why.matched.start..why.matched.end.min(kept.len()))
        .collect();
    found.sort_by_key(|range| range.start);
    // Every word's letters marked, in order; letters two words share, once.
    let mut out = String::new();
    let mut at = 0;
    for range in found {
        let start = range.start.max(at);
        if start >= range.end {
            continue;
        }
        if start > at {
            out.push_str(&paint(&kept[at..start]));
        }
        out.push_str(&look.mark(&kept[start..range.end]));
        at = range.end;
    }
    out.push_str(&paint(&format!("{}{padding}", &shown[at..])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(text: &str, field: Field, matched: std::ops::Range<usize>) -> Why<'_> {
        Why { field, text, matched }
    }

    #[test]
    fn the_matched_letters_are_marked_where_they_are_still_shown() {
        let look = Look { color: true, width: 80, lang: crate::lang::Lang::En, hyperlinks: false };
        let plain = Look { color: false, ..look };
        let title = "Deep reinforcement learning from human preferences";
        let found = [why(title, Field::Title, 5..18)];
        let shown = marked(title, 30, Field::Title, &found, look, str::to_owned);
        assert_eq!(shown, format!("Deep {} learning f…", look.mark("reinforcement")));
        assert_eq!(crate::text::width(&marked(title, 30, Field::Title, &found, plain, str::to_owned)), 30);
        let cut = [why(title, Field::Title, 36..41)];
        assert_eq!(
            marked(title, 30, Field::Title, &cut, look, str::to_owned),
            "Deep reinforcement learning f…",
            "cut off"
        );
        let both = [why(title, Field::Title, 19..27), why(title, Field::Title, 5..18), why(title, Field::Title, 5..9)];
        assert_eq!(
            marked(title, 30, Field::Title, &both, look, str::to_owned),
            format!("Deep {} {} f…", look.mark("reinforcement"), look.mark("learning")),
            "every word, in the order of the text, and letters two words share once"
        );
        let elsewhere = [why("rlhf", Field::Tag, 0..4)];
        assert_eq!(marked("rlhf-preferences", 18, Field::Id, &elsewhere, look, str::to_owned), "rlhf-preferences  ");
    }
}

//! A pop-up list to choose one thing from: a paper (lineage, reading path), a track or a
//! family, narrowed as you type by the one search's letter rules.

use crate::query::search::letters::{fold, is_query_space};

/// What choosing an item does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Go to the paper at this catalog position.
    Paper(usize),
    /// Show only this family (none: every family).
    Family(Option<String>),
    /// Show only this track's papers, in its order (none: the whole catalog).
    Track(Option<String>),
}

/// One line of a picker.
#[derive(Clone, Debug)]
pub struct Item {
    pub label: String,
    pub choice: Choice,
}

/// A titled list with a cursor, and the text typed to narrow it.
#[derive(Clone, Debug)]
pub struct Picker {
    pub title: String,
    pub items: Vec<Item>,
    /// What was typed: the items shown hold every word of it, lowercased as the search does.
    pub filter: String,
    /// Indexes into `items` of the items shown, in order.
    pub shown: Vec<usize>,
    /// Index into `shown` of the item under the cursor.
    pub cursor: usize,
}

impl Picker {
    /// A picker with the cursor on item `cursor` (the last one when out of range).
    pub fn new(title: String, items: Vec<Item>, cursor: usize) -> Picker {
        let cursor = cursor.min(items.len().saturating_sub(1));
        Picker { title, shown: (0..items.len()).collect(), items, filter: String::new(), cursor }
    }

    /// Moves the cursor by `step` items, stopping at either end.
    pub fn step(&mut self, step: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(step).min(last);
    }

    /// Puts the cursor on the first (`to_end` false) or the last item.
    pub fn jump(&mut self, to_end: bool) {
        self.cursor = if to_end { self.shown.len().saturating_sub(1) } else { 0 };
    }

    /// What the item under the cursor does.
    pub fn chosen(&self) -> Option<&Choice> {
        self.shown.get(self.cursor).map(|&index| &self.items[index].choice)
    }

    /// Changes what was typed; the items shown are those holding every word of it, and the
    /// cursor goes to the first of them.
    pub fn set_filter(&mut self, filter: String) {
        let folded = fold(&filter);
        let words: Vec<&str> = folded.split(is_query_space).filter(|word| !word.is_empty()).collect();
        self.shown = (0..self.items.len())
            .filter(|&index| {
                let label = fold(&self.items[index].label);
                words.iter().all(|word| label.contains(word))
            })
            .collect();
        self.filter = filter;
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_an_item() {
        let items = (0..3).map(|position| Item { label: position.to_string(), choice: Choice::Paper(position) });
        let mut picker = Picker::new("t".into(), items.collect(), 9);
        assert_eq!(picker.chosen(), Some(&Choice::Paper(2)));
        picker.step(-5);
        assert_eq!(picker.chosen(), Some(&Choice::Paper(0)));
        picker.step(1);
        picker.jump(true);
        picker.step(4);
        assert_eq!(picker.cursor, 2);
        let mut empty = Picker::new("t".into(), Vec::new(), 0);
        empty.step(1);
        assert_eq!(empty.chosen(), None);
    }

    #[test]
    fn typing_narrows_by_every_word_lowercased_as_the_search_does() {
        let labels = ["Language Models  (2/9)", "Vision  (0/4)", "Ünicode LANGUAGE  (1/1)"];
        let items = labels
            .iter()
            .enumerate()
            .map(|(index, label)| Item { label: (*label).to_owned(), choice: Choice::Paper(index) });
        let mut picker = Picker::new("t".into(), items.collect(), 1);
        picker.set_filter("language".into());
        assert_eq!(picker.shown, [0, 2]);
        assert_eq!(picker.chosen(), Some(&Choice::Paper(0)), "the cursor goes to the first shown");
        picker.set_filter("lang ÜNI".into());
        assert_eq!(picker.shown, [2]);
        picker.set_filter("nothing".into());
        assert_eq!(picker.chosen(), None);
        picker.set_filter(String::new());
        assert_eq!(picker.shown.len(), 3);
    }
}

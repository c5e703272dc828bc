//! A pop-up list to choose one thing from: a paper (lineage, reading path), a track or a family.

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

/// A titled list with a cursor.
#[derive(Clone, Debug)]
pub struct Picker {
    pub title: String,
    pub items: Vec<Item>,
    pub cursor: usize,
}

impl Picker {
    /// A picker with the cursor on item `cursor` (the last one when out of range).
    pub fn new(title: String, items: Vec<Item>, cursor: usize) -> Picker {
        let cursor = cursor.min(items.len().saturating_sub(1));
        Picker { title, items, cursor }
    }

    /// Moves the cursor by `step` items, stopping at either end.
    pub fn step(&mut self, step: isize) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(step).min(last);
    }

    /// Puts the cursor on the first (`to_end` false) or the last item.
    pub fn jump(&mut self, to_end: bool) {
        self.cursor = if to_end { self.items.len().saturating_sub(1) } else { 0 };
    }

    /// What the item under the cursor does.
    pub fn chosen(&self) -> Option<&Choice> {
        self.items.get(self.cursor).map(|item| &item.choice)
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
}

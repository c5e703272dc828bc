//! Where each part of the screen goes: shared by drawing and by mouse clicks, so a click
//! lands on the row that was drawn there.

use ratatui::layout::Rect;

/// Below this width the list and the card take turns instead of sitting side by side.
pub const NARROW: u16 = 80;

/// The parts of the screen; a part that is not shown has no area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// The line with the search, family, track and counts.
    pub top: Rect,
    pub list: Rect,
    /// The column between the list and the card.
    pub divider: Rect,
    pub card: Rect,
    /// The line with the keys or the last message.
    pub bottom: Rect,
}

impl Areas {
    /// Lays out `screen`; on a narrow one only the list or (`showing_card`) only the card.
    pub fn of(screen: Rect, showing_card: bool) -> Areas {
        let top = Rect { height: screen.height.min(1), ..screen };
        let bottom_height = u16::from(screen.height >= 2);
        let bottom = Rect { y: screen.bottom().saturating_sub(bottom_height), height: bottom_height, ..screen };
        let middle =
            Rect { y: top.bottom(), height: screen.height.saturating_sub(top.height + bottom.height), ..screen };
        if screen.width < NARROW {
            let (list, card) = if showing_card { (Rect::default(), middle) } else { (middle, Rect::default()) };
            return Areas { top, list, divider: Rect::default(), card, bottom };
        }
        let list_width = u16::try_from(u32::from(screen.width) * 9 / 20).unwrap_or(u16::MAX).clamp(34, 80);
        let list = Rect { width: list_width, ..middle };
        let divider = Rect { x: list.right(), width: 1, ..middle };
        let card = Rect { x: divider.right() + 1, width: middle.width.saturating_sub(list_width + 2), ..middle };
        Areas { top, list, divider, card, bottom }
    }

    /// The same parts with the list taking the card's room too (`z`).
    pub fn without_card(self) -> Areas {
        let right = self.card.right().max(self.list.right());
        let list = Rect { width: right - self.list.x, ..self.list };
        Areas { list, divider: Rect::default(), card: Rect::default(), ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_never_overlap_or_leave_the_screen_at_any_size() {
        for width in 0..=200 {
            for height in 0..=30 {
                let screen = Rect::new(0, 0, width, height);
                for showing_card in [false, true] {
                    let areas = Areas::of(screen, showing_card);
                    let parts = [areas.top, areas.list, areas.divider, areas.card, areas.bottom];
                    for (index, part) in parts.iter().enumerate() {
                        assert!(part.is_empty() || screen.contains(part.as_position()), "{part:?} in {screen:?}");
                        assert!(part.right() <= screen.right() && part.bottom() <= screen.bottom());
                        for other in &parts[index + 1..] {
                            assert!(!part.intersects(*other) || part.is_empty() || other.is_empty());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn wide_screens_show_both_narrow_ones_take_turns() {
        let wide = Areas::of(Rect::new(0, 0, 160, 48), false);
        assert!(wide.list.width >= 34 && wide.card.width >= 80, "{wide:?}");
        assert_eq!(wide.list.height, 46);
        let narrow = Areas::of(Rect::new(0, 0, 60, 20), false);
        assert_eq!((narrow.list.width, narrow.card.width), (60, 0));
        let narrow_card = Areas::of(Rect::new(0, 0, 60, 20), true);
        assert_eq!((narrow_card.list.width, narrow_card.card.width), (0, 60));
        let widened = wide.without_card();
        assert_eq!((widened.list.width, widened.card.width, widened.divider.width), (160, 0, 0));
        assert_eq!(narrow.without_card(), narrow, "a narrow list already has the whole width");
    }
}

//! The card's links made clickable where the terminal takes OSC 8 hyperlinks: after the
//! card is drawn, each run of cells that shows one of the paper's links (whole, or cut at
//! the card's edge) becomes one hyperlink to the whole link, written by the run's first
//! cell, which ratatui is told is as wide as the run.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

use crate::text;

/// Makes the runs of cells in `area` that show a link of `links` (or the start of one) into
/// hyperlinks to that link.
pub fn link_cells(buffer: &mut Buffer, area: Rect, links: &[String]) {
    for y in area.top()..area.bottom() {
        let cells: Vec<String> = (area.left()..area.right()).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
        let mut start = 0;
        while start < cells.len() {
            // Note: a link is narrow text, one character a cell, without spaces.
            let run = cells[start..].iter().take_while(|cell| cell.len() == 1 && cell.as_str() != " ").count();
            if run == 0 {
                start += 1;
                continue;
            }
            let shown = cells[start..start + run].concat();
            let url = links.iter().find(|url| text::is_link(&shown) && url.starts_with(&shown));
            let width = u16::try_from(run).ok().and_then(NonZeroU16::new);
            if let (Some(url), Some(width)) = (url, width)
                && let Some(linked) = text::hyperlink(url, &shown)
            {
                let x = area.left() + u16::try_from(start).expect("within the area's width");
                buffer[(x, y)].set_symbol(&linked).set_diff_option(CellDiffOption::ForcedWidth(width));
            }
            start += run;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_link_and_a_cut_one_link_to_the_whole_link_and_nothing_else_does() {
        let area = Rect::new(0, 0, 30, 3);
        let mut buffer = Buffer::empty(area);
        buffer.set_string(0, 0, "  pdf https://arxiv.org/pdf/1", ratatui::style::Style::new());
        buffer.set_string(0, 1, "  https://example.org/a-much-longer", ratatui::style::Style::new());
        buffer.set_string(0, 2, "  see https://elsewhere.org/", ratatui::style::Style::new());
        let links = ["https://arxiv.org/pdf/1".to_owned(), "https://example.org/a-much-longer-link".to_owned()];
        link_cells(&mut buffer, area, &links);
        let pdf = &buffer[(6, 0)];
        assert_eq!(pdf.symbol(), "\u{1b}]8;;https://arxiv.org/pdf/1\u{1b}\\https://arxiv.org/pdf/1\u{1b}]8;;\u{1b}\\");
        assert_eq!(pdf.diff_option, CellDiffOption::ForcedWidth(NonZeroU16::new(23).expect("not zero")));
        let cut = buffer[(2, 1)].symbol();
        let whole = "https://example.org/a-much-longer-link";
        assert_eq!(cut, format!("\u{1b}]8;;{whole}\u{1b}\\https://example.org/a-much-l\u{1b}]8;;\u{1b}\\"));
        assert_eq!(buffer[(6, 2)].symbol(), "h", "a link that is not the paper's is left as text");
        assert_eq!(buffer[(2, 0)].symbol(), "p");
    }
}

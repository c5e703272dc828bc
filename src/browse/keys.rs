//! The bottom line's reminder of the keys: as many of the most used rows of the keymap as
//! fit, each with its word from the word table.

use super::keymap::KEYMAP;
use crate::lang::Lang;
use crate::words::words;

/// As many of the most used keys as fit in `width` cells, each with a word, in the
/// keymap's order; the last two (the help and quit keys) always.
pub fn main_hint(lang: Lang, width: usize) -> String {
    let short = words(lang).browse.key_short;
    let shorts: Vec<&str> = KEYMAP.iter().filter_map(|row| short(row.help)).collect();
    let (first, always) = shorts.split_at(shorts.len().saturating_sub(2));
    let mut used = always.iter().map(|short| crate::text::width(short) + 3).sum::<usize>();
    let mut kept: Vec<&str> = Vec::new();
    for short in first {
        used += crate::text::width(short) + 3;
        if used > width + 3 {
            break;
        }
        kept.push(short);
    }
    kept.extend(always);
    kept.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::KeyHelp;

    #[test]
    fn the_bottom_line_fits_and_always_names_help_and_quit() {
        for lang in Lang::ALL {
            let full = main_hint(lang, 500);
            let quit = (words(lang).browse.key_short)(KeyHelp::Quit).expect("quit has a short word");
            for width in [20, 40, 60, 80, 100] {
                let line = main_hint(lang, width);
                assert!(line.ends_with(quit) && line.contains('?'), "{line}");
                assert!(crate::text::width(&line) <= width.max(crate::text::width(&main_hint(lang, 0))), "{line}");
                let items: Vec<&str> = line.split(" · ").collect();
                let head = items[..items.len() - 2].join(" · ");
                assert!(full.starts_with(&head), "the most used keys are kept first: {line}");
            }
        }
        assert!(main_hint(Lang::En, 500).contains("t/f track/family"));
    }

    #[test]
    fn the_guide_and_the_readme_list_every_key_as_the_help_screen_does() {
        let guide = include_str!("../../docs/guide/browsing.md");
        let readme = include_str!("../../README.md");
        for row in KEYMAP {
            let keys: Vec<String> = row.label.split(' ').map(|key| format!("`{key}`")).collect();
            let line = format!("| {} | {} |", keys.join(" "), (words(Lang::En).browse.key_help)(row.help));
            assert!(guide.contains(&line), "docs/guide/browsing.md lacks the row\n{line}");
            assert!(readme.contains(&line), "README.md lacks the row\n{line}");
        }
    }
}

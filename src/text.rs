//! Text on its way to a person: the one sanitiser for text from outside, and display
//! width, wrapping and cutting by terminal cells (a CJK character is two cells).
//!
//! Every human format lays text out through here, so no line is wider than the
//! terminal, no wide character is ever split in half, and no control or bidirectional
//! character from a file, an argument or the environment reaches the terminal raw.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::catalog::model::is_unsafe_char;

/// The width of human formats when neither `COLUMNS` nor a terminal tells it.
pub const DEFAULT_WIDTH: usize = 80;

/// Text from outside made safe to show: control characters (escape sequences included)
/// and bidirectional overrides are written out as `\u{1b}`, so they can neither drive nor
/// deceive the terminal, and a reader still sees what was there.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, &[])
}

/// A whole message for stderr: like [`sanitize`], but its own line breaks stay line breaks.
pub fn sanitize_message(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, &['\n'])
}

/// A cell of a machine format that quotes its cells (CSV): line breaks and tabs stay, any
/// other control character is escaped.
pub fn sanitize_cell(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, &['\n', '\t'])
}

fn escape_unsafe<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let unsafe_here = |c: char| is_unsafe_char(c) && !keep.contains(&c);
    if !text.chars().any(unsafe_here) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_here(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The width of `text` in terminal cells (escape sequences are not expected here).
pub fn width(text: &str) -> usize {
    text.width()
}

/// Greedy word wrap to `width` cells, every line indented by `indent` spaces and ending
/// in a newline. Lines break at spaces; a link is never broken (one wider than a whole line
/// stands alone on its own line, so a terminal's click opens all of it); any other word
/// wider than a whole line is broken between characters (never inside one), and CJK text,
/// which has no spaces, breaks between any two of its characters.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    let text = sanitize(text);
    let room = width.saturating_sub(indent).max(1);
    let pad = " ".repeat(indent);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        if is_link(word) && word.width() > room {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.to_owned());
            used = 0;
            continue;
        }
        for (index, piece) in pieces(word).into_iter().enumerate() {
            let piece_width = piece.width();
            // Note: pieces of one word join without a space; words are separated by one.
            let gap = usize::from(used > 0 && index == 0);
            if used > 0 && used + gap + piece_width > room {
                lines.push(std::mem::take(&mut line));
                used = 0;
            } else if gap == 1 {
                line.push(' ');
                used += 1;
            }
            if piece_width <= room {
                line.push_str(piece);
                used += piece_width;
                continue;
            }
            for c in piece.chars() {
                let cells = c.width().unwrap_or(0);
                if used > 0 && used + cells > room {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cells;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.iter().map(|line| format!("{pad}{line}\n")).collect()
}

/// `shown` as an OSC 8 hyperlink to `url`, which a terminal opens whole with a click; none
/// when either would need escaping (a link from outside that carries a control or
/// bidirectional character is shown sanitised, never linked).
pub fn hyperlink(url: &str, shown: &str) -> Option<String> {
    let (Cow::Borrowed(url), Cow::Borrowed(shown)) = (sanitize(url), sanitize(shown)) else { return None };
    Some(format!("\u{1b}]8;;{url}\u{1b}\\{shown}\u{1b}]8;;\u{1b}\\"))
}

/// Whether a word is a link, which a line never breaks.
pub fn is_link(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://")
}

/// A word split where a line may break inside it: between wide (CJK) characters, and
/// where narrow text meets wide text.
fn pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous_wide = None;
    for (index, c) in word.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if let Some(previous) = previous_wide
            && (wide || previous)
            && index > start
            && !is_closing_punctuation(c)
        {
            pieces.push(&word[start..index]);
            start = index;
        }
        previous_wide = Some(wide);
    }
    pieces.push(&word[start..]);
    pieces
}

/// CJK punctuation that must not start a line.
fn is_closing_punctuation(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '）' | '」' | '』' | '！' | '？' | '》')
}

/// `text` cut to at most `width` cells, ending in `…` when something was cut.
pub fn cut(text: &str, width: usize) -> String {
    let text = sanitize(text);
    if text.width() <= width {
        return text.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cells = c.width().unwrap_or(0);
        if used + cells + 1 > width {
            break;
        }
        out.push(c);
        used += cells;
    }
    out.push('…');
    out
}

/// `text` followed by spaces up to `width` cells (nothing when it is already as wide).
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed", "bidirectional overrides too");
        assert_eq!(sanitize("C1\u{9b}and DEL\u{7f}"), "C1\\u{9b}and DEL\\u{7f}");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_message_keeps_its_line_breaks_and_nothing_else() {
        assert_eq!(sanitize_message("one\ntwo\u{1b}]0;x\u{7}"), "one\ntwo\\u{1b}]0;x\\u{7}");
        assert_eq!(sanitize("one\ntwo"), "one\\u{a}two", "a quoted value cannot forge a line");
    }

    fn widest(text: &str) -> usize {
        text.lines().map(width).max().unwrap_or(0)
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width_and_every_word() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 20, 2);
        assert!(widest(&wrapped) <= 20, "{wrapped}");
        assert!(wrapped.lines().all(|line| line.starts_with("  ")));
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>().join(" "), text);
    }

    #[test]
    fn titles_break_at_spaces_not_every_few_characters() {
        let title = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding";
        let wrapped = wrap(title, 40, 0);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines, ["BERT: Pre-training of Deep Bidirectional", "Transformers for Language Understanding"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let wrapped = wrap("Pneumonoultramicroscopicsilicovolcanoconiosis", 10, 0);
        assert!(widest(&wrapped) <= 10, "{wrapped}");
        assert_eq!(wrapped.replace('\n', ""), "Pneumonoultramicroscopicsilicovolcanoconiosis");
    }

    #[test]
    fn a_link_is_never_broken_and_one_wider_than_the_line_stands_alone() {
        let link = "https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf";
        let wrapped = wrap(&format!("see {link} for more"), 40, 2);
        assert_eq!(wrapped, format!("  see\n  {link}\n  for more\n"));
        assert_eq!(wrap("short https://arxiv.org/abs/1 end", 80, 0), "short https://arxiv.org/abs/1 end\n");
        let fits = wrap("a b c d e f g h i j k l m n o p https://arxiv.org/abs/1706.03762", 30, 0);
        assert!(fits.lines().any(|line| line == "https://arxiv.org/abs/1706.03762"), "{fits}");
    }

    #[test]
    fn chinese_wraps_between_characters_and_counts_two_cells_each() {
        let text = "掩码语言模型（MLM）随机遮住百分之十五的词元，再让编码器根据两侧上下文把它们猜回来。";
        for room in [10, 11, 16, 17, 40] {
            let wrapped = wrap(text, room, 0);
            assert!(widest(&wrapped) <= room, "{room}: {wrapped}");
            assert_eq!(wrapped.replace('\n', ""), text, "nothing lost or added at {room}");
        }
        assert!(wrap(text, 11, 0).lines().all(|line| !line.starts_with('，')), "no line starts with a comma");
    }

    #[test]
    fn cutting_marks_the_cut_and_never_halves_a_wide_character() {
        assert_eq!(cut("transformer", 20), "transformer");
        assert_eq!(cut("transformer", 6), "trans…");
        assert_eq!(cut("注意力机制", 6), "注意…");
        assert_eq!(cut("注意力机制", 5), "注意…");
        assert!(width(&cut("注意力机制", 4)) <= 4);
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn padding_counts_cells() {
        assert_eq!(pad("注意", 6), "注意  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
}

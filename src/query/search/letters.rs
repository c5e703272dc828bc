//! The letter rules every face of the search shares: how text is lowercased, what a word
//! character is, and which characters are written without spaces. The page's script is
//! handed the same rules (`page_rules`), never a copy written by hand.

use crate::lang::is_cjk;

/// A character in lowercase: its first lowercase character, so that lowercased text keeps
/// one character per character and a match found in it marks the same letters of the text.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// Text lowercased character by character (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    if text.is_ascii() { text.to_ascii_lowercase() } else { text.chars().map(fold_char).collect() }
}

/// Whether a character belongs to a word: a letter or a digit in any script.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Lowercase letters and digits only: `GPT_3` and `gpt-3` both become `gpt3`.
pub fn squash(text: &str) -> String {
    text.chars().map(fold_char).filter(|&c| is_word_char(c)).collect()
}

/// Whether a query word is Chinese, Japanese or Korean: it is then found anywhere in a
/// text, as those scripts put no spaces between words.
pub fn is_cjk_word(word: &str) -> bool {
    word.chars().any(is_cjk)
}

/// Whether a character separates the words of a query: Unicode white space, and the byte
/// order mark a pasted query may carry.
pub fn is_query_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_character_per_character() {
        assert_eq!(fold("İSTANBUL ΣΑΣ Łukasz"), "istanbul σασ łukasz");
        assert_eq!(fold("İ").chars().count(), 1);
        assert_eq!(squash("GPT_3"), "gpt3");
        assert_eq!(squash("Llama-3.1"), "llama31");
    }
}

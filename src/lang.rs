//! Which language the notes and labels are in (`--lang`, `ROADMAP_LANG`, the locale), and
//! which text is written without spaces between words (DESIGN §9). The words themselves are
//! in [`crate::words`].

pub use crate::catalog::Lang;

/// The language to use: the flag, else `ROADMAP_LANG`, else a locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`, the first one set) that starts with `zh`; `var` returns a
/// variable's value (empty counts as unset). A `ROADMAP_LANG` naming a language the
/// roadmap does not speak comes back too, so that the caller can say so.
pub fn choose(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> (Lang, Option<String>) {
    if let Some(lang) = flag {
        return (lang, None);
    }
    if let Some(value) = var("ROADMAP_LANG") {
        return match Lang::named(&value) {
            Some(lang) => (lang, None),
            None => (Lang::En, Some(value)),
        };
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(&var);
    match locale.as_deref().and_then(Lang::named) {
        Some(lang) if lang.is_chinese() => (lang, None),
        _ => (Lang::En, None),
    }
}

/// Whether text holds CJK characters (ideographs, kana, hangul), which are written without
/// spaces between words.
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(is_cjk)
}

/// The blocks of CJK characters: ideographs, kana, hangul and their punctuation.
pub const CJK_RANGES: [(char, char); 4] =
    [('\u{2e80}', '\u{9fff}'), ('\u{ac00}', '\u{d7af}'), ('\u{f900}', '\u{faff}'), ('\u{20000}', '\u{2fa1f}')];

/// Whether a character is CJK (see [`CJK_RANGES`]).
pub fn is_cjk(c: char) -> bool {
    CJK_RANGES.iter().any(|&(first, last)| (first..=last).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
    }

    fn choose_lang(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        choose(flag, var).0
    }

    #[test]
    fn the_flag_beats_the_variable_which_beats_the_locale() {
        assert_eq!(choose_lang(Some(Lang::En), env(&[("ROADMAP_LANG", "zh"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(choose_lang(None, env(&[("ROADMAP_LANG", "zh")])), Lang::Zh);
        assert_eq!(choose_lang(None, env(&[("ROADMAP_LANG", "en"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
    }

    #[test]
    fn a_chinese_locale_means_chinese_in_the_order_posix_reads_them() {
        assert_eq!(choose_lang(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(choose_lang(None, env(&[("LC_ALL", "zh_TW"), ("LANG", "en_US")])), Lang::ZhTw);
        assert_eq!(choose_lang(None, env(&[("LANG", "zh_HK.UTF-8")])), Lang::ZhTw);
        assert_eq!(choose_lang(None, env(&[("LANG", "zh_TW.Big5")])), Lang::ZhTw);
        assert_eq!(choose_lang(None, env(&[("ROADMAP_LANG", "zh-Hant")])), Lang::ZhTw);
        assert_eq!(choose_lang(None, env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN")])), Lang::En);
        assert_eq!(choose_lang(None, env(&[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")])), Lang::Zh);
        assert_eq!(choose_lang(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(choose_lang(None, env(&[])), Lang::En);
    }

    #[test]
    fn an_unknown_language_is_named_so_that_it_can_be_reported() {
        assert_eq!(choose(None, env(&[("ROADMAP_LANG", "fr")])), (Lang::En, Some("fr".to_owned())));
        assert_eq!(choose(Some(Lang::Zh), env(&[("ROADMAP_LANG", "fr")])), (Lang::Zh, None), "the flag wins");
    }
}

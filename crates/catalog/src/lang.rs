//! The languages the catalog's text is written in.

/// A language the roadmap speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
    /// Traditional Chinese with Taiwan's usage.
    ZhTw,
}

impl Lang {
    /// Every language, in the order `--help` lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Zh, Lang::ZhTw];

    /// The language a name means: `en`, `zh` (Simplified), `zh-TW`, `zh-Hant` or `zh-HK`
    /// (Traditional), or a locale such as `zh_CN.UTF-8` or `zh_TW.UTF-8`.
    pub fn named(name: &str) -> Option<Lang> {
        let name = name.trim().to_lowercase().replace('_', "-");
        let traditional = ["zh-tw", "zh-hant", "zh-hk", "zh-mo"];
        if traditional.iter().any(|prefix| name.starts_with(prefix)) {
            Some(Lang::ZhTw)
        } else if name.starts_with("zh") {
            Some(Lang::Zh)
        } else if name.starts_with("en") || name == "c" || name == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The BCP 47 tag of the language, for HTML's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
            Lang::ZhTw => "zh-Hant-TW",
        }
    }

    /// Whether it is Chinese, in either script.
    pub fn is_chinese(self) -> bool {
        self != Lang::En
    }
}

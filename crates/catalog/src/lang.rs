//! The languages the catalog's text is written in.

/// A language the roadmap speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order `--help` lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language a name means: `en`, `zh`, or a locale such as `zh_CN.UTF-8`.
    pub fn named(name: &str) -> Option<Lang> {
        let name = name.trim().to_lowercase();
        if name.starts_with("zh") {
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
        }
    }
}

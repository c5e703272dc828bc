//! Which language the notes and labels are in (`--lang`, `ROADMAP_LANG`, the locale), and
//! the labels of the human formats in each (DESIGN §9).
//!
//! Titles, authors, venues, ids, errors and `--help` stay as they are; machine formats
//! (plain, csv, json keys, ids) keep their English headers so scripts never break.

use crate::catalog::Branch;
use crate::progress::Status;

/// A language the roadmap speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language to use: the flag, else `ROADMAP_LANG`, else a locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first one set) that starts with `zh`; `var` returns a
    /// variable's value (empty counts as unset).
    pub fn choose(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        if let Some(value) = var("ROADMAP_LANG") {
            return Lang::named(&value).unwrap_or_default();
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(&var);
        match locale {
            Some(locale) if locale.to_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

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

    /// A table header in this language (headers it does not know stay as they are).
    pub fn header(self, header: &'static str) -> &'static str {
        if self == Lang::En {
            return header;
        }
        match header {
            "year" => "年份",
            "date" => "日期",
            "family" => "家族",
            "branch" => "分支",
            "title" => "标题",
            "status" => "状态",
            "authors" => "作者",
            "org" => "机构",
            "venue" => "发表于",
            "tags" => "标签",
            "notes" => "笔记",
            "papers" => "论文数",
            "read" => "已读",
            "years" => "年份",
            "name" => "名称",
            "summary" => "简介",
            "paper" => "论文",
            "note" => "笔记",
            "tag" => "标签",
            "aliases" => "别名",
            "builds-on" => "前置论文",
            other => other,
        }
    }

    /// The labels of human formats in this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &ENGLISH,
            Lang::Zh => &CHINESE,
        }
    }
}

/// Whether text holds CJK characters (ideographs, kana, hangul), which are written without
/// spaces between words.
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
    })
}

/// Every word the human formats print that is not catalog data.
#[derive(Debug)]
pub struct Labels {
    /// Card sections: contribution, focus, builds on, built upon by, notes.
    pub contribution: &'static str,
    pub focus: &'static str,
    pub builds_on: &'static str,
    pub built_upon_by: &'static str,
    pub notes: &'static str,
    /// Card fields, in the order status, authors, org, venue, abstract, pdf, code, aliases, tags.
    pub fields: [&'static str; 9],
    /// Statuses: unread, reading, read, skipped.
    pub statuses: [&'static str; 4],
    /// Branch names in `Branch::ALL` order, for tree headers.
    pub branches: [&'static str; 5],
    /// The tree's year column, its one-column header, and its three merged headers.
    pub year: &'static str,
    pub papers: &'static str,
    pub merged_branches: [&'static str; 3],
    /// The progress legend, and the name of its total row.
    pub legend: &'static str,
    pub total: &'static str,
    /// "N of M read" in a track's heading.
    pub read_of: fn(usize, usize) -> String,
}

impl Labels {
    /// A branch's name in this language.
    pub fn branch(&self, branch: Branch) -> &'static str {
        let index = Branch::ALL.iter().position(|known| *known == branch).expect("ALL lists every branch");
        self.branches[index]
    }

    /// A status in this language.
    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Unread => self.statuses[0],
            Status::Reading => self.statuses[1],
            Status::Read => self.statuses[2],
            Status::Skipped => self.statuses[3],
        }
    }
}

static ENGLISH: Labels = Labels {
    contribution: "Contribution",
    focus: "Focus",
    builds_on: "Builds on",
    built_upon_by: "Built upon by",
    notes: "Notes",
    fields: ["status", "authors", "org", "venue", "abstract", "pdf", "code", "aliases", "tags"],
    statuses: ["unread", "reading", "read", "skipped"],
    branches: ["foundation", "encoder", "encoder-decoder", "decoder", "technique"],
    year: "year",
    papers: "papers",
    merged_branches: ["foundation/technique", "encoder/enc-dec", "decoder"],
    legend: "█ read  ▒ reading  ░ unread  · skipped",
    total: "total",
    read_of: |read, total| format!("{read} of {total} read"),
};

static CHINESE: Labels = Labels {
    contribution: "贡献",
    focus: "研读重点",
    builds_on: "前置论文",
    built_upon_by: "后续论文",
    notes: "笔记",
    fields: ["状态", "作者", "机构", "发表于", "摘要", "PDF", "代码", "别名", "标签"],
    statuses: ["未读", "在读", "已读", "跳过"],
    branches: ["基础", "编码器", "编码器-解码器", "解码器", "技术"],
    year: "年份",
    papers: "论文",
    merged_branches: ["基础/技术", "编码器/编解码", "解码器"],
    legend: "█ 已读  ▒ 在读  ░ 未读  · 跳过",
    total: "合计",
    read_of: |read, total| format!("已读 {read} / {total}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
    }

    #[test]
    fn the_flag_beats_the_variable_which_beats_the_locale() {
        assert_eq!(Lang::choose(Some(Lang::En), env(&[("ROADMAP_LANG", "zh"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(Lang::choose(None, env(&[("ROADMAP_LANG", "zh")])), Lang::Zh);
        assert_eq!(Lang::choose(None, env(&[("ROADMAP_LANG", "en"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
    }

    #[test]
    fn a_chinese_locale_means_chinese_in_the_order_posix_reads_them() {
        assert_eq!(Lang::choose(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::choose(None, env(&[("LC_ALL", "zh_TW"), ("LANG", "en_US")])), Lang::Zh);
        assert_eq!(Lang::choose(None, env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN")])), Lang::En);
        assert_eq!(Lang::choose(None, env(&[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")])), Lang::Zh);
        assert_eq!(Lang::choose(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(Lang::choose(None, env(&[])), Lang::En);
    }

    #[test]
    fn labels_cover_statuses_and_headers() {
        assert_eq!(Lang::Zh.labels().status(Status::Read), "已读");
        assert_eq!(Lang::Zh.header("title"), "标题");
        assert_eq!(Lang::En.header("title"), "title");
        assert_eq!(Lang::Zh.tag(), "zh-Hans");
    }
}

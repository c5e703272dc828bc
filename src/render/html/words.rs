//! The page's own words, in English and Simplified Chinese (the catalog's words come from the
//! catalog, and statuses, branches and card headings from [`crate::lang::Labels`]).

use crate::lang::Lang;

/// Every phrase the page writes around the catalog's text.
pub struct Words {
    pub title: &'static str,
    /// "N papers in F families · R read · S reading", then "· K skipped" when some are.
    pub summary: fn(usize, usize, [usize; 3]) -> String,
    /// The section headings: tree, papers, cards, progress.
    pub sections: [&'static str; 4],
    pub tree_hint: &'static str,
    /// The tree's accessible title: papers, first year, last year.
    pub tree_title: fn(usize, u16, u16) -> String,
    /// The legend's line for links that pass through papers left off the page.
    pub indirect: &'static str,
    pub filter_placeholder: &'static str,
    pub filter_label: &'static str,
    pub track_label: &'static str,
    pub all_papers: &'static str,
    /// "{shown} of {total} papers shown" when `{total}` is one and otherwise, filled in by
    /// the page's script.
    pub shown: [&'static str; 2],
    /// The name of the panel that shows the selected paper's card.
    pub detail: &'static str,
    /// Table headers: id, date, family, title, status.
    pub columns: [&'static str; 5],
    pub close: &'static str,
    pub read_column: &'static str,
}

impl Words {
    /// The words of `lang`.
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &ENGLISH,
            Lang::Zh => &CHINESE,
        }
    }
}

static ENGLISH: Words = Words {
    title: "LLM reading roadmap",
    summary: |papers, families, [read, reading, skipped]| {
        let skipped = if skipped > 0 { format!(" · {skipped} skipped") } else { String::new() };
        format!(
            "{papers} {} in {families} {} · {read} read · {reading} reading{skipped}",
            if papers == 1 { "paper" } else { "papers" },
            if families == 1 { "family" } else { "families" }
        )
    },
    sections: ["Evolutionary tree", "Papers", "Cards", "Progress"],
    tree_hint: "Years run down, branches across. Click a paper, or Tab to it and press Enter, to follow its \
                lineage: dark lines lead to what it builds on, blue lines to what builds on it. Esc clears.",
    tree_title: |papers, first, last| {
        format!("Evolutionary tree of {papers} {}, {first} to {last}", if papers == 1 { "paper" } else { "papers" })
    },
    indirect: "through papers not on this page",
    filter_placeholder: "Filter by id, title, author, tag…",
    filter_label: "Filter papers",
    track_label: "Reading track",
    all_papers: "All papers",
    shown: ["{shown} of {total} paper shown", "{shown} of {total} papers shown"],
    detail: "Selected paper",
    columns: ["id", "date", "family", "title", "status"],
    close: "Close",
    read_column: "read",
};

static CHINESE: Words = Words {
    title: "大模型论文阅读路线图",
    summary: |papers, families, [read, reading, skipped]| {
        let skipped = if skipped > 0 { format!(" · 跳过 {skipped}") } else { String::new() };
        format!("{papers} 篇论文，{families} 个系列 · 已读 {read} · 在读 {reading}{skipped}")
    },
    sections: ["演进树", "论文", "卡片", "进度"],
    tree_hint: "年份自上而下，分支从左到右。点击论文（或用 Tab 选中后按 Enter）查看它的前后脉络：深色线通向它的前置论文，蓝色线通向在它之上的后续论文。按 Esc 取消。",
    tree_title: |papers, first, last| format!("{papers} 篇论文的演进树，{first}–{last} 年"),
    indirect: "经由本页未列出的论文",
    filter_placeholder: "按 id、标题、作者、标签筛选…",
    filter_label: "筛选论文",
    track_label: "阅读路线",
    all_papers: "全部论文",
    shown: ["显示 {shown} / {total} 篇", "显示 {shown} / {total} 篇"],
    detail: "所选论文",
    columns: ["id", "日期", "系列", "标题", "状态"],
    close: "关闭",
    read_column: "已读",
};

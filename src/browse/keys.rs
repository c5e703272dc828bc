//! The browser's keys as the help screen and the bottom line tell them, in both languages:
//! one table, so what is shown is what [`super::app`] does.

use crate::lang::Lang;

/// One line of the help screen: the keys and what they do in English and Chinese.
pub struct Binding {
    pub keys: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    /// The keys and a word for the bottom line, in English and Chinese (the most used keys only).
    pub short: Option<[&'static str; 2]>,
}

impl Binding {
    /// What the keys do, in `lang`.
    pub fn action(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// Every key of the list and card, in the order the help screen lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "j k ↓ ↑", en: "move down / up", zh: "下移 / 上移", short: Some(["j/k move", "j/k 移动"])
    },
    Binding { keys: "g G", en: "first / last paper", zh: "第一篇 / 最后一篇", short: None },
    Binding { keys: "PgDn PgUp", en: "a page down / up", zh: "下翻 / 上翻一页", short: None },
    Binding { keys: "J K", en: "scroll the card", zh: "滚动卡片", short: None },
    Binding {
        keys: "/",
        en: "search as you type (Enter keeps it, Esc clears it)",
        zh: "边输边搜（Enter 保留，Esc 清除）",
        short: Some(["/ search", "/ 搜索"]),
    },
    Binding { keys: "o", en: "open the paper's page", zh: "打开论文页面", short: Some(["o open", "o 打开"]) },
    Binding { keys: "p", en: "open the PDF", zh: "打开 PDF", short: None },
    Binding {
        keys: "m",
        en: "mark: unread → reading → read → skipped → unread",
        zh: "标记：未读 → 在读 → 已读 → 跳过 → 未读",
        short: Some(["m mark", "m 标记"]),
    },
    Binding {
        keys: "n",
        en: "write a note in $VISUAL / $EDITOR",
        zh: "用 $VISUAL / $EDITOR 写笔记",
        short: Some(["n note", "n 笔记"]),
    },
    Binding {
        keys: "b a",
        en: "go to what it builds on / what builds on it",
        zh: "跳到前置论文 / 后续论文",
        short: Some(["b/a lineage", "b/a 前后"]),
    },
    Binding {
        keys: "Backspace", en: "back to the paper before the last jump", zh: "回到跳转前的论文", short: None
    },
    Binding {
        keys: "P",
        en: "its reading path, with statuses",
        zh: "阅读路径及状态",
        short: Some(["P path", "P 路径"]),
    },
    Binding {
        keys: "t f",
        en: "pick a track / a family",
        zh: "选择路线 / 家族",
        short: Some(["t/f track/family", "t/f 路线/家族"]),
    },
    Binding {
        keys: "Enter Esc",
        en: "narrow screens: show the card / the list",
        zh: "窄屏：显示卡片 / 列表",
        short: None,
    },
    Binding { keys: "mouse", en: "the wheel scrolls, a click selects", zh: "滚轮滚动，单击选中", short: None },
    Binding { keys: "?", en: "these keys", zh: "按键说明", short: Some(["? keys", "? 按键"]) },
    Binding { keys: "q Ctrl-C", en: "quit", zh: "退出", short: Some(["q quit", "q 退出"]) },
];

/// The keys while typing a search.
pub const SEARCH_HINT: [&str; 2] =
    ["type to search · ↑↓ move · Enter keep · Esc clear", "输入以搜索 · ↑↓ 移动 · Enter 保留 · Esc 清除"];

/// On a narrow screen showing the list: the key that shows the card.
pub const CARD_HINT: [&str; 2] = ["Enter card", "Enter 卡片"];

/// On a narrow screen showing the card: the key that shows the list.
pub const LIST_HINT: [&str; 2] = ["Esc list", "Esc 列表"];

/// The keys in a picker.
pub const PICKER_HINT: [&str; 2] = ["j k move · Enter choose · Esc cancel", "j k 移动 · Enter 选择 · Esc 取消"];

/// The bottom line: as many of the most used keys as fit in `width` cells, each with a
/// word, in the table's order; the last two (the help and quit keys) always.
pub fn main_hint(lang: Lang, width: usize) -> String {
    let shorts: Vec<&str> =
        BINDINGS.iter().filter_map(|binding| binding.short).map(|short| hint(short, lang)).collect();
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

/// `hint` in `lang`.
pub fn hint(hint: [&'static str; 2], lang: Lang) -> &'static str {
    match lang {
        Lang::En => hint[0],
        Lang::Zh => hint[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bottom_line_fits_and_always_names_help_and_quit() {
        for lang in [Lang::En, Lang::Zh] {
            let full = main_hint(lang, 500);
            for width in [20, 40, 60, 80, 100] {
                let line = main_hint(lang, width);
                assert!(line.ends_with(hint(["q quit", "q 退出"], lang)) && line.contains('?'), "{line}");
                assert!(crate::text::width(&line) <= width.max(crate::text::width(&main_hint(lang, 0))), "{line}");
                let items: Vec<&str> = line.split(" · ").collect();
                let head = items[..items.len() - 2].join(" · ");
                assert!(full.starts_with(&head), "the most used keys are kept first: {line}");
            }
        }
        assert!(main_hint(Lang::En, 500).contains("t/f track/family"));
    }

    #[test]
    fn the_readme_lists_every_key_as_the_help_screen_does() {
        let readme = include_str!("../../docs/guide/browsing.md");
        for binding in BINDINGS {
            let keys: Vec<String> = binding.keys.split(' ').map(|key| format!("`{key}`")).collect();
            let row = format!("| {} | {} |", keys.join(" "), binding.en);
            assert!(readme.contains(&row), "docs/guide/browsing.md lacks the row\n{row}");
        }
    }
}

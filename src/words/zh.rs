//! Simplified Chinese (简体中文). One term per idea: a family is 家族, a track 路线.

use super::{Browse, Card, Header, KeyHelp, Next, Page, Tree, Words};
use crate::catalog::Branch;
use crate::progress::Status;
use crate::query::search::Field;

pub(super) static WORDS: Words = Words {
    header,
    field: |field| match field {
        Field::Id => "id",
        Field::Alias => "别名",
        Field::Title => "标题",
        Field::Tag => "标签",
        Field::Author => "作者",
        Field::Org => "机构",
        Field::Contribution => "英文贡献",
        Field::Focus => "英文研读重点",
        Field::Note => "你的笔记",
        Field::ContributionZh | Field::ContributionZhTw => "贡献",
        Field::FocusZh | Field::FocusZhTw => "研读重点",
    },
    found: "匹配于",
    status: |status| match status {
        Status::Unread => "未读",
        Status::Reading => "在读",
        Status::Read => "已读",
        Status::Skipped => "跳过",
    },
    branch: |branch| match branch {
        Branch::Foundation => "基础",
        Branch::Encoder => "编码器",
        Branch::EncoderDecoder => "编码器-解码器",
        Branch::Decoder => "解码器",
        Branch::Technique => "技术",
    },
    card: Card {
        contribution: "贡献",
        focus: "研读重点",
        builds_on: "前置论文",
        built_upon_by: "后续论文",
        notes: "笔记",
        status: "状态",
        authors: "作者",
        org: "机构",
        venue: "发表于",
        abstract_page: "摘要",
        pdf: "PDF",
        code: "代码",
        aliases: "别名",
        tags: "标签",
    },
    tree: Tree {
        year: "年份", papers: "论文", merged_branches: ["基础/技术", "编码器/编解码", "解码器"]
    },
    legend: "█ 已读  ▒ 在读  ░ 未读  · 跳过",
    total: "合计",
    read_of: |read, total| format!("已读 {read} / {total}"),
    step_of: |step, total| format!("第 {step} 步 / 共 {total} 步"),
    page: Page {
        title: "大模型论文阅读路线图",
        summary: |papers, families, [read, reading, skipped]| {
            let skipped = if skipped > 0 { format!(" · 跳过 {skipped}") } else { String::new() };
            format!("{papers} 篇论文，{families} 个家族 · 已读 {read} · 在读 {reading}{skipped}")
        },
        sections: ["演进树", "论文", "卡片", "进度"],
        tree_hint: "年份自上而下，分支从左到右。点击论文（或用 Tab 选中后按 Enter）查看它的前后脉络：深色线通向它的前置论文，蓝色线通向在它之上的后续论文。按 Esc 取消。",
        tree_title: |papers, first, last| format!("{papers} 篇论文的演进树，{first}–{last} 年"),
        indirect: "经由未显示的论文",
        filter_placeholder: "按 id、标题、作者、标签筛选…",
        filter_label: "筛选论文",
        track_label: "阅读路线",
        all_papers: "全部论文",
        step: |step| format!("第 {step} 步"),
        shown: ["显示 {shown} / {total} 篇 · 已读 {read}", "显示 {shown} / {total} 篇 · 已读 {read}"],
        show_all: "在表格中显示全部 {count} 篇",
        detail: "所选论文",
        close: "关闭",
        main_line: "主线：论文首要的前置论文",
        other_link: "其他关联",
        leads_up: "所选论文的前置论文",
        leads_down: "在所选论文之上的后续论文",
        status_label: "我的状态",
        download: "下载我的进度",
        download_hint: "标记保存在本浏览器中。要存入 roadmap：roadmap import roadmap-progress.yaml",
        by_family: "按家族",
        by_track: "按路线",
        tree_cut: "演进树只显示最佳的 {shown} 篇（共找到 {count} 篇）。",
    },
    browse: Browse {
        family: "家族",
        track: "路线",
        search: "搜索",
        counts: |shown, total, read| {
            if shown == total {
                format!("{total} 篇 · 已读 {read} ")
            } else {
                format!("{shown} / {total} 篇 · 已读 {read} / {shown} ")
            }
        },
        no_match: "没有匹配的论文",
        keys_title: "按键（Esc 关闭）",
        no_selection: "没有选中的论文",
        no_pdf: "没有 PDF 链接，已打开论文页面",
        no_code: "没有代码链接",
        view: "视图",
        views: ["全部", "未读", "在读", "接下来", "已读", "跳过"],
        copies: ["编号", "链接", "BibTeX 条目"],
        copied: |id, what, next| format!("已复制 {id} 的{what}（再按 y：{next}）"),
        nothing_to_undo: "没有可以撤销的标记",
        undone: |id, status| format!("已撤销：{id} 恢复为{status}"),
        no_prerequisites: "没有前置论文",
        no_successors: "没有后续论文",
        builds_on: |id| format!("{id} 的前置论文"),
        built_upon_by: |id| format!("{id} 的后续论文"),
        no_jump_back: "没有可以返回的跳转",
        cleared: |what, id| format!("已清除{what}以显示 {id}"),
        path: |id, read, total| format!("{id} 的阅读路径：已读 {read} / {total}"),
        all_papers: "全部论文",
        all_families: "全部家族",
        noted: |id| format!("已为 {id} 添加笔记"),
        marked: |id, status| format!("{id}：{status}"),
        key_help,
        key_short,
        search_hint: "输入以搜索 · ↑↓ 移动 · Enter 保留 · Esc 清除",
        picker_hint: "输入以筛选 · ↑↓ 移动 · Enter 选择 · Esc 取消",
        card_hint: "Enter 卡片",
        list_hint: "Esc 列表",
        progress_trouble: "进度文件修好之前无法标记或写笔记",
    },
    next: Next {
        step_in: |step, track| format!("{track} 路线第 {step} 步"),
        unlocks: |count| format!("解锁 {count} 篇论文"),
        prerequisites: |count, skipped| {
            let settled = if skipped { "已读或跳过" } else { "已读" };
            if count == 1 { format!("前置论文{settled}") } else { format!("{count} 篇前置论文均{settled}") }
        },
        stands_alone: "不以目录中任何论文为前置",
        and: " · ",
    },
};

fn header(header: Header) -> &'static str {
    match header {
        Header::Step => "#",
        Header::Id => "id",
        Header::Year => "年份",
        Header::Date => "日期",
        Header::Family => "家族",
        Header::Branch => "分支",
        Header::Title => "标题",
        Header::Authors => "作者",
        Header::Org => "机构",
        Header::Venue => "发表于",
        Header::Arxiv => "arXiv",
        Header::Url => "链接",
        Header::Pdf => "PDF",
        Header::Code => "代码",
        Header::Status => "状态",
        Header::Tags => "标签",
        Header::Aliases => "别名",
        Header::BuildsOn => "前置论文",
        Header::Notes => "笔记",
        Header::Matched => "匹配",
        Header::Papers => "论文数",
        Header::Read => "已读",
        Header::Reading => "在读",
        Header::Skipped => "跳过",
        Header::Total => "合计",
        Header::Percent => "百分比",
        Header::Years => "年份",
        Header::Name => "名称",
        Header::Summary => "简介",
        Header::Why => "理由",
        Header::Kind => "类别",
        Header::Path => "路径",
        Header::Tag => "标签",
        Header::Paper => "论文",
        Header::Note => "笔记",
        Header::Reason => "推荐理由",
        Header::Week => "周",
    }
}

fn key_help(help: KeyHelp) -> &'static str {
    match help {
        KeyHelp::Move => "下移 / 上移",
        KeyHelp::FirstLast => "第一篇 / 最后一篇",
        KeyHelp::Page => "下翻 / 上翻一页",
        KeyHelp::ScrollCard => "滚动卡片",
        KeyHelp::Search => "边输边搜（Enter 保留，Esc 清除）",
        KeyHelp::Open => "打开论文页面 / PDF / 代码",
        KeyHelp::Copy => "复制编号；再按：链接；再按：BibTeX",
        KeyHelp::Mark => "标记：未读 → 在读 → 已读 → 跳过 → 未读",
        KeyHelp::SetStatus => "标记为未读 / 在读 / 已读 / 跳过；撤销上一次标记",
        KeyHelp::View => "显示全部 → 未读 → 在读 → 接下来 → 已读 → 跳过",
        KeyHelp::Note => "用 $VISUAL / $EDITOR 写笔记",
        KeyHelp::Lineage => "跳到前置论文 / 后续论文",
        KeyHelp::Back => "回到跳转前的论文",
        KeyHelp::Path => "阅读路径及状态",
        KeyHelp::TrackFamily => "选择路线 / 家族",
        KeyHelp::NarrowScreens => "窄屏：显示卡片 / 列表",
        KeyHelp::Wide => "加宽列表（隐藏卡片）/ 还原",
        KeyHelp::Mouse => "滚轮滚动，单击选中",
        KeyHelp::Keys => "按键说明",
        KeyHelp::Quit => "退出",
    }
}

fn key_short(help: KeyHelp) -> Option<&'static str> {
    match help {
        KeyHelp::Move => Some("j/k 移动"),
        KeyHelp::Search => Some("/ 搜索"),
        KeyHelp::Open => Some("o 打开"),
        KeyHelp::Mark => Some("m 标记"),
        KeyHelp::View => Some("s 显示"),
        KeyHelp::Note => Some("n 笔记"),
        KeyHelp::Lineage => Some("b/a 前后"),
        KeyHelp::Path => Some("P 路径"),
        KeyHelp::TrackFamily => Some("t/f 路线/家族"),
        KeyHelp::Keys => Some("? 按键"),
        KeyHelp::Quit => Some("q 退出"),
        _ => None,
    }
}

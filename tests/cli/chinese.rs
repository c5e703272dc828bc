//! The roadmap in Simplified Chinese: choosing the language, Chinese notes and labels in
//! every human format, laid out by display width, Chinese search, and translation overlays.

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::util::{TestEnv, stdout};

/// The widest line, but for a link longer than the line, which stands alone unbroken.
fn widest(text: &str) -> usize {
    text.lines().filter(|line| !crate::util::is_lone_link(line)).map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn the_flag_the_variable_and_the_locale_choose_chinese() {
    let env = TestEnv::new();
    let english = stdout(env.roadmap().args(["show", "bert"]));
    assert!(english.contains("Contribution") && !english.contains("贡献"));
    for chinese in [
        stdout(env.roadmap().args(["--lang", "zh", "show", "bert"])),
        stdout(env.roadmap().env("ROADMAP_LANG", "zh").args(["show", "bert"])),
        stdout(env.roadmap().env("LANG", "zh_CN.UTF-8").args(["show", "bert"])),
        stdout(env.roadmap().env("LC_ALL", "zh_CN.UTF-8").env("LANG", "en_US.UTF-8").args(["show", "bert"])),
    ] {
        for heading in ["贡献", "研读重点", "前置论文", "后续论文"] {
            assert!(chinese.contains(heading), "{heading} missing:\n{chinese}");
        }
        assert!(chinese.contains("BERT: Pre-training of Deep Bidirectional"), "titles stay as published");
    }
    let forced = stdout(env.roadmap().env("LANG", "zh_CN.UTF-8").args(["--lang", "en", "show", "bert"]));
    assert!(forced.contains("Contribution"), "--lang en always wins");
    let variable = stdout(env.roadmap().env("LANG", "zh_CN.UTF-8").env("ROADMAP_LANG", "en").args(["show", "bert"]));
    assert!(variable.contains("Contribution"), "ROADMAP_LANG beats the locale");
    env.roadmap().args(["--lang", "fr", "list"]).assert().code(2);
    env.roadmap()
        .args(["--lang", "zh", "show", "no-such-paper"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: no paper"));
}

#[test]
fn chinese_fits_80_cells_in_every_human_format() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "transformer", "read"]).assert().success();
    for command in [
        &["show", "bert"][..],
        &["show", "deepseek-v4"],
        &["list", "--format", "table"],
        &["timeline"],
        &["tree"],
        &["progress", "--bars"],
        &["tracks", "--format", "table"],
        &["track", "original", "--format", "table"],
        &["families", "--format", "table"],
    ] {
        for width in ["80", "40"] {
            let text = stdout(env.roadmap().env("COLUMNS", width).arg("--lang").arg("zh").args(command));
            let limit: usize = width.parse().unwrap();
            assert!(widest(&text) <= limit, "{command:?} at {width} is {} wide:\n{text}", widest(&text));
            assert!(!text.contains('\u{fffd}'), "{command:?}: no replaced characters");
        }
    }
}

#[test]
fn labels_follow_the_language_but_machine_formats_do_not() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let table = stdout(env.roadmap().args(["--lang", "zh", "list", "--family", "bert", "--format", "table"]));
    assert!(table.contains("标题") && table.contains("状态") && table.contains("已读"), "{table}");
    let tree = stdout(env.roadmap().env("COLUMNS", "120").args(["--lang", "zh", "tree"]));
    assert!(tree.starts_with("年份") && tree.contains("编码器") && tree.contains("解码器"), "{tree}");
    let bars = stdout(env.roadmap().args(["--lang", "zh", "progress", "--bars"]));
    assert!(bars.contains("合计") && bars.ends_with("█ 已读  ▒ 在读  ░ 未读  · 跳过\n"), "{bars}");
    let track = stdout(env.roadmap().args(["--lang", "zh", "track", "original", "--format", "table"]));
    assert!(track.contains("已读 1 / 21") && track.contains("最初的路线图"), "{track}");
    let csv = stdout(env.roadmap().args(["--lang", "zh", "list", "--family", "bert", "--format", "csv"]));
    assert!(csv.starts_with("id,year,family,title\n"), "csv headers stay English for scripts");
    let plain = stdout(env.roadmap().args(["--lang", "zh", "list", "--family", "bert", "--columns", "id,status"]));
    assert!(plain.contains("bert\tread\n"), "plain values stay English: {plain}");
}

#[test]
fn json_carries_the_chinese_text_and_falls_back_to_english() {
    let env = TestEnv::new();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["--lang", "zh", "show", "bert", "--format", "json"])))
            .unwrap();
    let contribution = json["contribution"].as_str().unwrap();
    assert!(contribution.contains("掩码语言模型"), "{contribution}");
    assert!(json["focus"].as_array().unwrap().iter().any(|item| item.as_str().unwrap().contains("消融")));
    assert_eq!(json["title"], "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding");
    let overlay = env.write(
        "mine.yaml",
        "version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2026\n    family: bert\n    url: https://example.org/mine\n    authors: [A]\n    contribution: An English contribution that has no Chinese text at all.\n    focus: [one thing, another thing]\n",
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        env.roadmap().arg("--catalog").arg(&overlay).args(["--lang", "zh", "show", "mine", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(json["contribution"], "An English contribution that has no Chinese text at all.");
}

#[test]
fn chinese_words_find_their_papers() {
    let env = TestEnv::new();
    let attention = stdout(env.roadmap().args(["search", "注意力", "--format", "ids"]));
    assert_eq!(attention.lines().next(), Some("transformer"), "{attention}");
    let rl = stdout(env.roadmap().args(["search", "强化学习", "--format", "ids"]));
    for id in ["ppo", "deepseek-r1", "dapo"] {
        assert!(rl.lines().any(|line| line == id), "{id} missing from {rl}");
    }
    env.roadmap().args(["search", "量子引力"]).assert().code(1);
}

#[test]
fn the_chinese_page_says_its_language() {
    let env = TestEnv::new();
    let page = stdout(env.roadmap().args(["--lang", "zh", "export", "--family", "bert"]));
    assert!(page.contains("<html lang=\"zh-Hans\">"));
    assert!(page.contains("PingFang SC") && page.contains("Noto Sans CJK SC"), "a CJK font stack");
    assert!(page.contains("掩码语言模型"));
    let family = stdout(env.roadmap().args(["--lang", "zh", "families"]));
    let name = family.lines().find_map(|line| line.strip_prefix("bert\t")).and_then(|rest| rest.rsplit('\t').next());
    let name = name.expect("the BERT family's Chinese name");
    assert!(page.contains(&format!("· {name} ·")), "a card names its family in Chinese: {name}");
    let english = stdout(env.roadmap().args(["export", "--family", "bert"]));
    assert!(english.contains("<html lang=\"en\">") && !english.contains("PingFang"));
}

#[test]
fn a_translation_overlay_adds_chinese_and_is_checked() {
    let env = TestEnv::new();
    let overlay = env.write(
        "mine.yaml",
        "version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2026\n    family: bert\n    url: https://example.org/mine\n    authors: [A]\n    contribution: An English contribution long enough to read.\n    focus: [one thing, another thing]\n",
    );
    let chinese = env.write(
        "mine.zh.yaml",
        "version: 1\nlang: zh\npapers:\n  mine:\n    contribution: 一段中文的贡献说明。\n    focus:\n      - 第一件事\n      - 第二件事\n",
    );
    let card = stdout(
        env.roadmap()
            .arg("--catalog")
            .arg(&overlay)
            .arg("--catalog")
            .arg(&chinese)
            .args(["--lang", "zh", "show", "mine"]),
    );
    assert!(card.contains("一段中文的贡献说明。") && card.contains("第二件事"), "{card}");
    let checked = stdout(env.roadmap().arg("--catalog").arg(&overlay).arg("--catalog").arg(&chinese).arg("check"));
    let papers = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count() + 1;
    assert!(checked.contains(&format!("zh: {papers}/{papers} papers")), "{checked}");
    let broken = env.write(
        "broken.zh.yaml",
        "version: 1\nlang: zh\npapers:\n  nowhere:\n    contribution: 不存在。\n  bert:\n    contribution: 过时的。\n    focus:\n      - 只有一条（没闭合\n",
    );
    let output = env.roadmap().arg("--catalog").arg(&broken).arg("check").assert().code(1).get_output().stderr.clone();
    let output = String::from_utf8(output).unwrap();
    assert!(output.contains("the translation names unknown paper 'nowhere'"), "{output}");
    assert!(
        output.contains("the translation of 'bert' is stale: the English has 4 focus items, the translation 1"),
        "{output}"
    );
    assert!(output.contains("focus item '只有一条（没闭合' of 'bert' leaves a '（' unclosed"), "{output}");
}

/// The embedded catalog in Chinese at 80 columns.
fn chinese(env: &TestEnv, args: &[&str]) -> String {
    let text = stdout(env.roadmap().env("COLUMNS", "80").args(["--lang", "zh"]).args(args));
    assert!(text.lines().all(|line| line.width() <= 80), "{args:?} is wider than 80 cells:\n{text}");
    text
}

#[test]
fn chinese_card_table_tree_and_timeline() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    insta::assert_snapshot!("zh_card_bert", chinese(&env, &["show", "bert"]));
    insta::assert_snapshot!("zh_table_bert", chinese(&env, &["list", "--family", "bert", "--format", "table"]));
    insta::assert_snapshot!("zh_tree_2025", chinese(&env, &["tree", "--since", "2025"]));
    insta::assert_snapshot!("zh_timeline_bert", chinese(&env, &["timeline", "--family", "bert"]));
}

#[test]
fn a_translation_whose_english_changed_is_reported_until_its_fingerprint_is_recorded() {
    let env = TestEnv::new();
    let english = "version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2026\n    family: bert\n    url: https://example.org/mine\n    authors: [A]\n    contribution: The first English.\n    focus: [one thing]\n";
    let overlay = env.write("mine.yaml", english);
    let chinese = env.write(
        "mine.zh.yaml",
        "version: 1\nlang: zh\npapers:\n  mine:\n    contribution: 第一段中文。\n    focus:\n      - 一件事\n",
    );
    let check = |env: &TestEnv| {
        env.roadmap().arg("--catalog").arg(&overlay).arg("--catalog").arg(&chinese).arg("check").output().expect("runs")
    };
    let first = check(&env);
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stdout).contains("1 entries record no fingerprint"));
    env.roadmap()
        .args(["--no-default", "--catalog"])
        .arg(&overlay)
        .args(["check", "--fix-fingerprints"])
        .arg(&overlay)
        .arg(&chinese)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown family 'bert'"));
    env.roadmap().args(["check", "--fix-fingerprints"]).arg(&overlay).arg(&chinese).assert().success();
    assert!(std::fs::read_to_string(&chinese).expect("the file").contains("    en: \""), "recorded in the file");
    assert!(check(&env).status.success());
    std::fs::write(&overlay, english.replace("The first English.", "The English, rewritten.")).expect("rewritten");
    let stale = check(&env);
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert_eq!(stale.status.code(), Some(1));
    assert!(stderr.contains("paper 'mine' translates English that changed since (contribution)"), "{stderr}");
    assert!(stderr.contains("mine.zh.yaml:5:5:"), "it points at the entry: {stderr}");
}

#[test]
fn chinese_that_strays_from_the_glossary_is_reported() {
    let env = TestEnv::new();
    let chinese = env.write("bert.zh.yaml", "version: 1\nlang: zh\npapers:\n  bert:\n    contribution: 把文本切成令牌再预测。\n    focus: [一, 二, 三, 四]\n");
    env.roadmap()
        .arg("--catalog")
        .arg(&chinese)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("writes '令牌' for token: the glossary's term is 词元"));
}

/// Characters that exist only in Simplified script (their Traditional forms differ: 們 這
/// 個 來 …); none may appear in Traditional output. Characters shared by both scripts with
/// another meaning (干, 后, 面, 只, 里, 系, 准, 台, 表, 并) are not listed.
const SIMPLIFIED_ONLY: &str = "们这个来时为说发动对过进还没与学会实现数据网络应该当经间问题开长点种边让头电车东门见觉语认读写习观单双专业节层处级类显组织结构训练评测样标记词义释检图视频转换变务输优码编译预参权损归论笔状态贡献阶总计从两万亿机";

/// The first Simplified-only character in `text`, if any.
fn simplified_character(text: &str) -> Option<char> {
    text.chars().find(|c| SIMPLIFIED_ONLY.contains(*c))
}

#[test]
fn traditional_chinese_has_no_simplified_characters_and_speaks_taiwans_usage() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let runs: [&[&str]; 8] = [
        &["show", "bert"],
        &["list", "--family", "bert", "--format", "table"],
        &["tracks"],
        &["track", "original", "--format", "table"],
        &["progress", "--bars"],
        &["tree", "--family", "bert"],
        &["families"],
        &["export", "--family", "bert", "-o", "-"],
    ];
    for args in runs {
        let text = stdout(env.roadmap().env("COLUMNS", "120").args(["--lang", "zh-TW"]).args(args));
        assert!(
            crate::util::strip_escapes(&text).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{args:?} speaks Chinese"
        );
        // Note: the page's search data holds both scripts on purpose, so that a Simplified
        // query finds the paper too; what a reader sees is checked.
        let shown: String = match text.split_once("<script type=\"application/json\" id=\"search-data\">") {
            Some((before, after)) => format!("{before}{}", after.split_once("</script>").map_or("", |(_, rest)| rest)),
            None => text.clone(),
        };
        assert_eq!(simplified_character(&shown), None, "{args:?} has Simplified text:\n{shown}");
    }
    // Note: the Simplified text says 数据 (data), 网络 (network), 程序 (program); Taiwan says 資料, 網路, 程式.
    let simplified = stdout(env.roadmap().args(["--lang", "zh", "list", "--format", "json"]));
    assert!(
        simplified_character(&simplified).is_some(),
        "the list of Simplified-only characters finds the Simplified text"
    );
    let traditional = stdout(env.roadmap().args(["--lang", "zh-TW", "list", "--format", "json"]));
    for (mainland, taiwan) in [("数据", "資料"), ("网络", "網路"), ("程序", "程式")] {
        if simplified.contains(mainland) {
            assert!(traditional.contains(taiwan), "{mainland} becomes {taiwan}");
        }
    }
    assert!(!traditional.contains("數據") && !traditional.contains("網絡"), "no Mainland terms in Traditional script");
    let page = stdout(env.roadmap().args(["--lang", "zh-TW", "export", "--family", "bert", "-o", "-"]));
    assert!(page.contains("<html lang=\"zh-Hant-TW\""), "{}", &page[..200]);
}

#[test]
fn the_traditional_locales_and_names_choose_traditional() {
    let env = TestEnv::new();
    for (variable, value) in [("LANG", "zh_TW.UTF-8"), ("LANG", "zh_HK.UTF-8"), ("ROADMAP_LANG", "zh-Hant")] {
        let card = stdout(env.roadmap().env(variable, value).args(["show", "bert"]));
        assert!(card.contains("編碼器"), "{variable}={value}: {card}");
    }
    let card = stdout(env.roadmap().env("LANG", "zh_CN.UTF-8").args(["show", "bert"]));
    assert!(card.contains("编码器"), "zh_CN stays Simplified: {card}");
    for name in ["zh-TW", "zh-Hant", "zh-HK"] {
        env.roadmap()
            .args(["--lang", name, "show", "bert"])
            .assert()
            .success()
            .stdout(predicate::str::contains("編碼器"));
    }
}

#[test]
fn a_search_in_traditional_mode_finds_simplified_and_traditional_queries_alike() {
    let env = TestEnv::new();
    let ids = |query: &str| stdout(env.roadmap().args(["--lang", "zh-TW", "search", query, "--format", "ids"]));
    let simplified = ids("注意力机制");
    assert!(!simplified.is_empty());
    assert_eq!(simplified, ids("注意力機制"));
    assert_eq!(ids("低秩"), stdout(env.roadmap().args(["--lang", "zh", "search", "低秩", "--format", "ids"])));
}

#[test]
fn a_broken_json_translation_names_its_position_once() {
    let env = TestEnv::new();
    let broken = env.write("t.zh.json", "{\"version\": 1,\n \"lang\": }\n");
    let output = env.roadmap().arg("--catalog").arg(&broken).arg("list").output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("t.zh.json:2:"), "{stderr}");
    assert!(!stderr.contains(" at line "), "the position is said once, in front: {stderr}");
}

#[test]
fn the_notes_export_speaks_traditional_chinese() {
    let env = TestEnv::new();
    let vault = env.path().join("vault");
    env.roadmap()
        .args(["--lang", "zh-TW", "export", "--format", "notes", "--family", "bert", "-o"])
        .arg(&vault)
        .assert()
        .success();
    let bert = std::fs::read_to_string(vault.join("bert.md")).expect("a note per paper");
    assert!(bert.contains("研讀重點") && bert.contains("編碼器"), "{bert}");
    assert_eq!(simplified_character(&bert), None, "{bert}");
}

#[test]
fn fix_fingerprints_needs_a_translation_file_among_its_paths() {
    let env = TestEnv::new();
    let overlay = env.write("mine.yaml", "version: 1\npapers: []\n");
    env.roadmap()
        .args(["check", "--fix-fingerprints"])
        .arg(&overlay)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("writes into translation files"));
    env.roadmap().args(["check", "--fix-fingerprints"]).assert().code(2);
}

//! Snapshots of the human outputs on the small fixture catalog (tests/fixtures/mini.yaml).

use unicode_width::UnicodeWidthStr;

use crate::util::{TestEnv, stdout};

fn mini(env: &TestEnv, columns: &str, args: &[&str]) -> String {
    stdout(env.with_fixture("mini").env("COLUMNS", columns).args(args))
}

#[test]
fn table_at_100_columns() {
    let env = TestEnv::new();
    insta::assert_snapshot!("table_100", mini(&env, "100", &["list", "--format", "table"]));
}

#[test]
fn table_wraps_long_titles_at_40_columns() {
    let env = TestEnv::new();
    let table = mini(&env, "40", &["list", "--format", "table"]);
    assert!(table.lines().all(|line| line.width() <= 40), "{table}");
    insta::assert_snapshot!("table_40", table);
}

#[test]
fn card() {
    let env = TestEnv::new();
    insta::assert_snapshot!("card_alpha", mini(&env, "72", &["show", "alpha"]));
    insta::assert_snapshot!("card_delta", mini(&env, "72", &["show", "delta"]));
}

#[test]
fn timeline() {
    let env = TestEnv::new();
    insta::assert_snapshot!("timeline", mini(&env, "80", &["timeline"]));
}

#[test]
fn families_table() {
    let env = TestEnv::new();
    insta::assert_snapshot!("families_table", mini(&env, "80", &["families", "--format", "table"]));
}

#[test]
fn markdown_list() {
    let env = TestEnv::new();
    insta::assert_snapshot!("list_markdown", mini(&env, "80", &["list", "--format", "markdown"]));
}

/// The mini fixture with some progress: alpha read, gamma being read, a dated note on beta.
fn with_progress() -> TestEnv {
    let env = TestEnv::new();
    env.with_fixture("mini").args(["mark", "alpha", "read"]).assert().success();
    env.with_fixture("mini").args(["mark", "gamma", "reading"]).assert().success();
    env.with_fixture("mini")
        .args(["--today", "2026-05-06", "note", "beta", "both ways\n- second line"])
        .assert()
        .success();
    env
}

#[test]
fn machine_formats() {
    let env = with_progress();
    insta::assert_snapshot!("list_json", mini(&env, "80", &["list", "--format", "json"]));
    insta::assert_snapshot!("list_csv", mini(&env, "80", &["list", "--format", "csv"]));
    insta::assert_snapshot!("list_plain", mini(&env, "80", &["list", "--format", "plain"]));
    insta::assert_snapshot!(
        "list_columns_csv",
        mini(&env, "80", &["list", "-f", "csv", "--columns", "date,id,status,notes,pdf"])
    );
    insta::assert_snapshot!("notes_plain", mini(&env, "80", &["notes"]));
}

#[test]
fn citations_and_graphs() {
    let env = with_progress();
    insta::assert_snapshot!("cite_bibtex", mini(&env, "80", &["cite", "--all"]));
    insta::assert_snapshot!("graph_dot", mini(&env, "80", &["graph"]));
    insta::assert_snapshot!("graph_mermaid", mini(&env, "80", &["graph", "--format", "mermaid"]));
}

#[test]
fn citation_sets() {
    let env = with_progress();
    let track = env.write(
        "track.yaml",
        "version: 1\ntracks:\n  - id: reading\n    name: Reading\n    summary: The readers.\n    steps: [alpha, beta]\n",
    );
    let mini_with_track =
        |args: &[&str]| stdout(env.with_fixture("mini").arg("--catalog").arg(&track).env("COLUMNS", "80").args(args));
    insta::assert_snapshot!("cite_track", mini_with_track(&["cite", "--track", "reading"]));
    insta::assert_snapshot!("cite_biblatex", mini_with_track(&["cite", "--track", "reading", "--biblatex"]));
}

#[test]
fn progress_bars_and_counts() {
    let env = with_progress();
    insta::assert_snapshot!("progress_bars", mini(&env, "60", &["progress", "--format", "table"]));
    insta::assert_snapshot!("progress_plain", mini(&env, "60", &["progress"]));
    insta::assert_snapshot!("card_with_note", mini(&env, "60", &["show", "beta"]));
}

#[test]
fn html_head() {
    let env = with_progress();
    let page = mini(&env, "80", &["export"]);
    let head = page.split("</header>").next().expect("a header");
    let (style_start, style_end) = (head.find("<style>").unwrap() + "<style>".len(), head.find("</style>").unwrap());
    insta::assert_snapshot!("html_head", format!("{}…{}", &head[..style_start], &head[style_end..]));
}

#[test]
fn paths_table() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().env("COLUMNS", "120").args(["paths", "--format", "plain"]));
    let home = env.path().display().to_string();
    insta::assert_snapshot!("paths_plain", text.replace(&home, "[HOME]"));
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

//! `roadmap export --format html`: one self-contained page, escaped, and rendered by a real
//! headless Chromium (which `.ci/run` installs).

mod common;

use std::path::Path;

use common::{TestEnv, stdout, temporary_files};
use predicates::prelude::*;
use scraper::{Html, Selector};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("a valid selector")
}

fn ids(env: &TestEnv) -> Vec<String> {
    stdout(env.roadmap().args(["list", "--format", "ids"])).lines().map(str::to_owned).collect()
}

#[test]
fn the_page_has_the_tree_the_table_the_cards_and_progress() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let html = stdout(env.roadmap().args(["export", "--format", "html"]));
    let document = Html::parse_document(&html);
    let ids = ids(&env);
    assert_eq!(document.select(&select("svg g.node")).count(), ids.len());
    assert_eq!(document.select(&select("#paper-table tbody tr")).count(), ids.len());
    assert_eq!(document.select(&select("article.card")).count(), ids.len());
    for id in &ids {
        assert_eq!(document.select(&select(&format!("g#node-{}", id.replace('.', "\\.")))).count(), 1, "{id} node");
    }
    let bert = document.select(&select("g#node-bert")).next().unwrap();
    assert!(bert.value().attr("class").unwrap().contains("read"), "read papers are marked");
    let link = document.select(&select("a[href='https://arxiv.org/abs/1810.04805'] g#node-bert")).count();
    assert_eq!(link, 1, "nodes link to the abstract page");
    assert!(document.select(&select("svg path.edge")).count() > 100, "builds_on edges are drawn");
    let families = stdout(env.roadmap().args(["families", "--format", "ids"])).lines().count();
    assert_eq!(document.select(&select("#progress tbody tr")).count(), families);
    let filter = document.select(&select("input#filter")).next().unwrap();
    assert!(
        filter.value().attr("hidden").is_some(),
        "without JavaScript the filter stays hidden and the table complete"
    );
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let env = TestEnv::new();
    let html = stdout(env.roadmap().args(["export"]));
    let document = Html::parse_document(&html);
    let loading: Vec<_> = document.select(&select("[src]")).map(|element| element.value().clone()).collect();
    assert!(loading.is_empty(), "elements load something: {loading:?}");
    assert_eq!(document.select(&select("link")).count(), 0, "no external stylesheet or icon");
    assert_eq!(document.select(&select("script")).count(), 1, "one inline script");
    assert!(!html.contains("@import") && !html.contains("url("), "the CSS fetches nothing");
}

#[test]
fn catalog_text_is_escaped_everywhere() {
    let env = TestEnv::new();
    let hostile = env.write(
        "hostile.yaml",
        "version: 1\nfamilies:\n  - id: odd\n    name: \"<img src=x onerror=alert(1)>\"\n    branch: technique\n    summary: S.\npapers:\n  - id: evil\n    title: \"<script>alert(1)</script>\"\n    year: 2020\n    family: odd\n    url: \"https://example.org/?a=1&b=\\\"onmouseover=alert(1)\"\n    authors: [\"\\\" onmouseover=\\\"alert(1)\"]\n    contribution: \"</p><script>alert(2)</script>\"\n    focus: [\"<b>bold</b>\"]\n",
    );
    let html = stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&hostile).arg("export"));
    let document = Html::parse_document(&html);
    assert_eq!(document.select(&select("script")).count(), 1, "only the page's own script");
    assert_eq!(document.select(&select("img")).count(), 0);
    assert_eq!(document.select(&select("b")).count(), 0);
    for element in document.select(&select("*")) {
        assert!(
            element.value().attrs().all(|(name, _)| !name.starts_with("on")),
            "an event handler attribute: {:?}",
            element.value()
        );
    }
    let card = document.select(&select("article#paper-evil h3")).next().unwrap();
    assert_eq!(card.text().collect::<String>(), "<script>alert(1)</script>");
    let node_link = document.select(&select("svg a")).next().unwrap();
    assert_eq!(node_link.value().attr("href"), Some("https://example.org/?a=1&b=\"onmouseover=alert(1)"));
}

#[test]
fn output_goes_to_a_file_with_o_and_write_errors_are_reported() {
    let env = TestEnv::new();
    let file = env.path().join("roadmap.html");
    env.roadmap()
        .arg("export")
        .arg("-o")
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote"));
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("<!doctype html>"));
    env.roadmap()
        .arg("export")
        .arg("-o")
        .arg(env.path().join("missing-directory/roadmap.html"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: cannot write"));
    env.roadmap().args(["export", "--format", "pdf"]).assert().code(2);
    let filtered = stdout(env.roadmap().args(["export", "--family", "bert"]));
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    assert_eq!(Html::parse_document(&filtered).select(&select("g.node")).count(), bert);
}

#[test]
fn a_dash_is_stdout_an_empty_selection_writes_nothing_and_notes_are_opt_in() {
    let env = TestEnv::new();
    env.roadmap().args(["note", "bert", "my private thought"]).assert().success();
    let page = stdout(env.roadmap().args(["export", "-o", "-", "--family", "bert"]));
    assert!(page.starts_with("<!doctype html>"));
    assert!(!env.path().join("-").exists() && !std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());
    assert!(!page.contains("my private thought"), "notes stay out of a page meant for sharing");
    let with_notes = stdout(env.roadmap().args(["export", "--notes", "--family", "bert"]));
    assert!(with_notes.contains("my private thought"));
    let file = env.path().join("empty.html");
    env.roadmap()
        .args(["export", "--family", "bert", "--year", "2013", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: no paper matches these filters; nothing was written"));
    assert!(!file.exists());
    let leftovers = temporary_files(env.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Finds Chromium, or explains why the test is skipped (never skipped in CI).
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|name| {
        std::process::Command::new(name).arg("--version").output().is_ok_and(|output| output.status.success())
    });
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium: .ci/run installs it");
        eprintln!("skipping the browser test: chromium is not installed (apt-get install chromium)");
    }
    found
}

fn headless(browser: &str, profile: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn headless_chromium_renders_every_paper_and_takes_a_screenshot() {
    let Some(browser) = chromium() else { return };
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "bert", "gpt-3", "read"]).assert().success();
    let page = env.path().join("roadmap.html");
    env.roadmap().arg("export").arg("-o").arg(&page).assert().success();
    let url = format!("file://{}", page.display());
    let dom = headless(browser, &env.path().join("profile-dom"), &["--dump-dom", &url]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let rendered = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    for id in ids(&env) {
        assert_eq!(
            rendered.select(&select(&format!("g#node-{}", id.replace('.', "\\.")))).count(),
            1,
            "{id} is in the rendered DOM"
        );
    }
    let filter = rendered.select(&select("input#filter")).next().expect("the filter");
    assert!(filter.value().attr("hidden").is_none(), "the script ran and showed the filter");

    let screenshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/roadmap-export.png");
    let shot = headless(
        browser,
        &env.path().join("profile-shot"),
        &[&format!("--screenshot={}", screenshot.display()), "--window-size=1400,1000", &url],
    );
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let png = std::fs::read(&screenshot).expect("the screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real picture, kept at {}", screenshot.display());
}

//! Reading on the page: a card opens from the table, its status control marks the paper, the
//! mark shows at once on the table, the tree and every count, survives a reload (per page),
//! and the downloaded progress file is merged by `roadmap import` without losing the
//! learner's own marks.

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::driver::{Driver, browser, driver, run};
use crate::page;
use crate::util::{TestEnv, stdout};

/// What the page shows of a paper's status and the counts: its row, its tree box, its card's
/// control (when its card is open), the total bar, the shown line and the summary.
async fn shown(client: &Client, id: &str) -> Value {
    let script = format!(
        "const row = document.querySelector('#papers-table tr[data-paper=\"{id}\"] td.status');
const node = document.querySelector('#tree .tree-box svg:not(.off) .node[data-paper=\"{id}\"]');
return [row.className, row.textContent, [...node.classList].filter(c => ['unread','reading','read','skipped'].includes(c)), node.querySelector('text').textContent,
  document.querySelector('#detail select[data-status-for=\"{id}\"]')?.value ?? null,
  document.querySelector('#progress .bar-row.total .count').textContent,
  document.getElementById('shown').textContent, document.getElementById('summary').textContent];"
    );
    run(client, &script).await
}

/// The embedded catalog's page (with a little progress) open in a browser: its folder, its
/// address, the browser, and how many papers it has.
async fn opened(driver: &Driver) -> (TestEnv, String, Client, usize) {
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let total = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    let client = browser(driver, (1400, 1000), &[]).await;
    client.goto(&url).await.expect("the page loads");
    (env, url, client, total)
}

/// Opens `id`'s card from its table row and sets its status control.
async fn mark(client: &Client, id: &str, status: &str) {
    open_card(client, id).await;
    let control = client
        .find(Locator::Css(&format!("#detail select[data-status-for='{id}']")))
        .await
        .expect("the card opens beside the table, with its status control");
    control.select_by_value(status).await.expect("a status is picked");
}

/// Opens `id`'s card from its table row.
async fn open_card(client: &Client, id: &str) {
    run(client, &format!("document.querySelector('#papers-table tr[data-paper=\"{id}\"] td:nth-child(4)').scrollIntoView({{block: 'center'}})")).await;
    client
        .find(Locator::Css(&format!("#papers-table tr[data-paper='{id}'] td:nth-child(4)")))
        .await
        .expect("the row")
        .click()
        .await
        .expect("a click");
}

#[tokio::test]
async fn a_mark_made_on_the_page_shows_at_once_survives_a_reload_and_is_imported() {
    let Some(driver) = driver() else { return };
    let (env, url, client, total) = opened(&driver).await;
    let before = shown(&client, "gpt-4").await;
    assert_eq!(before[0], json!("status unread"));
    assert_eq!(before[5], json!(format!("5/{total}")), "the exporter's marks are where the page starts");

    mark(&client, "gpt-4", "read").await;
    let after = shown(&client, "gpt-4").await;
    assert_eq!(after[0], json!("status read"));
    assert_eq!(after[1], json!("✓ read"));
    assert_eq!(after[2], json!(["read"]), "the tree's box at once");
    assert_eq!(after[3], json!("✓ gpt-4"));
    assert_eq!(after[4], json!("read"));
    assert_eq!(after[5], json!(format!("6/{total}")), "the total bar counts it");
    assert!(after[6].as_str().unwrap().ends_with("· 6 read"), "{}", after[6]);
    assert!(after[7].as_str().unwrap().contains("· 6 read · 2 reading"), "{}", after[7]);
    // The exporter's read bert is unread on the page, and t5 skipped.
    mark(&client, "bert", "unread").await;
    mark(&client, "t5", "skipped").await;
    let track = run(&client, "return [...document.querySelectorAll('#progress .bar-row.track')].map(row => row.querySelector('.count').textContent)").await;

    client.refresh().await.expect("a reload");
    let reloaded = shown(&client, "gpt-4").await;
    assert_eq!(reloaded[0], json!("status read"), "the mark survives a reload");
    assert_eq!(reloaded[2], json!(["read"]), "on the tree's box made after the reload too");
    assert_eq!(reloaded[3], json!("✓ gpt-4"));
    assert_eq!(reloaded[5], json!(format!("5/{total}")), "gpt-4 read, bert unread");
    open_card(&client, "gpt-4").await;
    assert_eq!(shown(&client, "gpt-4").await[4], json!("read"), "a card made after the reload says so");
    assert_eq!(shown(&client, "bert").await[0], json!("status unread"));
    let track_again = run(&client, "return [...document.querySelectorAll('#progress .bar-row.track')].map(row => row.querySelector('.count').textContent)").await;
    assert_eq!(track_again, track, "every track's bar too");

    // The same catalog exported to another file starts from its exporter's marks.
    let other = env.path().join("other.html");
    env.roadmap().args(["export", "-o"]).arg(&other).assert().success();
    client.goto(&format!("file://{}", other.display())).await.unwrap();
    assert_eq!(shown(&client, "gpt-4").await[0], json!("status unread"), "marks are kept per page");
    client.goto(&url).await.unwrap();

    // The download is a progress file; since the export, the learner marked llama read and
    // rlhf-preferences reading in the CLI.
    let href = run(&client, "return document.getElementById('download-progress').href").await;
    let href = href.as_str().unwrap();
    let text = href.strip_prefix("data:application/x-yaml;charset=utf-8,").expect("a data address");
    let text = percent_decode(text);
    assert!(text.contains("\"gpt-4\":\n    status: read\n    updated: "), "{text}");
    assert!(!text.contains("\"bert\""), "an unread paper is left out: {text}");
    let file = env.write("roadmap-progress.yaml", &text);
    env.roadmap().args(["mark", "llama", "read"]).assert().success();
    env.roadmap().args(["mark", "rlhf-preferences", "reading"]).assert().success();
    let report = stdout(env.roadmap().arg("import").arg(&file));
    assert!(report.contains("gpt-4: unread -> read"), "{report}");
    assert!(report.contains("t5: unread -> skipped"), "{report}");
    assert!(report.contains("llama: kept read (the file's reading is older or undated)"), "{report}");
    let status = |wanted: &str| -> Vec<String> {
        stdout(env.roadmap().args(["list", "--status", wanted, "--format", "ids"])).lines().map(str::to_owned).collect()
    };
    let read = status("read");
    for id in ["gpt-4", "bert", "llama", "transformer"] {
        assert!(read.contains(&id.to_owned()), "{id} is read: {read:?}");
    }
    assert!(status("reading").contains(&"rlhf-preferences".to_owned()), "a CLI mark the file lacks is kept");
    assert!(status("skipped").contains(&"t5".to_owned()));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_chinese_page_marks_in_chinese() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    for (lang, read) in [("zh", "已读"), ("zh-TW", "已讀")] {
        let url = page(&env, &["--lang", lang]);
        let client = browser(&driver, (1400, 1000), &[]).await;
        client.goto(&url).await.expect("the page loads");
        open_card(&client, "lora").await;
        let words = run(&client, "return [[...document.querySelector('#detail select[data-status-for]').options].map(o => o.textContent), document.getElementById('download-progress').textContent, document.querySelector('#tree .legend.lines').textContent]").await;
        let mut all: Vec<&str> = words[0].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        all.extend([&words[1], &words[2]].iter().filter_map(|word| word.as_str()));
        assert!(!all.concat().chars().any(|c| c.is_ascii_alphabetic()), "{lang}: every new word is Chinese: {all:?}");
        mark(&client, "gpt-4", "read").await;
        assert_eq!(shown(&client, "gpt-4").await[1], json!(format!("✓ {read}")));
        client.close().await.unwrap();
    }
}

/// Undoes a URL's percent-encoding.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%'
            && at + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&text[at + 1..at + 3], 16)
        {
            out.push(byte);
            at += 3;
            continue;
        }
        out.push(bytes[at]);
        at += 1;
    }
    String::from_utf8(out).expect("UTF-8")
}

#[tokio::test]
async fn marks_left_in_the_browser_by_something_else_never_break_the_page_or_its_file() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.expect("the page loads");
    // A date that is no date (or would break the file's lines), an unknown paper, an unknown
    // status and a wrong shape, under the page's own key.
    let hostile = json!({
        "gpt-4": ["read", "2026-01-01\nversion: 2"],
        "lora": ["reading", {"not": "a date"}],
        "no-such-paper": ["read", "2026-01-01"],
        "t5": ["finished", "2026-01-01"],
        "bert": "read",
    });
    run(
        &client,
        &format!("localStorage.setItem(`roadmap-marks:${{location.pathname}}`, {});", json!(hostile.to_string())),
    )
    .await;
    client.refresh().await.expect("a reload");
    assert_eq!(shown(&client, "gpt-4").await[0], json!("status read"), "a good status is taken");
    assert_eq!(shown(&client, "lora").await[0], json!("status reading"));
    let href = run(&client, "return document.getElementById('download-progress').href").await;
    let text =
        href.as_str().and_then(|href| href.strip_prefix("data:application/x-yaml;charset=utf-8,")).map(percent_decode);
    let text = text.expect("a data address");
    assert!(!text.contains("no-such-paper") && !text.contains("version: 2"), "{text}");
    assert!(
        text.contains("\"gpt-4\":\n    status: read\n") && !text.contains("updated"),
        "no date that is no date: {text}"
    );
    let file = env.write("roadmap-progress.yaml", &text);
    let report = stdout(env.roadmap().arg("import").arg(&file));
    assert!(text.contains("\"lora\":\n    status: reading\n"), "{text}");
    assert!(report.contains("gpt-4: unread -> read"), "the CLI reads the file: {report}");
    client.close().await.expect("the browser closes");
}

#[tokio::test]
async fn a_printed_page_lists_every_card_with_the_readers_marks() {
    let Some(driver) = driver() else { return };
    let (_env, _url, client, total) = opened(&driver).await;
    mark(&client, "gpt-4", "reading").await;
    let printed = "window.dispatchEvent(new Event('beforeprint'));
return [document.querySelectorAll('#cards .card').length,
  document.querySelector('#cards .card[data-paper=\"gpt-4\"] .status').className];";
    assert_eq!(run(&client, printed).await, json!([total, "status reading"]), "every card, as the reader marked it");
    let after =
        "window.dispatchEvent(new Event('afterprint')); return document.querySelectorAll('#cards .card').length";
    assert_eq!(run(&client, after).await, json!(0), "and taken away after the print");
    client.close().await.expect("the browser closes");
}

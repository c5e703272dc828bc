//! Catalog text that looks like the page's own markup: the script makes each row, box and
//! card from the exporter's text (source.js), so a title or a note that spells out a closing
//! tag, or a whole row, must stay text and never cut a piece short or add one.

use serde_json::json;

use crate::driver::{browser, click, driver, run, visible};
use crate::util::TestEnv;

const CATALOG: &str = r#"version: 1
families:
  - id: odd
    name: Odd
    branch: technique
    summary: S.
papers:
  - id: first
    title: "Ends </tr></noscript></article></a></svg> early?"
    year: 2020
    family: odd
    authors: [A. Author]
    url: https://example.org/first
    contribution: "<tr data-paper=\"ghost\"><td>ghost</td></tr>"
    focus: ["<article class=\"card\" id=\"paper-ghost\" data-paper=\"ghost\">"]
  - id: second
    title: "<a class=\"node\" data-paper=\"ghost\">"
    year: 2021
    family: odd
    authors: [B. Author]
    builds_on: [first]
    url: https://example.org/second
    contribution: "</article></noscript>"
"#;

#[tokio::test]
async fn markup_in_catalog_text_stays_text_in_every_row_box_and_card() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let catalog = env.write("hostile.yaml", CATALOG);
    env.roadmap()
        .arg("--no-default")
        .arg("--catalog")
        .arg(&catalog)
        .args(["note", "second", "</p></article><tr data-paper=\"ghost\">"])
        .assert()
        .success();
    let file = env.path().join("hostile.html");
    env.roadmap()
        .arg("--no-default")
        .arg("--catalog")
        .arg(&catalog)
        .args(["export", "--notes", "-o"])
        .arg(&file)
        .assert()
        .success();
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&format!("file://{}", file.display())).await.expect("the page loads");

    assert_eq!(visible(&client, "#papers-table tbody tr").await, ["first", "second"], "two rows, no ghost");
    assert_eq!(visible(&client, "#tree .tree-box svg:not(.off) .node").await, ["first", "second"], "two boxes");
    let titles =
        run(&client, "return [...document.querySelectorAll('#papers-table .title')].map(title => title.textContent)")
            .await;
    assert_eq!(
        titles,
        json!(["Ends </tr></noscript></article></a></svg> early?", "<a class=\"node\" data-paper=\"ghost\">"])
    );
    click(&client, "first").await;
    let card = run(&client, "const card = document.querySelector('#detail .card'); return [card.dataset.paper, card.querySelector('h3').textContent, card.querySelectorAll('li').length, card.querySelector('li').textContent]").await;
    assert_eq!(
        card,
        json!([
            "first",
            "Ends </tr></noscript></article></a></svg> early?",
            1,
            "<article class=\"card\" id=\"paper-ghost\" data-paper=\"ghost\">"
        ])
    );
    click(&client, "second").await;
    let note =
        run(&client, "return [...document.querySelectorAll('#detail .note')].map(note => note.textContent)").await;
    assert!(note[0].as_str().is_some_and(|text| text.ends_with("</p></article><tr data-paper=\"ghost\">")), "{note}");
    let ghosts = run(&client, "return document.querySelectorAll('[data-paper=\"ghost\"], #paper-ghost').length").await;
    assert_eq!(ghosts, json!(0), "nothing the text spells out became an element");
    client.close().await.expect("the browser closes");
}

//! The page's filter as a reader sees it: where each paper matched, marked; and a catalog
//! too big to list whole, whose table shows the best results and a button for the rest, and
//! whose tree the best 400.

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::driver::{Driver, browser, driver, run, visible};
use crate::util::TestEnv;

/// Types `query` into the filter as a reader would (an input event per change).
const TYPE: &str = "const filter = document.getElementById('filter'); filter.value = arguments[0]; \
                    filter.dispatchEvent(new Event('input'));";

#[tokio::test]
async fn each_result_shows_where_it_matched() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let file = env.path().join("roadmap.html");
    env.roadmap().args(["export", "-o"]).arg(&file).assert().success();
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&format!("file://{}", file.display())).await.expect("the page loads");

    client.execute(TYPE, vec![json!("bidirectional")]).await.expect("typed");
    let marked = run(
        &client,
        "return [...document.querySelectorAll('tr[data-paper=\"bert\"] .title > mark')].map(mark => mark.textContent)",
    )
    .await;
    assert_eq!(marked, json!(["Bidirectional"]), "the title's matched letters, as written");
    client.execute(TYPE, vec![json!("transformers bidirectional")]).await.expect("typed");
    let marked = run(
        &client,
        "return [...document.querySelectorAll('tr[data-paper=\"bert\"] .title > mark')].map(mark => mark.textContent)",
    )
    .await;
    assert_eq!(marked, json!(["Bidirectional", "Transformers"]), "every word, in the title's order");

    // A paper found by its tag says so under its title; the title itself is not marked.
    client.execute(TYPE, vec![json!("rlhf")]).await.expect("typed");
    let found = run(&client, "const row = document.querySelector('tr[data-paper=\"instructgpt\"]'); return [row.querySelector('.found')?.textContent, row.querySelectorAll('.title > mark').length]").await;
    assert_eq!(found, json!(["tag: rlhf", 0]));

    // Clearing the filter puts every title back as it was.
    client.execute(TYPE, vec![json!("")]).await.expect("typed");
    let left =
        run(&client, "return document.querySelectorAll('#papers-table mark, #papers-table .found').length").await;
    assert_eq!(left, json!(0));
    let title =
        run(&client, "return document.querySelector('tr[data-paper=\"transformer\"] .title').textContent").await;
    assert_eq!(title, json!("Attention Is All You Need"));
    client.close().await.expect("the browser closes");
}

/// A catalog of `count` papers in one family, every title holding "model".
fn large_catalog(env: &TestEnv, count: usize, title: impl Fn(usize) -> String) -> std::path::PathBuf {
    let mut yaml = String::from(
        "version: 1\nfamilies:\n  - id: big\n    name: Big\n    branch: technique\n    summary: Many papers.\npapers:\n",
    );
    for index in 0..count {
        yaml.push_str(&format!(
            "  - id: paper-{index}\n    title: \"{}\"\n    year: {}\n    family: big\n    url: https://example.org/{index}\n    authors: [\"Ada Lovelace\"]\n    contribution: \"Paper {index}.\"\n    focus: [\"one\"]\n",
            title(index),
            2000 + index / 25
        ));
    }
    env.write("large.yaml", &yaml)
}

/// A page of 620 papers titled `title(index)`, open in a browser: 25 a year from 2000, so
/// that a paper's index gives its place on the page.
async fn large_page(driver: &Driver, env: &TestEnv, title: impl Fn(usize) -> String) -> Client {
    let catalog = large_catalog(env, 620, title);
    let file = env.path().join("large.html");
    env.roadmap()
        .arg("--no-default")
        .arg("--catalog")
        .arg(&catalog)
        .args(["export", "-o"])
        .arg(&file)
        .assert()
        .success();
    let client = browser(driver, (1400, 1000), &[]).await;
    client.goto(&format!("file://{}", file.display())).await.expect("the page loads");
    client
}

#[tokio::test]
async fn the_trees_note_counts_what_the_search_found_even_when_it_draws_the_same_boxes() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    // The first 450 (the oldest) mention both words; the best 400 of either word are the same.
    let client =
        large_page(
            &driver,
            &env,
            |index| {
                if index < 450 { format!("Alpha beta {index}") } else { format!("Alpha {index}") }
            },
        )
        .await;
    let notes =
        "return [document.getElementById('shown').textContent, document.getElementById('tree-cut').textContent]";
    client.execute(TYPE, vec![json!("alpha")]).await.expect("typed");
    let alpha = run(&client, notes).await;
    assert_eq!(alpha, json!(["620 of 620 papers shown · 0 read", "The tree shows the best 400 of 620 found."]));
    client.execute(TYPE, vec![json!("alpha beta")]).await.expect("typed");
    let both = run(&client, notes).await;
    assert_eq!(both, json!(["450 of 620 papers shown · 0 read", "The tree shows the best 400 of 450 found."]));
    client.close().await.expect("the browser closes");
}

#[tokio::test]
async fn a_large_catalog_lists_the_best_results_and_a_button_shows_the_rest() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let client = large_page(&driver, &env, |index| format!("A model numbered {index}")).await;

    assert_eq!(visible(&client, "#tree .node").await.len(), 400, "the tree shows the first 400 papers");
    let cut = client.find(Locator::Id("tree-cut")).await.expect("the note");
    assert_eq!(cut.text().await.expect("its text"), "The tree shows the best 400 of 620 found.");
    assert_eq!(visible(&client, "#papers-table tbody tr").await.len(), 500, "the table the first 500");
    let more = client.find(Locator::Id("more")).await.expect("the button");
    assert_eq!(more.text().await.expect("its text"), "Show all 620 in the table");
    more.click().await.expect("a click");
    assert_eq!(visible(&client, "#papers-table tbody tr").await.len(), 620);
    assert!(!more.is_displayed().await.expect("shown or not"));

    // A new search lists its best 500 again.
    client.execute(TYPE, vec![json!("model")]).await.expect("typed");
    assert_eq!(visible(&client, "#papers-table tbody tr").await.len(), 500);
    assert_eq!(visible(&client, "#tree .node").await.len(), 400, "the tree shows the best 400 found");
    assert!(cut.text().await.expect("its text").starts_with("The tree shows the best 400 of "));
    client.execute(TYPE, vec![json!("numbered 61")]).await.expect("typed");
    let found = visible(&client, "#papers-table tbody tr").await;
    assert_eq!(found[0], "paper-61", "{found:?}");
    assert!(!more.is_displayed().await.expect("shown or not"), "nothing left out");
    client.close().await.expect("the browser closes");
}

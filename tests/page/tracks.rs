//! Tracks as guided paths on the page: the address (`#track=`, `#q=`, `#paper=`) restores
//! what it names and the back button steps through the reader's choices; a picked track's
//! steps are numbered and each says why it is there; a track's page opens on its track.

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::driver::{browser, click, driver, lineage_marks, run, visible};
use crate::page;
use crate::util::{TestEnv, stdout};

/// A track's steps as `roadmap track ID --format json` gives them: id and why.
fn steps(env: &TestEnv, lang: &str, track: &str) -> Vec<(String, String)> {
    let json: Value =
        serde_json::from_str(&stdout(env.roadmap().args(["--lang", lang, "track", track, "--format", "json"])))
            .expect("JSON");
    json.as_array()
        .expect("a list")
        .iter()
        .map(|step| {
            let id = step["id"].as_str().expect("an id").to_owned();
            (id, step["why"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// The fragment of the page's address, decoded as the page reads it.
async fn fragment(client: &Client) -> String {
    client.current_url().await.expect("an address").fragment().unwrap_or_default().to_owned()
}

/// The picker's track and the filter's text.
async fn toolbar(client: &Client) -> Value {
    run(client, "return [document.getElementById('track').value, document.getElementById('filter').value]").await
}

/// Opens `address` afresh (a new document, as a link or a bookmark would).
async fn open(client: &Client, address: &str) {
    client.goto(address).await.expect("the page loads");
    client.refresh().await.expect("the page reloads");
}

/// The visible rows' text: the step number, the id, and the why under the title.
const ROWS: &str = "return [...document.querySelectorAll('#papers-table tbody tr')].filter(row => row.getClientRects().length > 0).map(row => [row.cells[0].textContent, row.cells[3].querySelector('.why')?.textContent ?? ''])";

#[tokio::test]
async fn the_address_restores_track_filter_and_paper_and_back_undoes_each_choice() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;

    // A track and a filter: the picker follows, and the filter narrows within the track.
    open(&client, &format!("{url}#track=reasoning&q=chain")).await;
    assert_eq!(toolbar(&client).await, json!(["reasoning", "chain"]));
    let track: Vec<String> = steps(&env, "en", "reasoning").into_iter().map(|(id, _)| id).collect();
    let expected = lines(&stdout(env.roadmap().args(["search", "chain", "--track", "reasoning", "--format", "ids"])));
    assert!(!expected.is_empty() && expected.iter().all(|id| track.contains(id)));
    assert_eq!(visible(&client, "#papers-table tbody tr").await, expected, "ranked within the track, as `search`");

    // A track and a paper, in either order, with a space encoded either way.
    open(&client, &format!("{url}#paper=chain-of-thought&track=reasoning")).await;
    assert_eq!(toolbar(&client).await, json!(["reasoning", ""]));
    assert_eq!(lineage_marks(&client).await["chain-of-thought"].as_deref(), Some("self"));
    open(&client, &format!("{url}#q=chain%20of+thought")).await;
    assert_eq!(toolbar(&client).await, json!(["", "chain of thought"]));
    // A paper the track leaves out brings all papers back; an unknown track is ignored.
    open(&client, &format!("{url}#track=reasoning&paper=bert")).await;
    assert_eq!(lineage_marks(&client).await["bert"].as_deref(), Some("self"));
    assert_eq!(toolbar(&client).await, json!(["", ""]));
    assert_eq!(fragment(&client).await, "paper=bert", "the address says what the page shows");
    open(&client, &format!("{url}#track=no-such-track")).await;
    assert_eq!(toolbar(&client).await, json!(["", ""]));

    // Each track and paper is a step back can undo; typing changes the address in place.
    open(&client, &url).await;
    let length = || run(&client, "return history.length");
    let before = length().await;
    client.find(Locator::Id("track")).await.unwrap().select_by_value("alignment").await.unwrap();
    assert_eq!(fragment(&client).await, "track=alignment");
    click(&client, "instructgpt").await;
    assert_eq!(fragment(&client).await, "track=alignment&paper=instructgpt");
    let pushed = length().await;
    assert_eq!(pushed.as_u64(), before.as_u64().map(|length| length + 2));
    client.find(Locator::Id("filter")).await.unwrap().send_keys("instruct").await.unwrap();
    // Note: the address follows once typing pauses.
    let typed = "track=alignment&q=instruct&paper=instructgpt";
    for _ in 0..40 {
        if fragment(&client).await == typed {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(fragment(&client).await, typed);
    assert_eq!(length().await, pushed, "typing adds no history");
    client.back().await.unwrap();
    assert_eq!(fragment(&client).await, "track=alignment");
    assert_eq!(toolbar(&client).await, json!(["alignment", ""]));
    assert!(lineage_marks(&client).await.values().all(Option::is_none));
    client.back().await.unwrap();
    assert_eq!(toolbar(&client).await, json!(["", ""]));
    assert_eq!(
        visible(&client, "#tree .node").await.len(),
        lines(&stdout(env.roadmap().args(["list", "--format", "ids"]))).len()
    );
    client.forward().await.unwrap();
    client.forward().await.unwrap();
    assert_eq!(toolbar(&client).await, json!(["alignment", "instruct"]));
    assert_eq!(lineage_marks(&client).await["instructgpt"].as_deref(), Some("self"));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_picked_track_numbers_its_steps_and_says_why_each_is_there_in_the_pages_language() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    for lang in ["en", "zh"] {
        let url = page(&env, &["--lang", lang]);
        let client = browser(&driver, (1400, 1000), &[]).await;
        open(&client, &url).await;
        let no_numbers =
            run(&client, "return document.querySelectorAll('#papers-table .step, #papers-table .why').length").await;
        assert_eq!(no_numbers, json!(0), "all papers: no steps");
        client.find(Locator::Id("track")).await.unwrap().select_by_value("reasoning").await.unwrap();
        let steps = steps(&env, lang, "reasoning");
        let rows = run(&client, ROWS).await;
        let rows = rows.as_array().expect("rows");
        assert_eq!(rows.len(), steps.len());
        for (index, ((id, why), row)) in steps.iter().zip(rows).enumerate() {
            assert_eq!(row[0], json!(format!("{}. {id}", index + 1)), "the step's number shows");
            assert_eq!(row[1], json!(why), "{id}'s why shows under its title");
        }
        // The card says the same, and only for the picked track.
        let (first, why) = &steps[1];
        click(&client, first).await;
        let card = run(&client, "return [...document.querySelectorAll('#detail .why')].filter(why => !why.hidden).map(why => [why.dataset.track, why.textContent])").await;
        let step = format!("{} · {why}", if lang == "en" { "Step 2" } else { "第 2 步" });
        assert_eq!(card, json!([["reasoning", step]]), "the card says why for the picked track only");
        let detail = client.find(Locator::Id("detail")).await.unwrap().text().await.unwrap();
        assert!(detail.contains(why.as_str()), "the selected paper's card says why: {detail}");
        // Another track renumbers; all papers take the numbers away.
        client.find(Locator::Id("track")).await.unwrap().select_by_value("alignment").await.unwrap();
        let alignment = self::steps(&env, lang, "alignment");
        let rows = run(&client, ROWS).await;
        assert_eq!(rows[0], json!([format!("1. {}", alignment[0].0), alignment[0].1]));
        client.find(Locator::Id("track")).await.unwrap().select_by_value("").await.unwrap();
        assert_eq!(
            run(&client, "return document.querySelectorAll('#papers-table .step, #papers-table .why').length").await,
            json!(0)
        );
        client.close().await.unwrap();
    }
}

#[tokio::test]
async fn a_tracks_page_opens_on_its_track_and_can_show_its_papers_by_date() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &["--track", "reasoning"]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    open(&client, &url).await;
    assert_eq!(toolbar(&client).await, json!(["reasoning", ""]));
    let steps = steps(&env, "en", "reasoning");
    let rows = run(&client, ROWS).await;
    assert_eq!(rows[0], json!([format!("1. {}", steps[0].0), steps[0].1]));
    assert_eq!(rows.as_array().unwrap().len(), steps.len());
    assert!(client.find(Locator::Id("track-summary")).await.unwrap().is_displayed().await.unwrap());
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(&shots).expect("a directory for the pictures");
    run(&client, "document.getElementById('papers').scrollIntoView()").await;
    std::fs::write(shots.join("page-track.png"), client.screenshot().await.unwrap()).unwrap();
    click(&client, &steps[2].0).await;
    std::fs::write(shots.join("page-track-card.png"), client.screenshot().await.unwrap()).unwrap();
    assert_eq!(fragment(&client).await, format!("paper={}", steps[2].0), "the page's own track is not repeated");

    // All papers: the same papers, oldest first, and `track=` in the address.
    run(&client, "document.querySelector('#detail .close').click()").await;
    client.find(Locator::Id("track")).await.unwrap().select_by_value("").await.unwrap();
    assert_eq!(fragment(&client).await, "track=");
    let by_date = lines(&stdout(env.roadmap().args(["list", "--track", "reasoning", "--format", "ids"])));
    assert_eq!(visible(&client, "#papers-table tbody tr").await, by_date);
    client.back().await.unwrap();
    assert_eq!(toolbar(&client).await, json!(["reasoning", ""]));
    open(&client, &format!("{url}#track=")).await;
    assert_eq!(visible(&client, "#papers-table tbody tr").await, by_date, "an address can ask for all papers");
    client.close().await.unwrap();
}

//! The exported page in a real browser: headless Chromium driven through chromedriver
//! (Debian's `chromium-driver`, which `.ci/run` installs). The tests click, press keys and
//! type as a reader would, and read back what the page then shows.

mod driver;
mod hostile;
mod marks;
mod parity;
mod pictures;
mod search;
mod short;
#[path = "../cli/tmux.rs"]
#[allow(dead_code, reason = "shared with the browser's tests, which use all of it")]
mod tmux;
mod tracks;
mod tree;
#[path = "../cli/util.rs"]
mod util;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use driver::{browser, click, driver, lineage_marks, node, run, visible};
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value, json};
use util::{TestEnv, stdout};

/// Exports the whole embedded catalog with a little progress, and returns the page's URL.
fn page(env: &TestEnv, extra: &[&str]) -> String {
    env.roadmap().args(["mark", "transformer", "gpt-1", "gpt-2", "gpt-3", "bert", "read"]).assert().success();
    env.roadmap().args(["mark", "llama", "lora", "reading"]).assert().success();
    let file = env.path().join("roadmap.html");
    env.roadmap().arg("export").args(extra).arg("-o").arg(&file).assert().success();
    format!("file://{}", file.display())
}

/// Every paper's `builds_on`, from the catalog as JSON.
fn builds_on(env: &TestEnv) -> HashMap<String, Vec<String>> {
    let papers: Value = serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON");
    papers
        .as_array()
        .expect("a list")
        .iter()
        .map(|paper| {
            let parents =
                paper["builds_on"].as_array().expect("a list").iter().map(|id| id.as_str().expect("an id").to_owned());
            (paper["id"].as_str().expect("an id").to_owned(), parents.collect())
        })
        .collect()
}

/// Everything reachable from `start` along `links`.
fn reachable(start: &str, links: &HashMap<String, Vec<String>>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&String> = links.get(start).into_iter().flatten().collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id.clone()) {
            stack.extend(links.get(id).into_iter().flatten());
        }
    }
    seen
}

#[tokio::test]
async fn clicking_a_paper_marks_its_lineage_and_shows_its_card() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.expect("the page loads");

    click(&client, "llama").await;
    let parents = builds_on(&env);
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for (child, ups) in &parents {
        for up in ups {
            children.entry(up.clone()).or_default().push(child.clone());
        }
    }
    let (ancestors, descendants) = (reachable("llama", &parents), reachable("llama", &children));
    let marks = lineage_marks(&client).await;
    assert_eq!(marks.len(), parents.len());
    assert_eq!(marks["llama"].as_deref(), Some("self"));
    assert_eq!(marks["gpt-3"].as_deref(), Some("ancestor"));
    assert_eq!(marks["transformer"].as_deref(), Some("ancestor"));
    assert_eq!(marks["llama-2"].as_deref(), Some("descendant"));
    assert_eq!(marks["bert"], None, "BERT is not in LLaMA's lineage");
    for (id, mark) in &marks {
        let expected = if ancestors.contains(id) {
            Some("ancestor")
        } else if descendants.contains(id) {
            Some("descendant")
        } else if id == "llama" {
            Some("self")
        } else {
            None
        };
        assert_eq!(mark.as_deref(), expected, "{id}");
    }
    let dimmed =
        run(&client, &format!("return Number(getComputedStyle(document.querySelector(\"{}\")).opacity)", node("bert")))
            .await;
    assert!(dimmed.as_f64().unwrap() < 0.5, "papers outside the lineage are dimmed: {dimmed}");
    let strong = run(
        &client,
        "return [...document.querySelectorAll('#tree .tree-box .edge.strong')].map(edge => [edge.dataset.from, edge.dataset.to])",
    )
    .await;
    let strong = strong.as_array().unwrap();
    assert!(strong.len() >= ancestors.len(), "every ancestor has a strong edge: {}", strong.len());
    for edge in strong {
        let (from, to) = (edge[0].as_str().unwrap(), edge[1].as_str().unwrap());
        let inside = |id: &str| id == "llama" || ancestors.contains(id) || descendants.contains(id);
        assert!(inside(from) && inside(to), "{from} -> {to} is in the lineage");
    }

    let detail = client.find(Locator::Id("detail")).await.expect("#detail");
    assert!(detail.is_displayed().await.unwrap());
    let text = detail.text().await.unwrap();
    assert!(text.contains("LLaMA: Open and Efficient Foundation Language Models"), "{text}");
    assert!(text.contains("Builds on"), "{text}");
    assert!(client.current_url().await.unwrap().as_str().ends_with("#paper=llama"));
    let docked = run(&client, "return document.getElementById('detail').classList.contains('left')").await;
    assert_eq!(docked, json!(false), "llama is on the left half, so its card is on the right");

    // Esc clears everything; so does a click on the background.
    client.active_element().await.unwrap().send_keys(&Key::Escape.to_string()).await.unwrap();
    assert!(lineage_marks(&client).await.values().all(Option::is_none));
    assert!(!detail.is_displayed().await.unwrap());
    assert!(client.current_url().await.unwrap().fragment().is_none());
    click(&client, "gpt-3").await;
    assert_eq!(lineage_marks(&client).await["gpt-3"].as_deref(), Some("self"));
    run(&client, "document.querySelectorAll('#tree svg.part .year')[5].scrollIntoView({ block: 'center' })").await;
    client.find(Locator::Css("#tree svg.part .year:nth-of-type(6)")).await.unwrap().click().await.unwrap();
    assert!(lineage_marks(&client).await.values().all(Option::is_none), "a click on the background clears");

    // The keyboard reaches every box, and Enter selects.
    let focusable =
        run(&client, "return [...document.querySelectorAll('#tree svg.part .node')].every(node => node.tabIndex >= 0)")
            .await;
    assert_eq!(focusable, json!(true));
    run(&client, &format!("document.querySelector(\"{}\").focus()", node("bert"))).await;
    client.active_element().await.unwrap().send_keys(&Key::Enter.to_string()).await.unwrap();
    assert_eq!(lineage_marks(&client).await["bert"].as_deref(), Some("self"));

    // Back returns to the paper selected before; following a link in the card selects it.
    click(&client, "gpt-2").await;
    client.back().await.unwrap();
    assert_eq!(lineage_marks(&client).await["bert"].as_deref(), Some("self"));
    // bert's card sits over the right half; Esc closes it so lora can be clicked.
    client.active_element().await.unwrap().send_keys(&Key::Escape.to_string()).await.unwrap();
    click(&client, "lora").await;
    let docked = run(&client, "return document.getElementById('detail').classList.contains('left')").await;
    assert_eq!(docked, json!(true), "a paper on the right half gets its card on the left");
    client.find(Locator::Css("#detail a[href='#paper-gpt-3']")).await.unwrap().click().await.unwrap();
    assert_eq!(lineage_marks(&client).await["gpt-3"].as_deref(), Some("self"));
    // The table of contents does not touch the selection.
    client.find(Locator::Css("nav a[href='#papers']")).await.unwrap().click().await.unwrap();
    assert_eq!(lineage_marks(&client).await["gpt-3"].as_deref(), Some("self"));

    // A link to a paper opens the page with it selected and in view; a broken one is ignored.
    client.goto(&format!("{url}#paper=gpt-2")).await.unwrap();
    client.refresh().await.unwrap();
    let marks = lineage_marks(&client).await;
    assert_eq!(marks["gpt-2"].as_deref(), Some("self"));
    assert_eq!(marks["gpt-1"].as_deref(), Some("ancestor"));
    let detail = client.find(Locator::Id("detail")).await.unwrap().text().await.unwrap();
    assert!(detail.contains("Language Models are Unsupervised Multitask Learners"), "{detail}");
    let in_view = run(&client, &format!("const box = document.querySelector(\"{}\").getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight", node("gpt-2"))).await;
    assert_eq!(in_view, json!(true), "the selected paper is in view");
    client.goto(&format!("{url}#paper=%E0%A4%A")).await.unwrap();
    client.refresh().await.unwrap();
    assert!(lineage_marks(&client).await.values().all(Option::is_none));
    click(&client, "bert").await;
    assert_eq!(lineage_marks(&client).await["bert"].as_deref(), Some("self"), "the script still runs");
    client.close().await.unwrap();
}

#[tokio::test]
async fn one_filter_narrows_the_tree_and_the_table_and_a_track_keeps_its_order() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.unwrap();
    let total = builds_on(&env).len();
    assert_eq!(visible(&client, "#tree .node").await.len(), total);

    let filter = client.find(Locator::Id("filter")).await.expect("the filter is shown");
    filter.send_keys("llama").await.unwrap();
    let nodes = visible(&client, "#tree .node").await;
    assert!(nodes.len() > 3 && nodes.len() < total / 4, "{nodes:?}");
    assert!(nodes.contains(&"llama-2".to_owned()) && !nodes.contains(&"bert".to_owned()));
    let cli: Vec<String> = stdout(env.roadmap().args(["list", "--query", "llama", "--format", "ids"]))
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(nodes, cli, "the page's filter finds what --query finds");
    let ranked: Vec<String> =
        stdout(env.roadmap().args(["search", "llama", "--format", "ids"])).lines().map(str::to_owned).collect();
    assert_eq!(visible(&client, "#papers-table tbody tr").await, ranked, "the table is ranked as `search` ranks");
    assert!(visible(&client, "#cards .card").await.is_empty(), "cards open one at a time, not all in a row");
    let shown = client.find(Locator::Id("shown")).await.unwrap().text().await.unwrap();
    let read = stdout(env.roadmap().args(["list", "--query", "llama", "--status", "read", "--format", "ids"]));
    let read = read.lines().count();
    assert_eq!(shown, format!("{} of {total} papers shown · {read} read", nodes.len()), "counts follow what is shown");
    filter.clear().await.unwrap();
    filter.send_keys("gpt").await.unwrap();
    let gpt = stdout(env.roadmap().args(["list", "--query", "gpt", "--format", "ids"])).lines().count();
    let read = stdout(env.roadmap().args(["list", "--query", "gpt", "--status", "read", "--format", "ids"]));
    assert!(read.lines().count() >= 3, "gpt-1, gpt-2 and gpt-3 are read");
    let shown = client.find(Locator::Id("shown")).await.unwrap().text().await.unwrap();
    assert_eq!(shown, format!("{gpt} of {total} papers shown · {} read", read.lines().count()));
    filter.clear().await.unwrap();
    filter.send_keys("llama").await.unwrap();
    let edges = run(&client, "return [...document.querySelectorAll('#tree .tree-box .edge')].filter(edge => edge.getClientRects().length > 0).map(edge => [edge.dataset.from, edge.dataset.to])").await;
    for edge in edges.as_array().unwrap() {
        for end in [0, 1] {
            assert!(nodes.iter().any(|id| id == edge[end].as_str().unwrap()), "a visible edge ends at a visible paper");
        }
    }
    filter.send_keys(" touvron").await.unwrap();
    let narrower = visible(&client, "#tree .node").await;
    assert!(!narrower.is_empty() && narrower.len() < nodes.len() && narrower.iter().all(|id| nodes.contains(id)));
    filter.clear().await.unwrap();
    filter.send_keys("ert").await.unwrap();
    let loose: Vec<String> =
        stdout(env.roadmap().args(["search", "ert", "--format", "ids"])).lines().map(str::to_owned).collect();
    assert_eq!(visible(&client, "#papers-table tbody tr").await, loose, "letters inside a word rank as `search` ranks");
    filter.clear().await.unwrap();
    filter.send_keys("no such paper anywhere").await.unwrap();
    assert!(visible(&client, "#tree .node").await.is_empty());
    assert!(visible(&client, "#papers-table tbody tr").await.is_empty());
    filter.clear().await.unwrap();
    filter.send_keys(" ").await.unwrap();

    // A track shows its papers, in its order, in the table and the cards.
    let track: Vec<String> =
        stdout(env.roadmap().args(["track", "alignment", "--format", "ids"])).lines().map(str::to_owned).collect();
    client.find(Locator::Id("track")).await.unwrap().select_by_value("alignment").await.unwrap();
    assert_eq!(visible(&client, "#papers-table tbody tr").await, track);
    let mut in_tree = visible(&client, "#tree .node").await;
    let mut sorted = track.clone();
    in_tree.sort();
    sorted.sort();
    assert_eq!(in_tree, sorted);
    let about = client.find(Locator::Id("track-summary")).await.unwrap();
    assert!(about.is_displayed().await.unwrap());
    let first_step =
        run(&client, "return document.querySelector('#papers-table tbody tr:not(.off) td').textContent").await;
    assert_eq!(first_step, json!(format!("1. {}", track[0])), "the steps are numbered");
    // The filter works within the track.
    filter.send_keys("dpo").await.unwrap();
    let cli: Vec<String> = stdout(env.roadmap().args(["search", "dpo", "--track", "alignment", "--format", "ids"]))
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(cli.contains(&"dpo".to_owned()) && cli.iter().all(|id| track.contains(id)));
    assert_eq!(visible(&client, "#papers-table tbody tr").await, cli, "ranked as `search --track` ranks");
    filter.clear().await.unwrap();
    filter.send_keys(" ").await.unwrap();
    // A link in the card to a paper outside the track brings all papers back to show it.
    click(&client, "instructgpt").await;
    client.find(Locator::Css("#detail a[href='#paper-gpt-3']")).await.unwrap().click().await.unwrap();
    assert_eq!(lineage_marks(&client).await["gpt-3"].as_deref(), Some("self"));
    assert_eq!(visible(&client, "#tree .node").await.len(), total, "the track was cleared to show gpt-3");
    assert_eq!(run(&client, "return document.getElementById('track').value").await, json!(""));
    // A filter that hides the selected paper ends the selection.
    filter.send_keys("^bert$").await.unwrap();
    assert!(lineage_marks(&client).await.values().all(Option::is_none));
    assert!(!client.find(Locator::Id("detail")).await.unwrap().is_displayed().await.unwrap());
    filter.clear().await.unwrap();
    filter.send_keys(" ").await.unwrap();
    client.find(Locator::Id("track")).await.unwrap().select_by_value("alignment").await.unwrap();
    client.find(Locator::Id("track")).await.unwrap().select_by_value("").await.unwrap();
    assert_eq!(visible(&client, "#tree .node").await.len(), total);
    let table = visible(&client, "#papers-table tbody tr").await;
    let list: Vec<String> =
        stdout(env.roadmap().args(["list", "--format", "ids"])).lines().map(str::to_owned).collect();
    assert_eq!(table, list, "all papers come back in their own order");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_chinese_page_speaks_chinese_and_its_filter_finds_chinese_words() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &["--lang", "zh"]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.unwrap();
    let language = run(&client, "return document.documentElement.lang").await;
    assert_eq!(language, json!("zh-Hans"));
    let option = run(&client, "return document.querySelector('#track option[value=\"original\"]').textContent").await;
    let tracks: Value =
        serde_json::from_str(&stdout(env.roadmap().args(["--lang", "zh", "tracks", "--format", "json"]))).unwrap();
    let original = tracks[0]["name"].as_str().unwrap();
    assert!(option.as_str().unwrap().starts_with(&format!("{original} (")), "{option} / {original}");
    let filter = client.find(Locator::Id("filter")).await.unwrap();
    filter.send_keys("注意力").await.unwrap();
    let shown = visible(&client, "#tree .node").await;
    let cli: Vec<String> = stdout(env.roadmap().args(["list", "--query", "注意力", "--format", "ids"]))
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(!cli.is_empty());
    assert_eq!(shown, cli, "a Chinese word is found anywhere in the Chinese text, as --query does");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_page_fits_a_desktop_and_a_phone_and_follows_dark_mode() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));

    let desktop = browser(&driver, (1400, 1000), &[]).await;
    desktop.goto(&url).await.unwrap();
    let width = run(&desktop, "return [document.documentElement.scrollWidth, window.innerWidth]").await;
    assert!(width[0].as_u64() <= width[1].as_u64(), "no sideways scrolling at 1400 px: {width}");
    let tree = run(&desktop, "const box = document.querySelector('.tree-box'); return [box.scrollWidth, box.clientWidth, document.querySelector('#tree .tree-box svg:not(.off)').getBoundingClientRect().height]").await;
    assert!(tree[0].as_u64() <= tree[1].as_u64(), "the whole tree is in view across: {tree}");
    let height = tree[2].as_f64().unwrap();
    // Note: the tree was made to fit about 2000 px for 227 papers; it may grow with the
    // catalog, no faster than that (a denser catalog shares the rows it has).
    let papers = run(&desktop, "return document.querySelectorAll('#tree .tree-box svg:not(.off) [data-paper]').length")
        .await
        .as_f64()
        .unwrap();
    assert!(
        height <= 2100.0 * papers.max(227.0) / 227.0,
        "the tree fits about 2000 px per 227 papers: {height} for {papers}"
    );
    assert_eq!(run(&desktop, short::WRAPPED_DATES).await, json!(0), "dates never wrap");
    short::with_progress_first(&desktop, 8.0).await;
    assert_eq!(run(&desktop, short::WRAPPED_STATUS).await, json!(0), "statuses never wrap");
    run(&desktop, "scrollTo(0, 0)").await;
    click(&desktop, "llama").await;
    run(&desktop, "window.scrollTo(0, document.querySelector('#tree').offsetTop + 900)").await;
    let png = desktop.screenshot().await.unwrap();
    std::fs::write(shots.join("page-desktop.png"), &png).unwrap();
    desktop.close().await.unwrap();

    let phone = browser(&driver, (390, 844), &[]).await;
    phone.goto(&url).await.unwrap();
    let width = run(&phone, "return [document.documentElement.scrollWidth, window.innerWidth]").await;
    assert_eq!(width[1], json!(390));
    assert!(width[0].as_u64() <= width[1].as_u64(), "nothing scrolls sideways on a phone: {width}");
    let tree = run(&phone, "const box = document.querySelector('.tree-box'); return [box.scrollWidth > box.clientWidth, getComputedStyle(box).overflowX]").await;
    assert_eq!(tree, json!([true, "auto"]), "the tree scrolls inside its own box");
    let stacked = run(&phone, "return getComputedStyle(document.querySelector('#papers-table td')).display").await;
    assert_eq!(stacked, json!("block"), "the table becomes stacked rows");
    assert_eq!(run(&phone, short::WRAPPED_DATES).await, json!(0), "dates never wrap");
    short::with_progress_first(&phone, 25.0).await;
    assert_eq!(run(&phone, short::WRAPPED_STATUS).await, json!(0), "statuses never wrap");
    run(&phone, "scrollTo(0, 0)").await;
    std::fs::write(shots.join("page-phone.png"), phone.screenshot().await.unwrap()).unwrap();
    run(&phone, "document.getElementById('papers').scrollIntoView()").await;
    std::fs::write(shots.join("page-phone-table.png"), phone.screenshot().await.unwrap()).unwrap();
    click(&phone, "gpt-3").await;
    let detail = run(
        &phone,
        "const box = document.getElementById('detail').getBoundingClientRect(); return [box.left, box.right]",
    )
    .await;
    assert!(detail[0].as_f64().unwrap() >= 0.0 && detail[1].as_f64().unwrap() <= 390.0, "the card fits: {detail}");
    phone.close().await.unwrap();

    let dark = browser(&driver, (1400, 1000), &["--force-dark-mode"]).await;
    dark.goto(&url).await.unwrap();
    let scheme = run(&dark, "return matchMedia('(prefers-color-scheme: dark)').matches").await;
    if scheme == json!(true) {
        let background = run(&dark, "return getComputedStyle(document.body).backgroundColor").await;
        assert_eq!(background, json!("rgb(13, 17, 23)"), "the page turns dark");
        std::fs::write(shots.join("page-dark.png"), dark.screenshot().await.unwrap()).unwrap();
    } else {
        eprintln!("this Chromium ignores --force-dark-mode; dark mode not checked");
    }
    dark.close().await.unwrap();
}

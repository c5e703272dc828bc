//! `roadmap export --format html`: one self-contained page, escaped, and rendered by a real
//! headless Chromium (which `.ci/run` installs).

use std::path::Path;

use html5ever::tendril::TendrilSink;
use predicates::prelude::*;
use scraper::{Html, HtmlTreeSink, Selector};

use crate::util::{TestEnv, mini, stdout, temporary_files, with_progress};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("a valid selector")
}

/// The page as read without its script (with it, the <noscript> parts are plain text).
fn without_script(html: &str) -> Html {
    let options = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html)
}

fn ids(env: &TestEnv) -> Vec<String> {
    stdout(env.roadmap().args(["list", "--format", "ids"])).lines().map(str::to_owned).collect()
}

fn tracks(env: &TestEnv) -> usize {
    stdout(env.roadmap().args(["tracks", "--format", "ids"])).lines().count()
}

/// The reasoning track's papers in its own order, as `roadmap track` lists them.
fn on_page_in_track_order(env: &TestEnv) -> Vec<String> {
    stdout(env.roadmap().args(["track", "reasoning", "--format", "ids"])).lines().map(str::to_owned).collect()
}

/// The tree's box for `id`.
fn node(id: &str) -> Selector {
    select(&format!("#tree .node[data-paper='{id}']"))
}

fn attr<'a>(document: &'a Html, selector: &Selector, name: &str) -> &'a str {
    document.select(selector).next().expect("the element").value().attr(name).expect("the attribute")
}

#[test]
fn the_page_has_the_tree_the_table_the_cards_and_progress() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    env.roadmap().args(["mark", "lora", "reading"]).assert().success();
    env.roadmap().args(["mark", "elmo", "skipped"]).assert().success();
    let html = stdout(env.roadmap().args(["export", "--format", "html"]));
    let document = without_script(&html);
    let ids = ids(&env);
    assert_eq!(document.select(&select("#tree [data-paper]")).count(), ids.len());
    assert_eq!(document.select(&select("#papers-table tbody tr[data-paper]")).count(), ids.len());
    assert_eq!(document.select(&select("article.card[data-paper]")).count(), ids.len());
    for id in &ids {
        assert_eq!(document.select(&node(id)).count(), 1, "{id} has one box");
        assert_eq!(
            attr(&document, &node(id), "href"),
            format!("#paper-{id}"),
            "without the script a box opens its card"
        );
        assert_eq!(document.select(&select(&format!("article[id='paper-{id}']"))).count(), 1, "{id} has a card");
    }
    let text = |id: &str| {
        document.select(&node(id)).next().unwrap().select(&select("text")).next().unwrap().text().collect::<String>()
    };
    assert!(attr(&document, &node("bert"), "class").split(' ').any(|class| class == "read"));
    assert_eq!(text("bert"), "✓ bert", "status shows as a mark, not only as colour");
    assert!(attr(&document, &node("lora"), "class").split(' ').any(|class| class == "reading"));
    assert_eq!(text("lora"), "▸ lora");
    assert!(attr(&document, &node("elmo"), "class").split(' ').any(|class| class == "skipped"));
    assert_eq!(text("elmo"), "– elmo");
    let summary: String = document.select(&select("#summary")).next().unwrap().text().collect();
    assert!(summary.ends_with("· 1 read · 1 reading · 1 skipped"), "{summary}");
    assert!(attr(&document, &node("gpt-3"), "class").split(' ').any(|class| class == "unread"));
    assert_eq!(text("gpt-3"), "gpt-3");
    let papers: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON");
    let llama = papers.as_array().unwrap().iter().find(|paper| paper["id"] == "llama").unwrap();
    let mut builds_on: Vec<&str> =
        llama["builds_on"].as_array().unwrap().iter().map(|id| id.as_str().unwrap()).collect();
    let mut drawn: Vec<&str> = attr(&document, &node("llama"), "data-builds-on").split(' ').collect();
    builds_on.sort_unstable();
    drawn.sort_unstable();
    assert_eq!(drawn, builds_on, "the script follows the catalog's builds_on");

    let edges: Vec<_> = document.select(&select("#tree .tree-box path.edge")).collect();
    assert!(edges.len() > 300, "builds_on edges are drawn: {}", edges.len());
    for edge in &edges {
        for end in ["data-from", "data-to"] {
            let id = edge.value().attr(end).unwrap();
            assert!(ids.iter().any(|known| known == id), "{end}={id} is on the page");
        }
    }
    assert_eq!(document.select(&select("#tree .tree-box path.edge.indirect")).count(), 0, "every link is direct here");
    for edge in &edges {
        let class = edge.value().attr("class").unwrap();
        assert!(["edge main", "edge other"].contains(&class), "one style per meaning: {class}");
    }
    let main = document.select(&select("#tree .tree-box path.edge.main[data-to='llama']")).next().unwrap();
    assert_eq!(main.value().attr("data-from"), llama["builds_on"][0].as_str(), "the main line is the first builds_on");
    // Each card's status control says the exporter's mark; a link downloads the reader's.
    let control = |id: &str| format!("article.card select[data-status-for='{id}'] option[selected]");
    assert_eq!(document.select(&select(&control("bert"))).next().unwrap().value().attr("value"), Some("read"));
    assert_eq!(document.select(&select(&control("gpt-3"))).next().unwrap().value().attr("value"), Some("unread"));
    assert_eq!(document.select(&select("a#download-progress[download='roadmap-progress.yaml']")).count(), 1);
    // Progress comes first: a total and a bar per track, before the tree.
    let order: Vec<&str> =
        document.select(&select("body > section")).filter_map(|section| section.value().id()).collect();
    assert_eq!(order, ["progress", "tree", "papers", "cards"]);
    let total = document.select(&select("#progress .bar-row.total .count")).next().unwrap().text().collect::<String>();
    assert_eq!(total, format!("1/{}", ids.len()));
    assert_eq!(document.select(&select("#progress .bar-row.track")).count(), tracks(&env));

    let legend: String = document.select(&select("#tree .legend")).next().expect("a legend").text().collect();
    for word in
        ["foundation", "encoder", "encoder-decoder", "decoder", "technique", "read", "reading", "unread", "skipped"]
    {
        assert!(legend.contains(word), "the legend names {word}: {legend}");
    }
    let title: String = document.select(&select("#tree svg > title")).next().expect("the SVG's title").text().collect();
    assert!(title.contains(&ids.len().to_string()), "{title}");
    assert_eq!(document.select(&select("#papers-table td.date")).count(), ids.len());
    let families = stdout(env.roadmap().args(["families", "--format", "ids"])).lines().count();
    assert_eq!(document.select(&select("#progress .bar-row.family")).count(), families);
    let toolbar = document.select(&select("#toolbar")).next().unwrap();
    assert!(
        toolbar.value().attr("hidden").is_some(),
        "without JavaScript the filter stays hidden and the page complete"
    );
    assert_eq!(document.select(&select("select#track option[data-papers]")).count(), tracks(&env));
}

#[test]
fn a_filtered_page_counts_what_it_shows_and_links_through_papers_left_out() {
    let env = TestEnv::new();
    let html = stdout(env.roadmap().args(["export", "--family", "bert"]));
    let document = without_script(&html);
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    let summary: String = document.select(&select("#summary")).next().unwrap().text().collect();
    assert!(summary.starts_with(&format!("{bert} papers in 1 family ·")), "{summary}");
    assert_eq!(document.select(&select("#progress .bar-row.family")).count(), 1);
    assert_eq!(document.select(&select("#tree .legend .swatch")).count(), 1, "only the branch on the page");

    // The reasoning track skips steps between its papers: links pass through them.
    let html = stdout(env.roadmap().args(["export", "--track", "reasoning"]));
    let document = without_script(&html);
    let on_page: Vec<String> = stdout(env.roadmap().args(["list", "--track", "reasoning", "--format", "ids"]))
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(document.select(&select("#tree path.edge.indirect")).count() > 0);
    for node in document.select(&select("#tree .node")) {
        for parent in node.value().attr("data-builds-on").unwrap().split_whitespace() {
            assert!(on_page.iter().any(|id| id == parent), "{parent} is on the page");
        }
    }
    let legend: String = document.select(&select("#tree .legend.lines")).next().unwrap().text().collect();
    assert!(legend.contains("through papers not shown"));
    let options: Vec<_> = document.select(&select("select#track option[data-papers]")).collect();
    assert!(options.len() < tracks(&env), "only tracks with papers on the page are offered");
    for option in options {
        for id in option.value().attr("data-papers").unwrap().split(' ') {
            assert!(on_page.iter().any(|known| known == id), "{id} is on the page");
        }
    }
    let reasoning = document.select(&select("select#track option[value='reasoning']")).next().unwrap();
    assert_eq!(
        reasoning.value().attr("data-papers").unwrap().split(' ').collect::<Vec<_>>(),
        on_page_in_track_order(&env)
    );
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let env = TestEnv::new();
    let html = stdout(env.roadmap().args(["export"]));
    let document = without_script(&html);
    let loading: Vec<_> = document.select(&select("[src]")).map(|element| element.value().clone()).collect();
    assert!(loading.is_empty(), "elements load something: {loading:?}");
    assert_eq!(document.select(&select("link")).count(), 0, "no external stylesheet or icon");
    assert_eq!(document.select(&select("script:not([type])")).count(), 1, "one inline script");
    assert_eq!(
        document.select(&select("script[type='application/json']")).count(),
        2,
        "the search's and the tree's data"
    );
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
    let document = without_script(&html);
    assert_eq!(document.select(&select("script:not([type])")).count(), 1, "only the page's own script");
    let data = html.split_once("id=\"search-data\">").and_then(|(_, rest)| rest.split_once("</script>"));
    let data: serde_json::Value = serde_json::from_str(data.expect("the search's data").0).expect("JSON");
    assert_eq!(data["papers"][0][1][1], "<script>alert(1)</script>", "the title, as data, whole");
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
    let link = document.select(&select("article#paper-evil a")).next().unwrap();
    assert_eq!(link.value().attr("href"), Some("https://example.org/?a=1&b=\"onmouseover=alert(1)"));
    let node = document.select(&select("#tree .node")).next().unwrap();
    assert!(node.value().attr("aria-label").unwrap().starts_with("evil: <script>alert(1)</script>"));
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
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let plain = env.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        assert_eq!(mode(&file), mode(&plain), "a page to share is as readable as any new file");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        env.roadmap().arg("export").arg("-o").arg(&file).assert().success();
        assert_eq!(mode(&file), 0o640, "rewriting a page keeps its permissions");
    }
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
    assert_eq!(without_script(&filtered).select(&select("#tree .node")).count(), bert);
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
        let drawn = select(&format!("#tree svg.part .node[data-paper='{id}']"));
        assert_eq!(rendered.select(&drawn).count(), 1, "{id} is in the tree the script drew");
    }
    assert_eq!(
        rendered.select(&select("article.card")).count(),
        0,
        "with the script, no card is built until a reader opens one"
    );
    let toolbar = rendered.select(&select("#toolbar")).next().expect("the toolbar");
    assert!(toolbar.value().attr("hidden").is_none(), "the script ran and showed the filter");

    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("roadmap-export.png");
    let shot = headless(
        browser,
        &env.path().join("profile-shot"),
        &[&format!("--screenshot={}", screenshot.display()), "--window-size=1400,1000", &url],
    );
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let png = std::fs::read(&screenshot).expect("the screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real picture, kept at {}", screenshot.display());
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
fn a_tracks_page_is_named_after_it_and_lists_its_steps_in_order_with_why_even_without_javascript() {
    let env = TestEnv::new();
    for lang in ["en", "zh"] {
        let html = stdout(env.roadmap().args(["--lang", lang, "export", "--track", "reasoning"]));
        let document = without_script(&html);
        let json = stdout(env.roadmap().args(["--lang", lang, "track", "reasoning", "--format", "json"]));
        let steps: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let steps = steps.as_array().expect("steps");
        let tracks: serde_json::Value =
            serde_json::from_str(&stdout(env.roadmap().args(["--lang", lang, "tracks", "--format", "json"]))).unwrap();
        let name = tracks.as_array().unwrap().iter().find(|track| track["id"] == "reasoning").unwrap()["name"].clone();
        let name = name.as_str().unwrap();
        let text =
            |selector: &str| document.select(&select(selector)).next().expect(selector).text().collect::<String>();
        assert!(text("title").starts_with(name), "{}", text("title"));
        assert_eq!(text("h1"), name);
        let picked = document.select(&select("select#track option[selected]")).next().expect("a picked track");
        assert_eq!(picked.value().attr("value"), Some("reasoning"));
        assert!(document.select(&select("#track-summary[hidden]")).next().is_none(), "the track's summary shows");
        let rows: Vec<_> = document.select(&select("#papers-table tbody tr")).collect();
        let cards: Vec<_> = document.select(&select("#cards article.card")).collect();
        assert_eq!(rows.len(), steps.len());
        for (index, step) in steps.iter().enumerate() {
            let id = step["id"].as_str().unwrap();
            assert_eq!(rows[index].value().attr("data-paper"), Some(id), "the table goes in the track's order");
            assert_eq!(cards[index].value().attr("data-paper"), Some(id), "the cards go in the track's order");
            let first: String = rows[index].select(&select("td")).next().unwrap().text().collect();
            assert_eq!(first, format!("{}. {id}", index + 1), "the steps are numbered");
            let why = step["why"].as_str().unwrap();
            let under: String = rows[index].select(&select(".why")).next().expect("a why").text().collect();
            assert_eq!(under, why, "{id}'s why is under its title");
            let card = cards[index].select(&select(".why[data-track='reasoning']:not([hidden])")).next().expect("why");
            assert!(card.text().collect::<String>().ends_with(why), "{id}'s card says why");
        }
    }
    // A whole page opens on all papers, oldest first, and names no track.
    let html = stdout(env.roadmap().args(["export"]));
    let document = without_script(&html);
    assert_eq!(document.select(&select("select#track option[selected]")).count(), 0);
    assert_eq!(document.select(&select("#papers-table .step, #papers-table .why")).count(), 0);
    let title: String = document.select(&select("title")).next().unwrap().text().collect();
    assert_eq!(title, "LLM reading roadmap");
}

//! One search behind every face: a few hundred queries (English, Chinese in both scripts,
//! fzf's marks, typos, ids, empty) through `roadmap search`, the page's filter in headless
//! Chromium and the browser in tmux. Any difference in the papers found, or in the order of
//! the first ten, fails.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::driver::{browser, driver};
use crate::tmux::Terminal;
use crate::util::{TestEnv, stdout};

/// The fixed queries: each finding of issue 23, the marks, and input that asks for nothing.
const FIXED: &[&str] = &[
    "",
    "   ",
    "!",
    "|",
    "^",
    "'",
    "$",
    "^$",
    "bert",
    "rlhf",
    "flashattn",
    "gpt3",
    "llama3",
    "llama 2",
    "Llama-2",
    "注意力",
    "注意力机制",
    "注意力機制",
    "强化学习",
    "強化學習",
    "长上下文",
    "長上下文",
    "long context",
    "长上下文建模",
    "encoder !bert",
    "encoder '!bert",
    "^gpt",
    "!^gpt attention",
    "lora$",
    "'attn",
    "'bert'",
    "^bert$",
    "lora | qlora",
    "| lora",
    "attention experts",
    "vaswani",
    "OpenAI",
    "xyzzy",
    "chain-of-thought",
    "o'brien",
    "tree",
    "ert",
    "ΣΑΣ",
    "İstanbul",
    "scaling laws",
    "mixture of experts",
    "moe",
    "思维链",
    "低秩",
    "指令微调",
    "奖励模型",
    "gpt 3",
    "instruct gpt",
    "transfomer",
    "atention",
    "dpo | ppo !rlhf",
    "2017",
    "arxiv",
    "zh",
];

/// Queries drawn from the catalog itself: ids run together, title words, tags, authors,
/// prefixes and typos, and pieces of the glossary's Chinese terms.
fn drawn(papers: &[Value], glossary: &str) -> Vec<String> {
    let mut queries = Vec::new();
    for (index, paper) in papers.iter().enumerate().filter(|(index, _)| index % 5 == 0) {
        let text = |key: &str| paper[key].as_str().unwrap_or_default().to_owned();
        let id = text("id");
        queries.push(id.clone());
        queries.push(id.replace('-', ""));
        let title = text("title");
        let words: Vec<&str> = title.split_whitespace().collect();
        if let Some(word) = words.get(index % words.len().max(1)) {
            queries.push((*word).to_owned());
            queries.push(word.chars().take(3).collect());
            let mut letters: Vec<char> = word.chars().collect();
            if letters.len() > 3 {
                letters.swap(1, 2);
                queries.push(letters.into_iter().collect());
            }
        }
        if let Some(tag) = paper["tags"].as_array().and_then(|tags| tags.first()) {
            queries.push(tag.as_str().unwrap_or_default().to_owned());
        }
        if let Some(author) = paper["authors"].as_array().and_then(|authors| authors.first()) {
            let name = author.as_str().unwrap_or_default();
            queries.push(name.rsplit(' ').next().unwrap_or(name).to_owned());
        }
    }
    for line in glossary.lines().filter_map(|line| line.trim().strip_prefix("zh: ")) {
        queries.push(line.to_owned());
        queries.push(line.chars().take(2).collect());
    }
    queries
}

/// What `roadmap search` finds, or every paper in order for a query that asks for nothing.
fn cli(env: &TestEnv, query: &str, all: &[String]) -> Vec<String> {
    let output = env.roadmap().args(["search", "--format", "ids", "--", query]).output().expect("roadmap runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("asks for nothing") || query.trim().is_empty() {
        return all.to_vec();
    }
    assert!(output.status.code() == Some(0) || stderr.contains("no paper matches"), "{query:?}: {stderr}");
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

#[tokio::test]
async fn every_face_finds_the_same_papers_in_the_same_order() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let papers: Value = serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON");
    let papers = papers.as_array().expect("a list");
    let all: Vec<String> = papers.iter().map(|paper| paper["id"].as_str().expect("an id").to_owned()).collect();
    let glossary =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lang/glossary.yaml")).expect("the glossary");
    let mut queries: Vec<String> = FIXED.iter().map(|query| (*query).to_owned()).collect();
    queries.extend(drawn(papers, &glossary));
    let mut seen = BTreeSet::new();
    queries.retain(|query| seen.insert(query.clone()));
    assert!(queries.len() >= 300, "a few hundred queries: {}", queries.len());

    let file = env.path().join("roadmap.html");
    env.roadmap().args(["export", "-o"]).arg(&file).assert().success();
    let client = browser(&driver, (1200, 900), &[]).await;
    client.goto(&format!("file://{}", file.display())).await.expect("the page loads");
    let mut differences = Vec::new();
    let found: Vec<Vec<String>> = queries.iter().map(|query| cli(&env, query, &all)).collect();
    for (query, expected) in queries.iter().zip(&found) {
        let script = "const filter = document.getElementById('filter'); filter.value = arguments[0]; \
                      filter.dispatchEvent(new Event('input')); \
                      return [...document.querySelectorAll('#papers-table tbody tr')] \
                      .filter(row => row.getClientRects().length > 0).map(row => row.dataset.paper)";
        let shown = client.execute(script, vec![json!(query)]).await.expect("the filter runs");
        let page: Vec<String> =
            shown.as_array().expect("ids").iter().map(|id| id.as_str().expect("an id").to_owned()).collect();
        if page != *expected {
            differences.push(format!(
                "{query:?}: search {:?}… ({}), page {:?}… ({})",
                &expected[..expected.len().min(10)],
                expected.len(),
                &page[..page.len().min(10)],
                page.len()
            ));
        }
    }
    client.close().await.expect("the browser closes");

    // The browser in a real terminal, wide enough that ids are never cut: its count and the
    // first ten papers it lists.
    let state = env.path().join("browser-progress.yaml");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    if let Some(terminal) = Terminal::start_sized(&env, &variables, &["--lang", "en", "browse"], (220, 40)) {
        terminal.wait_for("the browser", |terminal| terminal.screen().contains("papers"));
        for (query, expected) in queries.iter().zip(&found) {
            let (count, first) = browsed(&terminal, query);
            let want = &expected[..expected.len().min(10)];
            // Note: the list cuts a long id with an ellipsis; the letters it keeps must agree.
            let agree = first.len() == want.len()
                && first.iter().zip(want).all(|(shown, id)| match shown.strip_suffix('…') {
                    Some(kept) => id.starts_with(kept),
                    None => shown == id,
                });
            if count != expected.len() || !agree {
                differences
                    .push(format!("{query:?}: search {want:?} ({}), browser {first:?} ({count})", expected.len()));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} queries differ:\n{}",
        differences.len(),
        queries.len(),
        differences.join("\n")
    );
}

/// Types `query` into the browser's search (after Esc clears the last) and reads back how
/// many papers it shows and the ids of the first ten.
fn browsed(terminal: &Terminal, query: &str) -> (usize, Vec<String>) {
    // Note: Esc and a key right after it read as Alt and the key, so the search is seen
    // cleared before the next one starts.
    terminal.keys("Escape", false);
    terminal.wait_for("the search cleared", |terminal| {
        terminal.screen().lines().next().is_some_and(|top| !top.contains('▏'))
    });
    terminal.keys("/", true);
    if !query.is_empty() {
        terminal.keys(query, true);
    }
    let typed = format!("roadmap  /{query}▏");
    let screen = std::cell::RefCell::new(String::new());
    terminal.wait_for(&format!("the search {query:?}"), |terminal| {
        let now = terminal.screen();
        let done = now.lines().next().is_some_and(|top| top.starts_with(&typed));
        *screen.borrow_mut() = now;
        done
    });
    // Note: a capture can catch the list half redrawn; two alike in a row are settled.
    let mut screen = screen.into_inner();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let again = terminal.screen();
        if again == screen {
            break;
        }
        screen = again;
    }
    let top = screen.lines().next().unwrap_or_default();
    // "17 of 310 papers · …" when the search hides some, "310 papers · …" when it hides none.
    let counts = top.rsplit("  ").next().unwrap_or_default().trim();
    let count = counts.split_whitespace().next().and_then(|count| count.parse().ok()).unwrap_or(usize::MAX);
    let first = screen
        .lines()
        .skip(1)
        .take(10.min(count))
        .map(|line| line.chars().skip(8).take_while(|c| !c.is_whitespace()).collect())
        .collect();
    (count, first)
}

//! `roadmap search`: papers ranked by how well the words describe them, within the
//! filters, and an error when nothing matches.

use predicates::prelude::*;

use crate::util::{TestEnv, ids, stdout};

#[test]
fn search_ranks_the_paper_the_words_describe() {
    let env = TestEnv::new();
    let distillation = ids(&stdout(env.roadmap().args(["search", "knowledge distillation", "--format", "ids"])));
    assert_eq!(distillation.first().map(String::as_str), Some("knowledge-distillation"), "{distillation:?}");
    assert!(distillation.iter().take(5).any(|id| id == "distilbert"), "{distillation:?}");
    let lora = ids(&stdout(env.roadmap().args(["search", "low-rank", "adaptation", "--format", "ids"])));
    assert_eq!(lora.first().map(String::as_str), Some("lora"), "{lora:?}");
    let attention = ids(&stdout(env.roadmap().args(["search", "ATTENTION", "--until", "2017", "-f", "ids"])));
    assert!(attention.contains(&"transformer".to_owned()) && attention.contains(&"bahdanau-attention".to_owned()));
}

#[test]
fn search_without_a_match_exits_1() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["search", "quantum", "gravity", "bananas"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: no paper matches"));
    env.roadmap().args(["search"]).assert().code(2);
}

#[test]
fn a_search_that_the_filters_empty_says_so() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["search", "gpt", "--until", "2017"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no paper matches 'gpt' within these filters ("));
    env.roadmap().args(["search", "zzqqxx"]).assert().code(1).stderr("error: no paper matches 'zzqqxx'\n");
}

#[test]
fn the_findings_of_a_new_user_each_found() {
    let env = TestEnv::new();
    let search = |words: &[&str]| ids(&stdout(env.roadmap().arg("search").args(words).args(["--format", "ids"])));
    // Tags are searched: InstructGPT is tagged rlhf.
    assert!(search(&["rlhf"]).contains(&"instructgpt".to_owned()));
    // Ids as people type them.
    assert_eq!(search(&["gpt3"])[0], "gpt-3");
    assert_eq!(search(&["llama3"])[0], "llama-3");
    assert_eq!(search(&["flashattn"])[..3], ["flashattention", "flashattention-2", "flashattention-3"]);
    // fzf's marks: `!bert` leaves bert out rather than listing it first.
    let encoders = search(&["encoder", "!bert"]);
    assert!(!encoders.is_empty() && !encoders.iter().any(|id| id.contains("bert")), "{encoders:?}");
    // A Chinese word in English mode, and a glossary term that finds what its English finds.
    assert!(search(&["注意力"]).contains(&"transformer".to_owned()));
    let long = search(&["long", "context"]);
    let chinese = search(&["长上下文"]);
    assert!(long.iter().all(|id| chinese.contains(id)), "长上下文 misses some of {long:?}");
    // A mention outranks a loose letter match.
    let bert = search(&["bert"]);
    let place = |id: &str| bert.iter().position(|found| found == id).unwrap_or(usize::MAX);
    assert!(place("tree-of-thoughts") > place("distilbert") && place("blt") > place("roberta"), "{bert:?}");
}

#[test]
fn each_result_says_where_it_matched() {
    let env = TestEnv::new();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["search", "rlhf", "ouyang", "--format", "json"])))
            .expect("JSON");
    let instruct = json.as_array().expect("a list").iter().find(|paper| paper["id"] == "instructgpt").expect("found");
    assert_eq!(instruct["matched"][0]["field"], "tag");
    assert_eq!(instruct["matched"][0]["text"], "rlhf");
    assert_eq!(instruct["matched"][1]["field"], "author");
    assert!(instruct["matched"][1]["snippet"].as_str().expect("a snippet").contains("Ouyang"));
    let table = stdout(env.roadmap().args(["search", "bidirectional", "--format", "table"]).env("COLUMNS", "160"));
    assert!(table.contains("matched") && table.contains("title: …T: Pre-training of Deep Bidirectional"), "{table}");
    // Listings other than search keep their shape.
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON");
    assert!(listed[0].get("matched").is_none());
}

#[test]
fn your_notes_are_searched() {
    let env = TestEnv::new();
    env.roadmap().args(["search", "zebracorn"]).assert().code(1);
    env.roadmap().args(["note", "lora", "compare with the zebracorn adapter"]).assert().success();
    assert_eq!(ids(&stdout(env.roadmap().args(["search", "zebracorn", "--format", "ids"]))), ["lora"]);
    assert_eq!(ids(&stdout(env.roadmap().args(["list", "--query", "zebracorn", "--format", "ids"]))), ["lora"]);
}

#[test]
fn marks_alone_ask_for_nothing() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["search", "!"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: '!' asks for nothing"));
}

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

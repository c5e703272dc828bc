//! `roadmap path` and `roadmap next`: every prerequisite before the paper, and what can be
//! read next given what is read.

use std::collections::HashSet;

use crate::util::{TestEnv, first_fields, ids, stdout};

#[test]
fn path_to_gpt_4_reads_every_prerequisite_first() {
    let env = TestEnv::new();
    let json = stdout(env.roadmap().args(["path", "gpt-4", "--format", "json"]));
    let steps: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let order: Vec<&str> = steps.iter().map(|step| step["id"].as_str().unwrap()).collect();
    assert_eq!(order.last(), Some(&"gpt-4"));
    for needed in ["transformer", "gpt-1", "gpt-2", "gpt-3", "instructgpt"] {
        assert!(order.contains(&needed), "{needed} missing from {order:?}");
    }
    for (position, step) in steps.iter().enumerate() {
        for parent in step["builds_on"].as_array().unwrap() {
            let at =
                order.iter().position(|id| *id == parent.as_str().unwrap()).expect("every prerequisite is on the path");
            assert!(at < position, "{parent} comes after {}", step["id"]);
        }
    }
    let plain = stdout(env.roadmap().args(["path", "gpt-4"]));
    assert_eq!(first_fields(&plain), order, "piped, the path is the plain listing in reading order");
    let numbered = stdout(env.roadmap().args(["path", "gpt-4", "--columns", "#,id"]));
    let numbers: Vec<String> = first_fields(&numbered);
    assert_eq!(numbers.first().map(String::as_str), Some("1"));
    assert_eq!(numbers.last(), Some(&order.len().to_string()));
}

#[test]
fn path_unread_hides_what_is_read() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "gpt-1", "read"]).assert().success();
    let unread = ids(&stdout(env.roadmap().args(["path", "gpt-3", "--unread", "--format", "ids"])));
    assert!(!unread.contains(&"transformer".to_owned()) && !unread.contains(&"gpt-1".to_owned()));
    assert_eq!(unread.last().map(String::as_str), Some("gpt-3"));
}

#[test]
fn next_starts_from_the_roots_and_follows_what_is_read() {
    let env = TestEnv::new();
    let roots: HashSet<String> = {
        let json = stdout(env.roadmap().args(["list", "--format", "json"]));
        let papers: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        papers
            .iter()
            .filter(|paper| paper["builds_on"].as_array().unwrap().is_empty())
            .map(|paper| paper["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let fresh: HashSet<String> = ids(&stdout(env.roadmap().args(["next", "--format", "ids"]))).into_iter().collect();
    assert_eq!(fresh, roots);

    env.roadmap().args(["mark", "transformer", "read"]).assert().success().stderr("marked transformer read\n");
    let after = ids(&stdout(env.roadmap().args(["next", "--format", "ids"])));
    assert!(!after.contains(&"transformer".to_owned()));
    assert!(after.contains(&"sparse-transformer".to_owned()), "a direct successor of transformer: {after:?}");
    assert!(!after.contains(&"bert".to_owned()), "bert also needs elmo and gpt-1");
    let decoders = ids(&stdout(env.roadmap().args(["next", "--branch", "foundation", "--format", "ids"])));
    assert!(decoders.contains(&"transformer-xl".to_owned()));
}

#[test]
fn next_lists_at_most_the_limit_asked_for_and_everything_in_a_pipe() {
    let env = TestEnv::new();
    let all = ids(&stdout(env.roadmap().args(["next", "--format", "ids"])));
    assert!(all.len() > 3, "{all:?}");
    assert_eq!(ids(&stdout(env.roadmap().args(["next", "--limit", "3", "--format", "ids"]))), all[..3]);
    assert_eq!(ids(&stdout(env.roadmap().args(["next", "--limit", "0", "--format", "ids"]))), all, "0 means all");
}

/// `next --format json` as parsed objects.
fn next_json(env: &TestEnv, args: &[&str]) -> Vec<serde_json::Value> {
    let json = stdout(env.roadmap().arg("next").args(args).args(["--format", "json"]));
    serde_json::from_str(&json).expect("JSON")
}

fn reason(paper: &serde_json::Value) -> &str {
    paper["reason"].as_str().unwrap_or_else(|| panic!("no reason: {paper}"))
}

#[test]
fn next_for_a_beginner_starts_at_the_roots_of_foundations_and_offers_lone_papers_last() {
    let env = TestEnv::new();
    let papers: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON");
    let built_upon: HashSet<&str> = papers
        .iter()
        .flat_map(|paper| paper["builds_on"].as_array().expect("builds_on"))
        .filter_map(|id| id.as_str())
        .collect();
    let next = next_json(&env, &[]);
    let order: Vec<&str> = next.iter().map(|paper| paper["id"].as_str().expect("an id")).collect();
    assert_eq!(order.first(), Some(&"word2vec"), "{order:?}");
    assert_eq!(reason(&next[0]), "step 1 of foundations · unlocks 1 paper");
    let foundations = ids(&stdout(env.roadmap().args(["track", "foundations", "--format", "ids"])));
    let leading = order.iter().take_while(|id| foundations.contains(&(**id).to_owned())).count();
    assert!(leading >= 5, "the foundations' roots come first: {order:?}");
    for paper in &next[..leading] {
        assert!(reason(paper).starts_with("step "), "{paper}");
    }
    // A paper that builds on nothing and that nothing builds on is no place to start.
    let alone = |id: &&str| !built_upon.contains(id);
    let first_alone = order.iter().position(alone).expect("the catalog has papers on their own");
    assert!(order[first_alone..].iter().all(alone), "lone papers come after every real root: {order:?}");
    assert_eq!(reason(&next[first_alone]), "builds on no paper of the catalog");
}

#[test]
fn next_prefers_a_started_track_and_says_which_step_it_is() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "chain-of-thought", "zero-shot-cot", "read"]).assert().success();
    let next = next_json(&env, &[]);
    let reasoning = ids(&stdout(env.roadmap().args(["track", "reasoning", "--format", "ids"])));
    let first = next[0]["id"].as_str().expect("an id");
    assert!(reasoning.contains(&first.to_owned()), "the track read most comes first: {first}");
    assert!(reason(&next[0]).starts_with("step ") && reason(&next[0]).contains(" of reasoning"), "{}", next[0]);
    // After the started tracks' steps, the papers that unlock the most.
    let unlocks: Vec<usize> = next
        .iter()
        .map(reason)
        .filter(|reason| !reason.starts_with("step "))
        .filter_map(|reason| reason.strip_prefix("unlocks ")?.split(' ').next()?.parse().ok())
        .collect();
    assert!(unlocks.windows(2).all(|pair| pair[0] >= pair[1]), "{unlocks:?}");
    let table = stdout(env.roadmap().env("COLUMNS", "160").args(["next", "--format", "table", "--limit", "3"]));
    assert!(table.lines().next().is_some_and(|header| header.contains("reason")), "{table}");
    assert!(table.contains(" of reasoning"), "{table}");
}

#[test]
fn next_in_a_track_follows_its_steps_and_reasons_are_translated() {
    let env = TestEnv::new();
    let next = next_json(&env, &["--track", "reasoning"]);
    assert!(!next.is_empty());
    let steps: Vec<usize> = next
        .iter()
        .map(|paper| {
            let step = reason(paper).strip_prefix("step ").and_then(|rest| rest.split(' ').next());
            step.and_then(|step| step.parse().ok()).unwrap_or_else(|| panic!("{paper}"))
        })
        .collect();
    assert!(steps.windows(2).all(|pair| pair[0] < pair[1]), "in the track's order: {steps:?}");
    let zh = stdout(env.roadmap().args(["--lang", "zh", "next", "--limit", "1", "--format", "json"]));
    assert!(zh.contains("foundations 路线第 1 步"), "{zh}");
    let zh_tw = stdout(env.roadmap().args(["--lang", "zh-TW", "next", "--limit", "1", "--format", "json"]));
    assert!(zh_tw.contains("foundations 路線第 1 步"), "{zh_tw}");
}

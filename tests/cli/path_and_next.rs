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

//! Overlays: the learner's own catalogs add papers to the embedded families and lineage,
//! replace entries with the same id, and alone name what they cannot resolve.

use predicates::prelude::*;

use crate::util::{TestEnv, example, stdout};

#[test]
fn an_overlay_adds_papers_to_the_embedded_families() {
    let env = TestEnv::new();
    let ids =
        stdout(env.roadmap().arg("--catalog").arg(example()).args(["list", "--family", "bert", "--format", "ids"]));
    for id in ["bert", "roberta", "tinybert", "sentence-bert"] {
        assert!(ids.lines().any(|line| line == id), "{id} missing from {ids}");
    }
    let embedded = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    env.roadmap()
        .arg("--catalog")
        .arg(example())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{} papers", embedded + 2)));
}

#[test]
fn an_overlay_path_walks_into_the_embedded_lineage() {
    let env = TestEnv::new();
    let path = stdout(env.roadmap().env("ROADMAP_CATALOG", example()).args(["path", "my-paper", "--format", "ids"]));
    let ids: Vec<&str> = path.lines().collect();
    assert_eq!(ids.last(), Some(&"my-paper"));
    for needed in ["transformer", "bert", "distilbert", "tinybert", "sentence-bert"] {
        assert!(ids.contains(&needed), "{needed} missing from {ids:?}");
    }
    let alias = stdout(env.roadmap().env("ROADMAP_CATALOG", example()).args(["open", "sbert", "--print"]));
    assert_eq!(alias, "https://arxiv.org/abs/1908.10084\n");
}

#[test]
fn an_overlay_alone_names_the_references_it_cannot_resolve() {
    let env = TestEnv::new();
    env.roadmap().arg("--no-default").arg("--catalog").arg(example()).arg("check").assert().code(1).stderr(
        predicate::str::contains("names unknown family 'bert'")
            .and(predicate::str::contains("builds on unknown paper 'distilbert'")),
    );
}

#[test]
fn later_catalogs_replace_earlier_entries_with_the_same_id() {
    let env = TestEnv::new();
    let first = env.write("first.yaml", "version: 1\npapers:\n  - id: mine\n    title: First Title\n    year: 2024\n    family: bert\n    url: https://example.org/1\n    authors: [A]\n    contribution: One.\n");
    let second = env.write("second.yaml", "version: 1\npapers:\n  - id: mine\n    title: Second Title\n    year: 2024\n    family: gpt\n    url: https://example.org/2\n    authors: [B]\n    contribution: Two.\n");
    let joined = format!("{}:{}", first.display(), second.display());
    let listed =
        stdout(env.roadmap().env("ROADMAP_CATALOG", &joined).args(["list", "--query", "title", "--year", "2024"]));
    assert_eq!(listed, "mine\t2024\tgpt\tSecond Title\n");
    let replaced = env.write("bert.yaml", "version: 1\npapers:\n  - id: bert\n    title: My Own BERT Notes\n    year: 2018\n    family: bert\n    arxiv: \"1810.04805\"\n    authors: [Me]\n    contribution: Mine.\n");
    let shown = stdout(env.roadmap().arg("--catalog").arg(&replaced).args(["show", "bert", "--format", "json"]));
    assert!(shown.contains("\"title\": \"My Own BERT Notes\""));
    let flag_beats_env = stdout(
        env.roadmap()
            .env("ROADMAP_CATALOG", &joined)
            .arg("--catalog")
            .arg(&first)
            .args(["list", "--year", "2024", "--query", "title"]),
    );
    assert_eq!(flag_beats_env, "mine\t2024\tbert\tFirst Title\n");
}

//! Curated reading tracks: their commands, the `--track` filter, and what `check` refuses
//! in a track. (The original track's content is checked with the catalog's, in
//! `tests/catalog.rs`.)

use predicates::prelude::*;

use crate::util::{TestEnv, ids, stdout};

#[test]
fn tracks_list_their_length_and_progress() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "bert", "read"]).assert().success();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["tracks", "--format", "json"]))).unwrap();
    let tracks = json.as_array().unwrap();
    assert!(tracks.len() >= 10, "{} tracks", tracks.len());
    let original = tracks.iter().find(|track| track["id"] == "original").unwrap();
    assert_eq!(original["total"], 21);
    assert_eq!(original["read"], 2);
    assert_eq!(original["steps"].as_array().unwrap().len(), 21);
    assert!(original["name"].as_str().is_some() && original["summary"].as_str().is_some());
    for id in ["foundations", "encoders", "alignment", "reasoning", "moe", "agents", "evaluation", "long-context"] {
        assert!(tracks.iter().any(|track| track["id"] == id), "{id} missing");
    }
}

#[test]
fn a_track_shows_status_and_why_per_step() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "read"]).assert().success();
    let list = stdout(env.roadmap().env("COLUMNS", "80").args(["track", "original", "--format", "table"]));
    assert!(list.contains("1 of 21 read"), "{list}");
    assert!(list.contains(" 1. transformer (2017) ✓"), "{list}");
    assert!(list.contains("Attention Is All You Need"), "{list}");
    let plain = stdout(env.roadmap().args(["track", "original"]));
    let first: Vec<&str> = plain.lines().next().unwrap().split('\t').collect();
    assert_eq!(&first[..4], ["1", "transformer", "2017", "read"]);
    assert!(!first[5].is_empty(), "a why for the first step");
    let unread = ids(&stdout(env.roadmap().args(["track", "original", "--unread", "--format", "ids"])));
    assert_eq!(unread.len(), 20);
    assert!(!unread.contains(&"transformer".to_owned()));
}

#[test]
fn the_track_filter_works_for_listings_next_progress_and_export() {
    let env = TestEnv::new();
    let listed = ids(&stdout(env.roadmap().args(["list", "--track", "original", "--format", "ids"])));
    assert_eq!(listed.len(), 21);
    let next = ids(&stdout(env.roadmap().args(["next", "--track", "original", "--format", "ids"])));
    assert_eq!(next.first().map(String::as_str), Some("transformer"), "a track starts at its first step: {next:?}");
    assert!(next.iter().all(|id| listed.contains(id)), "{next:?}");
    assert!(!next.contains(&"bert".to_owned()), "bert waits for gpt-1 and the transformer: {next:?}");
    env.roadmap().args(["mark", "transformer", "gpt-1", "read"]).assert().success();
    let next = ids(&stdout(env.roadmap().args(["next", "--track", "original", "--format", "ids"])));
    assert!(next.contains(&"bert".to_owned()) && !next.contains(&"transformer".to_owned()), "{next:?}");
    let progress = stdout(env.roadmap().args(["progress", "--track", "original"]));
    assert!(progress.lines().last().unwrap().starts_with("total\t2\t0\t21\t"), "{progress}");
    let page = stdout(env.roadmap().args(["export", "--track", "moe"]));
    let moe = ids(&stdout(env.roadmap().args(["track", "moe", "--format", "ids"])));
    assert_eq!(page.matches("<a class=\"node ").count(), moe.len());
    env.roadmap()
        .args(["list", "--track", "orignal"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no track 'orignal' (did you mean original?)"));
    env.roadmap()
        .args(["track", "nowhere"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`roadmap tracks` lists them"));
}

#[test]
fn check_refuses_unknown_repeated_and_misordered_steps() {
    let env = TestEnv::new();
    let file = env.write(
        "tracks.yaml",
        "version: 1\ntracks:\n  - id: mine\n    name: Mine\n    summary: Mine.\n    steps:\n      - bert\n      - transformer\n      - id: gpt-3\n        why: Few-shot.\n      - gpt-3\n      - bertt\n",
    );
    let output = env.roadmap().arg("check").arg(&file).assert().code(1).get_output().stderr.clone();
    let output = String::from_utf8(output).unwrap();
    assert!(output.contains("track 'mine' lists 'gpt-3' twice"), "{output}");
    assert!(output.contains("track 'mine' names unknown paper 'bertt' (did you mean bert?)"), "{output}");
    assert!(
        output.contains("track 'mine' puts 'bert' (step 1) before 'transformer' (step 2), which it builds on"),
        "{output}"
    );
    let good = env.write(
        "good.yaml",
        "version: 1\ntracks:\n  - id: mine\n    name: Mine\n    summary: Mine.\n    steps: [transformer, bert]\n",
    );
    env.roadmap().arg("check").arg(&good).assert().success();
    let listed = stdout(env.roadmap().arg("--catalog").arg(&good).args(["track", "mine", "--format", "ids"]));
    assert_eq!(listed, "transformer\nbert\n", "an overlay adds its own tracks");
}

//! Working with what learners already use: what's new since the last look, and the version
//! line that names the catalog.

mod common;

use common::{TestEnv, stdout};
use predicates::prelude::*;

#[test]
fn whatsnew_records_everything_first_then_lists_what_an_overlay_adds() {
    let env = TestEnv::new();
    env.roadmap()
        .arg("whatsnew")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("recorded the ").and(predicate::str::contains("as seen")));
    env.roadmap().arg("whatsnew").assert().success().stdout("").stderr(predicate::str::starts_with("nothing new"));

    // A paper arrives with an overlay: it is listed once, newest first, then it is old news.
    let overlay = env.write(
        "new.yaml",
        "version: 1\npapers:\n  - id: brand-new\n    title: A Brand New Paper\n    year: 2026\n    family: bert\n    url: https://example.org/new.pdf\n    authors: [Ada Lovelace]\n    contribution: Something that did not exist at the last look, written out at length for the checker.\n    focus: [one thing, another thing]\n  - id: older-addition\n    title: An Older Addition\n    year: 2015\n    family: bert\n    url: https://example.org/old.pdf\n    authors: [Alan Turing]\n    contribution: Older, but new to this learner all the same, written out at length for the checker.\n    focus: [one thing, another thing]\n",
    );
    let listed = stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["whatsnew", "--format", "ids"]));
    assert_eq!(listed, "brand-new\nolder-addition\n", "newest first");
    env.roadmap()
        .arg("--catalog")
        .arg(&overlay)
        .arg("whatsnew")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("nothing new"));
    // Marks kept their place beside the seen list.
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "read", "--format", "ids"])), "bert\n");
    env.roadmap().arg("--catalog").arg(&overlay).arg("whatsnew").assert().success().stdout("");
}

#[test]
fn a_corrupt_progress_file_stops_whatsnew_and_is_left_alone() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let state = env.path().join("state/roadmap/progress.yaml");
    assert!(state.exists());
    std::fs::write(&state, "version: 1\npapers: [oops\n").unwrap();
    env.roadmap().arg("whatsnew").assert().code(1).stderr(predicate::str::starts_with("error: the progress file"));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "version: 1\npapers: [oops\n");
}

#[test]
fn the_version_names_the_embedded_catalog() {
    let env = TestEnv::new();
    let papers = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    let version = stdout(env.roadmap().arg("--version"));
    assert!(
        version.starts_with(&format!(
            "roadmap {} (embedded catalog: {papers} papers, the newest from 20",
            env!("CARGO_PKG_VERSION")
        )),
        "{version}"
    );
    let newest = stdout(env.roadmap().args(["list", "--sort", "year", "--columns", "date", "--format", "plain"]));
    let newest = newest.lines().map(str::trim).max().unwrap().to_owned();
    assert!(version.trim_end().ends_with(&format!("{newest})")), "{version} / {newest}");
}

//! `roadmap whatsnew`: what is new since the last look, recorded only once it was shown.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

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

#[cfg(unix)]
#[test]
fn whatsnew_records_nothing_it_could_not_show() {
    let env = TestEnv::new();
    env.roadmap().arg("whatsnew").assert().success();
    let overlay = env.write(
        "new.yaml",
        "version: 1\npapers:\n  - id: brand-new\n    title: A Brand New Paper\n    year: 2026\n    family: bert\n    url: https://example.org/new.pdf\n    authors: [Ada Lovelace]\n    contribution: Something that did not exist at the last look, written out at length for the checker.\n    focus: [one thing, another thing]\n",
    );
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .env_clear()
        .env("HOME", env.path())
        .env("XDG_STATE_HOME", env.path().join("state"))
        .env("XDG_CACHE_HOME", env.path().join("cache"))
        .arg("--catalog")
        .arg(&overlay)
        .arg("whatsnew")
        .stdout(full)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the write to a full disk fails");
    assert_eq!(
        stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["whatsnew", "--format", "ids"])),
        "brand-new\n"
    );
    assert_eq!(stdout(env.roadmap().args(["whatsnew", "--format", "json"])), "[]\n", "nothing new is an empty list");
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

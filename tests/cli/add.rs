//! `roadmap add`: a paper's metadata from arXiv's API (a stand-in on 127.0.0.1, answering
//! in the documented Atom format) into your own catalog, as a draft or written in the
//! editor; every bad answer is an `error:` line, exit 1, and your catalog unchanged.

mod server;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::util::{TestEnv, stdout};
use server::{Reply, Server, empty_feed, feed};

const ID: &str = "2311.01234";

fn answer() -> String {
    feed(
        ID,
        "Tiny Recursive Adapters:\n  Parameter-Efficient Tuning at Depth",
        &["Ada Lovelace", "Alan M. Turing"],
        "2023-11-02T17:59:01Z",
        "  We apply one small adapter\n  again and again &amp; find depth helps.\n",
    )
}

/// `roadmap` asking the stand-in server, with no waiting between requests.
fn roadmap(env: &TestEnv, server: &Server) -> Command {
    let mut command = env.roadmap();
    command.env("ROADMAP_ARXIV_API", server.api()).env("ROADMAP_ARXIV_INTERVAL_MS", "0");
    command
}

/// Your own catalog in the test's data directory.
fn own(env: &TestEnv) -> PathBuf {
    env.path().join("data/roadmap/catalog.yaml")
}

/// An editor script (`sh`) run on the entry's file.
fn editor(env: &TestEnv, name: &str, script: &str) -> PathBuf {
    let path = env.write(name, format!("#!/bin/sh\n{script}\n"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn a_paper_is_added_as_a_draft_that_loads_and_that_check_warns_about() {
    let env = TestEnv::new();
    let server = Server::start(vec![Reply::Atom(answer())]);
    roadmap(&env, &server)
        .args(["add", &format!("arXiv:{ID}v2"), "--family", "PEFT", "--no-edit"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("added tiny-recursive-adapters (arXiv {ID})")));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].target, format!("/api/query?id_list={ID}&max_results=1"));
    assert!(seen[0].user_agent.starts_with("roadmap/"), "{:?}", seen[0].user_agent);

    let written = std::fs::read_to_string(own(&env)).expect("your catalog");
    assert!(written.starts_with("version: 1\npapers:\n  - id: tiny-recursive-adapters\n"), "{written}");
    assert!(written.contains("draft: true"), "{written}");
    let card = stdout(env.roadmap().args(["show", ID]));
    assert!(card.contains("Tiny Recursive Adapters: Parameter-Efficient Tuning at Depth"), "folded: {card}");
    assert!(card.contains("We apply one small adapter again and again & find depth helps."), "{card}");
    assert!(card.contains("Ada Lovelace, Alan M. Turing"), "{card}");
    assert!(card.contains("2023-11"), "{card}");
    let json = stdout(env.roadmap().args(["show", ID, "--format", "json"]));
    assert!(json.contains("\"family\": \"peft\""), "{json}");
    env.roadmap().arg("check").assert().success().stderr(
        predicate::str::contains("warning:").and(predicate::str::contains("'tiny-recursive-adapters' is a draft")),
    );
    let paths = stdout(env.roadmap().args(["paths"]));
    assert!(paths.contains(&format!("catalog\t{}\tyours", own(&env).display())), "{paths}");

    roadmap(&env, &server)
        .args(["add", &format!("https://arxiv.org/abs/{ID}"), "--dry-run"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("arXiv {ID} is already in the catalog as 'tiny-recursive-adapters'")));
    assert_eq!(server.seen().len(), 1, "a paper already there is not asked about");
}

#[test]
fn a_dry_run_prints_the_entry_and_writes_nothing() {
    let env = TestEnv::new();
    let server = Server::start(vec![Reply::Atom(answer())]);
    let yaml = stdout(roadmap(&env, &server).args(["add", &format!("https://arxiv.org/pdf/{ID}v2.pdf"), "--dry-run"]));
    assert!(yaml.starts_with("- id: tiny-recursive-adapters\n"), "{yaml}");
    assert!(
        yaml.contains("title: 'Tiny Recursive Adapters: Parameter-Efficient Tuning at Depth'")
            || yaml.contains("title: \"Tiny Recursive Adapters: Parameter-Efficient Tuning at Depth\""),
        "{yaml}"
    );
    assert!(yaml.contains("arxiv_class: cs.CL"), "{yaml}");
    assert!(yaml.contains("year: 2023\n") && yaml.contains("month: 11\n"), "{yaml}");
    assert!(!env.path().join("data").exists(), "nothing written");
}

#[test]
fn the_editor_writes_the_entry_and_the_rest_of_the_file_is_kept() {
    let env = TestEnv::new();
    let mine = "# my papers\nversion: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2020\n    family: bert\n    url: https://example.org/mine.pdf\n    authors: [Me]\n    contribution: Mine.\n";
    std::fs::create_dir_all(own(&env).parent().expect("a directory")).expect("mkdir");
    std::fs::write(own(&env), mine).expect("your catalog");
    let seen = env.path().join("seen.yaml");
    let script = editor(
        &env,
        "fill.sh",
        &format!(
            "cp \"$1\" '{}'\nsed -i -e \"s/^  family: .*/  family: peft/\" -e \"s/^  contribution: .*/  contribution: Depth from one adapter./\" -e \"s/^  focus: .*/  focus: [recursion depth]/\" -e \"s/^  builds_on: .*/  builds_on: [lora]/\" \"$1\"",
            seen.display()
        ),
    );
    let server = Server::start(vec![Reply::Atom(answer())]);
    roadmap(&env, &server).env("EDITOR", &script).args(["add", ID]).assert().success();
    let shown = std::fs::read_to_string(&seen).expect("the editor saw the entry");
    assert!(shown.contains("# The abstract:") && shown.contains("again and again & find"), "{shown}");
    let written = std::fs::read_to_string(own(&env)).expect("your catalog");
    assert!(written.starts_with(mine), "the rest is untouched: {written}");
    assert!(!written.contains("draft"), "{written}");
    assert!(!written.contains(">8"), "the help is left out: {written}");
    let card = stdout(env.roadmap().args(["show", "tiny-recursive-adapters"]));
    assert!(card.contains("Depth from one adapter.") && card.contains("recursion depth"), "{card}");
    assert!(card.contains("lora"), "builds on LoRA: {card}");
    env.roadmap().arg("check").assert().success().stderr(predicate::str::contains("draft").not());
    assert!(crate::util::temporary_files(own(&env).parent().expect("a directory")).is_empty());
}

#[test]
fn an_entry_left_invalid_in_the_editor_is_kept_and_nothing_is_saved() {
    let env = TestEnv::new();
    let server = Server::start(vec![Reply::Atom(answer())]);
    let script = editor(
        &env,
        "bad.sh",
        "sed -i -e 's/^  family: .*/  family: no-such-family/' -e 's/^  contribution: .*/  contribution: Mine./' \"$1\"",
    );
    let output = roadmap(&env, &server).env("EDITOR", &script).args(["add", ID]).output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error:") && stderr.contains("no-such-family"), "{stderr}");
    let kept = stderr.split("kept in ").nth(1).expect("names the kept file").trim();
    let kept_text = std::fs::read_to_string(kept).expect("the kept entry");
    assert!(kept_text.contains("family: no-such-family") && kept_text.contains("contribution: Mine."), "{kept_text}");
    assert!(!own(&env).exists(), "nothing saved");
    let _ = std::fs::remove_file(kept);

    let blank = editor(&env, "blank.sh", ": > \"$1\"");
    roadmap(&env, &server)
        .env("EDITOR", &blank)
        .args(["add", ID])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the entry is empty; nothing was saved"));
    assert!(!own(&env).exists());
}

#[test]
fn two_adds_in_a_row_wait_their_turn() {
    let env = TestEnv::new();
    let server = Server::start(vec![Reply::Atom(answer())]);
    for _ in 0..2 {
        env.roadmap()
            .env("ROADMAP_ARXIV_API", server.api())
            .env("ROADMAP_ARXIV_INTERVAL_MS", "1500")
            .args(["add", ID, "--dry-run"])
            .assert()
            .success();
    }
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    let gap = seen[1].at.duration_since(seen[0].at);
    assert!(gap >= Duration::from_millis(1400), "the second request came {gap:?} after the first");
}

/// Runs `add` against a server that gives `reply` and checks that it fails saying
/// `expected`, with your catalog byte for byte as it was.
fn refused(reply: Reply, expected: &str) {
    let env = TestEnv::new();
    let mine = b"version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2020\n    family: bert\n    url: https://example.org/mine.pdf\n    authors: [Me]\n    contribution: Mine.\n";
    std::fs::create_dir_all(own(&env).parent().expect("a directory")).expect("mkdir");
    std::fs::write(own(&env), mine).expect("your catalog");
    let server = Server::start(vec![reply]);
    let output = roadmap(&env, &server)
        .env("ROADMAP_ARXIV_TIMEOUT_MS", "500")
        .args(["add", ID, "--family", "peft", "--no-edit"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error:"), "{stderr}");
    assert!(stderr.contains(expected), "expected '{expected}' in: {stderr}");
    assert_eq!(std::fs::read(own(&env)).expect("still there"), mine, "your catalog is unchanged");
    assert!(crate::util::temporary_files(own(&env).parent().expect("a directory")).is_empty());
}

#[test]
fn a_client_error_is_refused() {
    refused(Reply::Status(404), "answered 404 Not Found");
}

#[test]
fn a_server_error_is_refused() {
    refused(Reply::Status(503), "answered 503 Service Unavailable");
}

#[test]
fn a_body_that_is_not_atom_is_refused() {
    refused(Reply::Atom("<!doctype html><html><body>Rate limited</body></html>".to_owned()), "is not an Atom feed");
}

#[test]
fn a_feed_with_no_entry_means_arxiv_has_no_such_paper() {
    refused(Reply::Atom(empty_feed()), &format!("arXiv has no paper {ID}"));
}

#[test]
fn a_server_that_never_answers_times_out() {
    refused(Reply::Silent, "no answer within 0.5 s");
}

#[test]
fn a_redirect_loop_is_refused() {
    refused(Reply::Loop, "a redirect loop");
}

#[test]
fn a_truncated_download_is_refused() {
    refused(Reply::Truncated(answer()), "stopped before its end");
}

#[test]
fn what_cannot_finish_asks_nobody() {
    let env = TestEnv::new();
    let server = Server::start(vec![Reply::Atom(answer())]);
    roadmap(&env, &server)
        .args(["add", "https://example.org/2311.01234"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: 'https://example.org/2311.01234' names no arXiv paper"));
    roadmap(&env, &server)
        .args(["add", ID, "--family", "no-such-family", "--dry-run"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-family"));
    roadmap(&env, &server)
        .args(["add", ID])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("neither $VISUAL nor $EDITOR is set"));
    assert!(server.seen().is_empty(), "nothing is fetched for a command that cannot finish");
}

#[test]
fn your_catalog_is_merged_after_the_embedded_one_and_before_catalog_files() {
    let env = TestEnv::new();
    let entry = |title: &str| {
        format!(
            "version: 1\npapers:\n  - id: mine\n    title: {title}\n    year: 2020\n    family: bert\n    url: https://example.org/mine.pdf\n    authors: [Me]\n    contribution: Mine.\n    builds_on: [bert]\n"
        )
    };
    std::fs::create_dir_all(own(&env).parent().expect("a directory")).expect("mkdir");
    std::fs::write(own(&env), entry("Yours")).expect("your catalog");
    assert!(stdout(env.roadmap().args(["show", "mine"])).contains("Yours"), "merged by default, over the embedded one");
    let later = env.write("later.yaml", entry("Later"));
    assert!(stdout(env.roadmap().arg("--catalog").arg(&later).args(["show", "mine"])).contains("Later"));
    env.roadmap()
        .args(["--no-default", "--catalog"])
        .arg(crate::util::fixture("mini"))
        .args(["show", "mine"])
        .assert()
        .code(1);
}

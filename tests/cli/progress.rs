//! `roadmap mark` and `roadmap progress`: statuses kept in a progress file (written
//! atomically, never lost to a corrupt file or a concurrent mark), counted per family and
//! drawn as bars.

use predicates::prelude::*;

use crate::util::{TestEnv, ids, mini, stdout, temporary_files, with_progress};

fn state_file(env: &TestEnv) -> std::path::PathBuf {
    env.path().join("state/roadmap/progress.yaml")
}

#[test]
fn marking_is_idempotent_and_unread_undoes_it() {
    let env = TestEnv::new();
    let bert_line = |env: &TestEnv| {
        stdout(env.roadmap().arg("progress")).lines().find(|line| line.starts_with("bert\t")).unwrap().to_owned()
    };
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    assert_eq!(bert_line(&env), format!("bert\t0\t0\t{bert}\t0\t0"));
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let once = std::fs::read(state_file(&env)).unwrap();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    assert_eq!(std::fs::read(state_file(&env)).unwrap(), once, "marking twice changes nothing");
    let percent = (100 + bert / 2) / bert;
    assert_eq!(bert_line(&env), format!("bert\t1\t0\t{bert}\t{percent}\t0"));
    env.roadmap().args(["mark", "roberta", "reading"]).assert().success();
    assert_eq!(bert_line(&env), format!("bert\t1\t1\t{bert}\t{percent}\t0"));
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "read", "--format", "ids"])), "bert\n");
    env.roadmap().args(["mark", "bert", "roberta", "unread"]).assert().success();
    assert_eq!(bert_line(&env), format!("bert\t0\t0\t{bert}\t0\t0"));
    let total = stdout(env.roadmap().arg("progress"));
    assert!(total.lines().last().unwrap().starts_with("total\t0\t0\t"), "{total}");
}

#[test]
fn statuses_ignore_case_and_a_repeated_id_counts_once() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "BERT", "bert", "1810.04805", "Read"]).assert().success().stderr("marked bert read\n");
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "READ", "--format", "ids"])), "bert\n");
    env.roadmap().args(["mark", "bert", "finished"]).assert().code(2);
}

#[test]
fn mark_with_an_unknown_id_writes_nothing() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["mark", "bert", "bret-x", "read"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no paper 'bret-x'"));
    assert!(!state_file(&env).exists());
    env.roadmap().args(["mark", "bert", "finished"]).assert().code(2);
}

#[test]
fn a_skipped_paper_is_settled_for_next_and_counted_apart_in_progress() {
    let env = TestEnv::new();
    let mini = |args: &[&str]| stdout(env.with_fixture("mini").args(args));
    let next = |env: &TestEnv| -> Vec<String> {
        stdout(env.with_fixture("mini").args(["next", "--format", "ids"])).lines().map(str::to_owned).collect()
    };
    assert_eq!(next(&env), ["alpha"]);
    env.with_fixture("mini").args(["mark", "alpha", "skipped"]).assert().success();
    assert_eq!(next(&env), ["gamma", "beta"], "what builds on a skipped paper comes next");
    assert_eq!(mini(&["list", "--status", "skipped", "--format", "ids"]), "alpha\n");
    env.with_fixture("mini").args(["mark", "beta", "read"]).assert().success();
    env.with_fixture("mini").args(["mark", "gamma", "skipped"]).assert().success();
    assert_eq!(next(&env), ["delta"]);
    let json: serde_json::Value = serde_json::from_str(&mini(&["progress", "-f", "json"])).unwrap();
    let total = json.as_array().unwrap().last().unwrap();
    assert_eq!(
        (total["read"].as_u64(), total["skipped"].as_u64(), total["total"].as_u64()),
        (Some(1), Some(2), Some(4))
    );
    assert_eq!(total["percent"].as_u64(), Some(25), "skipped is not read");
    let bars = stdout(env.with_fixture("mini").env("COLUMNS", "60").args(["progress", "--bars"]));
    let base = bars.lines().find(|line| line.starts_with("base ")).expect("a bar for the base family");
    assert!(base.contains('·') && base.contains("0/1"), "{bars}");
    let card = mini(&["show", "alpha"]);
    assert!(card.contains("skipped"), "{card}");
    env.with_fixture("mini").args(["mark", "alpha", "unread"]).assert().success();
    assert_eq!(mini(&["list", "--status", "skipped", "--format", "ids"]), "gamma\n");
}

#[test]
fn the_progress_report_draws_bars_with_a_legend_and_pipes_counts() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "albert", "read"]).assert().success();
    env.roadmap().args(["mark", "roberta", "reading"]).assert().success();
    let bars = stdout(env.roadmap().env("COLUMNS", "60").args(["progress", "--bars"]));
    let bert_bar = bars.lines().find(|line| line.starts_with("bert ")).expect("a bar for bert");
    assert!(bert_bar.contains('█') && bert_bar.contains('▒') && bert_bar.contains('░'), "{bert_bar}");
    assert_eq!(bars.lines().last(), Some("█ read  ▒ reading  ░ unread  · skipped"), "a legend: {bars}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["progress", "-f", "json"]))).unwrap();
    let total = json.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (total["family"].as_str(), total["read"].as_u64(), total["reading"].as_u64()),
        (Some("total"), Some(2), Some(1))
    );
    let plain = stdout(env.roadmap().arg("progress"));
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    let percent = (200 + bert / 2) / bert;
    assert!(plain.lines().any(|line| line == format!("bert\t2\t1\t{bert}\t{percent}\t0")), "{plain}");
    assert!(plain.lines().last().unwrap().starts_with("total\t2\t1\t"));
}

#[test]
fn a_corrupt_progress_file_is_a_warning_for_reading_and_an_error_for_writing_and_is_left_alone() {
    let env = TestEnv::new();
    let path = env.write("progress.yaml", "version: 1\npapers: {bert: {status: finished}}\n");
    let before = std::fs::read(&path).unwrap();
    let shown = path.display().to_string();
    let named = || predicate::str::contains(shown.clone()).and(predicate::str::contains("corrupt"));
    for args in [&["list", "--format", "ids"][..], &["show", "bert"], &["search", "bert"], &["progress"]] {
        env.roadmap().arg("--state").arg(&path).args(args).assert().success().stderr(
            predicate::str::starts_with("warning: ")
                .and(named())
                .and(predicate::str::contains("showing no reading statuses")),
        );
    }
    for args in [&["mark", "bert", "read"][..], &["note", "bert", "a thought"], &["whatsnew"]] {
        env.roadmap()
            .arg("--state")
            .arg(&path)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: ").and(named()));
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn progress_for_ids_outside_the_catalog_is_kept() {
    let env = TestEnv::new();
    let path = env.write("progress.yaml", "version: 1\npapers:\n  my-private-paper:\n    status: read\n");
    env.roadmap().env("ROADMAP_STATE", &path).args(["mark", "bert", "read"]).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("my-private-paper") && text.contains("bert"), "{text}");
}

#[test]
fn forty_concurrent_marks_are_all_recorded() {
    let env = TestEnv::new();
    let ids = ids(&stdout(env.roadmap().args(["list", "--format", "ids"])));
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    let state = env.path().join("shared-progress.yaml");
    let children: Vec<std::process::Child> = ids
        .iter()
        .take(40)
        .map(|id| {
            std::process::Command::new(&binary)
                .env_clear()
                .env("HOME", env.path())
                .args(["--state", state.to_str().unwrap(), "mark", id, "read"])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let read = stdout(env.roadmap().arg("--state").arg(&state).args(["list", "--status", "read", "--format", "ids"]));
    assert_eq!(read.lines().count(), 40, "every concurrent mark was kept");
    let leftovers = temporary_files(env.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn progress_bars_and_counts() {
    let env = with_progress();
    insta::assert_snapshot!("progress_bars", mini(&env, "60", &["progress", "--bars"]));
    insta::assert_snapshot!("progress_plain", mini(&env, "60", &["progress"]));
    insta::assert_snapshot!("card_with_note", mini(&env, "60", &["show", "beta"]));
}

#[test]
fn progress_as_a_table_is_an_aligned_table_of_the_counts() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let table = stdout(env.roadmap().args(["progress", "--format", "table"]));
    let header = table.lines().next().expect("a header");
    for column in ["family", "read", "reading", "total", "percent", "skipped"] {
        assert!(header.split_whitespace().any(|word| word == column), "{header}");
    }
    assert!(!table.contains('█'), "no bars in a table: {table}");
    let bert = table.lines().find(|line| line.trim_start().starts_with("bert ")).expect("a row for bert");
    assert_eq!(bert.split_whitespace().nth(1), Some("1"), "{bert}");
}

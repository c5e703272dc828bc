//! The learning features: search, path, next, mark, note and progress,
//! each run against a temporary progress file.

use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;

use predicates::prelude::*;

use crate::util::{TestEnv, first_fields, stdout, temporary_files};

fn ids(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn state_file(env: &TestEnv) -> std::path::PathBuf {
    env.path().join("state/roadmap/progress.yaml")
}

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
fn machine_columns_never_change_and_tables_show_status_once_progress_exists() {
    let env = TestEnv::new();
    let before_csv = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "csv"]));
    let before_plain = stdout(env.roadmap().args(["list", "--family", "bert"]));
    let table = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "table"]));
    assert!(!table.lines().next().unwrap().contains("status"), "{table}");
    assert!(before_csv.starts_with("id,year,family,title\n"));
    env.roadmap().args(["mark", "albert", "read"]).assert().success();
    env.roadmap().args(["note", "albert", "parameter sharing"]).assert().success();
    assert_eq!(stdout(env.roadmap().args(["list", "--family", "bert", "--format", "csv"])), before_csv);
    assert_eq!(stdout(env.roadmap().args(["list", "--family", "bert"])), before_plain, "`cut -f1,4` keeps working");
    let cut: Vec<String> = stdout(env.roadmap().args(["list", "--family", "bert"]))
        .lines()
        .map(|line| line.split('\t').nth(3).unwrap().to_owned())
        .collect();
    assert!(cut.iter().any(|title| title.starts_with("ALBERT")), "the fourth field is the title: {cut:?}");
    let table = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "table"]));
    assert!(table.lines().next().unwrap().contains("status"), "{table}");
    let chosen = stdout(env.roadmap().args(["list", "--family", "bert", "--columns", "id,status,notes", "-f", "csv"]));
    assert!(chosen.starts_with("id,status,notes\n"), "{chosen}");
    assert!(chosen.contains("\nalbert,read,1\n"), "{chosen}");
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--family", "bert", "--format", "json"]))).unwrap();
    let bert = listed.as_array().unwrap().iter().find(|paper| paper["id"] == "bert").unwrap();
    assert_eq!(bert["status"], "unread", "json always carries the status");
    assert_eq!(bert["notes"], serde_json::json!([]), "and the notes");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["show", "albert", "--format", "json"]))).unwrap();
    assert_eq!(json["status"], "read");
    let families = stdout(env.roadmap().args(["families", "--format", "csv"]));
    assert!(families.starts_with("id,branch,papers,years,name\n"), "{families}");
    let families: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["families", "--format", "json"]))).unwrap();
    let bert = families.as_array().unwrap().iter().find(|family| family["id"] == "bert").unwrap();
    assert_eq!(bert["read"], 1);
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
fn notes_are_dated_and_shown_on_the_card() {
    let env = TestEnv::new();
    env.roadmap().args(["note", "bert", "re-read", "section 3.1"]).assert().success();
    let card = stdout(env.roadmap().args(["show", "bert"]));
    let notes = card.split("\nNotes\n").nth(1).expect("a Notes section");
    assert!(notes.contains("re-read section 3.1"), "{notes}");
    assert!(notes.trim_start().starts_with("20"), "dated: {notes}");
    assert!(card.contains("status    unread"), "a note does not change the status");
}

#[test]
fn a_note_can_be_written_in_the_editor() {
    let env = TestEnv::new();
    let editor = env.write("editor.sh", "#!/bin/sh\nprintf 'from the editor\\n# a comment\\n' > \"$1\"\n");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap().env("EDITOR", &editor).args(["note", "lora"]).assert().success();
    assert!(stdout(env.roadmap().args(["show", "lora"])).contains("from the editor"));

    let blank = env.write("blank.sh", "#!/bin/sh\n: > \"$1\"\n");
    std::fs::set_permissions(&blank, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap()
        .env("EDITOR", &blank)
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the note is empty"));
    env.roadmap()
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("neither $VISUAL nor $EDITOR is set"));
    let failing = env.write("failing.sh", "#!/bin/sh\nexit 1\n");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap()
        .env("EDITOR", &failing)
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing was saved"));
}

#[test]
fn a_corrupt_progress_file_is_named_and_left_alone() {
    let env = TestEnv::new();
    let path = env.write("progress.yaml", "version: 1\npapers: {bert: {status: finished}}\n");
    let before = std::fs::read(&path).unwrap();
    for args in [&["list"][..], &["mark", "bert", "read"], &["progress"]] {
        env.roadmap()
            .arg("--state")
            .arg(&path)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(path.display().to_string()).and(predicate::str::contains("corrupt")));
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
    let bars = stdout(env.with_fixture("mini").env("COLUMNS", "60").args(["progress", "--format", "table"]));
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
    let bars = stdout(env.roadmap().env("COLUMNS", "60").args(["progress", "--format", "table"]));
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
fn learning_commands_report_unknown_ids_and_bad_options() {
    let env = TestEnv::new();
    env.roadmap().args(["path", "gpt-5"]).assert().code(1).stderr(predicate::str::contains("did you mean gpt-4"));
    env.roadmap()
        .args(["note", "nope-nope", "text"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: no paper"));
    env.roadmap().args(["cite", "bert", "gpt-9"]).assert().code(1).stdout("");
    env.roadmap().args(["graph", "--format", "svg"]).assert().code(2);
    env.roadmap()
        .args(["next", "--family", "gtp"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean gpt"));
    env.roadmap().args(["search", "attention", "--year", "2020..2010"]).assert().code(2);
    env.roadmap().args(["list", "--status", "done"]).assert().code(2);
}

#[test]
fn statuses_ignore_case_and_a_repeated_id_counts_once() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "BERT", "bert", "1810.04805", "Read"]).assert().success().stderr("marked bert read\n");
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "READ", "--format", "ids"])), "bert\n");
    env.roadmap().args(["mark", "bert", "finished"]).assert().code(2);
}

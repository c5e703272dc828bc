//! `roadmap import` of a progress file (the exported page's download): merged so no mark the
//! learner has is lost, each change listed, and a hostile or malformed file changes nothing.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

fn status(env: &TestEnv, id: &str) -> String {
    let shown = stdout(env.roadmap().args(["list", "--format", "ids", "--status", "read"]));
    let reading = stdout(env.roadmap().args(["list", "--format", "ids", "--status", "reading"]));
    let skipped = stdout(env.roadmap().args(["list", "--format", "ids", "--status", "skipped"]));
    let has = |text: &str| text.lines().any(|line| line == id);
    match (has(&shown), has(&reading), has(&skipped)) {
        (true, _, _) => "read",
        (_, true, _) => "reading",
        (_, _, true) => "skipped",
        _ => "unread",
    }
    .to_owned()
}

#[test]
fn a_progress_file_is_merged_and_a_mark_it_lacks_is_kept() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    env.roadmap().args(["mark", "gpt-2", "reading"]).assert().success();
    env.roadmap().args(["mark", "t5", "skipped"]).assert().success();
    let file = env.write(
        "roadmap-progress.yaml",
        "# from the page\nversion: 1\npapers:\n  \"gpt-2\":\n    status: read\n    updated: \"2999-01-01\"\n  \"lora\":\n    status: reading\n  \"t5\":\n    status: read\n  \"no-such-paper\":\n    status: read\n",
    );
    let dry = stdout(env.roadmap().arg("import").arg(&file).arg("--dry-run"));
    assert!(dry.contains("would change         2"), "{dry}");
    assert!(dry.contains("dry run"), "{dry}");
    assert_eq!(status(&env, "lora"), "unread", "a dry run changes nothing");
    let report = stdout(env.roadmap().arg("import").arg(&file));
    assert!(report.contains("a progress file with 3 marks"), "{report}");
    assert!(report.contains("gpt-2: reading -> read"), "{report}");
    assert!(report.contains("lora: unread -> reading"), "{report}");
    assert!(report.contains("t5: kept skipped (the file's read is older or undated)"), "{report}");
    assert!(report.contains("not in the file      1"), "{report}");
    assert!(report.contains("not in the catalog   1  no-such-paper"), "{report}");
    assert_eq!(status(&env, "bert"), "read", "a mark the file lacks is kept");
    assert_eq!(status(&env, "gpt-2"), "read");
    assert_eq!(status(&env, "lora"), "reading");
    assert_eq!(status(&env, "t5"), "skipped", "an undated mark never replaces the learner's");
    // Again: nothing left to change.
    let again = stdout(env.roadmap().arg("import").arg(&file));
    assert!(again.contains("changed              0"), "{again}");
}

#[test]
fn a_hostile_or_malformed_progress_file_is_an_error_and_changes_nothing() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "gpt-2", "read"]).assert().success();
    let state = env.path().join("state/roadmap/progress.yaml");
    let before = std::fs::read(&state).unwrap();
    let cases: [(&str, &[u8], &str); 8] = [
        ("empty.yaml", b"", "empty.yaml is empty: it holds no marks"),
        ("comments.yml", b"# nothing here\n\n", "comments.yml is empty"),
        ("future.yaml", b"version: 2\npapers: {}\n", "version 2 is not supported"),
        ("field.yaml", b"version: 1\npapers:\n  bert:\n    status: read\n    owner: x\n", "unknown field"),
        ("status.yaml", b"version: 1\npapers:\n  bert:\n    status: finished\n", "unknown variant"),
        ("shape.yaml", b"version: 1\npapers: [bert, gpt-3]\n", "is not a progress file"),
        ("binary.yaml", &[0xff, 0xfe, 0x00, 0x01], "not UTF-8"),
        ("alias.yaml", b"version: 1\npapers: &a\n  bert: *a\n", "is not a progress file"),
    ];
    for (name, text, why) in cases {
        let file = env.write(name, text);
        env.roadmap().arg("import").arg(&file).assert().code(1).stdout("").stderr(predicate::str::contains(why));
    }
    // An id that carries a terminal escape is shown without it, and not taken.
    let escape = env.write("escape.yaml", "version: 1\npapers:\n  \"evil\\e[31m\":\n    status: read\n");
    let report = stdout(env.roadmap().arg("import").arg(&escape));
    assert!(!report.contains('\u{1b}'), "{report:?}");
    assert!(report.contains("not in the catalog"), "{report}");
    assert_eq!(std::fs::read(&state).unwrap(), before, "the progress file is untouched");
}

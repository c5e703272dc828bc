//! Notes are kept verbatim, dated by the local calendar, shown on the card, written in the
//! editor or on the command line, listed by `notes`, and changed one at a time with
//! `--edit N` and `--delete N`.

use std::os::unix::fs::PermissionsExt;

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

/// An editor that replaces the file with `text` (written by printf, so `\n` works).
fn editor(env: &TestEnv, text: &str) -> std::path::PathBuf {
    let script = env.write("editor.sh", format!("#!/bin/sh\nprintf '{text}' > \"$1\"\n"));
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("the script is executable");
    script
}

fn notes_json(env: &TestEnv, id: &str) -> Vec<serde_json::Value> {
    let json = stdout(env.roadmap().args(["notes", id, "--format", "json"]));
    let notes: serde_json::Value = serde_json::from_str(&json).expect("notes as JSON");
    notes.as_array().expect("a JSON array").clone()
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
        .stderr(predicate::str::contains("nothing was saved").and(predicate::str::contains("kept").not()));
}

#[test]
fn a_note_appended_below_the_cut_line_is_refused_naming_the_cut_line_and_kept() {
    let env = TestEnv::new();
    let appender = env.write("append.sh", "#!/bin/sh\nprintf 'appended by a script\\n' >> \"$1\"\n");
    std::fs::set_permissions(&appender, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let output = env.roadmap().env("EDITOR", &appender).args(["note", "lora"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("empty above the cut line (# ---"), "{stderr}");
    assert!(stderr.contains("Your note is kept in"), "what was typed is not lost: {stderr}");
    assert!(notes_json(&env, "lora").is_empty(), "nothing was saved");
}

#[test]
fn a_note_from_the_editor_keeps_its_lines_and_hash_lines() {
    let env = TestEnv::new();
    let script = editor(&env, "# Masking\\n\\n- 80/10/10 rule\\n- NSP ablation\\n");
    env.roadmap().env("EDITOR", &script).args(["--today", "2026-03-04", "note", "bert"]).assert().success();
    let notes = notes_json(&env, "bert");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "# Masking\n\n- 80/10/10 rule\n- NSP ablation");
    assert_eq!(notes[0]["date"], "2026-03-04", "the pinned date, exactly");
    let card = stdout(env.roadmap().args(["show", "bert"]));
    assert!(card.contains("# Masking\n"), "the card shows the lines: {card}");
    assert!(card.contains("- NSP ablation"), "{card}");
}

#[test]
fn the_editor_sees_the_note_being_edited_and_the_help_is_left_out() {
    let env = TestEnv::new();
    env.roadmap().args(["note", "lora", "first thought"]).assert().success();
    let seen = env.path().join("seen.txt");
    let script = env.write(
        "append.sh",
        format!("#!/bin/sh\ncp \"$1\" '{}'\nprintf 'first thought, revised\\n' > \"$1\"\n", seen.display()),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("the script is executable");
    env.roadmap().env("EDITOR", &script).args(["note", "lora", "--edit", "1"]).assert().success();
    let shown = std::fs::read_to_string(&seen).unwrap();
    assert!(shown.starts_with("first thought\n"), "{shown}");
    assert!(shown.contains(">8"), "the scissors line marks where the help starts");
    assert_eq!(notes_json(&env, "lora")[0]["text"], "first thought, revised");
}

#[test]
fn notes_are_listed_edited_and_deleted_by_number() {
    let env = TestEnv::new();
    env.roadmap().args(["--today", "2026-01-01", "note", "gpt-3", "few-shot is sometimes enough"]).assert().success();
    env.roadmap().args(["--today", "2026-01-02", "note", "bert", "masking"]).assert().success();
    env.roadmap().args(["--today", "2026-01-03", "note", "gpt-3", "second"]).assert().success();
    let all = stdout(env.roadmap().args(["notes"]));
    assert_eq!(
        all,
        "gpt-3\t1\t2026-01-01\tfew-shot is sometimes enough\nbert\t1\t2026-01-02\tmasking\ngpt-3\t2\t2026-01-03\tsecond\n",
        "oldest first, numbered per paper"
    );
    env.roadmap().args(["--today", "2026-02-01", "note", "gpt-3", "--edit", "2", "second, edited"]).assert().success();
    assert_eq!(notes_json(&env, "gpt-3")[1]["text"], "second, edited");
    assert_eq!(notes_json(&env, "gpt-3")[1]["date"], "2026-02-01");
    env.roadmap()
        .args(["note", "gpt-3", "--delete", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("deleted note 1"));
    let left = notes_json(&env, "gpt-3");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["text"], "second, edited");
    env.roadmap()
        .args(["note", "gpt-3", "--delete", "5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'gpt-3' has no note 5 (it has one note: 1)"));
    env.roadmap().args(["note", "gpt-3", "--edit", "0", "x"]).assert().code(2);
    env.roadmap().args(["note", "gpt-3", "--edit", "1", "--delete", "1"]).assert().code(2);
    env.roadmap().args(["note", "gpt-3", "--delete", "1", "extra"]).assert().code(1);
    assert_eq!(notes_json(&env, "gpt-3").len(), 1, "refused changes change nothing");
}

#[test]
fn notes_on_a_paper_without_any_is_empty_not_an_error() {
    let env = TestEnv::new();
    assert_eq!(stdout(env.roadmap().args(["notes", "bert"])), "");
    env.roadmap().args(["notes", "no-such-paper"]).assert().code(1);
}

#[test]
fn notes_are_dated_by_the_local_calendar() {
    let env = TestEnv::new();
    // Note: jiff reads TZ; a zone far east is a day ahead of UTC for most of the UTC day.
    let local = |zone: &str| {
        env.roadmap().env("TZ", zone).args(["note", "bert", zone]).assert().success();
        let notes = notes_json(&env, "bert");
        let note = notes.iter().find(|note| note["text"] == zone).unwrap();
        note["date"].as_str().unwrap().to_owned()
    };
    let east = local("Etc/GMT-14");
    let west = local("Etc/GMT+12");
    let utc = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let east_expected =
        jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(14))).date();
    assert_eq!(east, east_expected.to_string());
    assert_ne!(east, west, "26 hours apart, the two calendars always differ");
    assert!(utc.to_string() >= west && utc.to_string() <= east);
}

#[test]
fn a_note_from_a_missing_file_or_a_device_is_an_error_and_saves_nothing() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    for path in ["/nonexistent/note.md", "/dev/zero"] {
        env.roadmap()
            .arg("--state")
            .arg(&state)
            .args(["note", "bert", "--file", path])
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: '"));
    }
    assert!(!state.exists(), "nothing was written");
}

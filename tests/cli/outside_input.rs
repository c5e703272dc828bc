//! Text and files from outside, round 3: no raw control byte reaches the terminal, every
//! read is bounded and never blocks where it must not, and a typed note is never lost.

use std::os::unix::fs::PermissionsExt;
use std::process::Command as Process;
use std::time::{Duration, Instant};

use crate::util::{TestEnv, stdout};
use predicates::prelude::*;

/// Control bytes a hostile file might carry: a screen clear, a title change, a clipboard write.
const HOSTILE: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{1b}]0;owned\u{7}";

/// Whether `text` holds a control byte other than a line break or a tab.
fn has_raw_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

fn fifo(env: &TestEnv, name: &str) -> std::path::PathBuf {
    let path = env.path().join(name);
    let made = Process::new("mkfifo").arg(&path).status().expect("mkfifo runs");
    assert!(made.success());
    path
}

#[test]
fn a_reference_with_escape_sequences_is_quoted_escaped_in_the_error() {
    let env = TestEnv::new();
    let yaml = format!(
        "version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2024\n    family: bert\n    url: https://example.org/mine\n    authors: [A]\n    contribution: C.\n    builds_on: [\"{}\"]\n",
        HOSTILE.replace('\u{1b}', "\\e").replace('\u{7}', "\\a")
    );
    let catalog = env.write("hostile.yaml", yaml);
    let output = env.roadmap().arg("--catalog").arg(&catalog).arg("list").output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(1));
    assert!(!has_raw_control(&stderr), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}]52;c;"), "shown escaped: {stderr}");
}

#[test]
fn an_argument_with_escape_sequences_is_quoted_escaped() {
    let env = TestEnv::new();
    for args in [
        vec!["show", HOSTILE],
        vec!["list", "--family", HOSTILE],
        vec!["list", "--year", HOSTILE],
        vec!["mark", HOSTILE, "read"],
        vec!["--catalog", HOSTILE, "list"],
    ] {
        let output = env.roadmap().args(&args).output().expect("runs");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(!output.status.success(), "{args:?}");
        assert!(!has_raw_control(&stderr), "{args:?}: {stderr:?}");
    }
}

#[test]
fn a_hand_edited_note_with_control_bytes_is_escaped_in_every_format_and_named_in_a_warning() {
    let env = TestEnv::new();
    let state = env.write(
        "progress.yaml",
        "version: 1\npapers:\n  bert:\n    notes:\n      - date: \"2026-01-01\"\n        text: \"a\\e[2J\\0b\\nsecond line\"\n",
    );
    for format in ["csv", "plain", "table", "markdown", "json"] {
        let output =
            env.roadmap().arg("--state").arg(&state).args(["notes", "--format", format]).output().expect("runs");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(output.status.success(), "{format}: {stderr}");
        assert!(!has_raw_control(&stdout), "{format}: {stdout:?}");
        assert!(stderr.contains("note 1 on bert holds a control character"), "{format}: {stderr}");
        if format == "json" {
            let notes: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
            assert!(notes.to_string().contains("\\u001b[2J"), "JSON keeps the text, escaped: {notes}");
        }
    }
    env.roadmap().arg("--state").arg(&state).args(["mark", "bert", "read"]).assert().success();
    let kept = std::fs::read_to_string(&state).expect("the file");
    assert!(
        kept.contains("\\e[2J") || kept.contains("\\x1B[2J") || kept.contains("\\u001B"),
        "a write keeps the note: {kept}"
    );
}

#[test]
fn a_fifo_catalog_with_a_writer_is_read_once_and_one_without_is_empty_at_once() {
    let env = TestEnv::new();
    let path = fifo(&env, "course.yaml");
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(writer_path, "version: 1\npapers: []\n").expect("writes the FIFO");
    });
    std::thread::sleep(Duration::from_millis(100));
    env.roadmap().arg("--catalog").arg(&path).args(["list", "--format", "ids"]).assert().success();
    writer.join().expect("the writer ends");
    let started = Instant::now();
    env.roadmap()
        .arg("--catalog")
        .arg(&path)
        .arg("list")
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is empty"));
    assert!(started.elapsed() < Duration::from_secs(5), "no writer: refused without waiting for one");
}

#[test]
fn process_substitution_works() {
    let env = TestEnv::new();
    let catalog = env.write("mine.yaml", "version: 1\npapers: []\n");
    let binary = env!("CARGO_BIN_EXE_roadmap");
    let script = format!("'{binary}' --no-default --catalog <(cat '{}') check", catalog.display());
    let output = Process::new("bash").args(["-c", &script]).env("HOME", env.path()).output().expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn devices_are_refused_as_catalogs_states_and_libraries() {
    let env = TestEnv::new();
    let device = "/dev/zero";
    env.roadmap()
        .args(["--catalog", device, "list"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a device or socket, not a file"));
    env.roadmap()
        .args(["--state", device, "mark", "bert", "read"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a regular file"));
    env.roadmap()
        .args(["import", device])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a device or socket, not a file"));
}

#[test]
fn a_fifo_progress_file_never_blocks() {
    let env = TestEnv::new();
    let path = fifo(&env, "progress.yaml");
    env.roadmap()
        .arg("--state")
        .arg(&path)
        .args(["list", "--format", "ids"])
        .timeout(Duration::from_secs(10))
        .assert()
        .success()
        .stderr(predicate::str::contains("is not a regular file"));
    env.roadmap()
        .arg("--state")
        .arg(&path)
        .args(["mark", "bert", "read"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a regular file"));
}

/// An editor script that writes `text` into the note's file.
fn editor(env: &TestEnv, text: &str) -> std::path::PathBuf {
    let data = env.write("typed.txt", text);
    let script = env.write("editor.sh", format!("#!/bin/sh\ncat '{}' > \"$1\"\n", data.display()));
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

/// The file named after "kept in" in a message.
fn kept_file(stderr: &str) -> std::path::PathBuf {
    let after = stderr.split("kept in ").nth(1).expect("the message names the kept file");
    std::path::PathBuf::from(after.split(';').next().expect("a path"))
}

#[test]
fn a_refused_note_is_kept_and_says_where_the_bad_character_is() {
    let env = TestEnv::new();
    let typed = "Half an hour of thoughts.\nOne stray \u{7} byte.\n";
    let output = env.roadmap().env("EDITOR", editor(&env, typed)).args(["note", "bert"]).output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("at line 2, column 11"), "{stderr}");
    let kept = kept_file(&stderr);
    assert_eq!(std::fs::read_to_string(&kept).expect("the kept note").trim_end(), typed.trim_end());
    assert!(stderr.contains(&format!("roadmap note bert --file {}", kept.display())), "{stderr}");
    std::fs::write(&kept, "Half an hour of thoughts.\nNo stray byte now.\n").expect("fixed");
    env.roadmap().args(["note", "bert", "--file"]).arg(&kept).assert().success();
    let notes = stdout(env.roadmap().args(["notes", "bert", "--format", "json"]));
    assert!(notes.contains("No stray byte now."), "{notes}");
    let _ = std::fs::remove_file(kept);
}

#[test]
fn a_note_that_cannot_be_saved_is_kept() {
    let env = TestEnv::new();
    let state = env.write("progress.yaml", "version: 1\n");
    // Note: the editor breaks the progress file while it is open, as another tool might.
    let script = env.write(
        "breaking.sh",
        format!("#!/bin/sh\necho 'A long careful note.' > \"$1\"\necho 'papers: [oops' >> '{}'\n", state.display()),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let output =
        env.roadmap().env("EDITOR", &script).arg("--state").arg(&state).args(["note", "bert"]).output().expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("corrupt"), "{stderr}");
    let kept = kept_file(&stderr);
    assert_eq!(std::fs::read_to_string(&kept).expect("kept").trim(), "A long careful note.");
    let _ = std::fs::remove_file(kept);
}

#[test]
fn a_url_with_braces_keeps_every_bibtex_entry_balanced() {
    let env = TestEnv::new();
    let catalog = env.write(
        "braces.yaml",
        "version: 1\npapers:\n  - id: braced\n    title: Braced\n    year: 2024\n    family: bert\n    url: \"https://x.org/a}},@misc{evil,\"\n    authors: [A]\n    contribution: C.\n",
    );
    for style in [&["cite", "braced"][..], &["cite", "braced", "--biblatex"]] {
        let text = stdout(env.roadmap().arg("--catalog").arg(&catalog).args(style));
        let entries = biblatex::RawBibliography::parse(&text).expect("balanced BibTeX");
        assert_eq!(entries.entries.len(), 1, "{text}");
    }
}

#[test]
fn every_citation_of_the_whole_catalog_parses() {
    let env = TestEnv::new();
    for style in [&["cite", "--all"][..], &["cite", "--all", "--biblatex"]] {
        let text = stdout(env.roadmap().args(style));
        let papers = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
        let parsed = biblatex::RawBibliography::parse(&text).expect("valid BibTeX");
        assert_eq!(parsed.entries.len(), papers);
    }
}

#[test]
fn messages_are_in_words_without_rust_syntax() {
    let env = TestEnv::new();
    let two = env.write("two.yaml", "version: 1\n---\nversion: 1\n");
    let repeated = env.write("progress.yaml", "version: 1\npapers: {}\npapers: {}\n");
    let failing = env.write("failing.sh", "#!/bin/sh\nexit 3\n");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    /// Arguments, environment variables, and what the message must say.
    type Case<'a> = (Vec<std::ffi::OsString>, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case<'_>> = vec![
        (vec!["--catalog".into(), two.clone().into(), "list".into()], vec![], "a second one starts at line 2"),
        (
            vec!["--state".into(), repeated.clone().into(), "mark".into(), "bert".into(), "read".into()],
            vec![],
            "appears twice",
        ),
        (vec!["note".into(), "bert".into(), "--delete".into(), "0".into()], vec![], "numbered from 1"),
        (
            vec!["open".into(), "bert".into()],
            vec![("BROWSER", failing.to_str().expect("UTF-8"))],
            "exited with status 3",
        ),
        (vec!["show".into(), "-".into()], vec![], "no paper '-' in the catalog"),
        (vec!["list".into(), "--year".into(), "1800".into()], vec![], "outside 1900 to 2100"),
        (vec!["--catalog".into(), "/nonexistent/x.yaml".into(), "list".into()], vec![], "no such file or directory"),
    ];
    for (args, vars, expected) in cases {
        let output = env.roadmap().args(&args).envs(vars).output().expect("runs");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        for rust in [
            "..=",
            "Documents {",
            "ExitStatus(",
            "unix_wait_status",
            "DuplicateKeyPolicy",
            "os error",
            "Os {",
            "did you mean",
        ] {
            assert!(!stderr.contains(rust), "{args:?} says '{rust}': {stderr}");
        }
    }
}

#[test]
fn an_unknown_language_is_named_in_a_warning() {
    let env = TestEnv::new();
    env.roadmap()
        .env("ROADMAP_LANG", "fr")
        .args(["list", "--format", "ids"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: language 'fr' is not available"));
}

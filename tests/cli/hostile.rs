//! Hostile and broken input: every case is refused with a clear `error:` line and a
//! non-zero exit, never a panic, a hang or a memory blow-up.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

const HEADER: &str = "version: 1\nfamilies:\n  - id: f\n    name: F\n    branch: technique\n    summary: S.\n";

fn paper(id: &str, extra: &str) -> String {
    format!(
        "  - id: {id}\n    title: T {id}\n    year: 2020\n    family: f\n    url: https://example.org/{id}\n    authors: [A]\n    contribution: C.\n{extra}"
    )
}

fn refused(env: &TestEnv, name: &str, contents: impl AsRef<[u8]>, expected: &str) {
    let path = env.write(name, contents);
    for command in ["list", "check"] {
        let mut run = env.roadmap();
        run.arg("--no-default").arg("--catalog").arg(&path).arg(command);
        run.assert().code(1).stdout("").stderr(
            predicate::str::starts_with("error: ")
                .and(predicate::str::contains(expected))
                .and(predicate::str::contains("panicked").not()),
        );
    }
}

#[test]
fn an_alias_bomb_shaped_like_the_schema_is_refused() {
    let env = TestEnv::new();
    let mut text = format!(
        "{HEADER}papers:\n  - &p\n    id: p\n    title: T\n    year: 2020\n    family: f\n    url: https://example.org\n    authors: [A]\n    contribution: C.\n"
    );
    for _ in 0..20_000 {
        text.push_str("  - *p\n");
    }
    refused(&env, "bomb.yaml", text, "refused: the document expands too far");
}

#[test]
fn a_billion_laughs_is_refused() {
    let env = TestEnv::new();
    let mut text =
        String::from("version: 1\nfamilies:\n  - id: f\n    name: F\n    branch: technique\n    summary: &a lol\n");
    let mut previous = "a".to_owned();
    for level in 0..9 {
        let name = format!("l{level}");
        let items = vec![format!("*{previous}"); 9].join(", ");
        text.push_str(&format!("papers: &{name} [{items}]\n").replacen(
            "papers",
            if level == 8 { "papers" } else { "x" },
            1,
        ));
        previous = name;
    }
    // Only the last line is a real field; the others are unknown fields or duplicate keys.
    // Listing every problem means reading the whole document, so only the budget keeps
    // this from expanding into 387 million nodes.
    refused(&env, "laughs.yaml", text, "refused: the document expands too far");
}

#[test]
fn deep_nesting_is_refused() {
    let env = TestEnv::new();
    let depth = 100_000;
    let text = format!("version: 1\npapers: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    refused(&env, "deep.yaml", text, "deep.yaml:2:264: refused: the document is nested too deeply");
}

#[test]
fn non_utf8_bytes_are_refused_with_their_position() {
    let env = TestEnv::new();
    let mut bytes = format!("{HEADER}papers:\n").into_bytes();
    bytes.extend_from_slice(b"  - id: caf\xe9\n");
    refused(&env, "latin1.yaml", bytes, "latin1.yaml:8:12: is not UTF-8 text (invalid byte at offset 100)");
}

#[test]
fn very_large_fields_are_handled() {
    let env = TestEnv::new();
    let huge = "word ".repeat(1_000_000);
    let text =
        format!("{HEADER}papers:\n{}", paper("big", "").replace("contribution: C.", &format!("contribution: {huge}")));
    let path = env.write("huge.yaml", text);
    let shown = stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&path).args(["show", "big"]));
    assert!(shown.len() > 5_000_000);
    let listed =
        stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&path).args(["list", "--format", "ids"]));
    assert_eq!(listed, "big\n");
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let env = TestEnv::new();
    refused(
        &env,
        "syntax.yaml",
        format!("{HEADER}papers:\n  - id: x\n   title: misaligned\n"),
        "syntax.yaml:8:5: an entry here has no title, which every one needs",
    );
    refused(&env, "unclosed.yaml", format!("{HEADER}papers: [\n"), "unclosed.yaml:7:9: unclosed bracket");
    refused(&env, "tabs.yaml", "version: 1\n\tpapers: []\n", "tabs.yaml:");
    refused(&env, "noversion.yaml", "papers: []\n", "version");
    refused(&env, "scalar.yaml", "just a string\n", "scalar.yaml");
}

#[test]
fn every_broken_rule_is_reported_in_list_and_in_check() {
    let env = TestEnv::new();
    let text = format!(
        "{HEADER}papers:\n{}{}{}",
        paper("a", "    builds_on: [b]\n    colour: red\n"),
        paper("b", "    builds_on: [a]\n"),
        paper("c", "    builds_on: [c, nowhere]\n")
            .replace("year: 2020", "year: 30000")
            .replace("https://example.org/c", "javascript:alert(1)"),
    );
    let path = env.write("many.yaml", &text);
    // Note: an unknown field no longer hides the rest: the file is walked again and every
    // problem, structural or not, is listed.
    for command in ["list", "check"] {
        let output = env.roadmap().arg("--no-default").arg("--catalog").arg(&path).arg(command).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("error: 6 problems"), "{stderr}");
        assert!(stderr.contains("paper 'a' has an unknown field 'colour'"), "{stderr}");
        assert!(!stderr.contains("`colour`"), "no library wording: {stderr}");
        for expected in [
            "year 30000 is outside 1900 to 2100",
            "is not an http(s) URL",
            "lists itself in builds_on",
            "unknown paper 'nowhere'",
            "builds_on forms a cycle: a -> b -> a",
        ] {
            assert!(stderr.contains(expected), "{expected:?} missing in {stderr}");
        }
    }
}

#[test]
fn control_characters_in_notes_never_reach_the_terminal() {
    let env = TestEnv::new();
    let state = env.write("progress.yaml", "version: 1\npapers:\n  bert:\n    notes:\n      - date: \"2026-01-01\"\n        text: \"\\e[2J\\e]0;owned\\a cleared\"\n");
    let card = stdout(env.roadmap().arg("--state").arg(&state).args(["--color", "always", "show", "bert"]));
    assert!(!card.contains("\u{1b}[2J") && !card.contains("\u{1b}]0;"), "{card:?}");
    assert!(card.contains("\\u{1b}[2J"), "shown escaped: {card:?}");
    let markdown = stdout(env.roadmap().arg("--state").arg(&state).args(["show", "bert", "--format", "markdown"]));
    assert!(!markdown.contains('\u{1b}'));
}

#[test]
fn escape_sequences_and_bidi_overrides_in_catalogs_are_refused() {
    let env = TestEnv::new();
    refused(
        &env,
        "esc.yaml",
        format!("{HEADER}papers:\n{}", paper("e", "").replace("title: T e", "title: \"T \\e[31m red\"")),
        "control character \\u{1b}",
    );
    refused(
        &env,
        "bidi.yaml",
        format!("{HEADER}papers:\n{}", paper("e", "").replace("authors: [A]", "authors: [\"A\\u202Eevil\"]")),
        "control character \\u{202e}",
    );
}

#[test]
fn a_progress_file_that_is_a_directory_is_an_error() {
    let env = TestEnv::new();
    let directory = env.path().join("progress-dir");
    std::fs::create_dir(&directory).unwrap();
    env.roadmap()
        .arg("--state")
        .arg(&directory)
        .args(["mark", "bert", "read"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: "));
}

#[test]
fn an_unwritable_progress_directory_is_an_error_and_loses_nothing() {
    let env = TestEnv::new();
    let blocker = env.write("not-a-directory", "x");
    env.roadmap()
        .arg("--state")
        .arg(blocker.join("progress.yaml"))
        .args(["mark", "bert", "read"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("progress file").and(predicate::str::contains(blocker.display().to_string())));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

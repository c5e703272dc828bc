//! Hostile text from every outside source (a catalog, a translation, a progress file, an
//! argument) through every command in every format: no output carries a raw control or
//! bidirectional character other than a format's own line breaks and tabs, and JSON stays
//! valid JSON.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;

/// One character a hostile file might carry: C0, DEL, C1 and the bidirectional controls.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        (0x00u32..0x20).prop_filter("a format's own", |c| *c != 0x0a && *c != 0x09),
        Just(0x7f),
        0x80u32..0xa0,
        prop_oneof![Just(0x200e), Just(0x200f)],
        0x202au32..0x202f,
        0x2066u32..0x206a,
    ]
    .prop_map(|code| char::from_u32(code).expect("a valid character"))
}

/// Text around one or two hostile characters.
fn hostile_text() -> impl Strategy<Value = String> {
    ("[a-z ]{0,6}", hostile_char(), "[a-z ]{0,6}", proptest::option::of(hostile_char())).prop_map(
        |(before, bad, after, more)| format!("{before}{bad}{after}{}", more.map(String::from).unwrap_or_default()),
    )
}

/// A YAML double-quoted scalar holding `text` exactly.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || !c.is_ascii() => out.push_str(&format!("\\U{:08x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `text` holds a character no output may carry raw.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Runs the program with `args` in a scrubbed environment and checks both streams.
fn check(home: &Path, args: &[String]) {
    let output = Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .env_clear()
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "100")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("the program runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.code().is_some_and(|code| code <= 2), "{args:?} ended by a signal: {stderr}");
    if let Some(c) = raw_control(&stdout) {
        panic!("{args:?} printed {c:?} raw on stdout: {stdout:?}");
    }
    if let Some(c) = raw_control(&stderr) {
        panic!("{args:?} printed {c:?} raw on stderr: {stderr:?}");
    }
    if output.status.success() && args.windows(2).any(|pair| pair[0] == "--format" && pair[1] == "json") {
        serde_json::from_str::<serde_json::Value>(&stdout)
            .unwrap_or_else(|error| panic!("{args:?}: {error}: {stdout}"));
    }
}

/// Every command that reads, in every format it has.
fn every_command(query: &str) -> Vec<Vec<String>> {
    // Note: an argument cannot hold a NUL byte (the system refuses it), so NUL stays in files.
    let query = &query.replace('\0', "\u{1}");
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["table", "plain", "json", "csv", "markdown", "ids"] {
        runs.push(vec!["list", "--family", "bert", "--format", format]);
        runs.push(vec!["notes", "--format", format]);
        runs.push(vec!["search", query, "--format", format]);
        runs.push(vec!["track", "original", "--format", format]);
        runs.push(vec!["tags", "--format", format]);
        runs.push(vec!["progress", "--format", format]);
    }
    for format in ["card", "json", "markdown"] {
        runs.push(vec!["show", "bert", "--format", format]);
        runs.push(vec!["show", query, "--format", format]);
    }
    runs.extend([
        vec!["progress", "--bars"],
        vec!["timeline", "--family", "bert"],
        vec!["tree", "--family", "bert"],
        vec!["graph", "--family", "bert"],
        vec!["graph", "--family", "bert", "--format", "mermaid"],
        vec!["cite", "bert", "roberta"],
        vec!["cite", "bert", "--biblatex"],
        vec!["path", "roberta"],
        vec!["next", "--format", "plain"],
        vec!["export", "--family", "bert", "--notes", "-o", "-"],
        vec!["open", query, "--print"],
        vec!["list", "--tag", query],
        vec!["paths"],
    ]);
    runs.into_iter().map(|run| run.into_iter().map(str::to_owned).collect()).collect()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok())
        .map_or(6, |cases| (cases / 300).max(6))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// A progress file written by hand or by another tool: hostile notes, ids and dates,
    /// with a hostile search query and id on the command line.
    #[test]
    fn a_hostile_progress_file_and_arguments_never_reach_the_terminal_raw(
        note in hostile_text(), id in hostile_text(), date in hostile_text(), query in hostile_text()
    ) {
        let home = tempfile::tempdir().expect("a temporary directory");
        let state = home.path().join("progress.yaml");
        let progress = format!(
            "version: 1\npapers:\n  bert:\n    status: read\n    notes:\n      - date: {}\n        text: {}\n  {}:\n    status: reading\n    notes:\n      - date: \"2026-01-01\"\n        text: {}\nseen: [{}]\n",
            quoted(&date), quoted(&note), quoted(&id), quoted(&note), quoted(&id)
        );
        std::fs::write(&state, progress).expect("the progress file");
        for run in every_command(&query) {
            let mut args = vec!["--state".to_owned(), state.display().to_string()];
            args.extend(run);
            check(home.path(), &args);
        }
    }

    /// A catalog or a translation with a hostile character in one of its text fields.
    #[test]
    fn hostile_catalogs_and_translations_never_reach_the_terminal_raw(
        text in hostile_text(), field in 0usize..8
    ) {
        let home = tempfile::tempdir().expect("a temporary directory");
        let value = quoted(&text);
        let mut fields = [
            ("title", "Mine".to_owned()), ("authors", "[A]".to_owned()), ("contribution", "C.".to_owned()),
            ("focus", "[one]".to_owned()), ("venue", "V".to_owned()), ("org", "O".to_owned()),
            ("builds_on", "[bert]".to_owned()), ("tags", "[encoder]".to_owned()),
        ];
        let list = fields[field].1.starts_with('[');
        fields[field].1 = if list { format!("[{value}]") } else { value.clone() };
        let lines: String = fields.iter().map(|(key, value)| format!("    {key}: {value}\n")).collect();
        let catalog = home.path().join("mine.yaml");
        let paper = format!("version: 1\npapers:\n  - id: mine\n    year: 2024\n    family: bert\n    url: https://example.org/mine\n{lines}");
        std::fs::write(&catalog, paper).expect("the catalog");
        let translation = home.path().join("mine.zh.yaml");
        std::fs::write(&translation, format!("version: 1\nlang: zh\npapers:\n  bert:\n    contribution: {value}\n    focus: [{value}]\n")).expect("the translation");
        for file in [&catalog, &translation] {
            for run in [vec!["list", "--format", "plain"], vec!["show", "bert"], vec!["check"], vec!["list", "--format", "json"]] {
                let mut args = vec!["--catalog".to_owned(), file.display().to_string()];
                args.extend(run.into_iter().map(str::to_owned));
                check(home.path(), &args);
            }
        }
    }
}

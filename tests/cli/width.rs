//! Human formats never print a line wider than the terminal, counted in display cells;
//! with no width known (a pipe without COLUMNS) they fit 80.

use unicode_width::UnicodeWidthStr;

use crate::util::{TestEnv, stdout, strip_escapes};

/// The widest line of `text`, in cells, escape sequences left out; a link longer than the
/// line, which stands alone on its own line rather than be broken, is not counted.
fn widest(text: &str) -> usize {
    text.lines()
        .map(strip_escapes)
        .filter(|line| !crate::util::is_lone_link(line))
        .map(|line| line.width())
        .max()
        .unwrap_or(0)
}

/// Every human format, with progress and a multi-line note in place.
const COMMANDS: [&[&str]; 12] = [
    &["list", "--format", "table"],
    &["list", "--format", "table", "--columns", "id,title,authors,url"],
    &["show", "bert"],
    &["show", "transformer"],
    &["show", "gpt-4"],
    &["timeline"],
    &["tree"],
    &["progress", "--bars"],
    &["families", "--format", "table"],
    &["tags", "--format", "table"],
    &["notes", "--format", "table"],
    &["path", "deepseek-r1", "--format", "table"],
];

#[test]
fn no_human_format_is_wider_than_the_terminal() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "transformer", "read"]).assert().success();
    env.roadmap()
        .args(["note", "bert", "a long note that has to wrap somewhere when the terminal is narrow"])
        .assert()
        .success();
    for width in [40, 60, 80, 100, 132] {
        for command in COMMANDS {
            for colour in ["never", "always"] {
                let text =
                    stdout(env.roadmap().env("COLUMNS", width.to_string()).args(["--color", colour]).args(command));
                assert!(widest(&text) <= width, "{command:?} at {width} ({colour}) is {} wide:\n{text}", widest(&text));
            }
        }
    }
}

#[test]
fn without_a_width_human_formats_fit_80() {
    let env = TestEnv::new();
    for command in COMMANDS {
        let text = stdout(env.roadmap().args(command));
        assert!(widest(&text) <= 80, "{command:?} is {} wide", widest(&text));
    }
}

#[test]
fn narrow_titles_break_at_spaces_not_inside_words() {
    let env = TestEnv::new();
    let title = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding";
    let words: Vec<&str> = title.split(' ').collect();
    for command in [&["timeline", "--family", "bert"][..], &["list", "--family", "bert", "--format", "table"][..]] {
        let text = stdout(env.roadmap().env("COLUMNS", "40").args(command));
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let start = lines.iter().position(|line| line.starts_with("BERT:")).expect("the BERT title");
        let mut joined = Vec::new();
        for line in &lines[start..] {
            joined.extend(line.split(' '));
            if joined.len() >= words.len() {
                break;
            }
        }
        assert_eq!(joined, words, "{command:?}: every line holds whole words:\n{text}");
    }
}

#[test]
fn the_card_wraps_its_lineage_lines() {
    let env = TestEnv::new();
    let card = stdout(env.roadmap().env("COLUMNS", "80").args(["show", "gpt-4"]));
    assert!(card.contains("Builds on"), "{card}");
    assert!(widest(&card) <= 80, "{card}");
}

//! `roadmap tree`: the evolutionary tree in the terminal, every paper once in its branch
//! and year, fitting any width.

use std::collections::HashMap;

use crate::util::{TestEnv, stdout};

/// Reads a tree back: for every label, the year row and the header of the column it sits in.
fn parse_tree(text: &str) -> HashMap<String, (u16, String)> {
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    let starts: Vec<(usize, String)> = {
        let mut starts = Vec::new();
        let mut offset = 0;
        for part in header.split("  ").filter(|part| !part.trim().is_empty()) {
            let at = header[offset..].find(part).expect("the part") + offset;
            starts.push((header[..at].chars().count(), part.trim().to_owned()));
            offset = at + part.len();
        }
        starts
    };
    assert_eq!(starts[0].1, "year");
    lines.next().expect("a rule");
    let mut year = 0;
    let mut found = HashMap::new();
    for line in lines {
        if let Some(value) = line.get(..4).and_then(|head| head.parse().ok()) {
            year = value;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut column = 5;
        while column < chars.len() {
            if chars[column] == ' ' {
                column += 1;
                continue;
            }
            let start = column;
            while column < chars.len() && chars[column] != ' ' {
                column += 1;
            }
            let label: String = chars[start..column].iter().collect();
            if label == "✓" {
                continue;
            }
            let header =
                starts.iter().rev().find(|(at, _)| *at <= start).map(|(_, name)| name.clone()).unwrap_or_default();
            assert!(found.insert(label.clone(), (year, header)).is_none(), "{label} appears twice");
        }
    }
    found
}

fn papers(env: &TestEnv) -> Vec<serde_json::Value> {
    serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).expect("JSON")
}

#[test]
fn every_paper_appears_once_in_its_branch_and_year_at_80_and_160_columns() {
    let env = TestEnv::new();
    let papers = papers(&env);
    for (columns, merged) in [("160", false), ("80", true)] {
        let tree = stdout(env.roadmap().env("COLUMNS", columns).arg("tree"));
        assert!(
            tree.lines().all(|line| unicode_width::UnicodeWidthStr::width(line) <= columns.parse().unwrap()),
            "fits {columns}"
        );
        let found = parse_tree(&tree);
        assert_eq!(found.len(), papers.len(), "every paper once at {columns} columns");
        for paper in &papers {
            let id = paper["id"].as_str().unwrap();
            let (year, header) = &found[id];
            assert_eq!(*year, paper["year"].as_u64().unwrap() as u16, "{id} year");
            let branch = paper["branch"].as_str().unwrap();
            if merged {
                let branch = if branch == "encoder-decoder" { "enc-dec" } else { branch };
                assert!(header.split('/').any(|part| part == branch), "{id}: {branch} not in {header}");
            } else {
                assert_eq!(header, branch, "{id}");
            }
        }
    }
}

#[test]
fn a_narrow_terminal_gets_one_column_and_read_papers_are_checked() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let tree = stdout(env.roadmap().env("COLUMNS", "40").args(["tree", "--year", "2018"]));
    assert!(tree.starts_with("year  papers\n"), "{tree}");
    assert!(tree.contains("bert ✓"), "{tree}");
    assert!(tree.lines().all(|line| unicode_width::UnicodeWidthStr::width(line) <= 40), "{tree}");
}

#[test]
fn tree_colours_only_on_request() {
    let env = TestEnv::new();
    assert!(!stdout(env.roadmap().arg("tree")).contains('\u{1b}'));
    assert!(stdout(env.roadmap().args(["--color", "always", "tree"])).contains('\u{1b}'));
}

#[test]
fn headers_fit_their_columns_at_every_width() {
    let env = TestEnv::new();
    for columns in 20..=200 {
        let tree = stdout(env.roadmap().env("COLUMNS", columns.to_string()).args(["tree", "--since", "2023"]));
        let header = tree.lines().next().unwrap();
        let rule = tree.lines().nth(1).unwrap();
        assert!(
            unicode_width::UnicodeWidthStr::width(header) <= unicode_width::UnicodeWidthStr::width(rule).max(columns),
            "{columns}: {header}"
        );
        assert!(
            tree.lines().all(|line| unicode_width::UnicodeWidthStr::width(line) <= columns.max(24)),
            "{columns}:\n{tree}"
        );
    }
}

#[test]
fn tree_snapshots_at_two_widths() {
    let env = TestEnv::new();
    insta::assert_snapshot!("tree_mini_160", stdout(env.with_fixture("mini").env("COLUMNS", "160").arg("tree")));
    insta::assert_snapshot!("tree_mini_80", stdout(env.with_fixture("mini").env("COLUMNS", "80").arg("tree")));
    insta::assert_snapshot!("tree_embedded_80", stdout(env.roadmap().env("COLUMNS", "80").arg("tree")));
}

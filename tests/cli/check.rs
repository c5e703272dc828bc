//! A catalog's problems: `roadmap check`, and every command that loads a catalog, list
//! every problem at once, in file order and in the user's terms (type errors, unknown
//! fields, repeated keys and broken links together), for YAML and JSON alike; a missing or
//! unreadable file is named.

use predicates::prelude::*;

use crate::util::{TestEnv, fixture, stdout};

/// The problem lines of a failed `check`, without the leading count.
fn problems(env: &TestEnv, file: &std::path::Path) -> Vec<String> {
    let assert = env.roadmap().arg("--no-default").arg("check").arg(file).assert().code(1).stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("UTF-8 messages");
    let mut lines = stderr.lines();
    let head = lines.next().unwrap_or_default();
    let rest: Vec<String> = lines.map(|line| line.trim().to_owned()).collect();
    assert!(head.starts_with(&format!("error: {} problem", rest.len())), "{stderr}");
    rest
}

const FAMILY: &str = "families:\n  - id: enc\n    name: Encoders\n    branch: encoder\n    summary: Both ways.\n";

#[test]
fn five_different_problems_are_all_listed_in_line_order() {
    let env = TestEnv::new();
    let file = env.write(
        "five.yaml",
        format!(
            "version: 1\n{FAMILY}papers:\n  - id: first\n    title: First\n    year: twenty\n    family: enc\n    foucs: [a]\n    authors: [A]\n    authors: [B]\n    contribution: C\n  - id: second\n    title: Second\n    year: 2019\n    family: enc\n    url: https://example.org\n    authors: Ada Lovelace\n    contribution: C\n  - id: third\n    title: Third\n    year: 2019\n    family: enc\n    url: https://example.org/3\n    authors: [A]\n    contribution: C\n    builds_on: [first, nowhere]\n"
        ),
    );
    let found = problems(&env, &file);
    let name = file.display().to_string();
    let expected = [
        format!("{name}:10:11: year: expected a whole number such as 2018, found 'twenty'"),
        format!("{name}:12:5: paper 'first' has an unknown field 'foucs' (did you mean focus?)"),
        format!("{name}:14:5: paper 'first' gives 'authors' twice (first on line 13): keep one"),
        format!("{name}:21:14: authors: expected a list such as [first, second], found 'Ada Lovelace'"),
        format!("{name}:23:5: paper 'third' builds on unknown paper 'nowhere'"),
    ];
    assert_eq!(found, expected, "every problem once, sorted by line; 'first' is broken, not missing");
}

#[test]
fn problems_are_said_in_the_users_terms() {
    let env = TestEnv::new();
    let file = env.write(
        "terms.yaml",
        format!(
            "version: 1\n{FAMILY}papers:\n  - id: p\n    title: [a, list]\n    year: 2019\n    month: May\n    family: enc\n    url: https://example.org\n    authors: [A, ~]\n    et_al: maybe\n    contribution: C\n  - title: No id\n    year: 2019\n    family: enc\n    url: https://example.org/2\n    authors: [A]\n"
        ),
    );
    let found = problems(&env, &file).join("\n");
    for expected in [
        "title: expected text, found a list",
        "month: expected a whole number such as 10, found 'May'",
        "authors: item 2 is nothing, expected text",
        "et_al: expected true or false, found 'maybe'",
        "a paper has no id, which every one needs",
        "a paper has no contribution, which every one needs",
    ] {
        assert!(found.contains(expected), "missing {expected:?} in\n{found}");
    }
    for internal in ["invalid i64", "DuplicateKeyPolicy", "invalid type", "expected a span-aware"] {
        assert!(!found.contains(internal), "library internals leak: {found}");
    }
}

#[test]
fn json_catalogs_list_every_structural_problem_too() {
    let env = TestEnv::new();
    let file = env.write(
        "bad.json",
        r#"{"version": 1, "papers": [{"id": "a", "title": "A", "year": "twenty", "family": "bert", "url": "https://example.org", "authors": ["A"], "contribution": "C", "colour": "red"}, {"id": "b", "title": "B", "year": 2019, "family": "bert", "url": "https://example.org/b", "authors": "B", "contribution": "C"}]}"#,
    );
    let found = env.roadmap().arg("check").arg(&file).assert().code(1).stdout("").get_output().stderr.clone();
    let found = String::from_utf8(found).unwrap();
    assert!(found.starts_with("error: 3 problems"), "{found}");
    assert!(found.contains("year: expected a whole number such as 2018, found 'twenty'"), "{found}");
    assert!(found.contains("paper 'a' has an unknown field 'colour'"), "{found}");
    assert!(found.contains("authors: expected a list such as [first, second], found 'B'"), "{found}");
}

#[test]
fn a_syntax_error_is_still_one_clear_problem() {
    let env = TestEnv::new();
    let file = env.write("syntax.yaml", "version: 1\npapers: [\n");
    env.roadmap()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: 1 problem in the catalog"));
}

#[test]
fn a_non_mapping_catalog_says_what_it_found() {
    let env = TestEnv::new();
    let file = env.write("list.yaml", "- just\n- a list\n");
    let found = problems(&env, &file).join("\n");
    assert!(found.contains("the catalog must be a mapping of `key: value` lines, found a list"), "{found}");
}

#[test]
fn check_passes_on_the_embedded_catalog_and_fails_on_a_broken_one() {
    let env = TestEnv::new();
    env.roadmap()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: ").and(predicate::str::contains("embedded catalog")));
    let broken = env.write("broken.yaml", "version: 1\npapers:\n  - id: x\n    title: [unterminated\n");
    env.roadmap()
        .arg("check")
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:4:", broken.display())));
}

#[test]
fn missing_and_unreadable_catalogs_name_the_file() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["--catalog", "does-not-exist.yaml", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does-not-exist.yaml: cannot be read: no such file or directory"));
    env.roadmap()
        .arg("--catalog")
        .arg(env.path())
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    let empty = env.write("empty.yaml", "");
    env.roadmap()
        .arg("--catalog")
        .arg(&empty)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is empty"));
}

#[test]
fn an_invalid_catalog_lists_every_problem_with_its_position() {
    let env = TestEnv::new();
    let bad = env.write(
        "bad.yaml",
        "version: 1\npapers:\n  - id: Bad Id\n    title: T\n    year: 2019\n    family: bert\n    arxiv: \"2005.14165\"\n    authors: [A]\n    contribution: C\n  - id: other\n    title: T\n    year: 2019\n    family: bret\n    url: ftp://example.org\n    authors: [A]\n    contribution: C\n",
    );
    let assert = env.roadmap().arg("--catalog").arg(&bad).arg("list").assert().code(1).stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.starts_with("error: 5 problems in the catalog"), "{stderr}");
    let at = |line: u32, column: u32| format!("{}:{line}:{column}:", bad.display());
    assert!(stderr.contains(&format!("{} paper id 'Bad Id' is not a slug", at(3, 9))), "{stderr}");
    assert!(stderr.contains(&format!("{} year 2019 disagrees with arXiv id 2005.14165", at(7, 12))), "{stderr}");
    assert!(stderr.contains("arXiv id 2005.14165 is used by both"), "{stderr}");
    assert!(stderr.contains(&format!("{} url 'ftp://example.org' is not an http(s) URL", at(14, 10))), "{stderr}");
    assert!(
        stderr.contains(&format!("{} paper 'other' names unknown family 'bret' (did you mean bert?)", at(10, 5))),
        "{stderr}"
    );
}

#[test]
fn json_catalogs_use_the_same_schema_and_rules() {
    let env = TestEnv::new();
    let yaml = std::fs::read_to_string(fixture("mini")).unwrap();
    let value: serde_json::Value =
        serde_json::to_value(serde_saphyr::from_str::<serde_json::Value>(&yaml).unwrap()).unwrap();
    let good = env.write("mini.json", serde_json::to_string(&value).unwrap());
    let ids = stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&good).args(["list", "--format", "ids"]));
    assert_eq!(ids, "alpha\ngamma\nbeta\ndelta\n");

    let mut bad = value.clone();
    bad["papers"][1]["family"] = "nope".into();
    let bad = env.write("bad.json", serde_json::to_string(&bad).unwrap());
    env.roadmap()
        .arg("--no-default")
        .arg("--catalog")
        .arg(&bad)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("paper 'beta' names unknown family 'nope'"));

    let broken = env.write("broken.json", "{\"version\": 1, \"papers\": [\n");
    env.roadmap()
        .arg("--catalog")
        .arg(&broken)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:2:0: EOF while parsing a list\n", broken.display())));
}

//! Usage errors exit 2 with clap's message; runtime errors exit 1 with one `error:` line.

use predicates::prelude::*;

use crate::util::TestEnv;

#[test]
fn a_reversed_year_range_is_a_usage_error() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["list", "--year", "2021..2019"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("reversed"));
    env.roadmap()
        .args(["list", "--since", "2022", "--until", "2020"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--since 2022 is after --until 2020"));
    env.roadmap().args(["timeline", "--year", "soon"]).assert().code(2);
}

#[test]
fn unknown_branch_and_format_are_usage_errors_that_suggest() {
    let env = TestEnv::new();
    env.roadmap().args(["list", "--branch", "encoders"]).assert().code(2).stderr(predicate::str::contains("encoder"));
    env.roadmap()
        .args(["list", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
    env.roadmap().args(["--color", "sometimes", "list"]).assert().code(2);
    env.roadmap().arg("frobnicate").assert().code(2);
}

#[test]
fn an_unknown_family_is_an_error_that_suggests_the_closest() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["list", "--family", "bret"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("error: no family 'bret' (did you mean bert?)\n");
    env.roadmap()
        .args(["timeline", "--family", "zzzzzz"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("roadmap families"));
}

#[test]
fn an_unknown_paper_exits_1_with_suggestions() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["show", "robreta"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: no paper 'robreta'").and(predicate::str::contains("roberta")));
}

#[test]
fn missing_and_unreadable_catalogs_name_the_file() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["--catalog", "does-not-exist.yaml", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does-not-exist.yaml: cannot read"));
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
fn json_catalogs_use_the_same_schema_and_rules() {
    let env = TestEnv::new();
    let yaml = std::fs::read_to_string(crate::util::fixture("mini")).unwrap();
    let value: serde_json::Value =
        serde_json::to_value(serde_saphyr::from_str::<serde_json::Value>(&yaml).unwrap()).unwrap();
    let good = env.write("mini.json", serde_json::to_string(&value).unwrap());
    let ids = crate::util::stdout(
        env.roadmap().arg("--no-default").arg("--catalog").arg(&good).args(["list", "--format", "ids"]),
    );
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

//! Usage errors exit 2 with clap's message; runtime errors exit 1 with one `error:` line;
//! an unknown name is answered with the closest known ones.

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
fn impossible_years_are_usage_errors() {
    let env = TestEnv::new();
    env.roadmap().args(["list", "--since", "20"]).assert().code(2).stderr(predicate::str::contains("four-digit"));
    env.roadmap()
        .args(["list", "--year", "2019", "--since", "2021"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--since 2021 is after every year of --year 2019"));
    env.roadmap().args(["list", "--until", "2101"]).assert().code(2);
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
fn learning_commands_report_unknown_ids_and_bad_options() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["path", "gpt-9"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean").and(predicate::str::contains("gpt-4")));
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

//! Snapshots of the human outputs on the small fixture catalog (tests/fixtures/mini.yaml).

mod common;

use common::{TestEnv, stdout};
use unicode_width::UnicodeWidthStr;

fn mini(env: &TestEnv, columns: &str, args: &[&str]) -> String {
    stdout(env.with_fixture("mini").env("COLUMNS", columns).args(args))
}

#[test]
fn table_at_100_columns() {
    let env = TestEnv::new();
    insta::assert_snapshot!("table_100", mini(&env, "100", &["list", "--format", "table"]));
}

#[test]
fn table_wraps_long_titles_at_40_columns() {
    let env = TestEnv::new();
    let table = mini(&env, "40", &["list", "--format", "table"]);
    assert!(table.lines().all(|line| line.width() <= 40), "{table}");
    insta::assert_snapshot!("table_40", table);
}

#[test]
fn card() {
    let env = TestEnv::new();
    insta::assert_snapshot!("card_alpha", mini(&env, "72", &["show", "alpha"]));
    insta::assert_snapshot!("card_delta", mini(&env, "72", &["show", "delta"]));
}

#[test]
fn timeline() {
    let env = TestEnv::new();
    insta::assert_snapshot!("timeline", mini(&env, "80", &["timeline"]));
}

#[test]
fn families_table() {
    let env = TestEnv::new();
    insta::assert_snapshot!("families_table", mini(&env, "80", &["families", "--format", "table"]));
}

#[test]
fn markdown_list() {
    let env = TestEnv::new();
    insta::assert_snapshot!("list_markdown", mini(&env, "80", &["list", "--format", "markdown"]));
}

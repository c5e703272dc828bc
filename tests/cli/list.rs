//! `roadmap list`, `families`, `tags` and `orgs`: filters, sorting, formats and columns,
//! and what a pipe or a terminal gets.

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::util::{TestEnv, first_fields, mini, stdout, with_progress};

#[test]
fn family_bert_lists_the_bert_papers_and_nothing_else() {
    let env = TestEnv::new();
    let ids = stdout(env.with_fixture("original").args(["list", "--family", "bert", "--format", "ids"]));
    assert_eq!(ids.lines().collect::<Vec<_>>(), ["bert", "roberta", "albert", "distilbert"]);

    let embedded = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&embedded).unwrap();
    assert!(rows.iter().all(|row| row["family"] == "bert"));
    for id in ["bert", "albert", "roberta", "distilbert"] {
        assert!(rows.iter().any(|row| row["id"] == id), "{id} missing");
    }
}

#[test]
fn every_format_lists_the_same_papers_in_the_same_order() {
    let env = TestEnv::new();
    let run = |format: &str| stdout(env.roadmap().args(["list", "--family", "bert,gpt", "--format", format]));
    let ids: Vec<String> = run("ids").lines().map(str::to_owned).collect();
    assert!(ids.len() > 8);

    assert_eq!(first_fields(&run("plain")), ids);

    let json: Vec<serde_json::Value> = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json.iter().map(|row| row["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>(), ids);

    let csv = run("csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,year,family,title"));
    assert_eq!(lines.map(|line| line.split(',').next().unwrap().to_owned()).collect::<Vec<_>>(), ids);

    let markdown = run("markdown");
    let rows: Vec<String> = markdown
        .lines()
        .skip(2)
        .map(|line| line.trim_start_matches("| ").split(" |").next().unwrap().to_owned())
        .collect();
    assert_eq!(markdown.lines().next(), Some("| id | year | family | title |"));
    assert_eq!(rows, ids);

    let table = run("table");
    let table_ids: Vec<String> = table
        .lines()
        .skip(2)
        .filter_map(|line| line.split_whitespace().next())
        .filter(|word| ids.iter().any(|id| id == word))
        .map(str::to_owned)
        .collect();
    assert_eq!(table_ids, ids);
}

#[test]
fn json_carries_catalog_fields_branch_and_links() {
    let env = TestEnv::new();
    let json = stdout(env.roadmap().args(["list", "--format", "json", "--query", "attention is all you need"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let transformer = rows.iter().find(|row| row["id"] == "transformer").expect("transformer listed");
    assert_eq!(transformer["arxiv"], "1706.03762");
    assert_eq!(transformer["year"], 2017);
    assert_eq!(transformer["branch"], "foundation");
    assert_eq!(transformer["links"]["abs"], "https://arxiv.org/abs/1706.03762");
    assert_eq!(transformer["links"]["pdf"], "https://arxiv.org/pdf/1706.03762");
    assert!(transformer["authors"].as_array().unwrap().len() == 8);
}

#[test]
fn filters_select_by_year_branch_tag_org_and_text() {
    let env = TestEnv::new();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut command = env.with_fixture("original");
        command.args(["list", "--format", "ids"]).args(args);
        stdout(&mut command).lines().map(str::to_owned).collect()
    };
    assert_eq!(ids(&["--year", "2017"]), ["transformer"]);
    assert_eq!(ids(&["--year", "2023..2023", "--branch", "decoder"]), ["llama", "gpt-4", "llama-2"]);
    assert_eq!(ids(&["--since", "2022", "--until", "2022"]), ["instructgpt"]);
    assert_eq!(ids(&["--branch", "encoder-decoder"]), ["unilm", "t5", "bart"]);
    assert_eq!(ids(&["--org", "openai", "--until", "2019"]), ["gpt-1", "gpt-2"]);
    assert_eq!(ids(&["--query", "LOW-rank adaptation"]), ["lora"]);
    assert_eq!(ids(&["--query", "Vaswani"]), ["transformer"]);
    assert_eq!(
        ids(&["--family", "bert", "--family", "ernie", "--year", "2019"]),
        ["ernie", "roberta", "albert", "distilbert"]
    );
    assert!(ids(&["--year", "1999"]).is_empty());
}

#[test]
fn tags_filter_case_insensitively() {
    let env = TestEnv::new();
    let ids = stdout(env.with_fixture("mini").args(["list", "--tag", "PRETRAINING", "--format", "ids"]));
    assert_eq!(ids, "gamma\nbeta\n");
}

#[test]
fn tags_match_by_alias_any_case_or_spacing() {
    let env = TestEnv::new();
    let ids = |tag: &str| stdout(env.roadmap().args(["list", "--tag", tag, "--format", "ids"]));
    let moe = ids("mixture-of-experts");
    assert!(moe.contains("switch-transformer\n") && moe.contains("mixtral\n"), "{moe}");
    for spelling in ["moe", "MoE", "mixture of experts", "Mixture_Of_Experts"] {
        assert_eq!(ids(spelling), moe, "{spelling}");
    }
    assert_eq!(ids("instruction tuning"), ids("instruction-tuning"));
    env.roadmap()
        .args(["list", "--tag", "mixture-of-expert"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no tag 'mixture-of-expert' (did you mean mixture-of-experts?)"));
}

#[test]
fn sorting_by_title_and_by_family() {
    let env = TestEnv::new();
    let by_title = stdout(env.with_fixture("mini").args(["list", "--sort", "title", "--format", "ids"]));
    assert_eq!(by_title, "alpha\nbeta\ndelta\ngamma\n");
    let by_family = stdout(env.with_fixture("mini").args(["list", "--sort", "family", "--format", "ids"]));
    assert_eq!(by_family, "alpha\nbeta\ngamma\ndelta\n");
}

#[test]
fn machine_columns_never_change_and_tables_show_status_once_progress_exists() {
    let env = TestEnv::new();
    let before_csv = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "csv"]));
    let before_plain = stdout(env.roadmap().args(["list", "--family", "bert"]));
    let table = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "table"]));
    assert!(!table.lines().next().unwrap().contains("status"), "{table}");
    assert!(before_csv.starts_with("id,year,family,title\n"));
    env.roadmap().args(["mark", "albert", "read"]).assert().success();
    env.roadmap().args(["note", "albert", "parameter sharing"]).assert().success();
    assert_eq!(stdout(env.roadmap().args(["list", "--family", "bert", "--format", "csv"])), before_csv);
    assert_eq!(stdout(env.roadmap().args(["list", "--family", "bert"])), before_plain, "`cut -f1,4` keeps working");
    let cut: Vec<String> = stdout(env.roadmap().args(["list", "--family", "bert"]))
        .lines()
        .map(|line| line.split('\t').nth(3).unwrap().to_owned())
        .collect();
    assert!(cut.iter().any(|title| title.starts_with("ALBERT")), "the fourth field is the title: {cut:?}");
    let table = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "table"]));
    assert!(table.lines().next().unwrap().contains("status"), "{table}");
    let chosen = stdout(env.roadmap().args(["list", "--family", "bert", "--columns", "id,status,notes", "-f", "csv"]));
    assert!(chosen.starts_with("id,status,notes\n"), "{chosen}");
    assert!(chosen.contains("\nalbert,read,1\n"), "{chosen}");
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--family", "bert", "--format", "json"]))).unwrap();
    let bert = listed.as_array().unwrap().iter().find(|paper| paper["id"] == "bert").unwrap();
    assert_eq!(bert["status"], "unread", "json always carries the status");
    assert_eq!(bert["notes"], serde_json::json!([]), "and the notes");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["show", "albert", "--format", "json"]))).unwrap();
    assert_eq!(json["status"], "read");
    let families = stdout(env.roadmap().args(["families", "--format", "csv"]));
    assert!(families.starts_with("id,branch,papers,years,name\n"), "{families}");
    let families: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["families", "--format", "json"]))).unwrap();
    let bert = families.as_array().unwrap().iter().find(|family| family["id"] == "bert").unwrap();
    assert_eq!(bert["read"], 1);
}

#[test]
fn piped_output_is_plain_tab_separated_without_escape_codes() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().arg("list"));
    assert!(!text.contains('\u{1b}'));
    assert!(text.lines().all(|line| line.split('\t').count() == 4), "four tab-separated fields");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let env = TestEnv::new();
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    // JSON for the whole catalog is larger than a pipe buffer, so the writer really hits EPIPE.
    let script = format!(
        "'{}' list --format json | head -c 10 >/dev/null; echo \"status=${{PIPESTATUS[0]}}\"",
        binary.display()
    );
    let result = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", env.path())
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&result.stdout).trim(), "status=0");
    assert_eq!(String::from_utf8_lossy(&result.stderr), "", "no message on a closed pipe");
}

/// Runs `roadmap ARGS` on a pseudo-terminal (util-linux `script`) and returns what it showed.
fn on_a_terminal(env: &TestEnv, args: &str) -> String {
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    let output = std::process::Command::new("script")
        .args(["-qec", &format!("'{}' {args}", binary.display()), "/dev/null"])
        .env_clear()
        .env("HOME", env.path())
        .env("XDG_STATE_HOME", env.path().join("state"))
        .env("XDG_CACHE_HOME", env.path().join("cache"))
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "dumb")
        .env("COLUMNS", "80")
        .output()
        .expect("script runs");
    String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n")
}

#[test]
fn an_empty_listing_says_so_on_a_terminal_and_prints_nothing_in_a_pipe() {
    let env = TestEnv::new();
    let shown = on_a_terminal(&env, "list --family bert --until 2017");
    assert!(shown.contains("no paper matches these filters"), "{shown:?}");
    let piped = env.roadmap().args(["list", "--family", "bert", "--until", "2017"]).assert().success();
    piped.stdout("").stderr("");
    let table = on_a_terminal(&env, "list --family bert");
    assert!(table.contains("─") && table.contains(" title"), "a table by default on a terminal: {table}");
}

#[test]
fn families_list_branch_count_and_years() {
    let env = TestEnv::new();
    let plain = stdout(env.with_fixture("mini").arg("families"));
    assert_eq!(
        plain,
        "base\tfoundation\t1\t2017\tBase models\nreaders\tencoder\t1\t2018\tReaders\nwriters\tdecoder\t2\t2018–2019\tWriters\n"
    );
    let json = stdout(env.with_fixture("mini").args(["families", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[2]["papers"], 2);
    assert_eq!(rows[2]["first_year"], 2018);
    assert_eq!(rows[2]["last_year"], 2019);
}

#[test]
fn tags_and_orgs_list_their_counts() {
    let env = TestEnv::new();
    let tags = stdout(env.roadmap().args(["tags", "--format", "json"]));
    let tags: serde_json::Value = serde_json::from_str(&tags).unwrap();
    let moe = tags.as_array().unwrap().iter().find(|tag| tag["id"] == "mixture-of-experts").unwrap();
    let listed = stdout(env.roadmap().args(["list", "--tag", "moe", "--format", "ids"])).lines().count();
    assert_eq!(moe["papers"], listed);
    assert!(moe["aliases"].as_array().unwrap().iter().any(|alias| alias == "moe"));
    let orgs = stdout(env.roadmap().args(["orgs"]));
    let first: Vec<&str> = orgs.lines().next().unwrap().split('\t').collect();
    let count: usize = first[1].parse().unwrap();
    let by_org = stdout(env.roadmap().args(["list", "--org", first[0], "--format", "ids"])).lines().count();
    assert!(by_org >= count, "{first:?}: the org filter finds at least its papers");
    let counts: Vec<usize> = orgs.lines().map(|line| line.split('\t').nth(1).unwrap().parse().unwrap()).collect();
    assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "most papers first");
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
fn markdown_list() {
    let env = TestEnv::new();
    insta::assert_snapshot!("list_markdown", mini(&env, "80", &["list", "--format", "markdown"]));
}

#[test]
fn families_table() {
    let env = TestEnv::new();
    insta::assert_snapshot!("families_table", mini(&env, "80", &["families", "--format", "table"]));
}

#[test]
fn machine_formats() {
    let env = with_progress();
    insta::assert_snapshot!("list_json", mini(&env, "80", &["list", "--format", "json"]));
    insta::assert_snapshot!("list_csv", mini(&env, "80", &["list", "--format", "csv"]));
    insta::assert_snapshot!("list_plain", mini(&env, "80", &["list", "--format", "plain"]));
    insta::assert_snapshot!(
        "list_columns_csv",
        mini(&env, "80", &["list", "-f", "csv", "--columns", "date,id,status,notes,pdf"])
    );
    insta::assert_snapshot!("notes_plain", mini(&env, "80", &["notes"]));
}

//! `roadmap list` and `roadmap families`: filters, formats, colour and pipes.

use predicates::prelude::*;

use crate::util::{TestEnv, first_fields, stdout};

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
fn sorting_by_title_and_by_family() {
    let env = TestEnv::new();
    let by_title = stdout(env.with_fixture("mini").args(["list", "--sort", "title", "--format", "ids"]));
    assert_eq!(by_title, "alpha\nbeta\ndelta\ngamma\n");
    let by_family = stdout(env.with_fixture("mini").args(["list", "--sort", "family", "--format", "ids"]));
    assert_eq!(by_family, "alpha\nbeta\ngamma\ndelta\n");
}

#[test]
fn piped_output_is_plain_tab_separated_without_escape_codes() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().arg("list"));
    assert!(!text.contains('\u{1b}'));
    assert!(text.lines().all(|line| line.split('\t').count() == 4), "four tab-separated fields");
}

#[test]
fn color_always_colours_and_no_color_does_not() {
    let env = TestEnv::new();
    let coloured = stdout(env.roadmap().args(["--color", "always", "timeline"]));
    assert!(coloured.contains("\u{1b}["));
    let forced = stdout(env.roadmap().env("CLICOLOR_FORCE", "1").arg("timeline"));
    assert!(forced.contains("\u{1b}["));
    let refused = stdout(env.roadmap().env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1").arg("timeline"));
    assert!(!refused.contains('\u{1b}'));
    let table = stdout(env.roadmap().args(["--color", "always", "list", "--format", "table"]));
    assert!(table.contains("\u{1b}["));
    let machine = stdout(env.roadmap().args(["--color", "always", "list", "--format", "json"]));
    assert!(!machine.contains('\u{1b}'), "machine formats are never coloured");
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
fn the_embedded_timeline_runs_oldest_first() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().arg("timeline"));
    let years: Vec<u16> = text.lines().filter_map(|line| line.trim().parse().ok()).collect();
    assert!(years.windows(2).all(|pair| pair[0] < pair[1]), "{years:?}");
    assert!(text.contains("transformer"));
}

#[test]
fn the_original_timeline_runs_from_2017_to_2023_with_the_transformer_first() {
    let env = TestEnv::new();
    let text = stdout(env.with_fixture("original").arg("timeline"));
    let lines: Vec<&str> = text.lines().filter(|line| !line.is_empty()).collect();
    assert_eq!(lines[0], "2017");
    assert!(lines[1].contains("transformer"), "{}", lines[1]);
    let years: Vec<&str> = lines.iter().copied().filter(|line| !line.starts_with(' ')).collect();
    assert_eq!(years, ["2017", "2018", "2019", "2020", "2021", "2022", "2023"]);
    let months: Vec<(u16, u8)> = {
        let mut year = 0;
        let mut months = Vec::new();
        for line in &lines {
            match line.split_whitespace().next().and_then(|word| word.parse::<u16>().ok()) {
                Some(value) if !line.starts_with(' ') => year = value,
                Some(month) => months.push((year, u8::try_from(month).unwrap())),
                None => {}
            }
        }
        months
    };
    assert!(months.windows(2).all(|pair| pair[0] <= pair[1]), "ordered by month within each year: {months:?}");
    assert!(predicate::str::contains("gpt-4").eval(&text));
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
fn a_search_that_the_filters_empty_says_so() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["search", "gpt", "--until", "2017"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no paper matches 'gpt' within these filters ("));
    env.roadmap().args(["search", "zzqqxx"]).assert().code(1).stderr("error: no paper matches 'zzqqxx'\n");
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

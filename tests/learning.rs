//! The learning features: search, path, next, mark, note, progress, graph and cite,
//! each run against a temporary progress file.

mod common;

use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;

use common::{TestEnv, first_fields, stdout, temporary_files};
use predicates::prelude::*;

fn ids(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn state_file(env: &TestEnv) -> std::path::PathBuf {
    env.path().join("state/roadmap/progress.yaml")
}

#[test]
fn search_ranks_the_paper_the_words_describe() {
    let env = TestEnv::new();
    let distillation = ids(&stdout(env.roadmap().args(["search", "knowledge distillation", "--format", "ids"])));
    assert_eq!(distillation.first().map(String::as_str), Some("knowledge-distillation"), "{distillation:?}");
    assert!(distillation.iter().take(5).any(|id| id == "distilbert"), "{distillation:?}");
    let lora = ids(&stdout(env.roadmap().args(["search", "low-rank", "adaptation", "--format", "ids"])));
    assert_eq!(lora.first().map(String::as_str), Some("lora"), "{lora:?}");
    let attention = ids(&stdout(env.roadmap().args(["search", "ATTENTION", "--until", "2017", "-f", "ids"])));
    assert!(attention.contains(&"transformer".to_owned()) && attention.contains(&"bahdanau-attention".to_owned()));
}

#[test]
fn search_without_a_match_exits_1() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["search", "quantum", "gravity", "bananas"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: no paper matches"));
    env.roadmap().args(["search"]).assert().code(2);
}

#[test]
fn path_to_gpt_4_reads_every_prerequisite_first() {
    let env = TestEnv::new();
    let json = stdout(env.roadmap().args(["path", "gpt-4", "--format", "json"]));
    let steps: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let order: Vec<&str> = steps.iter().map(|step| step["id"].as_str().unwrap()).collect();
    assert_eq!(order.last(), Some(&"gpt-4"));
    for needed in ["transformer", "gpt-1", "gpt-2", "gpt-3", "instructgpt"] {
        assert!(order.contains(&needed), "{needed} missing from {order:?}");
    }
    for (position, step) in steps.iter().enumerate() {
        for parent in step["builds_on"].as_array().unwrap() {
            let at =
                order.iter().position(|id| *id == parent.as_str().unwrap()).expect("every prerequisite is on the path");
            assert!(at < position, "{parent} comes after {}", step["id"]);
        }
    }
    let plain = stdout(env.roadmap().args(["path", "gpt-4"]));
    assert_eq!(first_fields(&plain), order, "piped, the path is the plain listing in reading order");
    let numbered = stdout(env.roadmap().args(["path", "gpt-4", "--columns", "#,id"]));
    let numbers: Vec<String> = first_fields(&numbered);
    assert_eq!(numbers.first().map(String::as_str), Some("1"));
    assert_eq!(numbers.last(), Some(&order.len().to_string()));
}

#[test]
fn path_unread_hides_what_is_read() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "transformer", "gpt-1", "read"]).assert().success();
    let unread = ids(&stdout(env.roadmap().args(["path", "gpt-3", "--unread", "--format", "ids"])));
    assert!(!unread.contains(&"transformer".to_owned()) && !unread.contains(&"gpt-1".to_owned()));
    assert_eq!(unread.last().map(String::as_str), Some("gpt-3"));
}

#[test]
fn next_starts_from_the_roots_and_follows_what_is_read() {
    let env = TestEnv::new();
    let roots: HashSet<String> = {
        let json = stdout(env.roadmap().args(["list", "--format", "json"]));
        let papers: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        papers
            .iter()
            .filter(|paper| paper["builds_on"].as_array().unwrap().is_empty())
            .map(|paper| paper["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let fresh: HashSet<String> = ids(&stdout(env.roadmap().args(["next", "--format", "ids"]))).into_iter().collect();
    assert_eq!(fresh, roots);

    env.roadmap().args(["mark", "transformer", "read"]).assert().success().stderr("marked transformer read\n");
    let after = ids(&stdout(env.roadmap().args(["next", "--format", "ids"])));
    assert!(!after.contains(&"transformer".to_owned()));
    assert!(after.contains(&"sparse-transformer".to_owned()), "a direct successor of transformer: {after:?}");
    assert!(!after.contains(&"bert".to_owned()), "bert also needs elmo and gpt-1");
    let decoders = ids(&stdout(env.roadmap().args(["next", "--branch", "foundation", "--format", "ids"])));
    assert!(decoders.contains(&"transformer-xl".to_owned()));
}

#[test]
fn marking_is_idempotent_and_unread_undoes_it() {
    let env = TestEnv::new();
    let bert_line = |env: &TestEnv| {
        stdout(env.roadmap().arg("progress")).lines().find(|line| line.starts_with("bert\t")).unwrap().to_owned()
    };
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    assert_eq!(bert_line(&env), format!("bert\t0\t0\t{bert}\t0\t0"));
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let once = std::fs::read(state_file(&env)).unwrap();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    assert_eq!(std::fs::read(state_file(&env)).unwrap(), once, "marking twice changes nothing");
    let percent = (100 + bert / 2) / bert;
    assert_eq!(bert_line(&env), format!("bert\t1\t0\t{bert}\t{percent}\t0"));
    env.roadmap().args(["mark", "roberta", "reading"]).assert().success();
    assert_eq!(bert_line(&env), format!("bert\t1\t1\t{bert}\t{percent}\t0"));
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "read", "--format", "ids"])), "bert\n");
    env.roadmap().args(["mark", "bert", "roberta", "unread"]).assert().success();
    assert_eq!(bert_line(&env), format!("bert\t0\t0\t{bert}\t0\t0"));
    let total = stdout(env.roadmap().arg("progress"));
    assert!(total.lines().last().unwrap().starts_with("total\t0\t0\t"), "{total}");
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
fn mark_with_an_unknown_id_writes_nothing() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["mark", "bert", "bret-x", "read"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no paper 'bret-x'"));
    assert!(!state_file(&env).exists());
    env.roadmap().args(["mark", "bert", "finished"]).assert().code(2);
}

#[test]
fn notes_are_dated_and_shown_on_the_card() {
    let env = TestEnv::new();
    env.roadmap().args(["note", "bert", "re-read", "section 3.1"]).assert().success();
    let card = stdout(env.roadmap().args(["show", "bert"]));
    let notes = card.split("\nNotes\n").nth(1).expect("a Notes section");
    assert!(notes.contains("re-read section 3.1"), "{notes}");
    assert!(notes.trim_start().starts_with("20"), "dated: {notes}");
    assert!(card.contains("status    unread"), "a note does not change the status");
}

#[test]
fn a_note_can_be_written_in_the_editor() {
    let env = TestEnv::new();
    let editor = env.write("editor.sh", "#!/bin/sh\nprintf 'from the editor\\n# a comment\\n' > \"$1\"\n");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap().env("EDITOR", &editor).args(["note", "lora"]).assert().success();
    assert!(stdout(env.roadmap().args(["show", "lora"])).contains("from the editor"));

    let blank = env.write("blank.sh", "#!/bin/sh\n: > \"$1\"\n");
    std::fs::set_permissions(&blank, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap()
        .env("EDITOR", &blank)
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the note is empty"));
    env.roadmap()
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("neither $VISUAL nor $EDITOR is set"));
    let failing = env.write("failing.sh", "#!/bin/sh\nexit 1\n");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap()
        .env("EDITOR", &failing)
        .args(["note", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing was saved"));
}

#[test]
fn a_corrupt_progress_file_is_named_and_left_alone() {
    let env = TestEnv::new();
    let path = env.write("progress.yaml", "version: 1\npapers: {bert: {status: finished}}\n");
    let before = std::fs::read(&path).unwrap();
    for args in [&["list"][..], &["mark", "bert", "read"], &["progress"]] {
        env.roadmap()
            .arg("--state")
            .arg(&path)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(path.display().to_string()).and(predicate::str::contains("corrupt")));
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn progress_for_ids_outside_the_catalog_is_kept() {
    let env = TestEnv::new();
    let path = env.write("progress.yaml", "version: 1\npapers:\n  my-private-paper:\n    status: read\n");
    env.roadmap().env("ROADMAP_STATE", &path).args(["mark", "bert", "read"]).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("my-private-paper") && text.contains("bert"), "{text}");
}

#[test]
fn forty_concurrent_marks_are_all_recorded() {
    let env = TestEnv::new();
    let ids = ids(&stdout(env.roadmap().args(["list", "--format", "ids"])));
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    let state = env.path().join("shared-progress.yaml");
    let children: Vec<std::process::Child> = ids
        .iter()
        .take(40)
        .map(|id| {
            std::process::Command::new(&binary)
                .env_clear()
                .env("HOME", env.path())
                .args(["--state", state.to_str().unwrap(), "mark", id, "read"])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let read = stdout(env.roadmap().arg("--state").arg(&state).args(["list", "--status", "read", "--format", "ids"]));
    assert_eq!(read.lines().count(), 40, "every concurrent mark was kept");
    let leftovers = temporary_files(env.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_skipped_paper_is_settled_for_next_and_counted_apart_in_progress() {
    let env = TestEnv::new();
    let mini = |args: &[&str]| stdout(env.with_fixture("mini").args(args));
    let next = |env: &TestEnv| -> Vec<String> {
        stdout(env.with_fixture("mini").args(["next", "--format", "ids"])).lines().map(str::to_owned).collect()
    };
    assert_eq!(next(&env), ["alpha"]);
    env.with_fixture("mini").args(["mark", "alpha", "skipped"]).assert().success();
    assert_eq!(next(&env), ["gamma", "beta"], "what builds on a skipped paper comes next");
    assert_eq!(mini(&["list", "--status", "skipped", "--format", "ids"]), "alpha\n");
    env.with_fixture("mini").args(["mark", "beta", "read"]).assert().success();
    env.with_fixture("mini").args(["mark", "gamma", "skipped"]).assert().success();
    assert_eq!(next(&env), ["delta"]);
    let json: serde_json::Value = serde_json::from_str(&mini(&["progress", "-f", "json"])).unwrap();
    let total = json.as_array().unwrap().last().unwrap();
    assert_eq!(
        (total["read"].as_u64(), total["skipped"].as_u64(), total["total"].as_u64()),
        (Some(1), Some(2), Some(4))
    );
    assert_eq!(total["percent"].as_u64(), Some(25), "skipped is not read");
    let bars = stdout(env.with_fixture("mini").env("COLUMNS", "60").args(["progress", "--format", "table"]));
    let base = bars.lines().find(|line| line.starts_with("base ")).expect("a bar for the base family");
    assert!(base.contains('·') && base.contains("0/1"), "{bars}");
    let card = mini(&["show", "alpha"]);
    assert!(card.contains("skipped"), "{card}");
    env.with_fixture("mini").args(["mark", "alpha", "unread"]).assert().success();
    assert_eq!(mini(&["list", "--status", "skipped", "--format", "ids"]), "gamma\n");
}

#[test]
fn a_focused_graph_and_a_path_between_two_papers_follow_the_fixture_lineage() {
    // alpha <- beta, alpha <- gamma, and delta builds on both beta and gamma.
    let env = TestEnv::new();
    let mini = |args: &[&str]| stdout(env.with_fixture("mini").args(args));
    let nodes = |dot: &str| -> Vec<String> {
        dot.lines()
            .filter(|line| line.contains("[label="))
            .map(|line| line.trim().split('"').nth(1).unwrap().to_owned())
            .collect()
    };
    let edges = |dot: &str| dot.lines().filter(|line| line.contains("->")).count();
    let up = mini(&["graph", "delta", "--ancestors", "--depth", "1"]);
    let mut up_nodes = nodes(&up);
    up_nodes.sort();
    assert_eq!(up_nodes, ["beta", "delta", "gamma"], "alpha is two steps away: {up}");
    assert_eq!(edges(&up), 2);
    assert!(up.contains("\"delta\" [label=\"delta\"") && up.contains("penwidth=3"), "the focus stands out: {up}");
    let all_up = mini(&["graph", "delta", "--ancestors"]);
    assert_eq!(nodes(&all_up).len(), 4);
    assert_eq!(edges(&all_up), 4);
    let down = mini(&["graph", "alpha", "--descendants", "--depth", "1", "--format", "mermaid"]);
    assert!(!down.contains("delta") && down.contains("beta") && down.contains("gamma"), "{down}");
    assert!(down.contains("classDef focus"), "{down}");
    let around = mini(&["graph", "beta"]);
    let mut around_nodes = nodes(&around);
    around_nodes.sort();
    assert_eq!(around_nodes, ["alpha", "beta", "delta"], "both ways, gamma is a sibling: {around}");
    let filtered = mini(&["graph", "delta", "--ancestors", "--family", "readers"]);
    assert!(nodes(&filtered).contains(&"beta".to_owned()) && !filtered.contains("\"alpha\""), "{filtered}");
    env.with_fixture("mini").args(["graph", "--ancestors"]).assert().code(2);
    env.with_fixture("mini")
        .args(["graph", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: no paper"));

    let path = mini(&["path", "alpha", "delta", "--format", "ids"]);
    let path: Vec<&str> = path.lines().collect();
    assert_eq!(path.first(), Some(&"alpha"));
    assert_eq!(path.last(), Some(&"delta"));
    assert_eq!(path.len(), 4);
    assert_eq!(mini(&["path", "beta", "delta", "--format", "ids"]), "beta\ndelta\n");
    env.with_fixture("mini")
        .args(["path", "delta", "alpha"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("try `roadmap path alpha delta`"));
    env.with_fixture("mini")
        .args(["path", "beta", "gamma"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("neither beta nor gamma builds on the other"));
}

#[test]
fn the_progress_report_draws_bars_with_a_legend_and_pipes_counts() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "albert", "read"]).assert().success();
    env.roadmap().args(["mark", "roberta", "reading"]).assert().success();
    let bars = stdout(env.roadmap().env("COLUMNS", "60").args(["progress", "--format", "table"]));
    let bert_bar = bars.lines().find(|line| line.starts_with("bert ")).expect("a bar for bert");
    assert!(bert_bar.contains('█') && bert_bar.contains('▒') && bert_bar.contains('░'), "{bert_bar}");
    assert_eq!(bars.lines().last(), Some("█ read  ▒ reading  ░ unread  · skipped"), "a legend: {bars}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["progress", "-f", "json"]))).unwrap();
    let total = json.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (total["family"].as_str(), total["read"].as_u64(), total["reading"].as_u64()),
        (Some("total"), Some(2), Some(1))
    );
    let plain = stdout(env.roadmap().arg("progress"));
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    let percent = (200 + bert / 2) / bert;
    assert!(plain.lines().any(|line| line == format!("bert\t2\t1\t{bert}\t{percent}\t0")), "{plain}");
    assert!(plain.lines().last().unwrap().starts_with("total\t2\t1\t"));
}

#[test]
fn graph_dot_renders_with_graphviz() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let dot = stdout(env.roadmap().arg("graph"));
    assert!(dot.starts_with("digraph roadmap {"));
    assert!(dot.contains("subgraph cluster_"));
    assert!(dot.contains("\"transformer\" -> \"bert\";"));
    assert!(dot.contains(
        "\"bert\" [label=\"✓ bert\", tooltip=\"BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding (2018)\", URL=\"https://arxiv.org/abs/1810.04805\", style=\"rounded,filled\""
    ), "nodes are labelled by id, whole titles in tooltips");
    let available = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !available && std::env::var_os("CI").is_none() {
        eprintln!("skipping the Graphviz render: `dot` is not installed (CI installs it)");
        return;
    }
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("graphviz `dot` runs");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), dot.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let svg = String::from_utf8(output.stdout).unwrap();
    assert!(svg.contains("<svg") && svg.contains("✓ bert") && svg.contains("Language Understanding (2018)"));
}

#[test]
fn graph_mermaid_is_a_flowchart_with_subgraphs_and_edges() {
    let env = TestEnv::new();
    let mermaid = stdout(env.with_fixture("mini").args(["graph", "--format", "mermaid"]));
    assert_eq!(
        mermaid,
        "flowchart LR\n  subgraph f0[\"Base models\"]\n    p0[\"alpha\"]\n  end\n  subgraph f1[\"Readers\"]\n    p2[\"beta\"]\n  end\n  subgraph f2[\"Writers\"]\n    p1[\"gamma\"]\n    p3[\"delta\"]\n  end\n  click p0 \"https://arxiv.org/abs/1706.00001\" \"Alpha: Attention Over Everything (2017)\"\n  click p1 \"https://example.org/gamma.pdf\" \"Gamma: Writing Left to Right (2018)\"\n  click p2 \"https://arxiv.org/abs/1810.00002\" \"Beta: Reading Both Ways (2018)\"\n  click p3 \"https://arxiv.org/abs/1902.00003\" \"Delta: 注意力就是一切 (wide characters) (2019)\"\n  p0 --> p1\n  p0 --> p2\n  p1 --> p3\n  p2 --> p3\n"
    );
    let filtered = stdout(env.with_fixture("mini").args(["graph", "--format", "mermaid", "--family", "writers"]));
    assert!(
        filtered.contains("p0 --> p1") && !filtered.contains("alpha"),
        "edges to left-out papers are dropped: {filtered}"
    );
}

#[test]
fn graph_labels_are_escaped_for_both_languages() {
    let env = TestEnv::new();
    let catalog = env.write(
        "quotes.yaml",
        "version: 1\nfamilies:\n  - id: odd\n    name: 'Odd \"family\" <b>'\n    branch: technique\n    summary: S.\npapers:\n  - id: q.1\n    title: 'Say \"hi\" & <script>'\n    year: 2020\n    family: odd\n    url: https://example.org\n    authors: [A]\n    contribution: C.\n",
    );
    let dot = stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&catalog).arg("graph"));
    assert!(dot.contains("label=\"Odd \\\"family\\\" <b>\";"), "{dot}");
    assert!(dot.contains("tooltip=\"Say \\\"hi\\\" & <script> (2020)\""), "{dot}");
    let mermaid =
        stdout(env.roadmap().arg("--no-default").arg("--catalog").arg(&catalog).args(["graph", "-f", "mermaid"]));
    assert!(mermaid.contains("\"Say #quot;hi#quot; #amp; #lt;script#gt; (2020)\""), "{mermaid}");
}

#[test]
fn cite_bert_gives_the_arxiv_shaped_entry() {
    let env = TestEnv::new();
    let bib = stdout(env.roadmap().args(["cite", "bert"]));
    assert!(bib.starts_with("@misc{devlin2018bert,\n"), "{bib}");
    assert!(bib.contains("  author = {Jacob Devlin and Ming-Wei Chang and Kenton Lee and Kristina Toutanova},\n"));
    assert!(bib.contains("  eprint = {1810.04805},\n  archivePrefix = {arXiv},\n"));
    let parsed = biblatex::Bibliography::parse(&bib).expect("valid BibTeX");
    let entry = parsed.get("devlin2018bert").expect("the key");
    assert_eq!(entry.author().unwrap().len(), 4);
    assert_eq!(entry.eprint().unwrap(), "1810.04805");
}

#[test]
fn cite_all_has_one_parseable_entry_per_paper_with_unique_keys() {
    let env = TestEnv::new();
    let count = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    let bib = stdout(env.roadmap().args(["cite", "--all"]));
    let parsed = biblatex::Bibliography::parse(&bib).expect("valid BibTeX");
    assert_eq!(parsed.len(), count);
    let keys: HashSet<&str> = parsed.keys().collect();
    assert_eq!(keys.len(), count, "keys are unique");
    assert!(keys.contains("vaswani2017attention"));
    let gpt2 = parsed.iter().find(|entry| entry.key.starts_with("radford2019")).expect("gpt-2");
    assert!(gpt2.eprint().is_err(), "no eprint without an arXiv id");
    let filtered = stdout(env.roadmap().args(["cite", "--all", "--family", "bert"]));
    let bert = stdout(env.roadmap().args(["list", "--family", "bert", "--format", "ids"])).lines().count();
    assert_eq!(filtered.matches("@misc{").count(), bert);
    env.roadmap().args(["cite"]).assert().code(2).stderr(predicate::str::contains("cite needs paper ids"));
    env.roadmap().args(["cite", "bert", "--all"]).assert().code(2);
    env.roadmap()
        .args(["cite", "bert", "--family", "bert"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not with ids"));
    env.roadmap().args(["cite", "--all", "--path", "bert"]).assert().code(2);
}

#[test]
fn citation_sets_follow_a_filter_a_track_or_a_reading_path() {
    let env = TestEnv::new();
    let keys = |args: &[&str]| -> Vec<String> {
        let bib = stdout(env.roadmap().arg("cite").args(args));
        let parsed = biblatex::Bibliography::parse(&bib).expect("valid BibTeX");
        parsed.iter().map(|entry| entry.key.clone()).collect()
    };
    let ids = |args: &[&str]| -> Vec<String> {
        stdout(env.roadmap().args(args).args(["--format", "ids"])).lines().map(str::to_owned).collect()
    };
    // A filter alone is a set, the same as with --all.
    assert_eq!(keys(&["--family", "bert"]), keys(&["--all", "--family", "bert"]));
    assert_eq!(keys(&["--track", "alignment"]).len(), ids(&["list", "--track", "alignment"]).len());
    // A path comes in reading order, the paper last; filters narrow it.
    let path = ids(&["path", "llama"]);
    let cited = keys(&["--path", "llama"]);
    assert_eq!(cited.len(), path.len());
    assert!(cited.last().unwrap().starts_with("touvron2023llama"), "{cited:?}");
    let unread = keys(&["--path", "llama", "--status", "unread"]);
    assert_eq!(unread.len(), path.len(), "nothing is read yet");
    env.roadmap().args(["mark", "transformer", "read"]).assert().success();
    assert_eq!(keys(&["--path", "llama", "--status", "unread"]).len(), path.len() - 1);
    env.roadmap().args(["cite", "--path", "no-such-paper"]).assert().code(1);

    // Entries carry arXiv's DOI; --biblatex writes @online with eprinttype.
    let bib = stdout(env.roadmap().args(["cite", "bert"]));
    assert!(bib.contains("  doi = {10.48550/arXiv.1810.04805},\n"), "{bib}");
    let online = stdout(env.roadmap().args(["cite", "bert", "gpt-2", "--biblatex"]));
    let parsed = biblatex::Bibliography::parse(&online).expect("valid BibLaTeX");
    let bert = parsed.get("devlin2018bert").expect("the key");
    assert_eq!(bert.entry_type.to_string(), "online");
    assert_eq!(bert.eprint().unwrap(), "1810.04805");
    assert_eq!(biblatex::ChunksExt::format_verbatim(bert.eprint_type().unwrap()), "arxiv");
    assert_eq!(bert.doi().unwrap(), "10.48550/arXiv.1810.04805");
    assert!(online.contains("  date = {2018-10},\n"), "{online}");
    let gpt2 = parsed.iter().find(|entry| entry.key.starts_with("radford2019")).expect("gpt-2");
    assert!(gpt2.eprint().is_err() && gpt2.doi().is_err(), "no arXiv id, no eprint and no DOI");
}

#[test]
fn learning_commands_report_unknown_ids_and_bad_options() {
    let env = TestEnv::new();
    env.roadmap().args(["path", "gpt-5"]).assert().code(1).stderr(predicate::str::contains("did you mean gpt-4"));
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

#[test]
fn statuses_ignore_case_and_a_repeated_id_counts_once() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "BERT", "bert", "1810.04805", "Read"]).assert().success().stderr("marked bert read\n");
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "READ", "--format", "ids"])), "bert\n");
    env.roadmap().args(["mark", "bert", "finished"]).assert().code(2);
}

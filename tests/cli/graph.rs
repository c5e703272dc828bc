//! `roadmap graph`: the lineage drawn whole or around one paper, as Graphviz DOT or Mermaid,
//! escaped for both; and `roadmap path` between two papers of the fixture.

use predicates::prelude::*;

use crate::util::{TestEnv, mini, stdout, with_progress};

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
fn graphs() {
    let env = with_progress();
    insta::assert_snapshot!("graph_dot", mini(&env, "80", &["graph"]));
    insta::assert_snapshot!("graph_mermaid", mini(&env, "80", &["graph", "--format", "mermaid"]));
}

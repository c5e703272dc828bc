//! Fitting the ecosystem: overlays, completions with paper ids, the man page, `paths`,
//! and help text that cannot drift from the README.

use predicates::prelude::*;

use crate::util::{TestEnv, first_fields, stdout};

fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/my-papers.yaml")
}

#[test]
fn an_overlay_adds_papers_to_the_embedded_families() {
    let env = TestEnv::new();
    let ids =
        stdout(env.roadmap().arg("--catalog").arg(example()).args(["list", "--family", "bert", "--format", "ids"]));
    for id in ["bert", "roberta", "tinybert", "sentence-bert"] {
        assert!(ids.lines().any(|line| line == id), "{id} missing from {ids}");
    }
    let embedded = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    env.roadmap()
        .arg("--catalog")
        .arg(example())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{} papers", embedded + 3)));
}

#[test]
fn an_overlay_path_walks_into_the_embedded_lineage() {
    let env = TestEnv::new();
    let path = stdout(env.roadmap().env("ROADMAP_CATALOG", example()).args(["path", "my-paper", "--format", "ids"]));
    let ids: Vec<&str> = path.lines().collect();
    assert_eq!(ids.last(), Some(&"my-paper"));
    for needed in ["transformer", "bert", "distilbert", "tinybert", "sentence-bert"] {
        assert!(ids.contains(&needed), "{needed} missing from {ids:?}");
    }
    let alias = stdout(env.roadmap().env("ROADMAP_CATALOG", example()).args(["open", "sbert", "--print"]));
    assert_eq!(alias, "https://arxiv.org/abs/1908.10084\n");
}

#[test]
fn an_overlay_alone_names_the_references_it_cannot_resolve() {
    let env = TestEnv::new();
    env.roadmap().arg("--no-default").arg("--catalog").arg(example()).arg("check").assert().code(1).stderr(
        predicate::str::contains("names unknown family 'bert'")
            .and(predicate::str::contains("builds on unknown paper 'distilbert'")),
    );
}

#[test]
fn later_catalogs_replace_earlier_entries_with_the_same_id() {
    let env = TestEnv::new();
    let first = env.write("first.yaml", "version: 1\npapers:\n  - id: mine\n    title: First Title\n    year: 2024\n    family: bert\n    url: https://example.org/1\n    authors: [A]\n    contribution: One.\n");
    let second = env.write("second.yaml", "version: 1\npapers:\n  - id: mine\n    title: Second Title\n    year: 2024\n    family: gpt\n    url: https://example.org/2\n    authors: [B]\n    contribution: Two.\n");
    let joined = format!("{}:{}", first.display(), second.display());
    let listed =
        stdout(env.roadmap().env("ROADMAP_CATALOG", &joined).args(["list", "--query", "title", "--year", "2024"]));
    assert_eq!(listed, "mine\t2024\tgpt\tSecond Title\n");
    let replaced = env.write("bert.yaml", "version: 1\npapers:\n  - id: bert\n    title: My Own BERT Notes\n    year: 2018\n    family: bert\n    arxiv: \"1810.04805\"\n    authors: [Me]\n    contribution: Mine.\n");
    let shown = stdout(env.roadmap().arg("--catalog").arg(&replaced).args(["show", "bert", "--format", "json"]));
    assert!(shown.contains("\"title\": \"My Own BERT Notes\""));
    let flag_beats_env = stdout(
        env.roadmap()
            .env("ROADMAP_CATALOG", &joined)
            .arg("--catalog")
            .arg(&first)
            .args(["list", "--year", "2024", "--query", "title"]),
    );
    assert_eq!(flag_beats_env, "mine\t2024\tbert\tFirst Title\n");
}

/// Runs the bash completion function for `words` and returns the candidates.
fn complete(env: &TestEnv, words: &[&str], extra_env: &[(&str, &str)]) -> Vec<String> {
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    let mut script_env = String::new();
    for (key, value) in extra_env {
        script_env.push_str(&format!("export {key}='{value}'; "));
    }
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let script = format!(
        "{script_env}source <('{}' completions bash) || exit 9; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; _roadmap roadmap '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        binary.display(),
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("HOME", env.path())
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .expect("UTF-8 completions")
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_paper_ids_and_families() {
    let env = TestEnv::new();
    let mut gpt = complete(&env, &["roadmap", "open", "gpt-"], &[]);
    gpt.sort();
    let mut expected: Vec<String> = stdout(env.roadmap().args(["list", "--format", "ids"]))
        .lines()
        .filter(|id| id.starts_with("gpt-"))
        .map(str::to_owned)
        .collect();
    expected.sort();
    assert!(expected.len() >= 4, "{expected:?}");
    assert_eq!(gpt, expected);
    let families = complete(&env, &["roadmap", "list", "--family", "ber"], &[]);
    assert_eq!(families, ["bert"]);
    let subcommands = complete(&env, &["roadmap", "pa"], &[]);
    assert!(subcommands.contains(&"path".to_owned()) && subcommands.contains(&"paths".to_owned()));
    let overlay = complete(&env, &["roadmap", "show", "tiny"], &[("ROADMAP_CATALOG", example().to_str().unwrap())]);
    assert_eq!(overlay, ["tinybert"], "ids of the active overlays complete too");
    let mut tags = complete(&env, &["roadmap", "list", "--tag", "mixture"], &[]);
    tags.sort();
    assert_eq!(tags, ["mixture-of-experts"], "tags complete");
    assert!(complete(&env, &["roadmap", "list", "--tag", "mo"], &[]).contains(&"moe".to_owned()), "tag aliases too");
}

#[test]
fn every_shell_gets_a_script() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(env.roadmap().args(["completions", shell]));
        assert!(script.contains("roadmap") && script.contains("completions"), "{shell}");
        // clap_complete lists possible values of positionals for bash and zsh, of options for fish too.
        if ["bash", "zsh"].contains(&shell) {
            assert!(script.contains("gpt-3"), "{shell} script lacks paper ids");
        }
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("open-weights"), "{shell} script lacks family names");
        }
    }
    env.roadmap().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_covers_every_subcommand_and_renders() {
    let env = TestEnv::new();
    let page = stdout(env.roadmap().arg("man"));
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80.min(page.len())]);
    for sub in ["LIST", "SHOW", "OPEN", "PATH", "NEXT", "CITE", "PATHS", "COMPLETIONS", "TAGS", "ORGS", "NOTES"] {
        assert!(page.contains(&format!(".SH \"ROADMAP {sub}\"")), "{sub} missing");
    }
    for section in ["ENVIRONMENT", "FILES", "EXIT STATUS"] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section} missing");
    }
    for variable in ["ROADMAP_CATALOG", "ROADMAP_STATE", "VISUAL", "BROWSER", "NO_COLOR", "COLUMNS"] {
        assert!(page.contains(variable), "{variable} missing from ENVIRONMENT");
    }
    assert!(!page.contains("roadmap\\-list(1)") && !page.contains("roadmap-list(1)"), "no pages that do not exist");
    if std::process::Command::new("man").arg("--version").output().is_err() {
        eprintln!("skipping `man -l -`: man is not installed");
        return;
    }
    let mut child = std::process::Command::new("man")
        .args(["-l", "-"])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), page.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("ROADMAP LIST") && text.contains("--family"), "{text}");
}

#[test]
fn paths_say_where_everything_is_and_why() {
    let env = TestEnv::new();
    let defaults = stdout(env.roadmap().arg("paths"));
    let expected_state = env.path().join("state/roadmap/progress.yaml");
    assert_eq!(first_fields(&defaults), ["catalog", "progress", "cache"]);
    assert!(defaults.contains(&format!("cache\t{}\t", env.path().join("cache/roadmap").display())), "{defaults}");
    assert!(defaults.contains(&format!("progress\t{}\tdefault", expected_state.display())), "{defaults}");

    let flagged =
        stdout(env.roadmap().arg("--catalog").arg(example()).args(["--state", "/tmp/elsewhere.yaml", "paths"]));
    assert!(flagged.contains(&format!("catalog\t{}\t--catalog\n", example().display())), "{flagged}");
    assert!(flagged.contains("progress\t/tmp/elsewhere.yaml\t--state\n"), "{flagged}");

    let from_env = stdout(
        env.roadmap()
            .env("ROADMAP_CATALOG", example())
            .env("ROADMAP_STATE", "/tmp/p.yaml")
            .args(["--no-default", "paths"]),
    );
    let expected =
        format!("catalog\t{}\tROADMAP_CATALOG\nprogress\t/tmp/p.yaml\tROADMAP_STATE\ncache\t", example().display());
    assert!(from_env.starts_with(&expected), "{from_env}");

    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(env.roadmap().args(["paths", "--format", "json"]))).unwrap();
    assert_eq!(json[1]["kind"], "progress");
}

#[test]
fn the_readme_shows_the_current_help() {
    let env = TestEnv::new();
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = readme
        .split("<!-- help:start -->\n```text\n$ roadmap --help\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```\n<!-- help:end -->").next())
        .expect("the help block in README.md");
    let help = stdout(env.roadmap().arg("--help"));
    assert_eq!(block, help.trim_end(), "README.md's help block is stale: paste the output of `roadmap --help`");
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    let env = TestEnv::new();
    let help = stdout(env.roadmap().arg("--help"));
    let commands: Vec<String> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .filter(|name| name != "help")
        .collect();
    assert!(commands.len() >= 17, "{commands:?}");
    for command in commands {
        let text = stdout(env.roadmap().args([command.as_str(), "--help"]));
        let examples = text.split("Examples:\n").nth(1).unwrap_or_else(|| panic!("{command} --help has no examples"));
        assert!(
            examples
                .lines()
                .filter(|line| line.trim_start().starts_with("roadmap ") || line.contains("roadmap "))
                .count()
                >= 2,
            "{command}: {examples}"
        );
    }
}

#[test]
fn a_subcommands_own_options_come_before_the_filters_and_the_global_ones() {
    let env = TestEnv::new();
    let help = stdout(env.roadmap().args(["list", "--help"]));
    let at = |text: &str| help.find(text).unwrap_or_else(|| panic!("{text} missing from {help}"));
    assert!(at("--sort") < at("Filters:"), "{help}");
    assert!(at("--columns") < at("Filters:"));
    assert!(at("Filters:") < at("--family") && at("--family") < at("Global options:"));
    assert!(at("Global options:") < at("--catalog") && at("--catalog") < at("Examples:"));
}

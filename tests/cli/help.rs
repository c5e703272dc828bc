//! What the program says about itself: `--help` (the same as in the README), each
//! subcommand's help with examples, the man page, and the version line.

use crate::util::{TestEnv, stdout};

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
        // Note: a description too long for its line wraps onto one indented further.
        .filter(|line| !line.starts_with("   "))
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
fn the_version_names_the_embedded_catalog() {
    let env = TestEnv::new();
    let papers = stdout(env.roadmap().args(["list", "--format", "ids"])).lines().count();
    let version = stdout(env.roadmap().arg("--version"));
    assert!(
        version.starts_with(&format!(
            "roadmap {} (embedded catalog: {papers} papers, the newest from 20",
            env!("CARGO_PKG_VERSION")
        )),
        "{version}"
    );
    let newest = stdout(env.roadmap().args(["list", "--sort", "year", "--columns", "date", "--format", "plain"]));
    let newest = newest.lines().map(str::trim).max().unwrap().to_owned();
    assert!(version.trim_end().ends_with(&format!("{newest})")), "{version} / {newest}");
}

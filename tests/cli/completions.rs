//! `roadmap completions`: a script for every shell, completing paper ids, families and tags,
//! those of the active overlays too.

use crate::util::{TestEnv, example, stdout};

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

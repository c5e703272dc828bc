//! Environment rules (DESIGN §4): empty variables count as unset, `~` is home, VISUAL
//! beats EDITOR, explicit colour beats NO_COLOR, and forced colour colours pipes too.

use std::os::unix::fs::PermissionsExt;

use crate::util::{TestEnv, stdout, strip_escapes};

#[test]
fn empty_catalog_and_state_variables_count_as_unset() {
    let env = TestEnv::new();
    let plain = stdout(env.roadmap().arg("list"));
    assert_eq!(stdout(env.roadmap().env("ROADMAP_CATALOG", "").arg("list")), plain);
    env.roadmap().env("ROADMAP_STATE", "").args(["mark", "bert", "read"]).assert().success();
    assert!(env.path().join("state/roadmap/progress.yaml").exists(), "the default state file is used");
    let paths = stdout(env.roadmap().env("ROADMAP_STATE", "").env("ROADMAP_CATALOG", "").arg("paths"));
    assert!(paths.contains("progress\t") && !paths.contains("ROADMAP_STATE"), "{paths}");
}

#[test]
fn a_tilde_in_a_path_is_the_home_directory() {
    let env = TestEnv::new();
    env.roadmap().env("ROADMAP_STATE", "~/p.yaml").args(["mark", "bert", "read"]).assert().success();
    assert!(env.path().join("p.yaml").exists(), "written in HOME");
    assert!(!std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("~").exists(), "no directory named ~");
    env.roadmap().args(["--state", "~/q.yaml", "mark", "gpt-3", "read"]).assert().success();
    assert!(env.path().join("q.yaml").exists());
    let overlay = env.write(
        "mine.yaml",
        "version: 1\npapers:\n  - id: mine\n    title: Mine\n    year: 2024\n    family: bert\n    url: https://example.org/mine\n    authors: [A]\n    contribution: Mine.\n",
    );
    let checked = stdout(env.roadmap().env("ROADMAP_CATALOG", "~/mine.yaml").arg("check"));
    assert!(checked.contains(&format!("(embedded catalog, {})", overlay.display())), "read from HOME: {checked}");
    let listed =
        stdout(env.roadmap().env("ROADMAP_CATALOG", "~/mine.yaml").args(["list", "--year", "2024", "-f", "ids"]));
    assert!(listed.lines().any(|id| id == "mine"), "the overlay's paper is listed: {listed}");
}

#[test]
fn catalog_variables_hold_several_paths() {
    let env = TestEnv::new();
    let one = env.write("one.yaml", "version: 1\npapers:\n  - id: mine-1\n    title: One\n    year: 2024\n    family: bert\n    url: https://example.org/1\n    authors: [A]\n    contribution: First.\n");
    let two = env.write("two.yaml", "version: 1\npapers:\n  - id: mine-2\n    title: Two\n    year: 2025\n    family: bert\n    url: https://example.org/2\n    authors: [B]\n    contribution: Second.\n    builds_on: [mine-1]\n");
    let joined = format!("{}:{}", one.display(), two.display());
    let ids = stdout(env.roadmap().env("ROADMAP_CATALOG", joined).args(["list", "--family", "bert", "-f", "ids"]));
    assert!(ids.contains("mine-1\n") && ids.contains("mine-2\n"), "{ids}");
}

fn editor(env: &TestEnv, name: &str, text: &str) -> std::path::PathBuf {
    let script = env.write(name, format!("#!/bin/sh\nprintf '%s' '{text}' > \"$1\"\n"));
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("the script is executable");
    script
}

#[test]
fn visual_beats_editor() {
    let env = TestEnv::new();
    let visual = editor(&env, "visual.sh", "from visual");
    let plain = editor(&env, "editor.sh", "from editor");
    env.roadmap().env("VISUAL", &visual).env("EDITOR", &plain).args(["note", "bert"]).assert().success();
    env.roadmap().env("VISUAL", "").env("EDITOR", &plain).args(["note", "bert"]).assert().success();
    let notes = stdout(env.roadmap().args(["notes", "bert", "--format", "json"]));
    let notes: serde_json::Value = serde_json::from_str(&notes).unwrap();
    let texts: Vec<&str> = notes.as_array().unwrap().iter().map(|note| note["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["from visual", "from editor"], "VISUAL first; an empty VISUAL counts as unset");
}

#[test]
fn an_editor_with_arguments_is_split_like_a_shell_would() {
    let env = TestEnv::new();
    let script = env.write("ed.sh", "#!/bin/sh\n[ \"$1\" = \"--wait\" ] || exit 9\nprintf 'waited' > \"$2\"\n");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("the script is executable");
    let command = format!("'{}' --wait", script.display());
    env.roadmap().env("EDITOR", command).args(["note", "bert"]).assert().success();
    assert!(stdout(env.roadmap().args(["notes", "bert"])).contains("waited"));
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
fn an_explicit_colour_choice_beats_the_environment_and_colours_pipes() {
    let env = TestEnv::new();
    let coloured = stdout(env.roadmap().env("NO_COLOR", "1").args(["--color", "always", "list", "--family", "bert"]));
    assert!(coloured.contains("\u{1b}["), "--color always beats NO_COLOR, even in a pipe");
    let first = coloured.lines().next().unwrap();
    let plain_first = stdout(env.roadmap().args(["list", "--family", "bert"])).lines().next().unwrap().to_owned();
    let stripped: String = strip_escapes(first);
    assert_eq!(stripped, plain_first, "colour adds escapes and nothing else");
    let forced = stdout(env.roadmap().env("CLICOLOR_FORCE", "1").args(["list", "--family", "bert"]));
    assert!(forced.contains("\u{1b}["), "CLICOLOR_FORCE colours a pipe");
    let never = stdout(env.roadmap().env("CLICOLOR_FORCE", "1").args(["--color", "never", "list"]));
    assert!(!never.contains('\u{1b}'));
    let ids = stdout(env.roadmap().args(["--color", "always", "list", "--family", "bert", "-f", "ids"]));
    assert!(ids.contains("\u{1b}["), "ids are coloured by branch when forced");
    let json = stdout(env.roadmap().args(["--color", "always", "list", "--family", "bert", "-f", "json"]));
    assert!(!json.contains('\u{1b}'), "machine formats are never coloured");
}

#[test]
fn only_papers_are_coloured_by_branch_not_tags_orgs_or_tracks() {
    let env = TestEnv::new();
    for command in [&["tags"][..], &["orgs"], &["tracks"]] {
        let text = stdout(env.roadmap().args(["--color", "always"]).args(command).args(["--format", "ids"]));
        assert!(!text.contains('\u{1b}'), "{command:?} has no branch: {text:?}");
    }
    let ids = stdout(env.roadmap().args(["--color", "always", "list", "--format", "ids"]));
    assert!(ids.contains('\u{1b}'), "papers are coloured by their branch");
}

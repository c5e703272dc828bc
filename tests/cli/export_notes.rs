//! `roadmap export --format notes`: a Markdown note per paper and an index, linked by
//! wiki-links, rewritten above a marker and kept below it.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout, temporary_files};

/// The `[[id]]` wiki-links of a note.
fn wiki_links(text: &str) -> Vec<String> {
    text.split("[[").skip(1).filter_map(|rest| rest.split_once("]]")).map(|(id, _)| id.to_owned()).collect()
}

/// Where `item` starts in `text`.
fn index_of(text: &str, item: &str) -> usize {
    text.find(item).unwrap_or_else(|| panic!("{item} is in the index"))
}

#[test]
fn markdown_notes_link_to_each_other_and_keep_what_the_learner_wrote() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "llama", "read"]).assert().success();
    env.roadmap().args(["note", "llama", "pre-norm, SwiGLU, RoPE"]).assert().success();
    let vault = env.path().join("vault");
    env.roadmap()
        .args(["export", "--format", "notes", "--family", "llama,gpt", "-o"])
        .arg(&vault)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("wrote "));
    let exported = stdout(env.roadmap().args(["list", "--family", "llama,gpt", "--format", "ids"]));
    let mut files: Vec<String> = std::fs::read_dir(&vault)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = exported.lines().map(|id| format!("{id}.md")).collect();
    expected.push("Roadmap index.md".to_owned());
    expected.sort();
    assert_eq!(files, expected, "one note per paper and the index");

    // Every wiki-link, in every note and the index, names a note that exists.
    for file in &files {
        let text = std::fs::read_to_string(vault.join(file)).unwrap();
        for link in wiki_links(&text) {
            assert!(vault.join(format!("{link}.md")).exists(), "{file} links to [[{link}]], which has no note");
        }
    }
    let index = std::fs::read_to_string(vault.join("Roadmap index.md")).unwrap();
    assert_eq!(wiki_links(&index).len(), exported.lines().count());

    let llama = std::fs::read_to_string(vault.join("llama.md")).unwrap();
    let front = llama.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).expect("front matter").0;
    let front: serde_json::Value = serde_saphyr::from_str(front).expect("the front matter is YAML");
    assert_eq!(front["id"], "llama");
    assert_eq!(front["title"], "LLaMA: Open and Efficient Foundation Language Models");
    assert_eq!(front["year"], 2023);
    assert_eq!(front["arxiv"], "2302.13971");
    assert_eq!(front["status"], "read");
    assert_eq!(front["bibtex"], "touvron2023llama");
    assert_eq!(front["authors"][0], "Hugo Touvron");
    assert!(front["tags"].as_array().is_some_and(|tags| !tags.is_empty()));
    assert!(llama.contains("[[gpt-3]]"), "a paper on the export is a wiki-link");
    assert!(llama.contains("[chinchilla](https://arxiv.org/abs/2203.15556)"), "one left out is a web link");
    assert!(llama.contains("[[llama-2]]"), "built upon by");
    assert!(llama.contains("pre-norm, SwiGLU, RoPE"), "the learner's notes");

    // The learner writes below the marker; a re-export after a change keeps it.
    std::fs::write(vault.join("llama.md"), format!("{llama}\nMy own summary line.\n")).unwrap();
    std::fs::write(vault.join("gpt-2.md"), "A note I made by hand before.\n").unwrap();
    env.roadmap().args(["mark", "llama", "reading"]).assert().success();
    env.roadmap()
        .args(["export", "--format", "notes", "--family", "llama,gpt", "-o"])
        .arg(&vault)
        .assert()
        .success()
        .stderr(predicate::str::contains("kept your own text in 2 (1 had no marker"));
    let again = std::fs::read_to_string(vault.join("llama.md")).unwrap();
    assert!(again.contains("status: reading"), "the part above the marker is rewritten");
    assert!(again.ends_with("\nMy own summary line.\n"), "{again}");
    assert_eq!(again.matches("%% roadmap:").count(), 1, "one marker");
    let gpt2 = std::fs::read_to_string(vault.join("gpt-2.md")).unwrap();
    assert!(gpt2.starts_with("---\nid: gpt-2\n") && gpt2.ends_with("%%\nA note I made by hand before.\n"), "{gpt2}");
    // A third export changes nothing that is already right.
    env.roadmap().args(["export", "--format", "notes", "--family", "llama,gpt", "-o"]).arg(&vault).assert().success();
    assert_eq!(std::fs::read_to_string(vault.join("llama.md")).unwrap(), again);
    let leftovers = temporary_files(&vault);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_track_export_indexes_the_track_in_its_order_and_notes_need_a_directory() {
    let env = TestEnv::new();
    let vault = env.path().join("alignment");
    env.roadmap().args(["export", "-f", "notes", "--track", "alignment", "-o"]).arg(&vault).assert().success();
    let index = std::fs::read_to_string(vault.join("Roadmap index.md")).unwrap();
    let track: Vec<String> =
        stdout(env.roadmap().args(["track", "alignment", "--format", "ids"])).lines().map(str::to_owned).collect();
    assert_eq!(wiki_links(&index), track);
    let json = stdout(env.roadmap().args(["track", "alignment", "--format", "json"]));
    let steps: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for (position, step) in steps.as_array().expect("steps").iter().enumerate() {
        let item = format!("{}. [[{}]]", position + 1, step["id"].as_str().unwrap());
        let at = index_of(&index, &item);
        let why = format!("\n   {}\n", step["why"].as_str().unwrap());
        assert_eq!(index[at..].find(&why), index[at..].find('\n'), "step {} says why, on its next line", position + 1);
    }
    env.roadmap().args(["export", "--format", "notes"]).assert().code(2).stderr(predicate::str::contains("-o DIR"));
    env.roadmap().args(["export", "--format", "notes", "-o", "-"]).assert().code(2);
    let file = env.write("a-file", "x");
    env.roadmap()
        .args(["export", "--format", "notes", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: cannot create the directory"));
    env.roadmap()
        .args(["export", "--format", "notes", "--family", "bert", "--year", "2013", "-o"])
        .arg(env.path().join("empty"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!env.path().join("empty").exists());
}

#[test]
fn notes_keep_line_breaks_a_loose_marker_and_refuse_what_is_not_a_file() {
    let env = TestEnv::new();
    env.roadmap().args(["note", "gpt-1", "first line\nsecond line"]).assert().success();
    let vault = env.path().join("vault");
    let export = |env: &TestEnv| {
        env.roadmap().args(["export", "--format", "notes", "--family", "gpt", "-o"]).arg(&vault).assert()
    };
    export(&env).success();
    let gpt1 = std::fs::read_to_string(vault.join("gpt-1.md")).unwrap();
    assert!(gpt1.contains("first line\n  second line"), "{gpt1}");
    // A marker left with a trailing space is still the marker.
    let loose = gpt1.replace(" is kept %%\n", " is kept %%  \nMine.\n");
    std::fs::write(vault.join("gpt-1.md"), &loose).unwrap();
    export(&env).success();
    let again = std::fs::read_to_string(vault.join("gpt-1.md")).unwrap();
    assert_eq!(again.matches("\nid: gpt-1\n").count(), 1, "{again}");
    assert!(again.ends_with("%%\nMine.\n"), "{again}");
    // Something that is not a file where a note goes stops the export before it writes.
    std::fs::remove_file(vault.join("gpt-2.md")).unwrap();
    std::fs::create_dir(vault.join("gpt-2.md")).unwrap();
    let before = std::fs::read_to_string(vault.join("gpt-1.md")).unwrap();
    env.roadmap().args(["note", "gpt-1", "a third line"]).assert().success();
    export(&env).code(1).stderr(predicate::str::contains("not a file"));
    assert_eq!(std::fs::read_to_string(vault.join("gpt-1.md")).unwrap(), before, "nothing was rewritten");
}

//! Working with what learners already use: what's new since the last look, and the version
//! line that names the catalog.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

#[test]
fn whatsnew_records_everything_first_then_lists_what_an_overlay_adds() {
    let env = TestEnv::new();
    env.roadmap()
        .arg("whatsnew")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("recorded the ").and(predicate::str::contains("as seen")));
    env.roadmap().arg("whatsnew").assert().success().stdout("").stderr(predicate::str::starts_with("nothing new"));

    // A paper arrives with an overlay: it is listed once, newest first, then it is old news.
    let overlay = env.write(
        "new.yaml",
        "version: 1\npapers:\n  - id: brand-new\n    title: A Brand New Paper\n    year: 2026\n    family: bert\n    url: https://example.org/new.pdf\n    authors: [Ada Lovelace]\n    contribution: Something that did not exist at the last look, written out at length for the checker.\n    focus: [one thing, another thing]\n  - id: older-addition\n    title: An Older Addition\n    year: 2015\n    family: bert\n    url: https://example.org/old.pdf\n    authors: [Alan Turing]\n    contribution: Older, but new to this learner all the same, written out at length for the checker.\n    focus: [one thing, another thing]\n",
    );
    let listed = stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["whatsnew", "--format", "ids"]));
    assert_eq!(listed, "brand-new\nolder-addition\n", "newest first");
    env.roadmap()
        .arg("--catalog")
        .arg(&overlay)
        .arg("whatsnew")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("nothing new"));
    // Marks kept their place beside the seen list.
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    assert_eq!(stdout(env.roadmap().args(["list", "--status", "read", "--format", "ids"])), "bert\n");
    env.roadmap().arg("--catalog").arg(&overlay).arg("whatsnew").assert().success().stdout("");
}

#[test]
fn a_corrupt_progress_file_stops_whatsnew_and_is_left_alone() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "bert", "read"]).assert().success();
    let state = env.path().join("state/roadmap/progress.yaml");
    assert!(state.exists());
    std::fs::write(&state, "version: 1\npapers: [oops\n").unwrap();
    env.roadmap().arg("whatsnew").assert().code(1).stderr(predicate::str::starts_with("error: the progress file"));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "version: 1\npapers: [oops\n");
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

/// A Zotero-style BibTeX export: an arXiv paper with url, DOI and note; a conference paper
/// with its own DOI; a Google Scholar entry with the title only; a Better BibTeX entry with
/// `eprint` and a version; the same paper again through a PDF link; one not in the roadmap;
/// one without a title.
const ZOTERO_BIB: &str = r"
@misc{hu_lora_2021,
	title = {{LoRA}: {Low}-{Rank} {Adaptation} of {Large} {Language} {Models}},
	url = {http://arxiv.org/abs/2106.09685},
	doi = {10.48550/arXiv.2106.09685},
	number = {arXiv:2106.09685},
	author = {Hu, Edward J. and Shen, Yelong},
	month = oct,
	year = {2021},
	note = {arXiv:2106.09685 [cs]},
}

@inproceedings{devlin_bert_2019,
	title = {{BERT}: {Pre}-training of {Deep} {Bidirectional} {Transformers} for {Language} {Understanding}},
	doi = {10.18653/v1/N19-1423},
	author = {Devlin, Jacob},
	year = {2019},
}

@article{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish},
  journal={Advances in neural information processing systems},
  year={2017}
}

@online{brown2020bbt, title = {Language Models are Few-Shot Learners}, eprint = {2005.14165v4}, eprinttype = {arxiv}}
@misc{brown2020again, url = {https://arxiv.org/pdf/2005.14165v2.pdf}}
@misc{mine, title = {A Paper Not In The Roadmap}}
@misc{nothing, year = {2020}}
";

fn statuses(env: &TestEnv, status: &str) -> Vec<String> {
    let ids = stdout(env.roadmap().args(["list", "--status", status, "--format", "ids"]));
    let mut ids: Vec<String> = ids.lines().map(str::to_owned).collect();
    ids.sort();
    ids
}

#[test]
fn a_zotero_bibtex_library_marks_what_it_holds_in_one_write() {
    let env = TestEnv::new();
    let library = env.write("library.bib", ZOTERO_BIB);
    let dry = stdout(env.roadmap().arg("import").arg(&library).arg("--dry-run"));
    assert!(dry.contains("7 entries (BibTeX)"), "{dry}");
    assert!(dry.contains("would mark read      4  lora bert transformer gpt-3"), "{dry}");
    assert!(dry.contains("dry run: the progress file was not changed"), "{dry}");
    assert!(statuses(&env, "read").is_empty(), "a dry run writes nothing");
    assert!(!env.path().join("state/roadmap/progress.yaml").exists());

    let summary = stdout(env.roadmap().arg("import").arg(&library));
    assert!(summary.contains("marked read          4  lora bert transformer gpt-3"), "{summary}");
    assert!(summary.contains("duplicates           1  gpt-3"), "{summary}");
    assert!(
        summary.contains("unmatched            2\n    A Paper Not In The Roadmap (line 29)\n    (1 without a title)"),
        "{summary}"
    );
    assert!(summary.contains("ambiguous            0"), "{summary}");
    assert_eq!(statuses(&env, "read"), ["bert", "gpt-3", "lora", "transformer"]);

    // Again as reading: what is read stays read.
    env.roadmap().args(["mark", "bert", "unread"]).assert().success();
    let again = stdout(env.roadmap().arg("import").arg(&library).args(["--mark", "reading"]));
    assert!(again.contains("marked reading       1  bert"), "{again}");
    assert!(again.contains("already marked       3  lora transformer gpt-3"), "{again}");
    assert_eq!(statuses(&env, "reading"), ["bert"]);
}

#[test]
fn a_csl_json_library_matches_by_url_doi_number_and_title() {
    let env = TestEnv::new();
    let library = env.write(
        "zotero.json",
        r#"[
  {"id": "a", "type": "article", "title": "LoRA", "URL": "http://arxiv.org/abs/2106.09685v2"},
  {"id": "b", "type": "article", "title": "Whatever Zotero calls it", "DOI": "10.48550/arXiv.1810.04805"},
  {"id": "c", "type": "report", "title": "GPT-3", "number": "arXiv:2005.14165"},
  {"id": "d", "type": "article-journal", "title": "Attention Is All You Need"},
  {"id": "e", "type": "book", "title": "Not Here"},
  {"id": "f", "type": "book"}
]"#,
    );
    let summary = stdout(env.roadmap().arg("import").arg(&library).args(["--mark", "reading"]));
    assert!(summary.contains("6 entries (CSL-JSON)"), "{summary}");
    assert!(summary.contains("marked reading       4  lora bert gpt-3 transformer"), "{summary}");
    assert!(summary.contains("unmatched            2\n    Not Here\n    (1 without a title)"), "{summary}");
    assert_eq!(statuses(&env, "reading"), ["bert", "gpt-3", "lora", "transformer"]);
}

#[test]
fn a_malformed_library_is_an_error_with_its_line_and_changes_nothing() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "gpt-2", "read"]).assert().success();
    let state = env.path().join("state/roadmap/progress.yaml");
    let before = std::fs::read(&state).unwrap();
    let broken = env.write("broken.bib", "@misc{ok, title = {LoRA}}\n\n@misc{broken title = {x}}\n");
    env.roadmap()
        .arg("import")
        .arg(&broken)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(format!("error: {}:3: not valid BibTeX", broken.display())));
    let json = env.write("broken.json", "[{\"title\": \"LoRA\"},\n {\"title\": }]");
    env.roadmap()
        .arg("import")
        .arg(&json)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!("error: {}:2:", json.display())));
    let binary = env.write("library.bib", [0xff, 0xfe, 0x00]);
    env.roadmap().arg("import").arg(&binary).assert().code(1).stderr(predicate::str::contains("not UTF-8"));
    env.roadmap()
        .args(["import", "no-such-file.bib"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: cannot read"));
    env.roadmap().args(["import", "x.bib", "--mark", "finished"]).assert().code(2);
    assert_eq!(std::fs::read(&state).unwrap(), before, "the progress file is untouched");
    // Standard input works too.
    let summary = stdout(env.roadmap().args(["import", "-"]).write_stdin("@misc{x, eprint = {2106.09685}}"));
    assert!(summary.starts_with("stdin: 1 entry (BibTeX)"), "{summary}");
}

/// The `[[id]]` wiki-links of a note.
fn wiki_links(text: &str) -> Vec<String> {
    text.split("[[").skip(1).filter_map(|rest| rest.split_once("]]")).map(|(id, _)| id.to_owned()).collect()
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
    let leftovers = crate::util::temporary_files(&vault);
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
fn import_takes_no_near_miss_for_a_match() {
    let env = TestEnv::new();
    // A paper whose link is a DOI, and entries whose DOIs only start like it.
    let overlay = env.write(
        "doi.yaml",
        "version: 1\npapers:\n  - id: doi-paper\n    title: A Paper Known By Its DOI\n    year: 2020\n    family: bert\n    url: https://doi.org/10.1234/ABC.def\n    authors: [Ada Lovelace]\n    contribution: Known by its DOI only, written out at length so the checker is content with it.\n    focus: [one thing, another thing]\n",
    );
    let library = env.write(
        "near.bib",
        "@misc{a, doi = {10.1234/ab}}\n@misc{b, doi = {10.1234/abc.def}}\n@misc{c, title = {Attention Is All You Need}, eprint = {2501.99999}}\n@misc{d, note = {arXiv: 2106.09685 [cs]}}\n@misc{e, url = {https://export.arxiv.org/abs/1810.04805}}\n@misc{f, url = {https://arxiv.org/html/2005.14165v4}}\n@misc{g, eprint = {2106.09685}}\n@misc{h, eprint = {2106.09685}}\n",
    );
    let summary = stdout(env.roadmap().arg("--catalog").arg(&overlay).arg("import").arg(&library).arg("--dry-run"));
    assert!(summary.contains("would mark read      4  doi-paper lora bert gpt-3"), "{summary}");
    assert!(summary.contains("duplicates           2  lora\n"), "each paper named once: {summary}");
    assert!(summary.contains("unmatched            2"), "a DOI prefix and an unknown arXiv id: {summary}");
    env.roadmap()
        .args(["import", "x.bib", "--mark", "unread"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mark ID unread"));

    // JSON on stdin, an object with items, with a byte-order mark.
    let json = "\u{feff}{\"items\": [{\"title\": \"Attention Is All You Need\"}, 3, null]}";
    let summary = stdout(env.roadmap().args(["import", "-", "--dry-run"]).write_stdin(json));
    assert!(summary.starts_with("stdin: 1 entry (CSL-JSON)"), "{summary}");
    assert!(summary.contains("would mark read      1  transformer"), "{summary}");
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

#[test]
fn a_paper_keeps_its_citation_key_whatever_set_it_is_cited_in() {
    let env = TestEnv::new();
    let first =
        |args: &[&str]| stdout(env.roadmap().arg("cite").args(args)).lines().next().unwrap_or_default().to_owned();
    assert_eq!(first(&["llama-2"]), "@misc{touvron2023llamab,");
    assert_eq!(first(&["llama"]), "@misc{touvron2023llama,");
    let both = stdout(env.roadmap().args(["cite", "llama-2", "llama", "llama-2"]));
    assert_eq!(both.matches("@misc{").count(), 2, "a paper named twice is cited once");
    let vault = env.path().join("v");
    env.roadmap().args(["export", "--format", "notes", "--query", "llama", "-o"]).arg(&vault).assert().success();
    assert!(std::fs::read_to_string(vault.join("llama-2.md")).unwrap().contains("bibtex: touvron2023llamab\n"));
}

#[cfg(unix)]
#[test]
fn whatsnew_records_nothing_it_could_not_show() {
    let env = TestEnv::new();
    env.roadmap().arg("whatsnew").assert().success();
    let overlay = env.write(
        "new.yaml",
        "version: 1\npapers:\n  - id: brand-new\n    title: A Brand New Paper\n    year: 2026\n    family: bert\n    url: https://example.org/new.pdf\n    authors: [Ada Lovelace]\n    contribution: Something that did not exist at the last look, written out at length for the checker.\n    focus: [one thing, another thing]\n",
    );
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .env_clear()
        .env("HOME", env.path())
        .env("XDG_STATE_HOME", env.path().join("state"))
        .env("XDG_CACHE_HOME", env.path().join("cache"))
        .arg("--catalog")
        .arg(&overlay)
        .arg("whatsnew")
        .stdout(full)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the write to a full disk fails");
    assert_eq!(
        stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["whatsnew", "--format", "ids"])),
        "brand-new\n"
    );
    assert_eq!(stdout(env.roadmap().args(["whatsnew", "--format", "json"])), "[]\n", "nothing new is an empty list");
}

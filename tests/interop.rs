//! Working with what learners already use: what's new since the last look, and the version
//! line that names the catalog.

mod common;

use common::{TestEnv, stdout};
use predicates::prelude::*;

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

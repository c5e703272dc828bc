//! `roadmap import`: a reference manager's library (BibTeX or CSL-JSON, from a file or
//! stdin) marks what it holds, matched by arXiv id, DOI, URL or title and never by a near
//! miss; a malformed library changes nothing.

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

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
        .stderr(predicate::str::starts_with("error: 'no-such-file.bib' cannot be read: no such file or directory"));
    env.roadmap().args(["import", "x.bib", "--mark", "finished"]).assert().code(2);
    assert_eq!(std::fs::read(&state).unwrap(), before, "the progress file is untouched");
    // Standard input works too.
    let summary = stdout(env.roadmap().args(["import", "-"]).write_stdin("@misc{x, eprint = {2106.09685}}"));
    assert!(summary.starts_with("stdin: 1 entry (BibTeX)"), "{summary}");
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

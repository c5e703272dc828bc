//! `roadmap cite`: BibTeX or BibLaTeX for papers, tracks, paths and filters, with keys that
//! stay the same whatever set a paper is cited in.

use std::collections::HashSet;

use predicates::prelude::*;

use crate::util::{TestEnv, mini, stdout, with_progress};

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

#[test]
fn citations() {
    let env = with_progress();
    insta::assert_snapshot!("cite_bibtex", mini(&env, "80", &["cite", "--all"]));
}

#[test]
fn citation_sets() {
    let env = with_progress();
    let track = env.write(
        "track.yaml",
        "version: 1\ntracks:\n  - id: reading\n    name: Reading\n    summary: The readers.\n    steps: [alpha, beta]\n",
    );
    let mini_with_track =
        |args: &[&str]| stdout(env.with_fixture("mini").arg("--catalog").arg(&track).env("COLUMNS", "80").args(args));
    insta::assert_snapshot!("cite_track", mini_with_track(&["cite", "--track", "reading"]));
    insta::assert_snapshot!("cite_biblatex", mini_with_track(&["cite", "--track", "reading", "--biblatex"]));
}

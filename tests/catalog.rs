//! The embedded catalog's content: valid, holding the original roadmap (as the original
//! track too, each paper after its prerequisites), and meeting the roadmap's goals (size,
//! recency, lineage, notes, tags, tracks, Chinese text). These tests check the data in
//! `data/`, not the program: the program is tested in `tests/cli/`.

#[path = "cli/util.rs"]
mod util;

use roadmap::catalog::{self, ArxivId, Cache, validate};

use util::{TestEnv, ids, stdout};

/// The original roadmap's 21 papers, as the seed roadmap grouped them, with their arXiv ids.
const ORIGINAL: [(&str, Option<&str>); 21] = [
    ("transformer", Some("1706.03762")),
    ("transformer-xl", Some("1901.02860")),
    ("reformer", Some("2001.04451")),
    ("bert", Some("1810.04805")),
    ("albert", Some("1909.11942")),
    ("roberta", Some("1907.11692")),
    ("distilbert", Some("1910.01108")),
    ("ernie", Some("1905.07129")),
    ("gpt-1", None),
    ("gpt-2", None),
    ("gpt-3", Some("2005.14165")),
    ("scaling-laws", Some("2001.08361")),
    ("gpt-4", Some("2303.08774")),
    ("instructgpt", Some("2203.02155")),
    ("llama", Some("2302.13971")),
    ("llama-2", Some("2307.09288")),
    ("unilm", Some("1905.03197")),
    ("t5", Some("1910.10683")),
    ("bart", Some("1910.13461")),
    ("multimodal-cot", Some("2302.00923")),
    ("lora", Some("2106.09685")),
];

#[test]
fn the_embedded_catalog_is_valid_and_has_the_original_21_papers() {
    let catalog = catalog::load(true, true, &[], &Cache::default()).expect("the embedded catalog loads");
    for (id, arxiv) in ORIGINAL {
        let paper = catalog.paper(id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(paper.arxiv.as_ref().map(ArxivId::as_str), arxiv, "{id}");
        if arxiv.is_none() {
            assert!(paper.url.as_deref().is_some_and(|url| url.starts_with("https://")), "{id} needs an https url");
        }
    }
    // Re-validating the decoded catalog finds nothing: build.rs and runtime agree.
    let mut again = catalog.clone();
    let mut problems = Vec::new();
    validate::check_links(&mut again, &validate::Broken::default(), &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, catalog, "papers are already in chronological order");
}

#[test]
fn the_embedded_catalog_meets_the_roadmap_goals() {
    let catalog = catalog::embedded();
    assert!(catalog.papers.len() >= 220, "{} papers", catalog.papers.len());
    assert!(catalog.families.len() >= 15);
    let years: std::collections::BTreeSet<u16> = catalog.papers.iter().map(|paper| paper.year).collect();
    assert_eq!(years.first(), Some(&2013));
    let recent = catalog.papers.iter().filter(|paper| paper.year == 2026).count();
    assert!(recent >= 3, "{recent} papers from 2026");
    let newest = catalog.papers.iter().map(|paper| (paper.year, paper.month.unwrap_or(0))).max();
    assert!(newest >= Some((2026, 3)), "the newest paper is from March 2026 or later: {newest:?}");
    let with_lineage = catalog.papers.iter().filter(|paper| !paper.builds_on.is_empty()).count();
    assert!(
        with_lineage * 100 >= catalog.papers.len() * 85,
        "{with_lineage} of {} papers have builds_on",
        catalog.papers.len()
    );
    for paper in &catalog.papers {
        assert!(paper.contribution.chars().count() >= 80, "{}: a contribution of 80 characters at least", paper.id);
        assert!(paper.focus.len() >= 2, "{}: two focus items at least", paper.id);
    }
    let declared: std::collections::HashSet<&str> = catalog.tags.iter().map(|tag| tag.id.as_str()).collect();
    for paper in &catalog.papers {
        for tag in &paper.tags {
            assert!(declared.contains(tag.as_str()), "{}: tag '{tag}' is in the vocabulary", paper.id);
        }
    }
    assert!(catalog.tracks.len() >= 10, "{} tracks", catalog.tracks.len());
    assert_eq!(catalog.track("original").map(|track| track.steps.len()), Some(21));
    for paper in &catalog.papers {
        for target in &paper.builds_on {
            let target = catalog.paper(target).expect("links are checked");
            assert!(
                target.chronological_key() < paper.chronological_key(),
                "{} builds on the later {}",
                paper.id,
                target.id
            );
        }
    }
}

#[test]
fn the_embedded_chinese_text_covers_every_paper_family_and_track() {
    let catalog = catalog::load(true, true, &[], &Cache::default()).expect("the embedded catalog loads");
    let coverage = validate::translation::coverage(&catalog);
    assert!(coverage.is_full(), "{coverage:?}");
    assert_eq!(coverage.papers.1, catalog.papers.len());
    let english = catalog::load(true, false, &[], &Cache::default()).expect("the embedded catalog loads");
    assert!(english.zh.papers.is_empty(), "the Chinese text is decoded only when asked for");
}

#[test]
fn the_original_track_holds_exactly_the_21_papers_each_after_its_prerequisites() {
    let env = TestEnv::new();
    let order = ids(&stdout(env.roadmap().args(["track", "original", "--format", "ids"])));
    let mut sorted = order.clone();
    sorted.sort();
    let mut expected: Vec<String> = ORIGINAL.iter().map(|(id, _)| (*id).to_owned()).collect();
    expected.sort();
    assert_eq!(sorted, expected, "exactly the original 21");
    let position = |id: &str| order.iter().position(|step| step == id).unwrap();
    assert!(position("scaling-laws") < position("gpt-3"), "GPT-3 builds on the scaling laws");
    assert!(position("bert") < position("gpt-2"), "encoders come before the rest of the decoders");
    assert!(position("llama-2") < position("unilm"), "then the encoder-decoders");
    assert_eq!(order.first().map(String::as_str), Some("transformer"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).unwrap();
    for step in &order {
        let paper = json.as_array().unwrap().iter().find(|paper| paper["id"] == step.as_str()).unwrap();
        for prerequisite in paper["builds_on"].as_array().unwrap() {
            if let Some(at) = order.iter().position(|id| id == prerequisite.as_str().unwrap()) {
                assert!(at < position(step), "{step} comes before its prerequisite {prerequisite}");
            }
        }
    }
}

#[test]
fn every_chinese_entry_translates_the_current_english_and_follows_the_glossary() {
    let catalog = catalog::load(true, true, &[], &Cache::default()).expect("the embedded catalog loads");
    let (stale, unrecorded) = validate::translation::drift(&catalog);
    let stale: Vec<String> = stale.iter().map(|problem| problem.message.clone()).collect();
    assert!(stale.is_empty(), "the English changed under these translations:\n{}", stale.join("\n"));
    assert_eq!(unrecorded, 0, "every Chinese entry records the fingerprint of its English");
    let misuses: Vec<String> =
        catalog::glossary().check(&catalog).iter().map(|problem| problem.message.clone()).collect();
    assert!(misuses.is_empty(), "{}", misuses.join("\n"));
}

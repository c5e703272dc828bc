//! Property tests: arbitrary bytes and arbitrary YAML-ish documents fed to the catalog
//! loader never panic; each gives either a valid catalog or a list of problems.

use proptest::prelude::*;
use roadmap::catalog::{self, Cache, Catalog, Input, validate};

/// Pieces of catalog-shaped YAML: real keys, plausible and hostile values, anchors,
/// aliases, flow syntax and odd indentation.
const FRAGMENTS: &[&str] = &[
    "version: 1",
    "version: 2",
    "version: x",
    "families:",
    "papers:",
    "  - id: a",
    "  - id: b",
    "  - id: Bad Id",
    "    id: f",
    "    name: N",
    "    branch: encoder",
    "    branch: sideways",
    "    summary: S.",
    "    title: T",
    "    title: \"\"",
    "    year: 2018",
    "    year: 1810",
    "    year: -1",
    "    year: 99999999999999999999",
    "    month: 13",
    "    month: 6",
    "    family: f",
    "    family: nope",
    "    arxiv: \"1810.04805\"",
    "    arxiv: \"1810.04805v2\"",
    "    arxiv: \"cs/9912012\"",
    "    url: https://example.org",
    "    url: javascript:alert(1)",
    "    authors: [A, B]",
    "    authors: []",
    "    contribution: C.",
    "    builds_on: [a]",
    "    builds_on: [b]",
    "    builds_on: [a, a]",
    "    aliases: [a]",
    "    tags: [t]",
    "    et_al: true",
    "    focus: [x]",
    "    unknown: 1",
    "  - &anchor {id: c, title: T}",
    "  - *anchor",
    "  - *missing",
    "    <<: *anchor",
    "[",
    "]",
    "{",
    "}",
    "- ",
    ": ",
    "? ",
    "|",
    ">-",
    "---",
    "...",
    "\t",
    "    title: \"\\e[31m\"",
    "    title: \"\\u202e\"",
    "#",
    "!!binary aGk=",
    "~",
    "null",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(FRAGMENTS), 0usize..6), 0..40).prop_map(|lines| {
        lines.into_iter().map(|(fragment, indent)| format!("{}{fragment}\n", " ".repeat(indent % 3 * 2))).collect()
    })
}

/// Loads `bytes` as one catalog over nothing, then checks what a valid result promises.
fn load(bytes: Vec<u8>, json: bool) {
    let input = Input::bytes("fuzz", json, bytes);
    match catalog::merge(Catalog::default(), [input], &Cache::default()) {
        Ok(mut catalog) => {
            let mut problems = Vec::new();
            validate::check_links(&mut catalog, &validate::Broken::default(), &mut problems);
            assert!(problems.is_empty(), "a loaded catalog re-validates cleanly: {problems:?}");
            for paper in &catalog.papers {
                assert!(!paper.id.is_empty() && !paper.title.is_empty() && !paper.authors.is_empty());
                if let Some(arxiv) = &paper.arxiv {
                    assert_eq!(arxiv.year(), paper.year);
                }
            }
        }
        Err(invalid) => assert!(!invalid.problems.is_empty()),
    }
}

/// 2,000 cases a property in CI; `PROPTEST_CASES=1000000 cargo test --release --test fuzz` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load(bytes.clone(), false);
        load(bytes, true);
    }

    #[test]
    fn arbitrary_yaml_like_documents_never_panic(text in document()) {
        load(text.into_bytes(), false);
    }

    #[test]
    fn arbitrary_strings_as_arxiv_ids_never_panic(text in "\\PC{0,20}") {
        let _ = roadmap::catalog::ArxivId::parse(&text);
    }
}

#[test]
fn a_generated_valid_document_loads() {
    let text = "version: 1\nfamilies:\n  - id: f\n    name: N\n    branch: encoder\n    summary: S.\npapers:\n  - id: a\n    title: T\n    year: 2018\n    family: f\n    arxiv: \"1810.04805\"\n    authors: [A]\n    contribution: C.\n";
    let input = Input::bytes("valid", false, text.as_bytes().to_vec());
    assert_eq!(
        catalog::merge(Catalog::default(), [input], &Cache::default()).map(|catalog| catalog.papers.len()).ok(),
        Some(1)
    );
}

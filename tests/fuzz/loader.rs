//! The loader: arbitrary bytes and arbitrary YAML-ish documents fed to the catalog
//! loader never panic; each gives either a valid catalog or a list of problems. And a
//! generated valid catalog, written as YAML and as JSON, loads as it was written.

use proptest::prelude::*;
use roadmap::catalog::{self, ArxivId, Branch, Cache, Catalog, Input, validate};
use serde_json::{Value, json};

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

/// One line of text as a catalog may hold it: letters (accented and Chinese too), digits,
/// spaces and punctuation, YAML's indicators among them, so the writer must quote.
fn line() -> impl Strategy<Value = String> {
    "[A-Za-z0-9\u{e0}-\u{ff}\u{4e00}-\u{4e2f}][A-Za-z0-9\u{e0}-\u{ff}\u{4e00}-\u{4e2f} ,.:;!?'\"&*#%@`|>{}()\\[\\]-]{0,30}"
}

/// A focus item: as [`line`], without the brackets and quotes that must pair up in one.
fn phrase() -> impl Strategy<Value = String> {
    "[A-Za-z0-9\u{4e00}-\u{4e2f}][A-Za-z0-9\u{4e00}-\u{4e2f} ,.:;!?&*#%@|-]{0,20}"
}

/// The arXiv id, year and month of paper number `index`: old-style ids before 2008,
/// four-digit serials until 2014, five digits since.
fn arxiv(index: usize, year: u16, month: u8) -> String {
    let yymm = format!("{:02}{month:02}", year % 100);
    match year {
        ..2008 => format!("cs/{yymm}{:03}", index + 1),
        2008..2015 => format!("{yymm}.{:04}", index + 1),
        _ => format!("{yymm}.{:05}", index + 1),
    }
}

fn paper_id(index: usize) -> String {
    format!("p{index}.x-{index}")
}

/// Paper number `index` of a catalog with `families` families: dated by an arXiv id or
/// linked by a url, with or without the optional fields, and building only on earlier
/// papers (so there are no cycles).
fn paper(index: usize, families: usize) -> impl Strategy<Value = Value> {
    let dated = prop_oneof![
        (1991u16..=2030, 1u8..=12)
            .prop_map(move |(year, month)| json!({"year": year, "arxiv": arxiv(index, year, month)})),
        (1900u16..=2100, prop::option::of(1u8..=12)).prop_map(move |(year, month)| {
            let mut paper = json!({"year": year, "url": format!("https://example.org/{index}?q=a:b#c")});
            if let Some(month) = month {
                paper["month"] = month.into();
            }
            paper
        }),
    ];
    let texts = (line(), prop::collection::vec(line(), 1..4), line(), prop::collection::vec(phrase(), 0..3));
    let optional = (prop::option::of(line()), prop::option::of(line()), any::<bool>(), any::<bool>(), any::<bool>());
    let earlier: Vec<String> = (0..index).map(paper_id).collect();
    let builds_on = prop::sample::subsequence(earlier, 0..=index.min(3));
    (dated, texts, optional, 0..families, builds_on).prop_map(
        move |(
            mut paper,
            (title, authors, contribution, focus),
            (org, venue, et_al, tagged, aliased),
            family,
            builds_on,
        )| {
            paper["id"] = paper_id(index).into();
            paper["title"] = title.into();
            paper["family"] = format!("family-{family}").into();
            paper["authors"] = authors.into();
            paper["et_al"] = et_al.into();
            paper["contribution"] = contribution.into();
            paper["builds_on"] = builds_on.into();
            if !focus.is_empty() {
                paper["focus"] = focus.into();
            }
            if let Some(org) = org {
                paper["org"] = org.into();
            }
            if let Some(venue) = venue {
                paper["venue"] = venue.into();
            }
            if tagged {
                paper["tags"] = json!(["tag-0"]);
            }
            if aliased {
                paper["aliases"] = json!([format!("alias-{index}")]);
            }
            paper
        },
    )
}

/// A valid catalog as a JSON value: families, a tag vocabulary, papers, and sometimes a
/// track that holds them all.
fn valid_catalog() -> impl Strategy<Value = Value> {
    (1usize..4, 1usize..12)
        .prop_flat_map(|(families, papers)| {
            let family = (line(), prop::sample::select(Branch::ALL.to_vec()), line());
            let papers: Vec<_> = (0..papers).map(|index| paper(index, families)).collect();
            (prop::collection::vec(family, families), papers, any::<bool>())
        })
        .prop_map(|(families, papers, track)| {
            let families: Vec<Value> = families
                .into_iter()
                .enumerate()
                .map(|(index, (name, branch, summary))| {
                    json!({"id": format!("family-{index}"), "name": name, "branch": branch.as_str(), "summary": summary})
                })
                .collect();
            let steps: Vec<String> = (0..papers.len()).map(paper_id).collect();
            let mut catalog = json!({
                "version": 1,
                "families": families,
                "tags": [{"id": "tag-0", "summary": "A tag.", "aliases": ["tag-zero"]}],
                "papers": papers,
            });
            if track {
                // Papers build only on earlier ones, so their own order is a reading order.
                catalog["tracks"] = json!([{"id": "all", "name": "All", "summary": "Everything.", "steps": steps}]);
            }
            catalog
        })
}

/// Loads `bytes` as one catalog over nothing; what the generated `expected` says must be there.
fn loads_as_written(bytes: Vec<u8>, json: bool, expected: &Value) {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let input = Input::bytes("valid", json, bytes);
    let catalog = match catalog::merge(Catalog::default(), [input], &Cache::default()) {
        Ok(catalog) => catalog,
        Err(invalid) => panic!("a valid catalog is refused: {:?}\n{text}", invalid.problems),
    };
    let papers = expected["papers"].as_array().expect("papers");
    assert_eq!(catalog.papers.len(), papers.len(), "{text}");
    assert_eq!(catalog.families.len(), expected["families"].as_array().expect("families").len());
    assert_eq!(catalog.tracks.len(), usize::from(expected.get("tracks").is_some()));
    for written in papers {
        let id = written["id"].as_str().expect("an id");
        let paper = catalog.paper(id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(paper.title, written["title"].as_str().expect("a title").trim(), "{id}");
        assert_eq!(u64::from(paper.year), written["year"].as_u64().expect("a year"), "{id}");
        assert_eq!(paper.family, written["family"].as_str().expect("a family"), "{id}");
        assert_eq!(paper.arxiv.as_ref().map(ArxivId::as_str), written["arxiv"].as_str(), "{id}");
        let builds_on: Vec<&str> =
            written["builds_on"].as_array().expect("a list").iter().filter_map(|id| id.as_str()).collect();
        assert_eq!(paper.builds_on, builds_on, "{id}");
        assert_eq!(paper.authors.len(), written["authors"].as_array().expect("authors").len(), "{id}");
        assert_eq!(
            paper.focus.len(),
            written.get("focus").and_then(|focus| focus.as_array()).map_or(0, Vec::len),
            "{id}"
        );
    }
}

// Note: a tenth of the cases, as each one writes and loads a whole catalog twice.
proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 10, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_valid_document_loads(catalog in valid_catalog()) {
        let yaml = serde_saphyr::to_string(&catalog).expect("the catalog as YAML");
        loads_as_written(yaml.into_bytes(), false, &catalog);
        loads_as_written(serde_json::to_vec_pretty(&catalog).expect("the catalog as JSON"), true, &catalog);
    }
}

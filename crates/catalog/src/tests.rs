//! One test per catalog rule (DESIGN §2, §5), each with a catalog that breaks exactly that rule.

use crate::{Catalog, raw, tree, validate};

/// A valid catalog: two families, three papers (one without arXiv), one lineage edge.
const VALID: &str = r#"version: 1
families:
  - id: enc
    name: Encoders
    branch: encoder
    summary: Reading both ways.
  - id: dec
    name: Decoders
    branch: decoder
    summary: Writing left to right.
papers:
  - id: first
    title: "First Paper"
    year: 2017
    family: enc
    arxiv: "1706.03762"
    authors: [Ada Lovelace, Alan Turing]
    contribution: Starts it.
    aliases: [first-one]
  - id: second
    title: "Second Paper"
    year: 2018
    family: dec
    arxiv: "1810.04805"
    authors: [Grace Hopper]
    contribution: Continues it.
    builds_on: [first]
  - id: third
    title: "Third Paper"
    year: 2019
    month: 2
    family: dec
    url: https://example.org/third.pdf
    authors: [Edsger Dijkstra]
    contribution: Ends it.
    builds_on: [second]
"#;

/// Every problem `text` has, as `line:column: message` (or `-: message` without a position).
fn problems(text: &str) -> Vec<String> {
    let mut catalog = Catalog::default();
    let source = validate::add_source(&mut catalog, "test.yaml".to_owned());
    let mut problems = Vec::new();
    match raw::parse_yaml(text) {
        Ok(raw) => {
            validate::merge(&mut catalog, raw, source, &mut problems);
            validate::check_links(&mut catalog, &validate::Broken::default(), &mut problems);
            problems
                .iter()
                .map(|problem| format!("{}:{}: {}", problem.origin.line, problem.origin.column, problem.message))
                .collect()
        }
        Err(error) => {
            let (line, column) = error.position.unwrap_or((0, 0));
            vec![format!("{line}:{column}: {}", error.message)]
        }
    }
}

/// `VALID` with one text replaced (which must occur).
fn breaking(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "{from:?} is not in the valid catalog");
    problems(&VALID.replacen(from, to, 1))
}

fn assert_one(problems: &[String], expected: &str) {
    assert_eq!(problems.len(), 1, "expected exactly one problem, got {problems:#?}");
    assert!(problems[0].contains(expected), "{:?} does not contain {expected:?}", problems[0]);
}

#[test]
fn the_valid_catalog_has_no_problems_and_is_ordered_by_date() {
    assert_eq!(problems(VALID), Vec::<String>::new());
    // Written newest first, the same papers still come out oldest first.
    let reversed = VALID.replacen("  - id: first", "  - id: zzz-placeholder", 1);
    let (head, papers) = reversed.split_once("papers:\n").unwrap();
    let mut entries: Vec<String> =
        papers.split("  - id: ").filter(|entry| !entry.is_empty()).map(str::to_owned).collect();
    entries.reverse();
    let text = format!("{head}papers:\n  - id: {}", entries.join("  - id: ")).replace("zzz-placeholder", "first");
    let mut catalog = Catalog::default();
    let source = validate::add_source(&mut catalog, "test.yaml".to_owned());
    let mut problems = Vec::new();
    validate::merge(&mut catalog, raw::parse_yaml(&text).unwrap(), source, &mut problems);
    validate::check_links(&mut catalog, &validate::Broken::default(), &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    let order: Vec<&str> = catalog.papers.iter().map(|paper| paper.id.as_str()).collect();
    assert_eq!(order, ["first", "second", "third"]);
}

#[test]
fn version_must_be_1() {
    assert_one(&breaking("version: 1", "version: 2"), "1:10: unsupported catalog version 2");
}

#[test]
fn a_wrong_type_is_a_schema_error_with_a_position() {
    assert_one(&breaking("year: 2018", "year: twenty"), "22:11: invalid i64");
}

#[test]
fn a_missing_required_field_is_named() {
    assert_one(&breaking("    contribution: Ends it.\n", ""), "contribution");
}

#[test]
fn unknown_fields_are_errors() {
    assert_one(&breaking("    aliases: [first-one]", "    alias: [first-one]"), "unknown field `alias`");
}

#[test]
fn duplicate_keys_are_errors() {
    assert_one(&breaking("    year: 2017\n", "    year: 2017\n    year: 2017\n"), "the key 'year' appears twice");
}

#[test]
fn duplicate_paper_ids_are_errors() {
    let text = format!(
        "{VALID}  - id: third\n    title: Again\n    year: 2019\n    family: dec\n    url: https://example.org\n    authors: [A]\n    contribution: Again.\n"
    );
    assert_one(&problems(&text), "37:5: paper 'third' is defined twice in this file");
}

#[test]
fn duplicate_family_ids_are_errors() {
    let twice = "papers:\n";
    let text =
        VALID.replacen(twice, "  - id: enc\n    name: Again\n    branch: encoder\n    summary: Again.\npapers:\n", 1);
    assert_one(&problems(&text), "11:5: family 'enc' is defined twice in this file");
}

#[test]
fn an_alias_may_not_repeat_an_id() {
    assert_one(
        &breaking("aliases: [first-one]", "aliases: [second]"),
        "alias 'second' of paper 'first' is already taken by paper 'second'",
    );
}

#[test]
fn two_papers_may_not_share_an_alias() {
    let text = VALID.replacen("    builds_on: [first]\n", "    builds_on: [first]\n    aliases: [first-one]\n", 1);
    assert_one(&problems(&text), "alias 'first-one' of paper 'second' is already taken by paper 'first'");
}

#[test]
fn one_arxiv_id_belongs_to_one_paper() {
    assert_one(
        &breaking(
            "year: 2018\n    family: dec\n    arxiv: \"1810.04805\"",
            "year: 2017\n    family: dec\n    arxiv: \"1706.03762\"",
        ),
        "arXiv id 1706.03762 is used by both 'first' and 'second'",
    );
}

#[test]
fn malformed_arxiv_ids_are_errors() {
    assert_one(&breaking("\"1810.04805\"", "\"1810.04805v2\""), "24:12: '1810.04805v2' is not an arXiv id");
    assert_one(&breaking("\"1810.04805\"", "\"1813.04805\""), "month 13 is not 01-12");
    assert_one(&breaking("\"1810.04805\"", "\"1810.0480\""), "is not an arXiv id");
}

#[test]
fn old_style_arxiv_ids_are_accepted() {
    assert_eq!(
        breaking(
            "year: 2018\n    family: dec\n    arxiv: \"1810.04805\"",
            "year: 1999\n    family: dec\n    arxiv: \"cs/9912012\""
        ),
        Vec::<String>::new()
    );
}

#[test]
fn the_year_must_agree_with_the_arxiv_id() {
    assert_one(
        &breaking("year: 2018", "year: 2019"),
        "24:12: year 2019 disagrees with arXiv id 1810.04805, which dates from 2018",
    );
}

#[test]
fn absurd_years_are_errors() {
    assert_one(&breaking("    year: 2019\n", "    year: 3019\n"), "year 3019 is outside 1900 to 2100");
    assert_one(&breaking("    year: 2019\n", "    year: -5\n"), "year -5 is outside 1900 to 2100");
}

#[test]
fn months_must_be_real_and_agree_with_the_arxiv_id() {
    assert_one(&breaking("    month: 2\n", "    month: 13\n"), "month 13 is not 1..=12");
    assert_one(
        &breaking("    year: 2018\n", "    year: 2018\n    month: 3\n"),
        "month 3 disagrees with arXiv id 1810.04805",
    );
}

#[test]
fn only_http_and_https_urls_are_accepted() {
    assert_one(
        &breaking("https://example.org/third.pdf", "javascript:alert(1)"),
        "url 'javascript:alert(1)' is not an http(s) URL",
    );
    assert_one(&breaking("https://example.org/third.pdf", "file:///etc/passwd"), "is not an http(s) URL");
    let with_code =
        VALID.replacen("    aliases: [first-one]", "    code: ftp://example.org\n    aliases: [first-one]", 1);
    assert_one(&problems(&with_code), "code 'ftp://example.org' is not an http(s) URL");
}

#[test]
fn a_paper_without_arxiv_needs_a_url() {
    assert_one(&breaking("    url: https://example.org/third.pdf\n", ""), "a paper without an arXiv id needs a url");
}

#[test]
fn an_unknown_family_is_an_error_with_a_suggestion() {
    assert_one(
        &breaking("    family: dec\n    url", "    family: decc\n    url"),
        "paper 'third' names unknown family 'decc' (did you mean dec?)",
    );
}

#[test]
fn an_unknown_branch_is_an_error() {
    assert_one(
        &breaking("branch: decoder", "branch: decoders"),
        "unknown branch 'decoders': use one of foundation, encoder, encoder-decoder, decoder, technique",
    );
}

#[test]
fn dangling_builds_on_is_an_error() {
    assert_one(
        &breaking("builds_on: [second]", "builds_on: [secnd]"),
        "paper 'third' builds on unknown paper 'secnd' (did you mean second?)",
    );
}

#[test]
fn cyclic_builds_on_is_an_error() {
    let text = VALID.replacen("    aliases: [first-one]", "    aliases: [first-one]\n    builds_on: [third]", 1);
    assert_one(&problems(&text), "builds_on forms a cycle: first -> third -> second -> first");
}

#[test]
fn self_builds_on_is_an_error() {
    assert_one(&breaking("builds_on: [second]", "builds_on: [third]"), "paper 'third' lists itself in builds_on");
}

#[test]
fn empty_required_text_is_an_error() {
    assert_one(&breaking("title: \"Second Paper\"", "title: \"  \""), "title is empty");
    assert_one(&breaking("contribution: Ends it.", "contribution: \"\""), "contribution is empty");
    assert_one(&breaking("authors: [Grace Hopper]", "authors: []"), "authors is empty");
}

#[test]
fn control_characters_are_errors() {
    assert_one(
        &breaking("title: \"Second Paper\"", "title: \"Second \\e[31mPaper\""),
        "title contains the control character \\u{1b}",
    );
    assert_one(
        &breaking("authors: [Grace Hopper]", "authors: [\"Grace\\u0007Hopper\"]"),
        "author contains the control character \\u{7}",
    );
}

#[test]
fn ids_and_aliases_must_be_slugs() {
    assert_one(&breaking("  - id: third", "  - id: Third Paper"), "28:9: paper id 'Third Paper' is not a slug");
    assert_one(&breaking("aliases: [first-one]", "aliases: [First_One]"), "alias 'First_One' is not a slug");
    let text =
        VALID.replacen("papers:\n", "  - id: dec.x\n    name: X\n    branch: decoder\n    summary: X.\npapers:\n", 1);
    assert_one(&problems(&text), "11:9: family id 'dec.x' is not a slug");
}

#[test]
fn an_arxiv_class_has_the_shape_of_a_category_and_needs_an_arxiv_id() {
    let with = |class: &str| {
        breaking("    arxiv: \"1810.04805\"", &format!("    arxiv: \"1810.04805\"\n    arxiv_class: {class}"))
    };
    for good in ["cs.CL", "stat.ML", "hep-th", "physics.comp-ph", "cs"] {
        assert_eq!(with(good), Vec::<String>::new(), "{good}");
    }
    for bad in ["CS.CL", "cs.", "cs..CL", "cs CL", "cs.CL!", "\"\""] {
        assert!(with(bad).iter().any(|problem| problem.contains("is not an arXiv category")), "{bad}: {:?}", with(bad));
    }
    let without = breaking("    arxiv: \"1810.04805\"", "    url: https://example.org/p.pdf\n    arxiv_class: cs.CL");
    assert!(without.iter().any(|problem| problem.contains("give arxiv too")), "{without:?}");
}

#[test]
fn focus_items_must_balance_their_brackets_and_quotes() {
    let split = breaking(
        "contribution: Starts it.",
        "contribution: Starts it.\n    focus: [triple loss (distillation, MLM, cosine)]",
    );
    assert_eq!(split.len(), 2, "both halves of the split item: {split:#?}");
    assert!(split[0].contains("focus item 'triple loss (distillation' leaves a '(' unclosed"), "{split:?}");
    assert!(split[1].contains("focus item 'cosine)' has a ')' that closes nothing"), "{split:?}");
    let block = "contribution: Starts it.\n    focus:\n      - triple loss (distillation, MLM, cosine)\n      - \"quoted, whole\"";
    assert_eq!(breaking("contribution: Starts it.", block), Vec::<String>::new());
    let paired = "contribution: Starts it.\n    focus: ['the \"best\" one', x]";
    assert_eq!(breaking("contribution: Starts it.", paired), Vec::<String>::new(), "paired quotes are fine");
    assert_one(
        &breaking("contribution: Starts it.", "contribution: Starts it.\n    focus: ['a \"half quote', b]"),
        "has an unpaired quote",
    );
}

#[test]
fn tags_must_be_slugs_and_not_aliases_of_declared_tags() {
    assert_one(
        &breaking("aliases: [first-one]", "aliases: [first-one]\n    tags: [Mixture of Experts]"),
        "tag 'Mixture of Experts' is not a slug",
    );
    let declared = VALID.replacen(
        "papers:\n",
        "tags:\n  - id: mixture-of-experts\n    summary: Sparse experts.\n    aliases: [moe]\npapers:\n",
        1,
    );
    let text = declared.replacen("aliases: [first-one]", "aliases: [first-one]\n    tags: [moe]", 1);
    assert_one(&problems(&text), "uses the tag alias 'moe': write the tag 'mixture-of-experts'");
}

#[test]
fn multi_line_prose_folds_into_one_line() {
    let text = VALID.replacen("contribution: Starts it.", "contribution: |\n      Starts\n      it.", 1);
    assert_eq!(problems(&text), Vec::<String>::new());
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = VALID
        .replacen("year: 2018", "year: 2019", 1)
        .replacen("builds_on: [second]", "builds_on: [nowhere]", 1)
        .replacen("branch: encoder", "branch: sideways", 1);
    assert_eq!(problems(&text).len(), 3, "{:#?}", problems(&text));
}

#[test]
fn the_structural_walk_accepts_what_the_typed_parse_accepts_and_reads_it_the_same() {
    let embedded = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog.yaml")).unwrap();
    for text in [VALID, embedded.as_str()] {
        let mut typed_problems = Vec::new();
        let typed = validate::check_file(raw::parse_yaml(text).unwrap(), 0, &mut typed_problems);
        let mut problems = Vec::new();
        let shaped = crate::shape::check(tree::parse_yaml(text).unwrap(), 0, &mut problems);
        assert_eq!(problems, Vec::new(), "the walk finds nothing wrong in a valid catalog");
        assert!(shaped.broken.papers.is_empty() && shaped.broken.families.is_empty());
        let walked = validate::check_file(shaped.raw, 0, &mut problems);
        assert_eq!(walked, typed, "both readings give the same entries");
    }
}

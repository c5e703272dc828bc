//! `roadmap show`: the card, JSON and Markdown, and id resolution.

use predicates::prelude::*;

use crate::util::{TestEnv, mini, stdout};

#[test]
fn the_card_shows_links_contribution_focus_and_lineage() {
    let env = TestEnv::new();
    let card = stdout(env.roadmap().args(["show", "bert"]));
    assert!(card.starts_with("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding\n"));
    for expected in [
        "Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova",
        "https://arxiv.org/abs/1810.04805",
        "https://arxiv.org/pdf/1810.04805",
        "BERT family",
        "encoder",
        "Contribution",
        "Builds on",
        "transformer",
        "Built upon by",
        "roberta",
    ] {
        assert!(card.contains(expected), "card lacks {expected:?}:\n{card}");
    }
}

#[test]
fn aliases_normalised_ids_and_unique_prefixes_resolve() {
    let env = TestEnv::new();
    let id = |input: &str| {
        let json = stdout(env.with_fixture("mini").args(["show", input, "--format", "json"]));
        serde_json::from_str::<serde_json::Value>(&json).unwrap()["id"].as_str().unwrap().to_owned()
    };
    assert_eq!(id("alpha-net"), "alpha");
    assert_eq!(id("ALPHA"), "alpha");
    assert_eq!(id("del"), "delta");
    assert_eq!(id("  beta "), "beta");
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["show", "gpt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ambiguous").and(predicate::str::contains("gpt-1, gpt-2")));
}

#[test]
fn json_of_one_paper_matches_its_list_entry() {
    let env = TestEnv::new();
    let shown: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["show", "lora", "-f", "json"]))).unwrap();
    let listed: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--family", "peft", "-f", "json"]))).unwrap();
    let entry = listed.into_iter().find(|row| row["id"] == "lora").unwrap();
    assert_eq!(shown, entry);
    assert_eq!(shown["arxiv"], "2106.09685");
}

#[test]
fn markdown_is_a_section_with_links() {
    let env = TestEnv::new();
    let markdown = stdout(env.with_fixture("mini").args(["show", "gamma", "--format", "markdown"]));
    assert!(markdown.starts_with("## Gamma: Writing Left to Right\n"));
    assert!(markdown.contains("- **authors:** Edsger Dijkstra, Barbara Liskov, Donald Knuth, et al.\n"));
    assert!(markdown.contains("- **pdf:** <https://example.org/gamma.pdf>\n"));
    assert!(markdown.contains("**Builds on:** `alpha`"));
}

#[test]
fn an_empty_id_is_a_usage_error() {
    let env = TestEnv::new();
    env.roadmap().args(["show", ""]).assert().code(2).stderr(predicate::str::contains("cannot be empty"));
    env.roadmap().args(["open", " "]).assert().code(2);
}

#[test]
fn arxiv_ids_and_links_resolve_to_their_paper() {
    let env = TestEnv::new();
    for reference in
        ["1706.03762", "https://arxiv.org/abs/1706.03762v5", "arXiv:1706.03762", "arxiv.org/pdf/1706.03762"]
    {
        let json = stdout(env.roadmap().args(["show", reference, "--format", "json"]));
        assert!(json.contains("\"id\": \"transformer\""), "{reference}: {json}");
    }
}

#[test]
fn every_form_of_its_arxiv_id_doi_link_or_full_title_shows_the_paper() {
    let env = TestEnv::new();
    for reference in [
        "2106.09685v2",
        "https://arxiv.org/abs/2106.09685v2?context=cs",
        "https://arxiv.org/html/2106.09685v2/",
        "https://arxiv.org/pdf/2106.09685v2.pdf",
        "10.48550/arXiv.2106.09685",
        "doi:10.48550/arXiv.2106.09685",
        "https://doi.org/10.48550/ARXIV.2106.09685",
        "https://huggingface.co/papers/2106.09685",
        "https://www.alphaxiv.org/abs/2106.09685",
        "https://alphaxiv.org/overview/2106.09685v2",
        "https://www.alphaxiv.org/pdf/2106.09685v2",
        "LoRA: Low-Rank Adaptation of Large Language Models",
        "lora low rank adaptation of large language models",
    ] {
        let json = stdout(env.roadmap().args(["show", reference, "--format", "json"]));
        assert!(json.contains("\"id\": \"lora\""), "{reference}: {json}");
    }
}

#[test]
fn old_style_ids_and_a_papers_own_doi_show_it() {
    let env = TestEnv::new();
    let overlay = env.write(
        "old.yaml",
        "version: 1\npapers:\n  - id: holography\n    title: The Large N Limit\n    year: 1997\n    family: roots\n    arxiv: \"hep-th/9711200\"\n    authors: [M]\n    contribution: One.\n  - id: journal\n    title: A Journal Paper\n    year: 2019\n    family: roots\n    url: https://doi.org/10.18653/v1/N19-1423\n    authors: [J]\n    contribution: Two.\n",
    );
    for (reference, id) in [
        ("hep-th/9711200v3", "holography"),
        ("https://arxiv.org/abs/hep-th/9711200", "holography"),
        ("https://doi.org/10.48550/arXiv.hep-th/9711200", "holography"),
        ("10.18653/V1/N19-1423", "journal"),
        ("https://dx.doi.org/10.18653/v1/n19-1423", "journal"),
    ] {
        let json = stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["show", reference, "--format", "json"]));
        assert!(json.contains(&format!("\"id\": \"{id}\"")), "{reference}: {json}");
    }
}

#[test]
fn an_unrelated_doi_or_a_link_elsewhere_is_the_usual_error() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["show", "10.1000/xyz123"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: no paper '10.1000/xyz123' in the catalog"));
    for link in ["https://example.com/abs/2106.09685", "https://huggingface.co/models/2106.09685"] {
        env.roadmap().args(["show", link]).assert().code(1).stdout("").stderr(
            predicate::str::starts_with(format!("error: no paper '{link}' in the catalog; only links of the forms"))
                .and(predicate::str::contains("huggingface.co/papers/ID")),
        );
    }
}

#[test]
fn a_family_or_tag_name_points_to_the_listing_instead_of_a_look_alike_paper() {
    let env = TestEnv::new();
    env.roadmap()
        .args(["show", "moe"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'moe' is a family: `roadmap list --family moe`"))
        .stderr(predicate::str::contains("tree-of-thoughts").not());
    env.roadmap()
        .args(["show", "quantization"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("'quantization' is a tag: `roadmap list --tag quantization`"));
}

#[test]
fn card() {
    let env = TestEnv::new();
    insta::assert_snapshot!("card_alpha", mini(&env, "72", &["show", "alpha"]));
    insta::assert_snapshot!("card_delta", mini(&env, "72", &["show", "delta"]));
}

const GPT1_PAGE: &str = "https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf";

#[test]
fn a_link_longer_than_the_line_stands_alone_unbroken_and_a_pipe_never_gets_hyperlinks() {
    let env = TestEnv::new();
    let card = stdout(env.roadmap().env("COLUMNS", "60").args(["--hyperlinks", "always", "show", "gpt-1"]));
    assert!(card.lines().any(|line| line.trim() == GPT1_PAGE), "whole, on a line of its own:\n{card}");
    assert!(!card.contains("\u{1b}]8;"), "a pipe gets plain links whatever is asked");
}

/// `roadmap ARGS` in a real terminal (`script` gives it one), with `variables` set; its
/// output as the terminal got it, or none without `script`.
fn on_a_terminal(env: &TestEnv, variables: &[(&str, &str)], args: &str) -> Option<String> {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "script is missing on CI");
        return None;
    }
    let binary = assert_cmd::cargo::cargo_bin("roadmap");
    let home = env.path();
    let output = std::process::Command::new("script")
        .args(["-qec", &format!("'{}' {args}", binary.display()), "/dev/null"])
        .env_clear()
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "100")
        .envs(variables.iter().copied())
        .output()
        .expect("script runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn on_a_terminal_links_are_hyperlinks_where_colour_goes_or_when_forced() {
    let env = TestEnv::new();
    let Some(card) = on_a_terminal(&env, &[], "show gpt-1") else { return };
    let hyperlink = format!("\u{1b}]8;;{GPT1_PAGE}\u{1b}\\{GPT1_PAGE}\u{1b}]8;;\u{1b}\\");
    assert!(card.contains(&hyperlink), "{card:?}");
    let Some(plain) = on_a_terminal(&env, &[("NO_COLOR", "1")], "show gpt-1") else { return };
    assert!(!plain.contains("\u{1b}]8;") && plain.contains(GPT1_PAGE), "auto follows colour: {plain:?}");
    let Some(forced) = on_a_terminal(&env, &[("NO_COLOR", "1")], "--hyperlinks always show gpt-1") else { return };
    assert!(forced.contains(&hyperlink), "{forced:?}");
    let Some(never) = on_a_terminal(&env, &[], "--hyperlinks never show gpt-1") else { return };
    assert!(!never.contains("\u{1b}]8;"), "{never:?}");
}

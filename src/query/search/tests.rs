//! The search's rules on the embedded catalog, each the fix of something a new user met.

use super::*;
use crate::catalog::{embedded, embedded_chinese, embedded_traditional};
use crate::progress::Progress;

fn catalog() -> Catalog {
    let mut catalog = embedded();
    catalog.zh = embedded_chinese();
    catalog.zh_tw = embedded_traditional();
    catalog
}

fn ids(catalog: &Catalog, progress: &Progress, query: &str) -> Vec<String> {
    Index::new(catalog, progress).find(query).iter().map(|hit| catalog.papers[hit.position].id.clone()).collect()
}

#[test]
fn tags_are_searched_so_rlhf_finds_instructgpt() {
    let catalog = catalog();
    let found = ids(&catalog, &Progress::default(), "rlhf");
    assert!(found.contains(&"instructgpt".to_owned()), "{found:?}");
    let tagged = catalog.papers.iter().filter(|paper| paper.tags.iter().any(|tag| tag == "rlhf")).count();
    assert!(found.len() >= tagged, "every paper tagged rlhf is found");
}

#[test]
fn forgiving_ids_come_first() {
    let catalog = catalog();
    let progress = Progress::default();
    assert_eq!(ids(&catalog, &progress, "gpt3")[0], "gpt-3");
    assert_eq!(ids(&catalog, &progress, "llama3")[0], "llama-3");
    assert_eq!(ids(&catalog, &progress, "llama 2")[0], "llama-2");
    let flash = ids(&catalog, &progress, "flashattn");
    assert_eq!(flash[..3], ["flashattention", "flashattention-2", "flashattention-3"], "{flash:?}");
}

#[test]
fn a_mention_always_outranks_a_loose_match() {
    let catalog = catalog();
    let index = Index::new(&catalog, &Progress::default());
    for query in ["bert", "lora", "attention", "moe", "rlhf", "scaling laws"] {
        let parsed = Query::parse(query);
        let all: Vec<usize> = (0..catalog.papers.len()).collect();
        let loose: Vec<bool> = index
            .search(&parsed, &all)
            .iter()
            .map(|hit| {
                parsed.groups.iter().any(|group| {
                    group.iter().all(|term| {
                        matcher::find(index.doc(hit.position), term, &[]).is_none_or(|found| found.tier == Tier::Loose)
                    })
                })
            })
            .collect();
        let first_loose = loose.iter().position(|&loose| loose).unwrap_or(loose.len());
        assert!(loose[first_loose..].iter().all(|&loose| loose), "{query}: a mention after a loose match");
    }
    let bert = ids(&catalog, &Progress::default(), "bert");
    let place = |id: &str| bert.iter().position(|found| found == id).unwrap_or(usize::MAX);
    assert_eq!(bert[0], "bert");
    for loose in ["tree-of-thoughts", "deliberative-alignment", "blt"] {
        assert!(place(loose) > place("roberta") && place(loose) > place("distilbert"), "{loose} at {}", place(loose));
    }
}

#[test]
fn chinese_is_searched_in_every_language_and_both_scripts() {
    let catalog = catalog();
    let progress = Progress::default();
    let simplified = ids(&catalog, &progress, "注意力机制");
    assert!(!simplified.is_empty());
    assert_eq!(simplified, ids(&catalog, &progress, "注意力機制"));
    assert!(ids(&catalog, &progress, "强化学习").len() >= ids(&catalog, &progress, "'强化学习").len());
}

#[test]
fn a_chinese_glossary_term_finds_what_its_english_finds() {
    let catalog = catalog();
    let progress = Progress::default();
    let chinese = ids(&catalog, &progress, "长上下文");
    let english = ids(&catalog, &progress, "long context");
    assert!(english.len() > 13, "{english:?}");
    let missing: Vec<&String> = english.iter().filter(|id| !chinese.contains(id)).collect();
    assert!(missing.is_empty(), "长上下文 misses {missing:?}");
    assert_eq!(ids(&catalog, &progress, "長上下文"), chinese, "the Traditional term too");
}

#[test]
fn fzf_marks_mean_what_fzf_means() {
    let catalog = catalog();
    let progress = Progress::default();
    let without = ids(&catalog, &progress, "encoder !bert");
    assert!(!without.is_empty() && !without.iter().any(|id| id.contains("bert")), "{without:?}");
    let starts = ids(&catalog, &progress, "^gpt");
    assert!(starts.contains(&"gpt-3".to_owned()) && !starts.contains(&"instructgpt".to_owned()), "{starts:?}");
    let either = ids(&catalog, &progress, "^lora$ | ^qlora$");
    assert_eq!(either.len(), 2, "{either:?}");
    assert!(ids(&catalog, &progress, "'flashattn").is_empty(), "an exact word is not loose");
}

#[test]
fn the_readers_notes_are_searched() {
    let catalog = catalog();
    let mut progress = Progress::default();
    assert!(ids(&catalog, &progress, "zebracorn").is_empty());
    progress.add_note("lora", "Reread with the zebracorn team", "2026-12-07");
    assert_eq!(ids(&catalog, &progress, "zebracorn"), ["lora"]);
}

#[test]
fn each_hit_says_where_it_matched_in_the_text_as_written() {
    let catalog = catalog();
    let progress = Progress::default();
    let index = Index::new(&catalog, &progress);
    let hits = index.find("rlhf ouyang");
    let instruct = hits.iter().find(|hit| catalog.papers[hit.position].id == "instructgpt").expect("found");
    let paper = &catalog.papers[instruct.position];
    let why = Why::of(&catalog, &progress, paper, index.doc(instruct.position), instruct);
    let named: Vec<(Field, &str)> = why.iter().map(|why| (why.field, why.matched_text())).collect();
    assert_eq!(named, [(Field::Tag, "rlhf"), (Field::Author, "Ouyang")]);
    assert!(why[1].snippet(3).contains("Ouyang"));
}

#[test]
fn an_empty_query_keeps_the_order_given() {
    let catalog = catalog();
    let index = Index::new(&catalog, &Progress::default());
    let among = [5, 3, 1];
    for query in ["", "  ", "!", "| |"] {
        let kept: Vec<usize> = index.search(&Query::parse(query), &among).iter().map(|hit| hit.position).collect();
        assert_eq!(kept, among, "{query:?}");
    }
}

#[test]
fn a_search_split_across_cores_ranks_as_one_thread_does() {
    let catalog = catalog();
    let index = Index::new(&catalog, &Progress::default());
    // Note: the embedded catalog is under PARALLEL_FROM papers; a list that names each of
    // them many times is long enough to be split, and its ties are many.
    let among: Vec<usize> = (0..PARALLEL_FROM * 2 + 7).map(|order| (order * 7) % catalog.papers.len()).collect();
    for text in ["t", "attention", "bert !encoder", "flashattn", "注意力", "长上下文", "rl | lora"] {
        let query = Query::parse(text);
        let parallel = index.search(&query, &among);
        assert!(!parallel.is_empty(), "{text}");
        let one_thread: Vec<Hit> = index.rank(&query, &among, 0).into_iter().map(|(_, hit)| hit).collect();
        assert_eq!(parallel, one_thread, "{text}");
    }
}

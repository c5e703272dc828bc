//! The word table's promises: no word empty, Chinese everywhere but in names, one term
//! per idea as the glossary says.

use super::*;

fn every_word(words: &Words) -> Vec<String> {
    let mut all: Vec<String> = Header::ALL.iter().map(|&header| (words.header)(header).to_owned()).collect();
    all.extend(Status::ALL.iter().map(|&status| (words.status)(status).to_owned()));
    all.extend(Branch::ALL.iter().map(|&branch| (words.branch)(branch).to_owned()));
    all.extend(Field::ALL.iter().map(|&field| (words.field)(field).to_owned()));
    all.push(words.found.to_owned());
    let card = &words.card;
    all.extend(
        [
            card.contribution,
            card.focus,
            card.builds_on,
            card.built_upon_by,
            card.notes,
            card.status,
            card.authors,
            card.org,
            card.venue,
            card.abstract_page,
            card.pdf,
            card.code,
            card.aliases,
            card.tags,
            words.tree.year,
            words.tree.papers,
            words.legend,
            words.total,
            words.page.title,
            words.page.tree_hint,
            words.page.indirect,
            words.page.filter_placeholder,
            words.page.filter_label,
            words.page.track_label,
            words.page.all_papers,
            words.page.detail,
            words.page.close,
            words.page.main_line,
            words.page.other_link,
            words.page.leads_up,
            words.page.leads_down,
            words.page.status_label,
            words.page.download,
            words.page.download_hint,
            words.page.by_family,
            words.page.by_track,
            words.page.tree_cut,
            words.browse.family,
            words.browse.track,
            words.browse.search,
            words.browse.no_match,
            words.browse.keys_title,
            words.browse.no_selection,
            words.browse.no_pdf,
            words.browse.no_prerequisites,
            words.browse.no_successors,
            words.browse.no_jump_back,
            words.browse.all_papers,
            words.browse.all_families,
            words.browse.progress_trouble,
        ]
        .map(str::to_owned),
    );
    all.extend(words.tree.merged_branches.map(str::to_owned));
    all.extend(words.page.sections.map(str::to_owned));
    all.extend(words.page.shown.map(str::to_owned));
    all.push((words.read_of)(1, 2));
    all.push((words.page.summary)(1, 2, [3, 4, 5]));
    all.push((words.page.tree_title)(1, 2017, 2026));
    all.push((words.page.step)(3));
    all.push((words.browse.counts)(1, 2, 3));
    all.push((words.browse.counts)(2, 2, 1));
    all.push((words.step_of)(1, 2));
    all.push((words.browse.builds_on)("x"));
    all.push((words.browse.built_upon_by)("x"));
    all.push((words.browse.cleared)("x", "y"));
    all.push((words.browse.path)("x", 1, 2));
    all.push((words.browse.noted)("x"));
    all.push((words.browse.marked)("x", "y"));
    all.push((words.next.step_in)(4, "reasoning"));
    all.push((words.next.unlocks)(1));
    all.push((words.next.unlocks)(12));
    all.push((words.next.prerequisites)(1, false));
    all.push((words.next.prerequisites)(3, true));
    all.extend([words.next.stands_alone, words.next.and].map(str::to_owned));
    all.extend(KeyHelp::ALL.iter().map(|&help| (words.browse.key_help)(help).to_owned()));
    all.extend(KeyHelp::ALL.iter().map(|&help| (words.browse.key_short)(help).unwrap_or("-").to_owned()));
    let browse = &words.browse;
    all.extend([browse.search_hint, browse.picker_hint, browse.card_hint, browse.list_hint].map(str::to_owned));
    all
}

#[test]
fn no_language_lacks_a_word() {
    for lang in Lang::ALL {
        for word in every_word(words(lang)) {
            assert!(!word.trim().is_empty(), "{lang:?} has an empty word");
        }
    }
}

#[test]
fn chinese_translates_every_word_that_is_not_a_name() {
    // Note: ids, "#", PDF and arXiv are the same in every language; everything else is a word.
    let same = ["#", "id", "PDF", "arXiv", "-", " · "];
    let english = every_word(words(Lang::En));
    let chinese = every_word(words(Lang::Zh));
    for (en, zh) in english.iter().zip(&chinese) {
        assert!(en != zh || same.contains(&en.as_str()), "'{en}' is not translated");
    }
}

#[test]
fn the_chinese_words_follow_the_glossary() {
    let glossary = crate::catalog::glossary();
    for word in every_word(words(Lang::Zh)) {
        assert!(glossary.misuse(&word).is_none(), "'{word}' strays from the glossary: {:?}", glossary.misuse(&word));
    }
}

#[test]
fn one_term_per_idea_in_chinese() {
    let chinese = every_word(words(Lang::Zh)).join("\n");
    assert!(!chinese.contains("系列"), "family is 家族 everywhere, never 系列: {chinese}");
}

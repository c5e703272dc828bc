//! The browser as a reading queue, driven by keys without a terminal: the status view, marks
//! and their undo, copying, the code link, the wide list, the card's end, the way back from
//! a search or a jump, and pickers narrowed by typing.

use ratatui::crossterm::event::KeyCode;

use super::app::{Effect, Overlay};
use super::place::{Marking, Undo, View};
use super::tests::{app, keys, press};
use crate::progress::{Progress, Status};
use crate::render::bibtex::{self, Style};

fn selected(app: &super::App<'_>) -> String {
    app.selected().expect("a paper is selected").id.clone()
}

fn shown(app: &super::App<'_>) -> Vec<String> {
    app.visible.iter().map(|&position| app.catalog.papers[position].id.clone()).collect()
}

fn progress(marks: &[(&str, Status)]) -> Progress {
    let mut progress = Progress::default();
    for (id, status) in marks {
        progress.set_status(id, *status, "2026-12-01");
    }
    progress
}

#[test]
fn s_steps_through_the_views_and_each_shows_only_its_status() {
    let mut app = app();
    app.set_progress(progress(&[("word2vec", Status::Read), ("glove", Status::Reading), ("bert", Status::Skipped)]));
    let all = app.visible.len();
    keys(&mut app, "s");
    assert_eq!(app.view, View::Unread);
    assert_eq!(app.visible.len(), all - 3);
    assert!(!shown(&app).iter().any(|id| ["word2vec", "glove", "bert"].contains(&id.as_str())));
    keys(&mut app, "s");
    assert_eq!(shown(&app), ["glove"]);
    keys(&mut app, "s");
    assert_eq!(app.view, View::Next);
    let next: Vec<String> =
        app.lineage.suggest(&app.progress).iter().map(|suggestion| suggestion.paper.id.clone()).collect();
    assert_eq!(shown(&app), next, "the next view is what `roadmap next` ranks, in its order");
    keys(&mut app, "s");
    assert_eq!(shown(&app), ["word2vec"]);
    keys(&mut app, "s");
    assert_eq!(shown(&app), ["bert"]);
    keys(&mut app, "s");
    assert_eq!((app.view, app.visible.len()), (View::All, all));
}

#[test]
fn on_a_track_the_next_view_is_the_tracks_next_steps() {
    let mut app = app();
    app.choose(super::picker::Choice::Track(Some("original".into())));
    app.view = View::Next;
    app.refilter();
    let track = app.catalog.track("original").expect("the track");
    let next: Vec<String> =
        app.lineage.suggest_in(track, &app.progress).iter().map(|suggestion| suggestion.paper.id.clone()).collect();
    assert!(!next.is_empty());
    assert_eq!(shown(&app), next);
}

#[test]
fn a_paper_marked_out_of_the_view_leaves_it_and_the_next_row_is_selected() {
    let mut app = app();
    keys(&mut app, "s");
    let (first, second) = (shown(&app)[0].clone(), shown(&app)[1].clone());
    app.set_progress(progress(&[(&first, Status::Read)]));
    assert_eq!(selected(&app), second, "the queue moves on");
    assert!(!shown(&app).contains(&first));
}

#[test]
fn number_keys_set_a_status_and_u_undoes_only_what_was_marked() {
    let mut app = app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    let set = |status| Effect::Mark("lora".into(), Marking::Set(status));
    assert_eq!(
        keys(&mut app, "1234"),
        [set(Status::Unread), set(Status::Reading), set(Status::Read), set(Status::Skipped)]
    );
    assert_eq!(keys(&mut app, "u"), [], "nothing was marked yet");
    assert_eq!(app.message.as_deref(), Some("no mark to undo"));
    let undo = Undo { id: "lora".into(), before: Some((Status::Reading, Some("2026-11-30".into()))) };
    app.marked(undo.clone());
    assert_eq!(keys(&mut app, "u"), [Effect::Undo(undo)]);
    assert_eq!(keys(&mut app, "u"), [], "one mark, one undo");
}

#[test]
fn y_copies_the_id_then_the_link_then_the_bibtex_of_cite() {
    let mut app = app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    let paper = app.selected().expect("lora");
    let entry = bibtex::render(&[paper], &bibtex::catalog_keys(app.catalog), Style::BibTeX);
    assert_eq!(keys(&mut app, "y"), [Effect::Copy("lora".into())]);
    assert!(app.message.as_deref().is_some_and(|message| message.contains("y again: its link")), "{:?}", app.message);
    assert_eq!(keys(&mut app, "y"), [Effect::Copy("https://arxiv.org/abs/2106.09685".into())]);
    assert_eq!(keys(&mut app, "y"), [Effect::Copy(entry)]);
    assert_eq!(keys(&mut app, "y"), [Effect::Copy("lora".into())], "round again");
    keys(&mut app, "y");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    assert_eq!(keys(&mut app, "y"), [Effect::Copy("lora".into())], "another key starts over");
}

#[test]
fn c_opens_the_code_or_says_there_is_none() {
    let mut app = app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    assert_eq!(keys(&mut app, "c"), [Effect::Open("https://github.com/microsoft/LoRA".into())]);
    let without = app.catalog.papers.iter().position(|paper| paper.code.is_none()).expect("a paper without code");
    app.go_to(without);
    assert_eq!(keys(&mut app, "c"), []);
    let id = &app.catalog.papers[without].id;
    assert_eq!(app.message.clone(), Some(format!("{id} has no code link")));
}

#[test]
fn z_gives_the_list_the_cards_room_and_back() {
    let mut app = app();
    let before = app.areas();
    keys(&mut app, "z");
    assert!(app.areas().card.is_empty() && app.areas().list.width == 120, "{:?}", app.areas());
    keys(&mut app, "z");
    assert_eq!(app.areas(), before);
}

#[test]
fn j_stops_at_the_cards_last_line() {
    let mut app = app();
    keys(&mut app, "/bert");
    press(&mut app, KeyCode::Enter);
    for _ in 0..500 {
        keys(&mut app, "J");
    }
    let area = app.areas().card;
    let lines = super::view::card_text(&app, area.width).lines.len();
    assert!(lines > usize::from(area.height), "bert's card is longer than the screen");
    assert_eq!(usize::from(app.card_scroll), lines - usize::from(area.height), "the last line is at the bottom");
    keys(&mut app, "K");
    assert_eq!(usize::from(app.card_scroll), lines - usize::from(area.height) - 1);
}

#[test]
fn esc_on_a_search_goes_back_to_the_paper_before_it() {
    let mut app = app();
    keys(&mut app, "jjj");
    let before = selected(&app);
    keys(&mut app, "/xy");
    assert_ne!(selected(&app), before);
    press(&mut app, KeyCode::Esc);
    assert_eq!((selected(&app), app.query.as_str()), (before.clone(), ""));
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(selected(&app), "lora", "a search kept with Enter and then cleared keeps its paper");
}

#[test]
fn backspace_puts_back_the_search_and_view_a_jump_cleared() {
    let mut app = app();
    keys(&mut app, "s");
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    let before = shown(&app);
    keys(&mut app, "b");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected(&app), "gpt-3");
    assert!(app.query.is_empty());
    press(&mut app, KeyCode::Backspace);
    assert_eq!((selected(&app), app.query.as_str(), app.view), ("lora".to_owned(), "lora", View::Unread));
    assert_eq!(shown(&app), before, "the list is the one the jump left");
}

#[test]
fn a_jump_to_a_paper_out_of_the_view_clears_the_view_and_says_so() {
    let mut app = app();
    app.set_progress(progress(&[("gpt-3", Status::Read)]));
    keys(&mut app, "s/lora");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "b");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!((selected(&app), app.view), ("gpt-3".to_owned(), View::All));
    assert!(app.message.as_deref().is_some_and(|message| message.contains("view")), "{:?}", app.message);
}

#[test]
fn pickers_narrow_as_you_type_and_families_count_what_is_read() {
    let mut app = app();
    app.set_progress(progress(&[("bert", Status::Read)]));
    keys(&mut app, "f");
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("no picker") };
    let bert = picker.items.iter().find(|item| item.label.starts_with("BERT")).expect("the BERT family");
    assert!(bert.label.contains("(1/"), "{}", bert.label);
    keys(&mut app, "bert");
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("typing keeps the picker") };
    assert!(picker.shown.len() < picker.items.len() && !picker.shown.is_empty());
    assert_eq!(picker.filter, "bert");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.family.as_deref(), Some("bert"));
}

//! The browser driven by keys and clicks without a terminal, on the embedded catalog.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::app::{App, Effect, Overlay};
use super::picker::Choice;
use crate::catalog::Catalog;
use crate::lang::Lang;
use crate::progress::{Progress, Status};

pub(super) fn catalog() -> &'static Catalog {
    let mut catalog = crate::catalog::embedded();
    catalog.zh = crate::catalog::embedded_chinese();
    catalog.zh_tw = crate::catalog::embedded_traditional();
    Box::leak(Box::new(catalog))
}

pub(super) fn app() -> App<'static> {
    let mut app = App::new(catalog(), Progress::default(), Lang::En, true);
    app.resize(120, 32);
    app
}

pub(super) fn press(app: &mut App<'_>, code: KeyCode) -> Option<Effect> {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(super) fn keys(app: &mut App<'_>, keys: &str) -> Vec<Effect> {
    keys.chars().filter_map(|key| press(app, KeyCode::Char(key))).collect()
}

fn selected(app: &App<'_>) -> String {
    app.selected().expect("a paper is selected").id.clone()
}

fn shown(app: &App<'_>) -> Vec<String> {
    app.visible.iter().map(|&position| app.catalog.papers[position].id.clone()).collect()
}

fn picker_ids(app: &App<'_>) -> Vec<String> {
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("no picker is open") };
    picker
        .items
        .iter()
        .map(|item| match &item.choice {
            Choice::Paper(position) => app.catalog.papers[*position].id.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn searching_narrows_as_you_type_enter_keeps_it_and_esc_clears_it() {
    let mut app = app();
    let all = app.visible.len();
    keys(&mut app, "/lo");
    let after_two = app.visible.len();
    keys(&mut app, "ra");
    assert!(app.typing && app.query == "lora");
    assert!(app.visible.len() < after_two && after_two < all, "{} {after_two} {all}", app.visible.len());
    assert_eq!(selected(&app), "lora", "the best match is selected");
    assert!(shown(&app).contains(&"qlora".to_owned()));
    press(&mut app, KeyCode::Enter);
    assert!(!app.typing && app.query == "lora", "Enter keeps the search");
    assert!(keys(&mut app, "q").contains(&Effect::Quit), "after Enter, keys are commands again");

    let mut app = self::app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Down);
    let second = selected(&app);
    assert_ne!(second, "word2vec");
    press(&mut app, KeyCode::Esc);
    assert!(!app.typing && app.query.is_empty() && app.visible.len() == all);
    assert_eq!(selected(&app), "word2vec", "Esc drops the search and goes back to the paper before it");
    keys(&mut app, "/zzqqxxnothing");
    assert!(app.visible.is_empty() && app.selected().is_none());
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert_eq!(keys(&mut app, "o"), [], "nothing to open");
    assert!(app.message.is_some());
}

#[test]
fn typing_q_searches_for_q_and_ctrl_c_quits_from_anywhere() {
    let mut app = app();
    assert!(keys(&mut app, "/q").is_empty());
    assert_eq!(app.query, "q");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.query, "");
    let control_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.handle_key(control_c), Some(Effect::Interrupt), "Ctrl-C while typing a search");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    assert_eq!(app.handle_key(control_c), Some(Effect::Interrupt), "Ctrl-C over the help");
}

#[test]
fn moving_stops_at_both_ends_and_keeps_the_selection_on_screen() {
    let mut app = app();
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.cursor, 0);
    keys(&mut app, "jjj");
    assert_eq!(app.cursor, 3);
    keys(&mut app, "G");
    assert_eq!(app.cursor, app.visible.len() - 1);
    let height = usize::from(app.areas().list.height);
    assert!(app.offset <= app.cursor && app.cursor < app.offset + height);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.cursor, app.visible.len() - 1);
    keys(&mut app, "g");
    assert_eq!((app.cursor, app.offset), (0, 0));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.cursor, height - 1);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.cursor, 0);
}

#[test]
fn marks_notes_and_links_are_asked_of_the_world() {
    let mut app = app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    assert_eq!(keys(&mut app, "m"), [Effect::Mark("lora".into(), super::place::Marking::Cycle)]);
    assert_eq!(keys(&mut app, "n"), [Effect::EditNote("lora".into())]);
    assert_eq!(keys(&mut app, "o"), [Effect::Open("https://arxiv.org/abs/2106.09685".into())]);
    assert_eq!(keys(&mut app, "p"), [Effect::Open("https://arxiv.org/pdf/2106.09685".into())]);
    assert_eq!(Status::Read.cycled(), Status::Skipped);
    assert_eq!(Status::Unread.cycled().cycled().cycled().cycled(), Status::Unread);
    assert_eq!(Status::Unread.cycled(), Status::Reading);

    let mut progress = Progress::default();
    progress.set_status("lora", Status::Read, "2026-12-01");
    progress.set_status("not-in-the-catalog", Status::Read, "2026-12-01");
    app.set_progress(progress);
    assert_eq!(app.read, 1, "only papers of the catalog count");
}

#[test]
fn lineage_jumps_pick_among_several_and_backspace_returns() {
    let mut app = app();
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "b");
    assert_eq!(picker_ids(&app), ["adapters", "gpt-3"]);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected(&app), "gpt-3");
    assert!(app.query.is_empty(), "the search that hid gpt-3 was cleared");
    assert!(app.message.as_deref().is_some_and(|message| message.contains("search")), "{:?}", app.message);
    press(&mut app, KeyCode::Backspace);
    assert_eq!((selected(&app), app.query.as_str()), ("lora".to_owned(), "lora"), "the search comes back too");

    press(&mut app, KeyCode::Esc);
    keys(&mut app, "g");
    assert_eq!(selected(&app), "word2vec");
    let successors = app.lineage.successors(app.selected().expect("selected"));
    keys(&mut app, "a");
    if let [only] = successors.as_slice() {
        assert_eq!(selected(&app), only.id, "a single successor is jumped to straight away");
    } else {
        assert!(matches!(app.overlay, Some(Overlay::Picker(_))));
    }
    press(&mut app, KeyCode::Backspace);
    keys(&mut app, "b");
    assert!(app.message.as_deref().is_some_and(|message| message.contains("builds on no paper")));
}

#[test]
fn the_reading_path_ends_at_the_paper_and_shows_what_is_read() {
    let mut app = app();
    let mut progress = Progress::default();
    progress.set_status("transformer", Status::Read, "2026-12-01");
    app.set_progress(progress);
    keys(&mut app, "/lora");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "P");
    let path = picker_ids(&app);
    assert_eq!(path.last().map(String::as_str), Some("lora"));
    assert!(path.contains(&"transformer".to_owned()) && path.contains(&"gpt-3".to_owned()));
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("no path") };
    assert_eq!(picker.cursor, path.len() - 1, "the paper itself is selected");
    assert!(picker.title.contains(&format!("1 of {} read", path.len())), "{}", picker.title);
    let transformer = path.iter().position(|id| id == "transformer").expect("on the path");
    assert!(picker.items[transformer].label.starts_with('✓'), "{}", picker.items[transformer].label);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected(&app), path[0]);
    assert!(app.overlay.is_none());
}

#[test]
fn a_track_shows_its_papers_in_its_order_and_a_family_only_its_own() {
    let mut app = app();
    let track = app.catalog.track("original").expect("the original track");
    let steps: Vec<String> = track.steps.iter().map(|step| step.paper.clone()).collect();
    let index = app.catalog.tracks.iter().position(|known| known.id == "original").expect("listed");
    keys(&mut app, "t");
    for _ in 0..=index {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(shown(&app), steps);
    keys(&mut app, "t");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.visible.len(), app.catalog.papers.len(), "the first line shows every paper again");

    keys(&mut app, "f");
    let families = picker_ids(&app);
    let bert = families.iter().position(|choice| choice.contains("\"bert\"")).expect("the bert family");
    for _ in 0..bert {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.visible.len() > 1);
    assert!(app.visible.iter().all(|&position| app.catalog.papers[position].family == "bert"));
    keys(&mut app, "f");
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none() && app.family.as_deref() == Some("bert"), "Esc leaves the family as it was");
}

#[test]
fn narrow_screens_take_turns_and_clicks_select_what_was_drawn() {
    let mut app = app();
    app.resize(60, 20);
    assert!(app.areas().card.is_empty());
    press(&mut app, KeyCode::Enter);
    assert!(app.showing_card && app.areas().list.is_empty() && !app.areas().card.is_empty());
    press(&mut app, KeyCode::Esc);
    assert!(!app.showing_card);

    app.resize(120, 32);
    let list = app.areas().list;
    let click = |row: u16| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 3,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click(list.y + 4));
    assert_eq!(app.cursor, 4);
    let wheel = MouseEvent { kind: MouseEventKind::ScrollDown, ..click(list.y) };
    app.handle_mouse(wheel);
    assert_eq!(app.cursor, 7);
    app.handle_mouse(click(list.bottom() + 5));
    assert_eq!(app.cursor, 7, "a click outside the list selects nothing");
}

#[test]
fn a_jump_clears_only_the_filter_that_hides_the_paper() {
    let mut app = app();
    let original = app.catalog.track("original").expect("the original track");
    let first = app.lineage.position_of(&original.steps[0].paper).expect("in the catalog");
    app.choose(Choice::Track(Some("original".into())));
    let outside =
        (0..app.catalog.papers.len()).find(|position| !app.visible.contains(position)).expect("a paper off the track");
    app.go_to(outside);
    assert_eq!(app.selected_position(), Some(outside));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("track") && !message.contains("family") && !message.contains("search"), "{message}");
    app.back();
    assert_eq!(app.selected_position(), Some(first), "back to the track's first paper");
}

#[test]
fn enter_shows_the_card_only_where_the_card_is_hidden() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(!app.showing_card, "on a wide screen the card is always there");
    app.resize(60, 20);
    assert!(app.areas().card.is_empty());
}

//! Where the browser opens (`--track`, `--family`, `--paper`, a search), a track walked in
//! step order with its numbers and whys, and counts of what is shown: driven without a terminal.

use super::app::App;
use super::place::Opening;
use super::tests::{app, catalog, keys};
use crate::cli::BrowseOptions;
use crate::lang::Lang;
use crate::progress::{Progress, Status};

fn ids(app: &App<'_>) -> Vec<String> {
    app.visible.iter().map(|&position| app.catalog.papers[position].id.clone()).collect()
}

fn opening(track: Option<&str>, family: Option<&str>, paper: Option<&str>, words: &[&str]) -> Opening {
    let options = BrowseOptions {
        track: track.map(str::to_owned),
        family: family.map(str::to_owned),
        paper: paper.map(str::to_owned),
        words: words.iter().map(|word| (*word).to_owned()).collect(),
    };
    Opening::resolve(catalog(), &options).expect("the options name what the catalog has")
}

fn read(ids: &[&str]) -> Progress {
    let mut progress = Progress::default();
    for id in ids {
        progress.set_status(id, Status::Read, "2026-12-01");
    }
    progress
}

#[test]
fn the_options_resolve_as_list_and_show_resolve_them() {
    let resolved = opening(Some(" Encoders "), Some("BERT"), Some("GPT3"), &["flash", " attention "]);
    let expected = Opening {
        track: Some("encoders".into()),
        family: Some("bert".into()),
        query: "flash attention".into(),
        paper: Some("gpt-3".into()),
        view: super::place::View::All,
    };
    assert_eq!(resolved, expected);
    let error = |options: BrowseOptions| Opening::resolve(catalog(), &options).expect_err("refused").to_string();
    let track = error(BrowseOptions { track: Some("encoderz".into()), ..BrowseOptions::default() });
    assert_eq!(track, "no track 'encoderz' (did you mean encoders?)");
    let family = error(BrowseOptions { family: Some("bertt".into()), ..BrowseOptions::default() });
    assert_eq!(family, "no family 'bertt' (did you mean bert?)");
    let paper = error(BrowseOptions { paper: Some("gpt".into()), ..BrowseOptions::default() });
    assert!(paper.contains("'gpt' is ambiguous"), "{paper}");
}

#[test]
fn a_track_is_walked_in_step_order_with_numbers_whys_and_its_progress() {
    let mut app = app();
    app.set_progress(read(&["bert", "transformer"]));
    app.open(opening(Some("encoders"), None, None, &[]));
    let track = catalog().track("encoders").expect("the embedded catalog has this track");
    let steps: Vec<&str> = track.steps.iter().map(|step| step.paper.as_str()).collect();
    assert_eq!(ids(&app), steps, "the list is the track, in its order");
    let numbers: Vec<Option<usize>> = app.visible.iter().map(|&position| app.step_of(position)).collect();
    assert_eq!(numbers, (1..=steps.len()).map(Some).collect::<Vec<_>>());
    let first = app.visible[0];
    assert_eq!(app.step_why(first), catalog().step_why(track, steps[0], Lang::En));
    assert!(app.step_why(first).is_some_and(|why| why.contains("BERT")), "{:?}", app.step_why(first));
    assert_eq!(app.track_progress(), Some((1, steps.len())), "bert is read; the transformer is not on the track");

    let mut chinese = App::new(catalog(), Progress::default(), Lang::Zh, true);
    chinese.open(opening(Some("encoders"), None, None, &[]));
    let why = chinese.step_why(chinese.visible[0]);
    assert!(why.is_some() && why != app.step_why(first), "the why is in the reader's language: {why:?}");

    keys(&mut app, "/roberta");
    assert_eq!(app.selected().map(|paper| paper.id.as_str()), Some("roberta"));
    assert_eq!(app.selected_position().and_then(|position| app.step_of(position)), Some(3), "a search keeps the step");
    app.open(Opening::default());
    assert_eq!((app.track_progress(), app.step_of(first)), (None, None), "no track, no steps");
}

#[test]
fn the_counts_follow_what_is_shown() {
    let mut app = app();
    app.set_progress(read(&["transformer", "gpt-3", "lora"]));
    assert_eq!(app.read, 3);
    app.open(opening(None, Some("bert"), None, &[]));
    assert_eq!((app.visible_count(), app.read), (ids(&app).len(), 0), "none of the BERT family is read");
    let words = app.words();
    let counts = (words.browse.counts)(app.visible_count(), app.catalog.papers.len(), app.read);
    assert_eq!(counts, format!("{} of {} papers · 0 of {} read ", app.visible_count(), 310, app.visible_count()));
    app.open(opening(None, None, None, &["lora"]));
    assert!(app.read >= 1 && app.read < 3, "a search counts what it shows: {}", app.read);
    app.set_progress(read(&["bert"]));
    app.open(opening(None, Some("bert"), None, &[]));
    assert_eq!(app.read, 1, "a mark is counted at once");
}

#[test]
fn the_opening_paper_is_selected_and_what_hides_it_gives_way() {
    let mut app = app();
    app.open(opening(Some("encoders"), None, Some("roberta"), &[]));
    assert_eq!(app.selected().map(|paper| paper.id.as_str()), Some("roberta"));
    assert_eq!((app.track.as_deref(), app.message.as_deref()), (Some("encoders"), None), "on the track: kept");

    app.open(opening(Some("encoders"), Some("bert"), Some("gpt-3"), &["lora"]));
    assert_eq!(app.selected().map(|paper| paper.id.as_str()), Some("gpt-3"));
    assert_eq!((app.track.as_deref(), app.family.as_deref(), app.query.as_str()), (None, None, ""));
    assert_eq!(app.message.as_deref(), Some("cleared the family, track, search to show gpt-3"));

    app.open(opening(None, None, None, &["lora"]));
    assert!(!app.typing && app.query == "lora", "the search is kept, as after Enter");
    assert_eq!(app.selected().map(|paper| paper.id.as_str()), Some("lora"), "the best match is selected");
}

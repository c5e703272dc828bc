//! `roadmap plan`: a track's unread steps paced into dated weeks, as a listing, JSON and
//! an iCalendar file, planned again from today as papers are read.

use crate::util::{TestEnv, first_fields, stdout};

/// `plan TRACK --per-week N ... --format json` as parsed rows, on a pinned today.
fn plan_json(env: &TestEnv, today: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let json = stdout(env.roadmap().args(["--today", today, "plan"]).args(args).args(["--format", "json"]));
    serde_json::from_str(&json).expect("JSON")
}

fn field<'a>(rows: &'a [serde_json::Value], name: &str) -> Vec<&'a str> {
    rows.iter().map(|row| row[name].as_str().unwrap_or_else(|| panic!("no {name}: {row}"))).collect()
}

#[test]
fn a_plan_puts_the_steps_in_dated_weeks_prerequisites_first() {
    let env = TestEnv::new();
    let rows = plan_json(&env, "2026-05-01", &["foundations", "--per-week", "3", "--start", "2026-05-04"]);
    let track: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(env.roadmap().args(["track", "foundations", "--format", "json"]))).expect("JSON");
    assert_eq!(rows.len(), track.len(), "nothing read: every step");
    assert_eq!(field(&rows, "id"), field(&track, "id"), "the track's order respects its prerequisites");
    let weeks: Vec<u64> = rows.iter().map(|row| row["week"].as_u64().expect("a week number")).collect();
    assert_eq!(weeks, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
    let dates = field(&rows, "date");
    assert_eq!(dates[..4], ["2026-05-04", "2026-05-06", "2026-05-08", "2026-05-11"]);
    assert_eq!(dates.last(), Some(&"2026-05-25"));
    assert!(rows[0]["url"].as_str().expect("a url").starts_with("https://arxiv.org/abs/"));
    // Without --start, the first week starts today.
    let from_today = plan_json(&env, "2026-05-01", &["foundations", "--per-week", "1"]);
    assert_eq!(field(&from_today, "date")[..2], ["2026-05-01", "2026-05-08"]);
    let plain = stdout(env.roadmap().args(["--today", "2026-05-01", "plan", "foundations", "--per-week", "3"]));
    assert_eq!(first_fields(&plain)[..4], ["1", "1", "1", "2"], "piped: week, date, step, id, title");
}

#[test]
fn marking_papers_plans_what_is_left_from_today() {
    let env = TestEnv::new();
    env.roadmap().args(["mark", "word2vec", "glove", "read"]).assert().success();
    env.roadmap().args(["mark", "adam", "skipped"]).assert().success();
    let rows = plan_json(&env, "2026-06-10", &["foundations", "--per-week", "2"]);
    let ids = field(&rows, "id");
    assert_eq!(ids.first(), Some(&"seq2seq"), "{ids:?}");
    assert!(!ids.iter().any(|id| ["word2vec", "glove", "adam"].contains(id)), "read and skipped are left out: {ids:?}");
    assert_eq!(rows.len(), 7);
    assert_eq!(field(&rows, "date")[..3], ["2026-06-10", "2026-06-13", "2026-06-17"]);
    assert_eq!(rows[0]["step"], 3, "steps keep the track's numbers");
}

#[test]
fn the_calendar_has_one_all_day_event_per_paper_with_a_stable_uid() {
    let env = TestEnv::new();
    let args = ["--today", "2026-05-01", "plan", "foundations", "--per-week", "3", "--start", "2026-05-04"];
    let text = stdout(env.roadmap().args(args).args(["--format", "ics"]));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 10);
    let starts: Vec<&str> = text.lines().filter_map(|line| line.strip_prefix("DTSTART;VALUE=DATE:")).collect();
    assert_eq!(starts[..4], ["20260504", "20260506", "20260508", "20260511"]);
    assert!(text.lines().count() == text.matches("\r\n").count(), "every line ends in CRLF");
    let calendar: icalendar::Calendar = text.parse().expect("it parses as iCalendar");
    use icalendar::Component;
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    assert_eq!(events.len(), 10);
    assert_eq!(events[0].get_summary(), Some("Efficient Estimation of Word Representations in Vector Space"));
    assert_eq!(events[0].get_uid(), Some("word2vec.foundations@roadmap"));
    assert!(events[0].get_description().is_some_and(|text| text.contains("https://arxiv.org/abs/1301.3781")));
    assert_eq!(stdout(env.roadmap().args(args).args(["--format", "ics"])), text, "the same plan, the same file");
}

#[test]
fn a_plan_refuses_an_unknown_track_no_pace_and_a_day_that_is_not_one() {
    let env = TestEnv::new();
    let refused = |args: &[&str], code: i32, says: &str| {
        let output = env.roadmap().arg("plan").args(args).output().expect("roadmap runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error:") && stderr.contains(says), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    };
    refused(&["fundations", "--per-week", "2"], 1, "did you mean foundations");
    refused(&["foundations", "--per-week", "0"], 2, "at least one paper a week");
    refused(&["foundations", "--per-week", "two"], 2, "not a number");
    refused(&["foundations", "--per-week", "2", "--start", "2026-02-30"], 2, "YYYY-MM-DD");
    refused(&["foundations", "--per-week", "2", "--start", "monday"], 2, "YYYY-MM-DD");
    refused(&["foundations"], 2, "--per-week");
}

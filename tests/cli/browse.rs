//! `roadmap browse` as a person meets it: the real binary in a real terminal (tmux), keys
//! typed, the screen read back, the progress file and a recording `$BROWSER` checked.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tmux::Terminal;
use crate::util::TestEnv;

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// A `$BROWSER` that opens nothing and writes each URL it is given as a line of a file: the
/// script and that file.
pub fn recording_browser(env: &TestEnv) -> (PathBuf, PathBuf) {
    let record = env.path().join("opened.txt");
    let browser = env.write("browser.sh", format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", record.display()));
    std::fs::set_permissions(&browser, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    (browser, record)
}

#[test]
fn search_open_mark_twice_around_a_mark_from_another_terminal_then_quit() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let (browser, record) = recording_browser(&env);
    let variables = [("ROADMAP_STATE", state.as_path()), ("BROWSER", browser.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    assert_eq!(terminal.show("#{alternate_on}"), "1", "the browser draws on the alternate screen");

    terminal.keys("/lora", true);
    terminal
        .wait_for("the search", |terminal| terminal.screen().lines().next().is_some_and(|top| top.contains("/lora")));
    terminal.keys("Enter", false);
    terminal.keys("o", true);
    terminal.wait_for("the browser to be started", |_| read(&record).contains("https://arxiv.org/abs/2106.09685"));
    assert_eq!(read(&record).lines().count(), 1, "one page opened: {}", read(&record));

    terminal.keys("m", true);
    terminal.wait_for("the first mark", |_| read(&state).contains("status: reading"));
    // Note: the top line counts what is read among the papers shown, and qlora is one of them.
    env.roadmap().arg("--state").arg(&state).args(["mark", "qlora", "read"]).assert().success();
    terminal.wait_for("the other terminal's mark on screen", |terminal| {
        terminal.screen().lines().next().is_some_and(|top| top.contains("papers · 1 of"))
    });
    terminal.keys("m", true);
    terminal.wait_for("the second mark", |terminal| terminal.screen().contains("lora: read"));
    let progress = read(&state);
    assert!(progress.contains("lora:\n    status: read"), "{progress}");
    assert!(progress.contains("qlora:\n    status: read"), "the mark made meanwhile survives: {progress}");

    terminal.keys("q", true);
    terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    assert_eq!(terminal.exit_status().as_deref(), Some("0"));
    assert_eq!(terminal.show("#{alternate_on}"), "0", "the terminal is back on its main screen");
}

#[test]
fn sigterm_and_ctrl_c_give_the_terminal_back() {
    for (stop, status) in [("SIGTERM", "143"), ("C-c", "130")] {
        let env = TestEnv::new();
        let state = env.path().join("progress.yaml");
        let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
        let Some(terminal) = Terminal::start(&env, &variables, &["--lang", "zh"]) else { return };
        terminal.wait_for("the first screen", |terminal| terminal.screen().contains("已读"));
        for (width, height) in [("24", "6"), ("110", "32")] {
            assert!(terminal.tmux(&["resize-window", "-t", "t", "-x", width, "-y", height]).status.success());
        }
        terminal.wait_for("the screen redrawn at full size", |terminal| {
            terminal.screen().lines().next().is_some_and(|top| top.contains("已读") && top.contains("roadmap"))
        });
        if stop == "SIGTERM" {
            let pid = terminal.program_pid();
            assert!(Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs").success());
        } else {
            terminal.keys(stop, false);
        }
        terminal.wait_for(&format!("the browser to end after {stop}"), |terminal| terminal.exit_status().is_some());
        assert_eq!(terminal.exit_status().as_deref(), Some(status), "{stop}");
        assert_eq!(terminal.show("#{alternate_on}"), "0", "{stop} leaves the alternate screen");
    }
}

#[test]
fn a_pipe_is_not_a_terminal() {
    let env = TestEnv::new();
    let output = env.roadmap().arg("browse").output().expect("roadmap runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: roadmap browse needs a terminal"), "{stderr}");
    assert!(output.stdout.is_empty());

    let bare = env.roadmap().output().expect("roadmap runs");
    assert_eq!(bare.status.code(), Some(2), "a bare `roadmap` in a pipe is a usage error");
    assert!(String::from_utf8_lossy(&bare.stderr).contains("Usage: roadmap"));
    assert!(bare.stdout.is_empty());
}

#[test]
fn a_closed_terminal_ends_the_browser() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    let pid = terminal.program_pid();
    terminal.tmux(&["kill-server"]);
    let alive = || Command::new("kill").args(["-0", &pid]).output().is_ok_and(|output| output.status.success());
    let start = Instant::now();
    while alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "roadmap {pid} outlived its terminal");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_progress_file_broken_meanwhile_is_reported_and_left_alone() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    let broken = "version: 1\npapers: [not, a, map\n";
    std::fs::write(&state, broken).expect("writable");
    terminal.wait_for("the broken file reported", |terminal| terminal.screen().contains("error: the progress file"));
    terminal.keys("m", true);
    terminal.wait_for("the refused mark reported", |terminal| terminal.screen().contains("is corrupt"));
    // Note: keys are handled in order, so once the help shows, the mark has been tried.
    terminal.keys("?", true);
    terminal.wait_for("the help after the mark", |terminal| terminal.screen().contains("keys (Esc closes)"));
    terminal.keys("Escape", false);
    assert_eq!(read(&state), broken, "a corrupt progress file is never overwritten");
    std::fs::write(&state, "version: 1\npapers:\n  word2vec:\n    status: read\n").expect("writable");
    terminal.wait_for("the fixed file read again", |terminal| terminal.screen().contains("· 1 read"));
    terminal.keys("j", true);
    terminal.wait_for("the error gone after a key", |terminal| !terminal.screen().contains("error:"));
    terminal.keys("q", true);
    terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    assert_eq!(terminal.exit_status().as_deref(), Some("0"), "a refused mark does not end the browser");
}

#[test]
fn a_progress_file_corrupt_at_the_start_is_said_on_the_bottom_line_until_fixed() {
    let env = TestEnv::new();
    let state = env.write("progress.yaml", "version: 1\npapers: [oops\n");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal
        .wait_for("the trouble on the bottom line", |terminal| terminal.screen().contains("error: the progress file"));
    terminal.keys("j", true);
    terminal.wait_for("the trouble kept past a key", |terminal| terminal.screen().contains("error: the progress file"));
    std::fs::write(&state, "version: 1\n").expect("writable");
    terminal.wait_for("the trouble gone", |terminal| !terminal.screen().contains("error: the progress file"));
    terminal.keys("q", true);
    terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
}

#[test]
fn an_html_page_is_not_poured_onto_a_terminal() {
    let env = TestEnv::new();
    let Some(terminal) = Terminal::start(&env, &[("HOME", env.path())], &["export"]) else { return };
    terminal.wait_for("the export to end", |terminal| terminal.exit_status().is_some());
    assert_eq!(terminal.exit_status().as_deref(), Some("1"));
    let screen = terminal.screen();
    assert!(screen.contains("-o roadmap.html") && !screen.contains("<html"), "{screen}");
}

#[test]
fn a_track_opened_from_the_command_line_is_numbered_says_why_and_counts_what_is_shown() {
    let env = TestEnv::new();
    let state = env.write(
        "progress.yaml",
        "version: 1\npapers:\n  bert:\n    status: read\n  lora:\n    status: read\n  gpt-3:\n    status: read\n",
    );
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse", "--track", "Encoders"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    let screen = terminal.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].contains("track: BERT and its relatives  "), "the track: {screen}");
    assert!(lines[0].trim_end().ends_with("14 of 310 papers · 1 of 14 read"), "the track's progress: {screen}");
    assert!(lines[1].starts_with("  1.    elmo ") && lines[2].starts_with("  2. ✓  bert "), "numbered: {screen}");
    assert!(lines[14].starts_with(" 14.    dpr "), "in step order to the end: {screen}");
    assert!(lines[1].contains("│ step 1 of 14"), "the card opens with the step: {screen}");
    assert!(lines[2].contains("│ Contextual word vectors from a bidirectional LSTM"), "then why: {screen}");

    terminal.keys("/roberta", true);
    terminal.keys("Enter", false);
    terminal.wait_for("the search kept within the track", |terminal| {
        terminal.screen().lines().next().is_some_and(|top| top.contains("/roberta  track:"))
    });
    let screen = terminal.screen();
    let top = screen.lines().next().unwrap_or_default();
    let numbered = |line: &&str| line.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let shown = screen.lines().skip(1).take_while(numbered).count();
    assert!(screen.lines().nth(1).is_some_and(|row| row.starts_with("  3.    roberta ")), "{screen}");
    let counts = format!("{shown} of 310 papers · 0 of {shown} read");
    assert!(top.contains("/roberta") && top.trim_end().ends_with(&counts), "{counts}: {screen}");
    terminal.keys("q", true);
    terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    assert_eq!(terminal.exit_status().as_deref(), Some("0"));
}

#[test]
fn browse_options_are_checked_as_list_checks_them_before_the_terminal() {
    let env = TestEnv::new();
    for (option, value) in [("--track", "encoderz"), ("--family", "bertt")] {
        let browse = env.roadmap().args(["browse", option, value]).output().expect("roadmap runs");
        let list = env.roadmap().args(["list", option, value]).output().expect("roadmap runs");
        assert_eq!(browse.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&browse.stderr), String::from_utf8_lossy(&list.stderr));
    }
    let paper = env.roadmap().args(["browse", "--paper", "gpt"]).output().expect("roadmap runs");
    assert_eq!(paper.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&paper.stderr).contains("'gpt' is ambiguous"));
}

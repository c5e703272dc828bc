//! `roadmap browse` as a person meets it: the real binary in a real terminal (tmux), keys
//! typed, the screen read back, the progress file and a recording `$BROWSER` checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::util::TestEnv;

/// A tmux server of its own (its own socket and a clean environment) with one window
/// running `roadmap` under a shell that writes its exit status to a file and then keeps the
/// window open, so the status and the terminal's state after it can be read.
///
/// Note: tmux's own `remain-on-exit` sometimes marks a pane dead without ever recording the
/// status when the machine is busy, so the shell records it instead.
struct Terminal {
    socket: PathBuf,
    home: PathBuf,
    status: PathBuf,
}

impl Terminal {
    /// Starts `roadmap ARGS` in a 110x32 terminal, or returns none when tmux is missing
    /// outside CI (CI installs it).
    fn start(env: &TestEnv, variables: &[(&str, &Path)], args: &[&str]) -> Option<Terminal> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is missing on CI");
            eprintln!("skipping: tmux is not installed (CI installs it)");
            return None;
        }
        let home = env.path().to_path_buf();
        let config = env.write("tmux.conf", "set -g status off\n");
        let terminal = Terminal { socket: home.join("tmux.socket"), status: home.join("status"), home };
        let binary = assert_cmd::cargo::cargo_bin("roadmap");
        let script = format!("\"$0\" \"$@\"; echo $? > '{}'; exec sleep 600", terminal.status.display());
        let mut command: Vec<String> = vec!["sh".into(), "-c".into(), script, binary.display().to_string()];
        command.extend(args.iter().map(|arg| (*arg).to_owned()));
        let mut new_session = vec!["-f".to_owned(), config.display().to_string(), "new-session".to_owned()];
        new_session.extend(["-d", "-x", "110", "-y", "32", "-s", "t"].map(str::to_owned));
        for (name, value) in variables {
            new_session.extend(["-e".to_owned(), format!("{name}={}", value.display())]);
        }
        new_session.extend(command);
        let output = terminal.tmux(&new_session.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(output.status.success(), "tmux: {}", String::from_utf8_lossy(&output.stderr));
        Some(terminal)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .env_clear()
            .env("HOME", &self.home)
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// How `roadmap` ended: its exit status, once it has ended (128 + N when signal N ended it).
    fn exit_status(&self) -> Option<String> {
        std::fs::read_to_string(&self.status).ok().map(|status| status.trim().to_owned()).filter(|s| !s.is_empty())
    }

    /// The process id of `roadmap` (the child of the window's shell).
    fn program_pid(&self) -> String {
        let shell = self.show("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        children.split_whitespace().next().expect("roadmap runs under the window's shell").to_owned()
    }

    /// A tmux format of the window, such as `#{alternate_on}`.
    fn show(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display", "-p", "-t", "t", format]).stdout).trim().to_owned()
    }

    /// Types keys as tmux names them (`Enter`, `C-c`) or, with `literal`, as text.
    fn keys(&self, keys: &str, literal: bool) {
        let mut args = vec!["send-keys", "-t", "t"];
        if literal {
            args.push("-l");
        }
        args.push(keys);
        assert!(self.tmux(&args).status.success());
    }

    /// Waits until `done` holds for the screen, and fails with the screen after 15 s.
    fn wait_for(&self, what: &str, done: impl Fn(&Terminal) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited in vain for {what}; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn search_open_mark_twice_around_a_mark_from_another_terminal_then_quit() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let record = env.path().join("opened.txt");
    let browser = env.write("browser.sh", format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", record.display()));
    std::fs::set_permissions(&browser, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
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
    assert!(lines[0].contains("track: BERT and its relatives · 1 of 14 read"), "the track's progress: {screen}");
    assert!(lines[0].trim_end().ends_with("14 of 310 papers · 1 of 14 read"), "read among the shown: {screen}");
    assert!(lines[1].starts_with("  1.   elmo ") && lines[2].starts_with("  2. ✓ bert "), "numbered: {screen}");
    assert!(lines[14].starts_with(" 14.   dpr "), "in step order to the end: {screen}");
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
    assert!(screen.lines().nth(1).is_some_and(|row| row.starts_with("  3.   roberta ")), "{screen}");
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

//! A real terminal for the tests: tmux with a server of its own, running the real binary,
//! keys typed and the screen read back. Used by the browser's tests and the search's parity
//! test.

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
pub struct Terminal {
    socket: PathBuf,
    home: PathBuf,
    status: PathBuf,
}

impl Terminal {
    /// Starts `roadmap ARGS` in a 110x32 terminal, or returns none when tmux is missing
    /// outside CI (CI installs it).
    pub fn start(env: &TestEnv, variables: &[(&str, &Path)], args: &[&str]) -> Option<Terminal> {
        Terminal::start_sized(env, variables, args, (110, 32))
    }

    /// Starts `roadmap ARGS` in a terminal of `size` (columns, rows).
    pub fn start_sized(
        env: &TestEnv,
        variables: &[(&str, &Path)],
        args: &[&str],
        size: (u16, u16),
    ) -> Option<Terminal> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is missing on CI");
            eprintln!("skipping: tmux is not installed (CI installs it)");
            return None;
        }
        let home = env.path().to_path_buf();
        // Note: with `set-clipboard on`, what the program copies with OSC 52 becomes tmux's buffer.
        let config = env.write("tmux.conf", "set -g status off\nset -g set-clipboard on\n");
        // Note: each terminal has a socket and a status file of its own, so a test may start
        // one after another in the same home (the browser reopening where it was).
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let number = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (socket, status) = (home.join(format!("tmux-{number}.socket")), home.join(format!("status-{number}")));
        let terminal = Terminal { socket, status, home };
        let binary = assert_cmd::cargo::cargo_bin("roadmap");
        let script = format!("\"$0\" \"$@\"; echo $? > '{}'; exec sleep 600", terminal.status.display());
        let mut command: Vec<String> = vec!["sh".into(), "-c".into(), script, binary.display().to_string()];
        command.extend(args.iter().map(|arg| (*arg).to_owned()));
        let mut new_session = vec!["-f".to_owned(), config.display().to_string(), "new-session".to_owned()];
        new_session.extend(["-d", "-x", &size.0.to_string(), "-y", &size.1.to_string(), "-s", "t"].map(str::to_owned));
        for (name, value) in variables {
            new_session.extend(["-e".to_owned(), format!("{name}={}", value.display())]);
        }
        new_session.extend(command);
        let output = terminal.tmux(&new_session.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(output.status.success(), "tmux: {}", String::from_utf8_lossy(&output.stderr));
        Some(terminal)
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
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

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// How `roadmap` ended: its exit status, once it has ended (128 + N when signal N ended it).
    pub fn exit_status(&self) -> Option<String> {
        std::fs::read_to_string(&self.status).ok().map(|status| status.trim().to_owned()).filter(|s| !s.is_empty())
    }

    /// The process id of `roadmap` (the child of the window's shell).
    pub fn program_pid(&self) -> String {
        let shell = self.show("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        children.split_whitespace().next().expect("roadmap runs under the window's shell").to_owned()
    }

    /// A tmux format of the window, such as `#{alternate_on}`.
    pub fn show(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display", "-p", "-t", "t", format]).stdout).trim().to_owned()
    }

    /// Types keys as tmux names them (`Enter`, `C-c`) or, with `literal`, as text.
    pub fn keys(&self, keys: &str, literal: bool) {
        let mut args = vec!["send-keys", "-t", "t"];
        if literal {
            args.push("-l");
        }
        args.push(keys);
        assert!(self.tmux(&args).status.success());
    }

    /// tmux's newest paste buffer (what the program last copied), empty without one.
    pub fn clipboard(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["show-buffer"]).stdout).into_owned()
    }

    /// Waits until `done` holds for the screen, and fails with the screen after 15 s.
    pub fn wait_for(&self, what: &str, done: impl Fn(&Terminal) -> bool) {
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

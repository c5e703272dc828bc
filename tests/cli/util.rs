//! One integration helper that pins the environment, so no test depends on the
//! developer's shell, home directory or terminal.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A scrubbed environment: empty HOME and XDG directories in a temporary directory,
/// no NO_COLOR, BROWSER or ROADMAP_* from the caller.
pub struct TestEnv {
    /// The temporary directory that holds HOME.
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    /// `roadmap` with a clean environment; stdout is a pipe, so colour is off by default.
    pub fn roadmap(&self) -> Command {
        let mut command = Command::cargo_bin("roadmap").expect("the roadmap binary");
        let home = self.dir.path();
        command
            .env_clear()
            .env("HOME", home)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        command
    }

    /// `roadmap --no-default --catalog tests/fixtures/NAME.yaml`.
    pub fn with_fixture(&self, name: &str) -> Command {
        let mut command = self.roadmap();
        command.arg("--no-default").arg("--catalog").arg(fixture(name));
        command
    }

    /// Writes a file in the temporary directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("writable temporary directory");
        path
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// The path of a fixture catalog.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(format!("{name}.yaml"))
}

/// Runs a command that must succeed and returns its stdout.
pub fn stdout(command: &mut Command) -> String {
    let output = command.output().expect("roadmap runs");
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The lines of a listing, such as `--format ids` prints.
pub fn ids(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// The first tab-separated field of every line.
pub fn first_fields(text: &str) -> Vec<String> {
    text.lines().map(|line| line.split('\t').next().unwrap_or_default().to_owned()).collect()
}

/// The names of temporary files (`*.tmp`) left in a directory: an atomic write leaves none.
pub fn temporary_files(directory: &Path) -> Vec<String> {
    std::fs::read_dir(directory)
        .expect("a readable directory")
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

/// `text` without its escape sequences (colours and the like).
pub fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(char::is_ascii_alphabetic);
        } else {
            out.push(c);
        }
    }
    out
}

/// The README's example overlay, `examples/my-papers.yaml`.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/my-papers.yaml")
}

/// What `roadmap ARGS` prints on the mini fixture at `columns` columns.
pub fn mini(env: &TestEnv, columns: &str, args: &[&str]) -> String {
    stdout(env.with_fixture("mini").env("COLUMNS", columns).args(args))
}

/// The mini fixture with some progress: alpha read, gamma being read, a dated note on beta.
pub fn with_progress() -> TestEnv {
    let env = TestEnv::new();
    env.with_fixture("mini").args(["mark", "alpha", "read"]).assert().success();
    env.with_fixture("mini").args(["mark", "gamma", "reading"]).assert().success();
    env.with_fixture("mini")
        .args(["--today", "2026-05-06", "note", "beta", "both ways\n- second line"])
        .assert()
        .success();
    env
}

/// Whether a line holds nothing but a link (indented or not): a link longer than the line
/// stands alone there rather than be broken, so it may be wider than the terminal.
pub fn is_lone_link(line: &str) -> bool {
    let trimmed = line.trim();
    (trimmed.starts_with("https://") || trimmed.starts_with("http://")) && !trimmed.contains(' ')
}

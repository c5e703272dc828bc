//! The one place that writes data to stdout and messages to stderr, and the broken-pipe rule.
//!
//! Every message passes [`crate::text::sanitize_message`] on its way out, so a control
//! character quoted from a file, an argument or the environment never reaches the
//! terminal raw, whatever the message.

use std::io::{self, Write};

/// Writes `text` to stdout through one lock and one flush.
pub fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Puts `text` on the clipboard of the terminal that shows stdout, with the OSC 52
/// sequence (which terminals, tmux with `set-clipboard` and SSH pass on): the text goes
/// base64-encoded, so no byte of it can drive the terminal.
pub fn clipboard(text: &str) -> io::Result<()> {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write_stdout(&format!("\u{1b}]52;c;{encoded}\u{7}"))
}

/// Whether an error is only the reader of our stdout going away (`roadmap list | head -1`),
/// which ends the program quietly with success.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe))
}

/// Writes a message for the user to stderr (never data); a closed stderr is ignored.
pub fn message(text: &str) {
    let _ = writeln!(io::stderr(), "{}", crate::text::sanitize_message(text));
}

/// `warning: …` on stderr: something was guessed at, and the command goes on.
pub fn warn(text: &str) {
    message(&format!("warning: {text}"));
}

/// `error: …` on stderr, with the error's causes after it.
pub fn error(error: &anyhow::Error) {
    message(&format!("error: {error:#}"));
}

/// A progress bar on stderr that appears only once its work has taken a second, and never
/// in a pipe (indicatif draws nothing when stderr is not a terminal). Dropped, it clears.
pub struct Bar {
    bar: indicatif::ProgressBar,
    stop: Option<std::sync::mpsc::Sender<()>>,
    waiter: Option<std::thread::JoinHandle<()>>,
}

impl Bar {
    /// A bar over `length` steps, hidden for its first second.
    pub fn new(length: u64) -> Bar {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        let bar = ProgressBar::with_draw_target(Some(length), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {wide_msg}") {
            bar.set_style(style.progress_chars("=> "));
        }
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let shown = bar.clone();
        let waiter = std::thread::spawn(move || {
            let second = std::time::Duration::from_secs(1);
            if stopped.recv_timeout(second) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(std::time::Duration::from_millis(120));
            }
        });
        Bar { bar, stop: Some(stop), waiter: Some(waiter) }
    }

    /// Says what is under way (sanitised, as every message).
    pub fn say(&self, text: &str) {
        self.bar.set_message(crate::text::sanitize_message(text).into_owned());
    }

    /// One step done.
    pub fn step(&self) {
        self.bar.inc(1);
    }

    /// Writes a message to stderr with the bar out of its way.
    pub fn message(&self, text: &str) {
        self.bar.suspend(|| message(text));
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(waiter) = self.waiter.take() {
            let _ = waiter.join();
        }
        self.bar.finish_and_clear();
    }
}

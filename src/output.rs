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

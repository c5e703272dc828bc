//! The one place that writes data to stdout, and the broken-pipe rule.

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
    let _ = writeln!(io::stderr(), "{text}");
}

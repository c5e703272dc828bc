//! Starting other programs: a browser for links (`$BROWSER`, else the platform's opener)
//! and an editor for notes (`$VISUAL`, else `$EDITOR`). The one place that splits a
//! command line as a shell would, spawns it, and says how it ended in words.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use crate::text::sanitize;

/// How a program ended, in words: "exited with status 3", "was killed by signal 9".
pub fn describe_exit(status: ExitStatus) -> String {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("was killed by signal {signal}");
    }
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "ended abnormally".to_owned(),
    }
}

/// Refuses anything but a http(s) link.
///
/// Note: catalogs only admit http(s) links; this guards the browser against anything else regardless.
pub fn only_http(url: &str) -> anyhow::Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        bail!("refusing to open '{}': only http(s) links are opened", sanitize(url));
    }
    Ok(())
}

/// A program started on a link, still running: the browser watches it and reports a failure.
pub struct Started {
    pub child: Child,
    /// The program's name, for messages.
    pub name: String,
}

/// How long the command line waits to see whether an opener fails before leaving it to run:
/// an opener hands the link over and ends at once, a browser started afresh may run for hours.
const FAILURE_WINDOW: Duration = Duration::from_secs(3);

/// Opens `url` (the command line's `open`): `$BROWSER` when set, else the platform's opener.
/// A program that fails within a few seconds is an error, named with how it ended; one still
/// running then is left to run.
pub fn open(url: &str, browser: Option<&OsStr>) -> anyhow::Result<()> {
    let mut started = start(url, browser, browser.is_none())?;
    let deadline = Instant::now() + FAILURE_WINDOW;
    while Instant::now() < deadline {
        match started.child.try_wait().with_context(|| format!("cannot tell how {} ended", started.name))? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => bail!("{} {} while opening {url}", started.name, describe_exit(status)),
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    Ok(())
}

/// Starts opening `url` without waiting (the browser's `o` and `p`), its output kept off the
/// screen; the caller watches the program and reports how it ends.
pub fn open_in_background(url: &str, browser: Option<&OsStr>) -> anyhow::Result<Started> {
    start(url, browser, true)
}

fn start(url: &str, browser: Option<&OsStr>, quiet: bool) -> anyhow::Result<Started> {
    only_http(url)?;
    let mut candidates = match browser {
        Some(browser) => {
            vec![(command_line(browser, "$BROWSER")?, format!("$BROWSER '{}'", sanitize(&browser.to_string_lossy())))]
        }
        None => ::open::commands(url)
            .into_iter()
            .map(|command| {
                let name = command.get_program().to_string_lossy().into_owned();
                (command, name)
            })
            .collect(),
    };
    if let Some((command, _)) = candidates.first_mut().filter(|_| browser.is_some()) {
        command.arg(url);
    }
    let mut last_error = None;
    for (mut command, name) in candidates {
        command.stdin(Stdio::null());
        if quiet {
            command.stdout(Stdio::null()).stderr(Stdio::null());
        }
        match command.spawn() {
            Ok(child) => return Ok(Started { child, name }),
            Err(error) => {
                last_error = Some(format!("cannot run {name}: {}", crate::catalog::read::describe_io(&error)));
            }
        }
    }
    bail!(
        "{}; open {url} yourself",
        last_error.unwrap_or_else(|| "no program to open links with is known here".to_owned())
    )
}

/// Runs the editor on `file` and waits for it; the terminal is the editor's meanwhile.
pub fn edit(editor: &OsStr, file: &Path) -> anyhow::Result<()> {
    let name = format!("the editor '{}'", sanitize(&editor.to_string_lossy()));
    let status = command_line(editor, "the editor command")?
        .arg(file)
        .status()
        .map_err(|error| anyhow::anyhow!("cannot run {name}: {}", crate::catalog::read::describe_io(&error)))?;
    if !status.success() {
        bail!("{name} {}", describe_exit(status));
    }
    Ok(())
}

/// A command line from the environment split into words as a shell would: the program and
/// its first arguments.
fn command_line(line: &OsStr, what: &str) -> anyhow::Result<Command> {
    let text = line.to_string_lossy();
    let shown = sanitize(&text);
    let words = shell_words::split(&text).with_context(|| format!("cannot split {what} '{shown}' into words"))?;
    let (program, arguments) = words.split_first().with_context(|| format!("{what} '{shown}' is blank"))?;
    let mut command = Command::new(program);
    command.args(arguments);
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_exit_is_described_in_words() {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(describe_exit(ExitStatus::from_raw(768)), "exited with status 3");
        assert_eq!(describe_exit(ExitStatus::from_raw(9)), "was killed by signal 9");
    }

    #[test]
    fn only_web_links_are_opened() {
        assert!(only_http("https://arxiv.org/abs/1706.03762").is_ok());
        let error = only_http("file:///etc/passwd\u{1b}[2J").expect_err("not a web link");
        assert!(!error.to_string().contains('\u{1b}'), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_browser_is_named_with_its_status() {
        let error = open("https://example.org/", Some(OsStr::new("sh -c 'exit 3'"))).expect_err("fails");
        assert_eq!(
            error.to_string(),
            "$BROWSER 'sh -c 'exit 3'' exited with status 3 while opening https://example.org/"
        );
    }

    #[test]
    fn a_blank_command_line_is_refused() {
        assert!(command_line(OsStr::new("  "), "$BROWSER").is_err());
        assert!(command_line(OsStr::new("vim 'unclosed"), "the editor command").is_err());
    }
}

//! `roadmap open`: papers' pages in the browser, or their URLs with `--print`.

use std::ffi::OsStr;
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};

use super::{Context, describe_exit};
use crate::output;
use crate::query;

/// Resolves every id first (so a typo opens nothing), then opens or prints each URL. A paper
/// without a PDF opens its page under `--pdf`, and a browser that fails on one paper does not
/// stop the rest: every failure is reported and the run ends in an error.
pub fn run(context: &Context, ids: &[String], pdf: bool, print: bool) -> anyhow::Result<String> {
    let mut urls: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        let paper = query::resolve(&context.catalog, id)?;
        let url = match (pdf, paper.pdf_url()) {
            (true, Some(pdf)) => pdf,
            (true, None) => {
                output::message(&format!("note: '{}' has no PDF link; opening its page instead", paper.id));
                paper.abs_url()
            }
            (false, _) => paper.abs_url(),
        };
        only_http(&url)?;
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    if print {
        return Ok(urls.iter().map(|url| format!("{url}\n")).collect());
    }
    let failures: Vec<String> = urls
        .iter()
        .filter_map(|url| launch(url, context.settings.browser.as_deref()).err())
        .map(|error| format!("{error:#}"))
        .collect();
    match failures.as_slice() {
        [] => Ok(String::new()),
        [only] => bail!("{only}"),
        several => {
            for failure in &several[..several.len() - 1] {
                output::message(&format!("error: {failure}"));
            }
            bail!("{}", several[several.len() - 1])
        }
    }
}

/// Runs `$BROWSER` (split into words as a shell would, the URL as the last argument) when
/// set, else the platform opener.
fn launch(url: &str, browser: Option<&OsStr>) -> anyhow::Result<()> {
    let Some(browser) = browser else {
        return open::that_detached(url).with_context(|| format!("cannot start a browser; open {url} yourself"));
    };
    let line = browser.to_string_lossy();
    let status = browser_command(browser, url)?
        .stdin(Stdio::null())
        .status()
        .with_context(|| format!("cannot run $BROWSER '{line}' to open {url}"))?;
    if !status.success() {
        bail!("$BROWSER '{line}' {} while opening {url}", describe_exit(status));
    }
    Ok(())
}

/// Refuses anything but a http(s) link.
///
/// Note: catalogs only admit http(s) links; this guards the browser against anything else regardless.
pub(crate) fn only_http(url: &str) -> anyhow::Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        bail!("refusing to open '{url}': only http(s) links are opened");
    }
    Ok(())
}

/// `$BROWSER` split into words as a shell would, with `url` as its last argument.
pub(crate) fn browser_command(browser: &OsStr, url: &str) -> anyhow::Result<Command> {
    let line = browser.to_string_lossy();
    let words = shell_words::split(&line).with_context(|| format!("cannot split $BROWSER '{line}' into words"))?;
    let (program, arguments) = words.split_first().with_context(|| format!("$BROWSER '{line}' is blank"))?;
    let mut command = Command::new(program);
    command.args(arguments).arg(url);
    Ok(command)
}

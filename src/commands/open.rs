//! `roadmap open`: papers' pages in the browser, or their URLs with `--print`.

use std::ffi::OsStr;
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};

use super::Context;
use crate::query;

/// Resolves every id first (so a typo opens nothing), then opens or prints each URL.
pub fn run(context: &Context, ids: &[String], pdf: bool, print: bool) -> anyhow::Result<String> {
    let mut urls = Vec::with_capacity(ids.len());
    for id in ids {
        let paper = query::resolve(&context.catalog, id)?;
        let url = if pdf {
            paper.pdf_url().with_context(|| {
                format!("'{}' has no PDF link; `roadmap open {}` opens its page", paper.id, paper.id)
            })?
        } else {
            paper.abs_url()
        };
        // Note: catalogs only admit http(s) links; this guards the browser against anything else regardless.
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            bail!("refusing to open '{url}': only http(s) links are opened");
        }
        urls.push(url);
    }
    if print {
        return Ok(urls.iter().map(|url| format!("{url}\n")).collect());
    }
    for url in &urls {
        launch(url, context.settings.browser.as_deref())?;
    }
    Ok(String::new())
}

/// Runs `$BROWSER URL` when set, else the platform opener.
fn launch(url: &str, browser: Option<&OsStr>) -> anyhow::Result<()> {
    match browser {
        Some(browser) => {
            let name = browser.to_string_lossy();
            let status = Command::new(browser)
                .arg(url)
                .stdin(Stdio::null())
                .status()
                .with_context(|| format!("cannot run $BROWSER '{name}' to open {url}"))?;
            if !status.success() {
                bail!("$BROWSER '{name}' failed ({status}) to open {url}");
            }
            Ok(())
        }
        None => open::that_detached(url).with_context(|| format!("cannot start a browser; open {url} yourself")),
    }
}

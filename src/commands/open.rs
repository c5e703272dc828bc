//! `roadmap open`: papers' pages in the browser, or their URLs with `--print`.

use anyhow::bail;

use super::Context;
use crate::query;
use crate::{launch, output};

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
        launch::only_http(&url)?;
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    if print {
        return Ok(urls.iter().map(|url| format!("{url}\n")).collect());
    }
    let failures: Vec<String> = urls
        .iter()
        .filter_map(|url| launch::open(url, context.settings.browser.as_deref()).err())
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

//! `roadmap add`: a paper's metadata from arXiv's API made into an entry of your own catalog
//! (the platform's data directory), your words on it written in the editor, and the entry
//! saved only once the whole catalog still loads (the pipeline `check` runs), atomically,
//! the rest of the file as it was.

mod atom;
mod entry;
mod fetch;

use std::path::Path;

use anyhow::{Context as _, bail};

use crate::catalog::read::{self, LIMIT};
use crate::catalog::{self, ArxivId, Cache, Catalog, Input};
use crate::draft::{Draft, Template};
use crate::settings::Settings;
use crate::text::sanitize;
use crate::{atomic, output, query};
use entry::Facts;

/// What `roadmap add` was asked to do.
pub struct Options<'a> {
    /// An arXiv id or link, as typed.
    pub reference: &'a str,
    /// The family the paper goes in (`--family`).
    pub family: Option<&'a str>,
    /// Print the entry; write nothing.
    pub dry_run: bool,
    /// Save a draft without opening the editor.
    pub no_edit: bool,
}

/// Adds the paper `options` names to your catalog; returns what goes to stdout (the YAML,
/// on a dry run).
pub fn run(settings: &Settings, options: &Options<'_>) -> anyhow::Result<String> {
    let arxiv = ArxivId::find_in(options.reference).with_context(|| {
        format!(
            "'{}' names no arXiv paper: give an arXiv id (2305.18290), `arXiv:ID`, arXiv's DOI or a link to its page",
            sanitize(options.reference)
        )
    })?;
    let catalog = settings.load_catalog()?;
    if let Some(paper) = catalog.papers.iter().find(|paper| paper.arxiv.as_ref() == Some(&arxiv)) {
        bail!(
            "arXiv {arxiv} is already in the catalog as '{}' ({}); `roadmap show {}` shows it",
            paper.id,
            catalog.locate(paper.origin),
            paper.id
        );
    }
    let family = options.family.map(|family| query::known_family(&catalog, family)).transpose()?;
    let family = family.map(|family| family.id.as_str());
    // Note: everything that can stop the command is settled before arXiv is asked.
    let own = match &settings.own_catalog {
        _ if options.dry_run => None,
        Some(own) => Some(own.as_path()),
        None => bail!("cannot tell where your catalog goes (no data or home directory); nothing was fetched"),
    };
    let editor = match settings.editor.as_deref() {
        _ if options.dry_run || options.no_edit => None,
        Some(editor) => Some(editor),
        None => bail!(
            "neither $VISUAL nor $EDITOR is set, so there is no editor to write the entry in; set one, or pass --no-edit to save a draft"
        ),
    };
    let facts = ask_arxiv(settings, &arxiv, &catalog)?;
    let Some(own) = own else {
        return Ok(facts.item(family, &facts.summary, true)? + "\n");
    };
    let saved = if let Some(editor) = editor {
        let body =
            format!("{}\n  focus: []\n  builds_on: []", facts.item(Some(family.unwrap_or_default()), "", false)?);
        let template = Template {
            prefix: format!("roadmap-add-{}-", facts.id),
            suffix: ".yaml",
            body: &body,
            help: help(&facts, own),
            what: "entry",
            retry: None,
        };
        Draft::edit(editor, &template)?.save(|text| save(settings, own, &arxiv, text))?
    } else {
        save(settings, own, &arxiv, &facts.item(family, &facts.summary, true)?)?
    };
    output::message(&format!("added {saved} (arXiv {arxiv}) to {}", own.display()));
    Ok(String::new())
}

/// The facts of `arxiv`'s paper, from arXiv's API.
fn ask_arxiv(settings: &Settings, arxiv: &ArxivId, catalog: &Catalog) -> anyhow::Result<Facts> {
    let body = fetch::fetch(&settings.arxiv, &settings.net, settings.cache.as_deref(), arxiv)?;
    let url = sanitize(&fetch::query_url(&settings.arxiv, arxiv)).into_owned();
    let entries = atom::entries(&body).map_err(|error| anyhow::anyhow!("the answer from {url} {error}"))?;
    let Some(preprint) = entries.into_iter().next() else {
        bail!("arXiv has no paper {arxiv} (its answer lists none): check the id");
    };
    let Some(found) = preprint.arxiv_id() else {
        let said = entry::fold(&preprint.summary);
        bail!("arXiv refused the query for {arxiv}: {}", if said.is_empty() { "no reason given" } else { &said });
    };
    if found != *arxiv {
        bail!("arXiv answered about {found} when asked about {arxiv}; nothing was written");
    }
    if entry::fold(&preprint.title).is_empty() || preprint.authors.is_empty() {
        bail!("arXiv's answer about {arxiv} has no title or no authors; nothing was written");
    }
    if let Some((year, month)) = preprint.published_month()
        && (year, month) != (arxiv.year(), arxiv.month())
    {
        output::warn(&format!(
            "arXiv dates version 1 {year}-{month:02}; the id says {}-{:02}, which the catalog keeps",
            arxiv.year(),
            arxiv.month()
        ));
    }
    // Note: a category the catalog would refuse is left out rather than failing the entry.
    let class = preprint.primary_category.as_deref().filter(|class| catalog::validate::is_arxiv_class(class));
    Ok(Facts::new(arxiv.clone(), &preprint.title, &preprint.authors, &preprint.summary, class, catalog))
}

/// The help under the editor's cut line: what to fill in, and the abstract to read.
fn help(facts: &Facts, own: &Path) -> String {
    let mut help = format!(
        "# Your entry for arXiv {} (\"{}\"), to be added to {}.\n\
         # Fill in family (`roadmap families` lists them), contribution (what the paper changed,\n\
         # in your words), focus (what to study closely, one `- item` a line) and builds_on (ids\n\
         # of the papers it directly extends). The entry is saved only if the catalog still\n\
         # loads; otherwise this file is kept. Everything from the cut line down is left out;\n\
         # save an empty file to cancel.\n#\n# The abstract:\n",
        facts.arxiv,
        facts.title,
        own.display()
    );
    let mut line = String::from("#  ");
    for word in facts.summary.split(' ') {
        if line.len() + word.len() > 88 {
            help.push_str(&line);
            help.push('\n');
            line = String::from("#  ");
        }
        line.push(' ');
        line.push_str(word);
    }
    help.push_str(&line);
    help
}

/// Adds `item` to your catalog `own` when the catalogs still load with it, and writes the
/// file atomically; returns the new paper's id. Nothing is written otherwise.
fn save(settings: &Settings, own: &Path, arxiv: &ArxivId, item: &str) -> anyhow::Result<String> {
    if item.trim().is_empty() {
        bail!("the entry is empty; nothing was saved");
    }
    let name = own.display().to_string();
    let shown = sanitize(&name).into_owned();
    let current = if own.symlink_metadata().is_ok() {
        let bytes = read::read(own, LIMIT).map_err(|error| anyhow::anyhow!("'{shown}' {error}"))?;
        Some(String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("'{shown}' is not UTF-8 text"))?)
    } else {
        None
    };
    let text = entry::insert(current.as_deref(), item).with_context(|| format!("cannot add to '{shown}'"))?;
    let base = if settings.include_default { catalog::embedded() } else { Catalog::default() };
    let inputs = std::iter::once(Input::bytes(&name, false, text.clone().into_bytes()))
        .chain(settings.catalogs.iter().map(|path| Input::file(path)));
    let merged = catalog::merge(base, inputs, &Cache::default())?;
    let paper = merged
        .papers
        .iter()
        .find(|paper| paper.arxiv.as_ref() == Some(arxiv))
        .with_context(|| format!("the entry must keep `arxiv: {arxiv}`"))?;
    if let Some(directory) = own.parent() {
        std::fs::create_dir_all(directory)
            .with_context(|| format!("cannot create '{}'", sanitize(&directory.display().to_string())))?;
    }
    atomic::write(own, text.as_bytes(), atomic::NewFile::Shared)
        .map_err(|error| anyhow::anyhow!("cannot write '{shown}': {}", read::describe_io(&error)))?;
    Ok(paper.id.clone())
}

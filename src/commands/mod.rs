//! One module per subcommand: each gathers what it needs and hands it to a renderer.

pub mod check;
pub mod cite;
pub mod completions;
pub mod export;
pub mod families;
pub mod graph;
pub mod list;
pub mod man;
pub mod mark;
pub mod next;
pub mod note;
pub mod notes;
pub mod open;
pub mod orgs;
pub mod path;
pub mod paths;
pub mod progress;
pub mod search;
pub mod show;
pub mod tags;
pub mod timeline;
pub mod tracks;
pub mod tree;
pub mod vault;
pub mod whatsnew;

use anyhow::Context as _;

use crate::catalog::{Catalog, Paper};
use crate::progress::{Progress, Store};
use crate::render::ListFormat;
use crate::render::columns::{Layout, PaperField, PaperRecord, paper_columns};
use crate::render::{Look, listing};
use crate::settings::Settings;

/// What every command works with: the loaded catalog, the reading progress and the settings.
pub struct Context {
    /// The merged, validated catalog.
    pub catalog: Catalog,
    /// The reading progress (empty when there is no progress file).
    pub progress: Progress,
    /// How the program was invoked.
    pub settings: Settings,
}

impl Context {
    /// Loads the progress file named by the settings (none: empty progress).
    pub fn new(catalog: Catalog, settings: Settings) -> anyhow::Result<Context> {
        let progress = match &settings.state {
            Some(path) => Store::new(path.clone()).load()?,
            None => Progress::default(),
        };
        Ok(Context { catalog, progress, settings })
    }

    /// The progress file, for commands that change it.
    pub fn store(&self) -> anyhow::Result<Store> {
        self.settings
            .state
            .clone()
            .map(Store::new)
            .context("cannot tell where to keep progress (no home directory); pass --state PATH or set ROADMAP_STATE")
    }

    /// How human output should look.
    pub fn look(&self) -> Look {
        Look { color: self.settings.color, width: self.settings.width, lang: self.settings.lang }
    }

    /// The requested listing format, else a table on a terminal and plain text in a pipe.
    pub fn list_format(&self, requested: Option<ListFormat>) -> ListFormat {
        self.settings.list_format(requested)
    }

    /// Renders papers as a listing: `columns` when given, else id, year, family and title,
    /// to which tables add a step (`numbered`) and, once any progress exists, the status.
    pub fn paper_listing(
        &self,
        papers: &[&Paper],
        format: Option<ListFormat>,
        columns: &[PaperField],
        numbered: bool,
    ) -> anyhow::Result<String> {
        let rows: Vec<PaperRecord<'_>> = papers
            .iter()
            .enumerate()
            .map(|(index, paper)| PaperRecord {
                step: index + 1,
                ..PaperRecord::new(&self.catalog, &self.progress, paper, self.settings.lang)
            })
            .collect();
        let format = self.list_format(format);
        let layout = Layout { numbered, status: !self.progress.is_empty(), chosen: columns.to_vec() };
        if rows.is_empty() {
            self.say_empty("no paper matches these filters");
        }
        listing(format, &paper_columns(&layout, format == ListFormat::Table), &rows, self.look())
    }

    /// Tells a person at a terminal that a listing came out empty (a pipe gets nothing).
    pub fn say_empty(&self, message: &str) {
        if self.settings.stdout_is_terminal {
            crate::output::message(message);
        }
    }
}

/// How a child process ended, in words: "exited with status 3", "was killed by signal 9".
pub fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("was killed by signal {signal}");
    }
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "ended abnormally".to_owned(),
    }
}

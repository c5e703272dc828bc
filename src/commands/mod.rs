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
pub mod open;
pub mod path;
pub mod paths;
pub mod progress;
pub mod search;
pub mod show;
pub mod timeline;
pub mod tree;

use anyhow::Context as _;

use crate::catalog::{Catalog, Paper};
use crate::cli::ListFormat;
use crate::progress::{Progress, Store};
use crate::render::columns::{Layout, PaperRecord, paper_columns};
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
        Look { color: self.settings.color, width: self.settings.width }
    }

    /// The requested listing format, else a table on a terminal and plain text in a pipe.
    pub fn list_format(&self, requested: Option<ListFormat>) -> ListFormat {
        self.settings.list_format(requested)
    }

    /// Renders papers as a listing; a status column appears once any progress exists.
    pub fn paper_listing(
        &self,
        papers: &[&Paper],
        format: Option<ListFormat>,
        numbered: bool,
    ) -> anyhow::Result<String> {
        let rows: Vec<PaperRecord<'_>> = papers
            .iter()
            .enumerate()
            .map(|(index, paper)| PaperRecord {
                step: index + 1,
                ..PaperRecord::new(&self.catalog, &self.progress, paper)
            })
            .collect();
        let layout = Layout { numbered, status: !self.progress.is_empty() };
        listing(self.list_format(format), &paper_columns(layout), &rows, self.look())
    }
}

//! What every command, and the browser, is handed: the loaded catalog, the reading
//! progress and the settings, with the few helpers they all use.

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
    /// Why the progress file could not be read, when it could not (then `progress` is empty
    /// and every write refuses).
    pub progress_trouble: Option<String>,
}

/// Whether a command changes the progress file: one that does refuses to start when the
/// file cannot be read; one that only reads goes on without statuses, with a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    Read,
    Write,
}

impl Context {
    /// Loads the progress file named by the settings (none: empty progress). A file that
    /// cannot be read stops a command that writes; for one that only reads it is a warning,
    /// and the command goes on without statuses (a write reads the file again under its
    /// lock, so it refuses all the same).
    pub fn new(catalog: Catalog, settings: Settings, usage: Use) -> anyhow::Result<Context> {
        let loaded = match &settings.state {
            Some(path) => Store::new(path.clone()).load(),
            None => Ok(Progress::default()),
        };
        let (progress, progress_trouble) = match loaded {
            Ok(progress) => (progress, None),
            Err(error) if usage == Use::Write => return Err(error),
            Err(error) => {
                let trouble = format!("{error:#}");
                crate::output::warn(&format!("{trouble}; showing no reading statuses"));
                (Progress::default(), Some(trouble))
            }
        };
        for (id, number) in progress.notes_with_control_characters() {
            crate::output::warn(&format!(
                "note {number} on {id} holds a control character; it is shown escaped and kept as it is"
            ));
        }
        Ok(Context { catalog, progress, settings, progress_trouble })
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
        let settings = &self.settings;
        Look { color: settings.color, width: settings.width, lang: settings.lang, hyperlinks: settings.hyperlinks }
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
            .map(|paper| PaperRecord::new(&self.catalog, &self.progress, paper, self.settings.lang))
            .collect();
        self.record_listing(rows, format, columns, numbered)
    }

    /// Writes paper records (a search's, with where each matched; `next`'s, with why) as
    /// `paper_listing` does.
    pub fn record_listing(
        &self,
        mut rows: Vec<PaperRecord<'_>>,
        format: Option<ListFormat>,
        columns: &[PaperField],
        numbered: bool,
    ) -> anyhow::Result<String> {
        for (index, row) in rows.iter_mut().enumerate() {
            row.step = index + 1;
        }
        let format = self.list_format(format);
        let layout = Layout {
            numbered,
            status: !self.progress.is_empty(),
            matched: rows.iter().any(|row| row.matched.is_some()),
            reason: rows.iter().any(|row| row.reason.is_some()),
            chosen: columns.to_vec(),
        };
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

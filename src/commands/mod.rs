//! One module per subcommand: each gathers what it needs and hands it to a renderer.

pub mod check;
pub mod families;
pub mod list;
pub mod open;
pub mod show;
pub mod timeline;

use crate::catalog::Catalog;
use crate::cli::ListFormat;
use crate::render::Look;
use crate::settings::Settings;

/// What every command works with: the loaded catalog and the settings.
pub struct Context {
    /// The merged, validated catalog.
    pub catalog: Catalog,
    /// How the program was invoked.
    pub settings: Settings,
}

impl Context {
    /// How human output should look.
    pub fn look(&self) -> Look {
        Look { color: self.settings.color, width: self.settings.width }
    }

    /// The requested listing format, else a table on a terminal and plain text in a pipe.
    pub fn list_format(&self, requested: Option<ListFormat>) -> ListFormat {
        requested.unwrap_or(if self.settings.stdout_is_terminal { ListFormat::Table } else { ListFormat::Plain })
    }
}

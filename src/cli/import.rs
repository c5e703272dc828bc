//! The options of `roadmap import`: a library or a progress file, the status it gives, and
//! a dry run.

use std::path::PathBuf;

use clap::Args;

use crate::progress::Status;

/// What `roadmap import` reads and what it marks.
#[derive(Debug, Args)]
pub struct ImportOptions {
    /// The library or progress file (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The status the papers found get.
    #[arg(long, value_name = "STATUS", default_value = "read", ignore_case = true)]
    pub mark: Status,
    /// Show what would be marked; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

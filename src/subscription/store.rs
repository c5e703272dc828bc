//! Where subscriptions live: `subscriptions.json` in the data directory (written whole,
//! under a lock) and each subscription's copy in `subscriptions/NAME/COPY/`. A new copy is
//! written beside the old one and swapped in by rewriting the subscriptions file, so a
//! reader sees the old copy or the new one, never half of either.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::{Subscription, Subscriptions};
use crate::atomic;
use crate::catalog::read::{self, Kind, ReadError};

/// The most the subscriptions file may hold.
const LIMIT: u64 = 4 * 1024 * 1024;

/// The subscriptions of one data directory.
#[derive(Clone, Debug)]
pub struct Store {
    directory: PathBuf,
}

impl Store {
    /// The store in `directory` (the platform's data directory for roadmap).
    pub fn new(directory: PathBuf) -> Store {
        Store { directory }
    }

    /// The subscriptions file.
    pub fn file(&self) -> PathBuf {
        self.directory.join("subscriptions.json")
    }

    /// The directory of a subscription's copies.
    pub fn home(&self, name: &str) -> PathBuf {
        self.directory.join("subscriptions").join(name)
    }

    /// The files of a subscription's copy, in load order (none before its first update).
    pub fn files(&self, subscription: &Subscription) -> Vec<PathBuf> {
        let Some(copy) = &subscription.copy else { return Vec::new() };
        let directory = self.home(&subscription.name).join(copy);
        subscription.files.iter().map(|file| directory.join(file)).collect()
    }

    /// Reads the subscriptions file; a missing one means none.
    pub fn load(&self) -> anyhow::Result<Subscriptions> {
        let path = self.file();
        let shown = crate::text::sanitize(&path.to_string_lossy()).into_owned();
        let bytes = match read::read_kinds(&path, LIMIT, &[Kind::File]) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Subscriptions { version: 1, subscriptions: Vec::new() });
            }
            Err(error) => bail!("the subscriptions file '{shown}' {error}"),
        };
        let subscriptions: Subscriptions = serde_json::from_slice(&bytes).map_err(|error| {
            anyhow::anyhow!(
                "the subscriptions file '{shown}' is corrupt ({error}); it was left untouched: fix or move it away"
            )
        })?;
        if subscriptions.version != 1 {
            bail!(
                "the subscriptions file '{shown}' has version {}; this program reads version 1",
                subscriptions.version
            );
        }
        Ok(subscriptions)
    }

    /// Locks the subscriptions for a change: held until the returned file is dropped.
    pub fn lock(&self) -> anyhow::Result<File> {
        std::fs::create_dir_all(&self.directory)
            .with_context(|| format!("cannot create the data directory '{}'", self.directory.display()))?;
        let path = self.directory.join("subscriptions.json.lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot open the lock file '{}'", path.display()))?;
        lock.lock().with_context(|| format!("cannot lock '{}'", path.display()))?;
        Ok(lock)
    }

    /// Writes the subscriptions file whole (the caller holds the lock).
    pub fn save(&self, subscriptions: &Subscriptions) -> anyhow::Result<()> {
        let mut text = serde_json::to_string_pretty(subscriptions).context("cannot encode the subscriptions")?;
        text.push('\n');
        let path = self.file();
        atomic::write(&path, text.as_bytes(), atomic::NewFile::Private)
            .with_context(|| format!("cannot write the subscriptions file '{}'", path.display()))
    }

    /// Writes `files` as a new copy of the subscription `name`, called `copy`, and returns
    /// its directory: first in a temporary directory, each file synced, then renamed into
    /// place. Nothing the subscriptions file points at is touched.
    pub fn stage(&self, name: &str, copy: &str, files: &[(String, Vec<u8>)]) -> anyhow::Result<PathBuf> {
        let home = self.home(name);
        std::fs::create_dir_all(&home).with_context(|| format!("cannot create '{}'", home.display()))?;
        let staging = tempfile::Builder::new()
            .prefix(".staging-")
            .tempdir_in(&home)
            .with_context(|| format!("cannot create a directory in '{}'", home.display()))?;
        for (file, bytes) in files {
            let path = staging.path().join(file);
            atomic::write(&path, bytes, atomic::NewFile::Private)
                .with_context(|| format!("cannot write '{}'", path.display()))?;
        }
        let target = home.join(copy);
        if target.exists() {
            std::fs::remove_dir_all(&target).with_context(|| format!("cannot replace '{}'", target.display()))?;
        }
        let staged = staging.keep();
        std::fs::rename(&staged, &target)
            .with_context(|| format!("cannot move the new copy to '{}'", target.display()))?;
        Ok(target)
    }

    /// Removes every copy of `name` but `keep` (all of them when `keep` is none), and the
    /// subscription's directory once empty; what cannot be removed is left for next time.
    pub fn prune(&self, name: &str, keep: Option<&str>) {
        let home = self.home(name);
        let Ok(entries) = std::fs::read_dir(&home) else { return };
        for entry in entries.flatten() {
            if keep.is_some_and(|keep| entry.file_name() == keep) {
                continue;
            }
            let _ = std::fs::remove_dir_all(entry.path());
        }
        if keep.is_none() {
            let _ = std::fs::remove_dir(&home);
        }
    }

    /// The data directory.
    pub fn directory(&self) -> &Path {
        &self.directory
    }
}

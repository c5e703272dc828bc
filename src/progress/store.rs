//! The progress file on disk: read without blocking and within a bound, and written
//! whole under a lock. A file that cannot be read is a warning for the commands that only
//! read (they show no statuses) and an error for every command that would write.

use std::fs::File;
use std::path::PathBuf;

use anyhow::{Context as _, bail};

use super::Progress;
use crate::atomic;
use crate::catalog::read::{self, Kind, LIMIT, ReadError};
use crate::catalog::yaml;

/// The progress file at one path.
#[derive(Clone, Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// A store for the file at `path` (which need not exist yet).
    pub fn new(path: PathBuf) -> Store {
        Store { path }
    }

    /// Reads the file; a missing file is an empty state, one that cannot be read or is
    /// corrupt an error naming it. Only a regular file is read, and it is opened in a way
    /// that never blocks, so a FIFO or a device named by mistake is refused at once.
    pub fn load(&self) -> anyhow::Result<Progress> {
        let shown = crate::text::sanitize(&self.path.to_string_lossy()).into_owned();
        let bytes = match read::kind_at(&self.path) {
            Ok(None) => return Ok(Progress::default()),
            Ok(Some(_)) => read::read_kinds(&self.path, LIMIT, &[Kind::File]),
            Err(error) => Err(error),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(ReadError::NotAFile) => {
                bail!("the progress file '{shown}' is not a regular file; name a file with --state")
            }
            Err(ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Progress::default()),
            Err(error) => bail!("the progress file '{shown}' {error}"),
        };
        let text = std::str::from_utf8(&bytes).map_err(|error| format!("not UTF-8 from byte {}", error.valid_up_to()));
        text.and_then(super::parse).map_err(|why| {
            anyhow::anyhow!(
                "the progress file '{shown}' is corrupt ({why}); it was left untouched: fix or move it away"
            )
        })
    }

    /// Locks the file, reads it, applies `change`, and writes the result atomically; when
    /// `change` fails nothing is written.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let directory = self.directory();
        std::fs::create_dir_all(&directory)
            .with_context(|| format!("cannot create the directory '{}' for the progress file", directory.display()))?;
        let lock_path = self.lock_path();
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file '{}'", lock_path.display()))?;
        lock.lock().with_context(|| format!("cannot lock '{}'", lock_path.display()))?;
        let mut progress = self.load()?;
        let result = change(&mut progress)?;
        self.write(&progress)?;
        drop(lock);
        Ok(result)
    }

    fn directory(&self) -> PathBuf {
        match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    fn write(&self, progress: &Progress) -> anyhow::Result<()> {
        let text = yaml::to_yaml(progress).map_err(|error| anyhow::anyhow!("cannot encode the progress: {error}"))?;
        let context = || format!("cannot write the progress file '{}'", self.path.display());
        if self.path.is_dir() {
            bail!("the progress file '{}' is a directory", crate::text::sanitize(&self.path.to_string_lossy()));
        }
        atomic::write(&self.path, text.as_bytes(), atomic::NewFile::Private).with_context(context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Note, Status};

    #[test]
    fn a_missing_file_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("nested/progress.yaml"));
        assert!(store.load().unwrap().is_empty());
    }

    #[test]
    fn marking_round_trips_and_unread_without_notes_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("state/progress.yaml"));
        store
            .update(|progress| {
                progress.set_status("bert", Status::Read, "2026-11-28");
                Ok(())
            })
            .unwrap();
        store
            .update(|progress| {
                progress.add_note("gpt-3", "few-shot", "2026-11-28");
                Ok(())
            })
            .unwrap();
        let progress = store.load().unwrap();
        assert_eq!(progress.status("bert"), Status::Read);
        assert_eq!(progress.notes("gpt-3"), [Note { date: "2026-11-28".into(), text: "few-shot".into() }]);
        store
            .update(|progress| {
                progress.set_status("bert", Status::Unread, "2026-11-29");
                Ok(())
            })
            .unwrap();
        assert!(!store.load().unwrap().papers.contains_key("bert"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("state"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_corrupt_file_is_an_error_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "version: 1\npapers: [not, a, map\n").unwrap();
        let store = Store::new(path.clone());
        let error = store
            .update(|progress| {
                progress.set_status("bert", Status::Read, "2026-11-28");
                Ok(())
            })
            .unwrap_err();
        assert!(error.to_string().contains(&path.display().to_string()), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "version: 1\npapers: [not, a, map\n");
    }

    #[test]
    fn unknown_versions_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        std::fs::write(&path, "version: 9\n").unwrap();
        assert!(Store::new(path).load().unwrap_err().to_string().contains("version 9"));
    }
}

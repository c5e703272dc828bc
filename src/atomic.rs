//! Writing a file whole or not at all: a temporary file in the same directory, synced,
//! renamed into place, and the directory synced so the rename lasts.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who may read a file that does not exist yet (an existing file keeps its permissions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewFile {
    /// Only its owner: the progress file, which holds the learner's notes.
    Private,
    /// Whoever the umask allows, as any program's output: a page meant for sharing.
    Shared,
}

/// Replaces `path` with `bytes` atomically: a reader sees the old file or the new one,
/// never half of one, and a failure leaves the old file as it was. An existing file keeps
/// its permissions and a read-only one is refused, a symbolic link stays a link (its
/// target is replaced or created), and something that is not a regular file (a pipe,
/// `/dev/stdout`) is written to in place, since it cannot be replaced. (A hard link to the
/// old file keeps the old text: the new one is a new file.)
pub fn write(path: &Path, bytes: &[u8], new: NewFile) -> io::Result<()> {
    let target = resolve_links(path).map_err(|error| plain(&error))?;
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|metadata| !metadata.is_file()) {
        return File::create(&target).and_then(|mut file| file.write_all(bytes)).map_err(|error| plain(&error));
    }
    if existing.as_ref().is_some_and(|metadata| metadata.permissions().readonly()) {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, "the file is read-only"));
    }
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".roadmap-").suffix(".tmp");
    if let Some(permissions) = new_file_permissions(new) {
        builder.permissions(permissions);
    }
    let mut temporary = builder.tempfile_in(&directory).map_err(|error| plain(&error))?;
    if let Some(metadata) = existing {
        temporary.as_file().set_permissions(metadata.permissions()).map_err(|error| plain(&error))?;
    }
    temporary.write_all(bytes).map_err(|error| plain(&error))?;
    temporary.as_file().sync_all().map_err(|error| plain(&error))?;
    temporary.persist(&target).map_err(|error| plain(&error.error))?;
    // Note: the rename is durable only once the directory entry is flushed too.
    if let Ok(directory) = File::open(&directory) {
        let _ = directory.sync_all();
    }
    Ok(())
}

/// Where `path` leads through symbolic links, the last of which may point to a file that
/// does not exist yet (it is then created).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut target = path.to_owned();
    // As the kernel does, give up after 40 links: a loop of links leads nowhere.
    for _ in 0..40 {
        if !target.is_symlink() {
            return Ok(target);
        }
        let next = std::fs::read_link(&target)?;
        target = match target.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
    }
    Err(io::Error::from_raw_os_error(40))
}

/// The mode a new file is created with, before the umask.
#[cfg(unix)]
fn new_file_permissions(new: NewFile) -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(match new {
        NewFile::Private => 0o600,
        NewFile::Shared => 0o666,
    }))
}

#[cfg(not(unix))]
fn new_file_permissions(_: NewFile) -> Option<Permissions> {
    None
}

/// The error without the temporary file's name, which means nothing to the reader (the
/// caller names the file it was writing).
fn plain(error: &io::Error) -> io::Error {
    if let Some(code) = error.raw_os_error() {
        return io::Error::from_raw_os_error(code);
    }
    // tempfile words its errors "<the system's words> at path <the temporary file>".
    let message = error.to_string();
    let words = message.split(" at path ").next().unwrap_or_default();
    io::Error::new(error.kind(), words.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_is_left() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("page.html");
        write(&path, b"old", NewFile::Shared).unwrap();
        write(&path, b"new", NewFile::Shared).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<String> = std::fs::read_dir(directory.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["page.html"]);
        let error = write(&directory.path().join("missing/page.html"), b"x", NewFile::Shared).unwrap_err();
        assert!(!error.to_string().contains(".roadmap-"), "{error}");
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(!error.to_string().contains("at path"), "the system's own words: {error}");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_links_stay_links_and_pipes_are_written_in_place() {
        use std::os::unix::fs::PermissionsExt;
        let directory = tempfile::tempdir().unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let private = directory.path().join("progress.yaml");
        write(&private, b"a", NewFile::Private).unwrap();
        assert_eq!(mode(&private), 0o600);
        let shared = directory.path().join("page.html");
        write(&shared, b"a", NewFile::Shared).unwrap();
        let plain = directory.path().join("plain");
        File::create(&plain).unwrap();
        assert_eq!(mode(&shared), mode(&plain), "a shared file gets what the umask gives any new file");
        std::fs::set_permissions(&shared, Permissions::from_mode(0o640)).unwrap();
        write(&shared, b"b", NewFile::Private).unwrap();
        assert_eq!(mode(&shared), 0o640, "an existing file keeps its permissions");

        let link = directory.path().join("link.html");
        std::os::unix::fs::symlink(&shared, &link).unwrap();
        write(&link, b"through the link", NewFile::Shared).unwrap();
        assert!(link.is_symlink());
        assert_eq!(std::fs::read(&shared).unwrap(), b"through the link");

        let dangling = directory.path().join("dangling.html");
        std::os::unix::fs::symlink("made-through-the-link.html", &dangling).unwrap();
        write(&dangling, b"new", NewFile::Shared).unwrap();
        assert!(dangling.is_symlink());
        assert_eq!(std::fs::read(directory.path().join("made-through-the-link.html")).unwrap(), b"new");

        let read_only = directory.path().join("read-only.html");
        write(&read_only, b"kept", NewFile::Shared).unwrap();
        std::fs::set_permissions(&read_only, Permissions::from_mode(0o444)).unwrap();
        let error = write(&read_only, b"lost", NewFile::Shared).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&read_only).unwrap(), b"kept");

        let fifo = directory.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let reader = std::thread::spawn({
            let fifo = fifo.clone();
            move || std::fs::read(fifo).unwrap()
        });
        write(&fifo, b"piped", NewFile::Shared).unwrap();
        assert_eq!(reader.join().unwrap(), b"piped");
        assert!(!std::fs::metadata(&fifo).unwrap().is_file(), "the pipe is still a pipe");
    }
}

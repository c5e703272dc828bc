//! Reading an input from outside (a catalog, a translation, the progress file, a library to
//! import): once, within a size limit, and without blocking on a FIFO that has no writer.
//!
//! Regular files, pipes, FIFOs and process substitution (`<(zcat course.yaml.gz)`) all work;
//! directories, character devices (`/dev/zero`) and sockets are refused before a byte is read.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// The most any one input may hold: 256 MiB, about 300,000 papers of YAML.
pub const LIMIT: u64 = 256 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path names a directory.
    Directory,
    /// The path names a device, socket or other non-file (`/dev/zero`, `/dev/tty`).
    NotAFile,
    /// The input holds more than the limit (in bytes).
    TooLarge(u64),
    /// The system refused (missing file, no permission…).
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Directory => f.write_str("is a directory, not a file"),
            ReadError::NotAFile => {
                f.write_str("is a device or socket, not a file (only files, pipes and FIFOs are read)")
            }
            ReadError::TooLarge(limit) => {
                write!(f, "is larger than the {} MiB an input may hold", limit / (1024 * 1024))
            }
            ReadError::Io(error) => write!(f, "cannot be read: {}", describe_io(error)),
        }
    }
}

impl std::error::Error for ReadError {}

/// The system's words for an I/O error, without Rust's `(os error N)` suffix.
pub fn describe_io(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

/// What kind of thing a path names, as far as reading it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A regular file.
    File,
    /// A pipe or FIFO: a stream with no size known in advance.
    Stream,
}

/// The bytes of the input at `path`, read once, at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_kinds(path, limit, &[Kind::File, Kind::Stream])
}

/// [`read`] that accepts only the kinds in `allowed`; a regular-file-only input (the
/// progress file) refuses a FIFO before it could wait on one.
pub fn read_kinds(path: &Path, limit: u64, allowed: &[Kind]) -> Result<Vec<u8>, ReadError> {
    open(path, limit, allowed)?.read_all(limit)
}

/// An input opened for reading, of a kind that is allowed and, for a file, within the limit.
pub struct Opened {
    file: std::fs::File,
    pub kind: Kind,
    pub metadata: std::fs::Metadata,
}

impl Opened {
    /// Every byte of the input, or the limit named when it holds more.
    pub fn read_all(self, limit: u64) -> Result<Vec<u8>, ReadError> {
        let capacity = if self.kind == Kind::File { self.metadata.len() } else { 1 << 16 };
        read_limited(self.file, limit, capacity)
    }

    /// The input's bytes, at most one past `limit` of them (the caller tells "too large").
    pub fn reader(self, limit: u64) -> std::io::Take<std::fs::File> {
        self.file.take(limit + 1)
    }
}

/// Opens `path` without blocking (a FIFO with no writer reads as empty), checks its kind
/// and, for a regular file, its size; then hands it back in blocking mode.
pub fn open(path: &Path, limit: u64, allowed: &[Kind]) -> Result<Opened, ReadError> {
    let file = open_without_blocking(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    let kind = kind_of(&metadata)?;
    if !allowed.contains(&kind) {
        return Err(ReadError::NotAFile);
    }
    if kind == Kind::File && metadata.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let file = blocking(file).map_err(ReadError::Io)?;
    Ok(Opened { file, kind, metadata })
}

/// Every byte `reader` gives, or the limit named once it gives more; `expected` sizes the
/// first allocation (a file's length, when known).
pub fn read_limited(reader: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// What is at `path` without opening it (a `stat`, which never blocks): `None` when nothing is.
pub fn kind_at(path: &Path) -> Result<Option<Kind>, ReadError> {
    match std::fs::metadata(path) {
        Ok(metadata) => kind_of(&metadata).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(ReadError::Io(error)),
    }
}

fn kind_of(metadata: &std::fs::Metadata) -> Result<Kind, ReadError> {
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return Ok(Kind::File);
    }
    if file_type.is_dir() {
        return Err(ReadError::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Ok(Kind::Stream);
        }
    }
    Err(ReadError::NotAFile)
}

/// Opens for reading in non-blocking mode, so that opening a FIFO never waits for a writer.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK.bits();
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(i32::try_from(flags).expect("O_NONBLOCK is a small flag"))
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The same file in blocking mode again: a FIFO whose writer is slow is waited for, one with
/// no writer reads as empty.
#[cfg(unix)]
fn blocking(file: std::fs::File) -> std::io::Result<std::fs::File> {
    rustix::fs::fcntl_setfl(&file, rustix::fs::OFlags::empty())?;
    Ok(file)
}

#[cfg(not(unix))]
fn blocking(file: std::fs::File) -> std::io::Result<std::fs::File> {
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempdir();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "version: 1\n").expect("a temporary file");
        assert_eq!(read(&path, 100).expect("read"), b"version: 1\n");
    }

    #[test]
    fn a_file_past_the_limit_is_refused_with_the_limit_named() {
        let dir = tempdir();
        let path = dir.path().join("big.yaml");
        std::fs::write(&path, vec![b'x'; 2 * 1024 * 1024 + 1]).expect("a temporary file");
        let error = read(&path, 2 * 1024 * 1024).expect_err("too large");
        assert_eq!(error.to_string(), "is larger than the 2 MiB an input may hold");
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_refused_before_reading() {
        let error = read(Path::new("/dev/zero"), LIMIT).expect_err("a device");
        assert!(matches!(error, ReadError::NotAFile), "{error}");
    }

    #[test]
    fn a_directory_is_refused() {
        assert!(matches!(read(tempdir().path(), LIMIT), Err(ReadError::Directory)));
    }

    #[test]
    fn io_errors_are_in_words() {
        let error = read(Path::new("/nonexistent/catalog.yaml"), LIMIT).expect_err("missing");
        assert_eq!(error.to_string(), "cannot be read: no such file or directory");
    }

    fn tempdir() -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary directory")
    }
}

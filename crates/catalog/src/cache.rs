//! Parsed user catalogs, cached by a hash of their bytes (DESIGN §6).
//!
//! YAML parsing is nearly the whole cost of loading a large catalog, so the
//! checked entries of each file are stored with postcard under
//! `$XDG_CACHE_HOME/roadmap/`, keyed by a hash of the file's bytes. The entry
//! records the shape of the cached types (a hash of their source, computed by this
//! crate's build script, so a reordered field can never decode an old entry wrongly)
//! and a checksum of its payload: a stale, corrupt or unreadable entry is a miss and
//! the file is parsed again, and a cache directory that cannot be written is simply
//! not used.

use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::validate::Entries;

/// Marks a cache file and the shape of the types it holds.
const MAGIC: &[u8] = concat!("roadmap-cache ", env!("ROADMAP_CATALOG_SHAPE"), "\n").as_bytes();

/// Where cached catalogs live; `None` turns caching off.
#[derive(Clone, Debug, Default)]
pub struct Cache {
    directory: Option<PathBuf>,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

impl Cache {
    /// A cache in `directory` (created on first write), or none.
    pub fn new(directory: Option<PathBuf>) -> Cache {
        Cache { directory }
    }

    /// The cache file for a catalog's bytes (none when caching is off); the key covers the
    /// bytes, their length, the reader (YAML or JSON) and the shape of the cached types.
    pub fn key(&self, bytes: &[u8], json: bool) -> Option<PathBuf> {
        let directory = self.directory.as_ref()?;
        let mut hasher = DefaultHasher::new();
        hasher.write(MAGIC);
        hasher.write_u8(u8::from(json));
        hasher.write(bytes);
        Some(directory.join(format!("{:016x}-{}.postcard", hasher.finish(), bytes.len())))
    }

    /// The cache file for a regular file, by its identity on disk: device, inode, size and
    /// modification and change times (a write changes the change time, which no one can set
    /// back), so a cache hit needs no read of the file at all.
    #[cfg(unix)]
    pub fn file_key(&self, metadata: &std::fs::Metadata, json: bool) -> Option<PathBuf> {
        use std::os::unix::fs::MetadataExt;
        let directory = self.directory.as_ref()?;
        let mut hasher = DefaultHasher::new();
        hasher.write(MAGIC);
        hasher.write_u8(u8::from(json));
        for number in [metadata.dev(), metadata.ino(), metadata.size()] {
            hasher.write_u64(number);
        }
        for number in [metadata.mtime(), metadata.mtime_nsec(), metadata.ctime(), metadata.ctime_nsec()] {
            hasher.write_i64(number);
        }
        Some(directory.join(format!("f{:016x}-{}.postcard", hasher.finish(), metadata.size())))
    }

    /// Elsewhere files are cached by their bytes only.
    #[cfg(not(unix))]
    pub fn file_key(&self, _metadata: &std::fs::Metadata, _json: bool) -> Option<PathBuf> {
        None
    }

    /// The entries stored under `key`, when the entry is there, whole and of this shape.
    pub fn get(key: &Path) -> Option<Entries> {
        Cache::find(key)?.decode()
    }

    /// The entry stored under `key`, its checksum verified but not yet decoded, so that a
    /// caller can let go of the catalog's bytes before the entries take their place.
    pub fn find(key: &Path) -> Option<Stored> {
        let mut stored = std::fs::read(key).ok()?;
        let rest = stored.strip_prefix(MAGIC)?;
        let (payload, checksum) = rest.split_at_checked(rest.len().checked_sub(8)?)?;
        if u64::from_le_bytes(checksum.try_into().ok()?) != hash(payload) {
            return None;
        }
        let end = stored.len() - 8;
        stored.truncate(end);
        stored.drain(..MAGIC.len());
        Some(Stored(stored))
    }

    /// Stores `entries` under `key`, written atomically; any failure leaves no entry.
    ///
    /// Note: the payload streams to the file through a hashing writer and the checksum
    /// follows it, so a large catalog is never held twice in memory.
    pub fn put(key: &Path, entries: &Entries) {
        let Some(directory) = key.parent() else { return };
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(directory)?;
            let temporary = tempfile::Builder::new().prefix(".cache-").suffix(".tmp").tempfile_in(directory)?;
            let mut writer = std::io::BufWriter::new(temporary);
            writer.write_all(MAGIC)?;
            let hashing = Hashing { inner: writer, hasher: DefaultHasher::new() };
            let Hashing { inner: mut writer, hasher } =
                postcard::to_io(entries, hashing).map_err(|error| std::io::Error::other(error.to_string()))?;
            writer.write_all(&hasher.finish().to_le_bytes())?;
            let temporary = writer.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            temporary.persist(key).map_err(|error| error.error)?;
            Ok(())
        };
        let _ = write();
    }
}

/// A cache entry whose checksum holds: the encoded entries.
pub struct Stored(Vec<u8>);

impl Stored {
    /// The entries (none if they do not decode, which a matching shape makes all but impossible).
    pub fn decode(self) -> Option<Entries> {
        postcard::from_bytes(&self.0).ok()
    }
}

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: DefaultHasher,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.write(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Branch, Family, Origin};

    fn entries(name: &str) -> Entries {
        let family = Family {
            id: "f".into(),
            name: name.into(),
            branch: Branch::Encoder,
            summary: "s".into(),
            origin: Origin::default(),
        };
        Entries { families: vec![family], ..Entries::default() }
    }

    #[test]
    fn a_stored_entry_comes_back_for_the_same_bytes_only() {
        let directory = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(directory.path().join("roadmap")));
        let key = |bytes: &[u8], json: bool| cache.key(bytes, json).unwrap();
        Cache::put(&key(b"version: 1\n# a", false), &entries("A"));
        assert_eq!(Cache::get(&key(b"version: 1\n# a", false)), Some(entries("A")));
        assert_eq!(Cache::get(&key(b"version: 1\n# b", false)), None, "same size, other bytes");
        assert_eq!(Cache::get(&key(b"version: 1\n# a", true)), None, "read as JSON it is another entry");
    }

    #[test]
    fn corrupt_or_foreign_entries_are_misses() {
        let directory = tempfile::tempdir().unwrap();
        let cache = Cache::new(Some(directory.path().to_owned()));
        let file = cache.key(b"x", false).unwrap();
        Cache::put(&file, &entries("A"));
        let mut stored = std::fs::read(&file).unwrap();
        let last = stored.len() - 1;
        stored[last] ^= 0xff;
        std::fs::write(&file, &stored).unwrap();
        assert_eq!(Cache::get(&file), None, "a flipped byte fails the checksum");
        std::fs::write(&file, b"roadmap-cache 0\nwhatever").unwrap();
        assert_eq!(Cache::get(&file), None, "another version's entry");
        std::fs::write(&file, b"").unwrap();
        assert_eq!(Cache::get(&file), None);
    }

    #[test]
    fn an_unwritable_or_missing_directory_just_means_no_cache() {
        let directory = tempfile::tempdir().unwrap();
        let blocker = directory.path().join("file");
        std::fs::write(&blocker, b"not a directory").unwrap();
        let cache = Cache::new(Some(blocker.join("roadmap")));
        let key = cache.key(b"x", false).unwrap();
        Cache::put(&key, &entries("A"));
        assert_eq!(Cache::get(&key), None);
        assert_eq!(Cache::new(None).key(b"x", false), None, "no directory, no cache");
    }
}

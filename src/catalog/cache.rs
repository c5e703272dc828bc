//! Parsed user catalogs, cached by a hash of their bytes (DESIGN §6).
//!
//! YAML parsing is nearly the whole cost of loading a large catalog, so the
//! checked entries of each file are stored with postcard under
//! `$XDG_CACHE_HOME/roadmap/`, keyed by a hash of the file's bytes. The entry
//! records the program version and a checksum of its payload: a stale, corrupt
//! or unreadable entry is a miss and the file is parsed again, and a cache
//! directory that cannot be written is simply not used.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::validate::Entries;

/// Marks a cache file and the program version that wrote it.
const MAGIC: &[u8] = concat!("roadmap-cache-1 ", env!("CARGO_PKG_VERSION"), "\n").as_bytes();

/// Where cached catalogs live; `None` turns caching off.
#[derive(Clone, Debug, Default)]
pub struct Cache {
    directory: Option<PathBuf>,
}

fn hash(parts: &[&[u8]]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        part.hash(&mut hasher);
    }
    hasher.finish()
}

impl Cache {
    /// A cache in `directory` (created on first write), or none.
    pub fn new(directory: Option<PathBuf>) -> Cache {
        Cache { directory }
    }

    /// The directory, when caching is on.
    pub fn directory(&self) -> Option<&PathBuf> {
        self.directory.as_ref()
    }

    /// The cache file for a catalog with these bytes (none when caching is off); the key
    /// covers the bytes, their length, the reader (YAML or JSON) and the program version.
    pub fn key(&self, bytes: &[u8], json: bool) -> Option<PathBuf> {
        let key = hash(&[MAGIC, &[u8::from(json)], bytes]);
        Some(self.directory.as_ref()?.join(format!("{key:016x}-{}.postcard", bytes.len())))
    }

    /// The entries cached under `key`, if a sound entry exists.
    pub fn get(key: &Path) -> Option<Entries> {
        let stored = std::fs::read(key).ok()?;
        let rest = stored.strip_prefix(MAGIC)?;
        let (checksum, payload) = rest.split_at_checked(8)?;
        if u64::from_le_bytes(checksum.try_into().ok()?) != hash(&[payload]) {
            return None;
        }
        postcard::from_bytes(payload).ok()
    }

    /// Stores entries under `key`; every failure is ignored (the cache only saves time).
    pub fn put(key: &Path, entries: &Entries) {
        let Some(directory) = key.parent() else { return };
        let Ok(payload) = postcard::to_allocvec(entries) else { return };
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(directory)?;
            let mut temporary = tempfile::Builder::new().prefix(".cache-").suffix(".tmp").tempfile_in(directory)?;
            temporary.write_all(MAGIC)?;
            temporary.write_all(&hash(&[&payload]).to_le_bytes())?;
            temporary.write_all(&payload)?;
            temporary.persist(key).map_err(|error| error.error)?;
            Ok(())
        };
        let _ = write();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Branch, Family, Origin};

    fn entries(name: &str) -> Entries {
        let family = Family {
            id: "f".into(),
            name: name.into(),
            branch: Branch::Encoder,
            summary: "s".into(),
            origin: Origin::default(),
        };
        Entries { families: vec![family], papers: vec![] }
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
        std::fs::write(&file, b"roadmap-cache-1 0.0.0\nwhatever").unwrap();
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

//! One subscription's update: the index asked for conditionally, its signature checked
//! against the pinned key, each file checked against its SHA-256 and size, the whole held
//! to `check`'s rules over the layers beneath it, and only then written as a new copy.
//! Every failure is a sentence; nothing the subscription points at is touched before the end.

use std::path::PathBuf;

use super::index::{self, INDEX_LIMIT, Index};
use super::signature::{self, SIGNATURE_NAME};
use super::{Store, Subscription};
use crate::catalog::{self, Input};
use crate::net::{Client, Fetched, NetError, Validators};

/// What an update of one subscription came to.
#[derive(Debug)]
pub enum Outcome {
    /// The server said the copy is current (`304 Not Modified`).
    Current,
    /// A new copy is in place; the subscription as it should now be recorded, and the index.
    Updated { subscription: Box<Subscription>, index: Box<Index> },
}

/// What the update of one subscription needs from around it.
pub struct Layers<'a> {
    /// Whether the embedded catalog lies beneath.
    pub include_default: bool,
    /// The files of the subscriptions before this one, in load order.
    pub earlier: &'a [PathBuf],
}

/// Fetches `subscription`'s index and files, checks them and writes a new copy; `progress`
/// hears of every byte (what, bytes so far, total).
pub fn update(
    client: &Client,
    store: &Store,
    subscription: &Subscription,
    layers: &Layers<'_>,
    progress: &mut dyn FnMut(&str, u64, Option<u64>),
) -> Result<Outcome, String> {
    let url = &subscription.url;
    let validators = if subscription.copy.is_some() {
        Validators { etag: subscription.etag.clone(), last_modified: subscription.last_modified.clone() }
    } else {
        Validators::default()
    };
    let mut get = |what: &str, address: &str, validators: &Validators, limit: u64| {
        client
            .get(address, validators, limit, &mut |bytes, total| progress(what, bytes, total))
            .map_err(|error| format!("{what}: {error}"))
    };
    let (index_bytes, validators) = match get("index.json", url, &validators, INDEX_LIMIT)? {
        Fetched::NotModified => return Ok(Outcome::Current),
        Fetched::Body { bytes, validators } => (bytes, validators),
    };
    let index = Index::parse(&index_bytes)?;
    if let Some(key) = &subscription.key {
        let address = crate::net::sibling(url, SIGNATURE_NAME);
        let signature = match client.get(&address, &Validators::default(), 64 * 1024, &mut |_, _| {}) {
            Ok(Fetched::Body { bytes, .. }) => bytes,
            Err(NetError::Status { status: 404, .. }) => {
                return Err(format!("index.json is not signed ({SIGNATURE_NAME} is missing) but a key is pinned"));
            }
            Ok(Fetched::NotModified) => return Err(format!("{SIGNATURE_NAME}: the server answered 304 unasked")),
            Err(error) => return Err(format!("{SIGNATURE_NAME}: {error}")),
        };
        signature::verify(key, &index_bytes, &signature)?;
    }
    let mut files = Vec::with_capacity(index.files.len());
    for entry in &index.files {
        let address = crate::net::sibling(url, &entry.path);
        let Fetched::Body { bytes, .. } = get(&entry.path, &address, &Validators::default(), catalog::read::LIMIT)?
        else {
            return Err(format!("{}: the server answered 304 unasked", entry.path));
        };
        if bytes.len() as u64 != entry.size {
            return Err(format!(
                "{} holds {} bytes where index.json says {} (a damaged download or a stale file)",
                entry.path,
                bytes.len(),
                entry.size
            ));
        }
        if index::sha256(&bytes) != entry.sha256 {
            return Err(format!(
                "{} does not match its SHA-256 in index.json (a damaged download, or the file changed after `roadmap pack`)",
                entry.path
            ));
        }
        files.push((entry.path.clone(), bytes));
    }
    let inputs =
        layers.earlier.iter().map(|path| Input::file(path)).chain(files.iter().map(|(path, bytes)| {
            catalog::input_from_bytes(format!("{}/{path}", subscription.name), path, bytes.clone())
        }));
    if let Err(invalid) = catalog::checked(catalog::base(layers.include_default, true), inputs) {
        return Err(format!("its catalog does not pass `roadmap check`: {invalid}"));
    }
    let copy = format!("v{}-{}", index.version, &index::sha256(&index_bytes)[..12]);
    if subscription.copy.as_deref() != Some(copy.as_str()) {
        files.push(("index.json".to_owned(), index_bytes));
        store.stage(&subscription.name, &copy, &files).map_err(|error| format!("{error:#}"))?;
    }
    let updated = Subscription {
        copy: Some(copy),
        files: index.files.iter().map(|file| file.path.clone()).collect(),
        title: Some(index.name.clone()),
        version: Some(index.version),
        etag: validators.etag,
        last_modified: validators.last_modified,
        checked: Some(jiff::Timestamp::now().to_string()),
        ..subscription.clone()
    };
    Ok(Outcome::Updated { subscription: Box::new(updated), index: Box::new(index) })
}

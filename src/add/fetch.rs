//! Asking arXiv's API for one paper, politely: one request every three seconds across runs
//! (a timestamp under a lock in the cache directory), through `net`'s one client (its
//! User-Agent, timeout, bounds on redirects and size, failures in words).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::bail;

use crate::catalog::ArxivId;
use crate::net::{Client, Fetched, NetOptions, Validators};
use crate::settings::ArxivApi;
use crate::text::sanitize;

/// The largest answer read: a feed of one entry is a few kilobytes.
const LIMIT: u64 = 4 << 20;

/// The file in the cache directory that holds when the last request began.
const LAST_REQUEST: &str = "arxiv-last-request";

/// The query for one paper at `api`.
pub fn query_url(api: &ArxivApi, id: &ArxivId) -> String {
    let joint = if api.base.contains('?') { '&' } else { '?' };
    format!("{}{joint}id_list={id}&max_results=1", api.base)
}

/// The body of arXiv's answer about `id`, through the one HTTP client (`net`); `spacing` is
/// the directory that keeps the time of the last request (none: no waiting across runs).
pub fn fetch(api: &ArxivApi, net: &NetOptions, spacing: Option<&Path>, id: &ArxivId) -> anyhow::Result<Vec<u8>> {
    let url = query_url(api, id);
    let shown = sanitize(&url).into_owned();
    let _turn = wait_turn(api.interval, spacing);
    let client = Client::new(&NetOptions { timeout: api.timeout, ..net.clone() });
    match client.get(&url, &Validators::default(), LIMIT, &mut |_, _| {}) {
        Ok(Fetched::Body { bytes, .. }) => Ok(bytes),
        Ok(Fetched::NotModified) => bail!("arXiv's API at {shown} answered 304 Not Modified to a plain request"),
        Err(error) => bail!("arXiv's API at {shown}: {error}"),
    }
}

/// Waits until `interval` has passed since the last request any run made, and records this
/// one; the returned file holds a lock until the request is done, so runs at the same time
/// take turns. Without a cache directory, or one that cannot be written, there is nothing
/// to go by and nothing waits.
fn wait_turn(interval: Duration, directory: Option<&Path>) -> Option<File> {
    let directory = directory?;
    std::fs::create_dir_all(directory).ok()?;
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(directory.join(LAST_REQUEST))
        .ok()?;
    file.lock().ok()?;
    let mut recorded = String::new();
    let _ = file.read_to_string(&mut recorded);
    let now = || SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    if let Ok(millis) = recorded.trim().parse::<u64>() {
        let since = now().saturating_sub(Duration::from_millis(millis));
        // Note: a clock set back makes `since` zero: then wait one interval, no more.
        std::thread::sleep(interval.saturating_sub(since));
    }
    let stamp = now().as_millis().to_string();
    let _ = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(stamp.as_bytes()));
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_names_one_id() {
        let api = ArxivApi {
            base: "https://export.arxiv.org/api/query".to_owned(),
            interval: Duration::ZERO,
            timeout: Duration::from_secs(1),
        };
        let id = ArxivId::parse("cs/0112017").expect("an id");
        assert_eq!(query_url(&api, &id), "https://export.arxiv.org/api/query?id_list=cs/0112017&max_results=1");
        let mirror = ArxivApi { base: "http://mirror/api?key=1".to_owned(), ..api };
        assert_eq!(query_url(&mirror, &id), "http://mirror/api?key=1&id_list=cs/0112017&max_results=1");
    }

    #[test]
    fn a_second_request_waits_for_the_interval() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let interval = Duration::from_millis(300);
        drop(wait_turn(interval, Some(directory.path())));
        let started = std::time::Instant::now();
        drop(wait_turn(interval, Some(directory.path())));
        assert!(started.elapsed() >= Duration::from_millis(250), "{:?}", started.elapsed());
    }
}

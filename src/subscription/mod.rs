//! Subscriptions: published catalogs this learner follows, each kept as a validated copy
//! under the data directory and loaded as a layer between the embedded catalog and the
//! learner's own files. `index` is the published format, `changelog` what a version
//! changed, `signature` the minisign keys, `store` the copies and the subscriptions file.

pub mod changelog;
pub mod fetch;
pub mod index;
pub mod signature;
pub mod store;

use serde::{Deserialize, Serialize};

pub use store::Store;

/// How long a copy may go without an update before each command says so (tealdeer's habit).
pub const STALE_DAYS: i64 = 30;

/// The subscriptions file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscriptions {
    /// Always 1.
    pub version: u32,
    /// In load order.
    pub subscriptions: Vec<Subscription>,
}

/// One followed catalog.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// The name it is known by here (`unsubscribe NAME`), a slug.
    pub name: String,
    /// The address of its `index.json`.
    pub url: String,
    /// The pinned minisign public key (base64), when the index must be signed by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The copy in use: a directory under the subscription's own, none before the first update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
    /// The copy's files, in load order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// The copy's name and version, as its index gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// The `ETag` and `Last-Modified` of the index, for conditional requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// When an update last succeeded (new copy or `304 Not Modified`), an RFC 3339 instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
}

impl Subscriptions {
    /// The subscription called `name` (or whose address is `name`).
    pub fn position(&self, name: &str) -> Option<usize> {
        self.subscriptions.iter().position(|subscription| subscription.name == name || subscription.url == name)
    }
}

impl Subscription {
    /// How many whole days since the last successful update, when there was one.
    pub fn days_since_update(&self, now: jiff::Timestamp) -> Option<i64> {
        let checked: jiff::Timestamp = self.checked.as_deref()?.parse().ok()?;
        Some(now.duration_since(checked).as_secs() / 86_400)
    }

    /// A warning when the copy is missing or older than [`STALE_DAYS`].
    pub fn staleness(&self, now: jiff::Timestamp) -> Option<String> {
        if self.copy.is_none() {
            return Some(format!("subscription '{}' has no copy yet: `roadmap update` fetches it", self.name));
        }
        let days = self.days_since_update(now)?;
        (days >= STALE_DAYS).then(|| {
            format!("subscription '{}' has not been updated for {days} days: `roadmap update` refreshes it", self.name)
        })
    }
}

/// A name for a subscription from its address: the directory holding `index.json`, else
/// the host, as a slug (`https://uni.example/cs599/index.json` → `cs599`).
pub fn name_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    if parts.last().is_some_and(|last| last.contains('.') && parts.len() > 1) {
        parts.pop();
    }
    let chosen = parts.last().copied().unwrap_or("subscription");
    slug(chosen)
}

/// Lowercase letters, digits and single dashes.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() { "subscription".to_owned() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_directory_of_the_index() {
        assert_eq!(name_from_url("https://uni.example/cs599/index.json"), "cs599");
        assert_eq!(name_from_url("http://127.0.0.1:8080/index.json"), "127-0-0-1-8080");
        assert_eq!(name_from_url("https://uni.example/Courses/LLM Reading/"), "llm-reading");
    }

    #[test]
    fn a_copy_older_than_thirty_days_is_stale() {
        let now: jiff::Timestamp = "2026-05-31T00:00:00Z".parse().expect("a timestamp");
        let mut subscription =
            Subscription { name: "cs599".into(), copy: Some("v1".into()), ..Subscription::default() };
        subscription.checked = Some("2026-05-01T00:00:00Z".into());
        assert_eq!(subscription.days_since_update(now), Some(30));
        assert!(subscription.staleness(now).is_some_and(|warning| warning.contains("30 days")));
        subscription.checked = Some("2026-05-02T00:00:00Z".into());
        assert_eq!(subscription.staleness(now), None);
    }
}

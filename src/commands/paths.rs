//! `roadmap paths`: where everything is, and why (flag, environment or default).

use serde::Serialize;

use crate::catalog::Branch;
use crate::render::ListFormat;
use crate::render::{Column, Look, Record, listing};
use crate::settings::{Origin, Settings};
use crate::words::Header;

/// One location the program uses.
#[derive(Debug, Serialize)]
pub struct Location {
    /// `catalog`, `subscription`, `progress`, `browser`, `data` or `cache`.
    pub kind: &'static str,
    /// The path (or `(embedded)`).
    pub path: String,
    /// Why this one: the flag, variable or default that chose it.
    pub why: String,
}

impl Record for Location {
    fn id(&self) -> &str {
        &self.path
    }

    fn branch(&self) -> Option<Branch> {
        None
    }
}

/// Lists the catalogs in use, the progress file, the cache and where each came from (without loading
/// them, so it works when a catalog is broken).
pub fn run(settings: &Settings, format: Option<ListFormat>) -> anyhow::Result<String> {
    let mut rows = Vec::new();
    if settings.include_default {
        rows.push(Location {
            kind: "catalog",
            path: "(embedded)".to_owned(),
            why: "built in; --no-default leaves it out".to_owned(),
        });
    }
    if let Some(own) = &settings.own_catalog {
        let why = match (settings.include_default, settings.own_catalog_in_use().is_some()) {
            (false, _) => "yours (`roadmap add` writes it); --no-default leaves it out",
            (true, true) => "yours: `roadmap add` writes it; merged after the embedded catalog",
            (true, false) => "yours: `roadmap add` creates it ($XDG_DATA_HOME/roadmap); none yet",
        };
        rows.push(Location { kind: "catalog", path: own.display().to_string(), why: why.to_owned() });
    }
    let catalog_why = match settings.catalogs_origin {
        Origin::Flag => "--catalog",
        Origin::Environment => "ROADMAP_CATALOG",
        Origin::Default => "default",
    };
    if let Some(store) = settings.subscriptions() {
        // Note: the subscriptions load between the embedded catalog and the user's own files;
        // a subscriptions file that cannot be read is shown as such, not an error.
        match store.load() {
            Ok(subscriptions) => {
                for subscription in subscriptions.subscriptions.iter().filter(|_| settings.include_default) {
                    let copy = subscription.copy.as_ref().map_or_else(
                        || "(not fetched yet: roadmap update)".to_owned(),
                        |copy| store.home(&subscription.name).join(copy).display().to_string(),
                    );
                    let why = format!("subscription '{}': {}", subscription.name, subscription.url);
                    rows.push(Location { kind: "subscription", path: copy, why });
                }
            }
            Err(error) => rows.push(Location {
                kind: "subscription",
                path: store.file().display().to_string(),
                why: format!("{error:#}"),
            }),
        }
    }
    for path in &settings.catalogs {
        rows.push(Location { kind: "catalog", path: path.display().to_string(), why: catalog_why.to_owned() });
    }
    let state_why = match settings.state_origin {
        Origin::Flag => "--state",
        Origin::Environment => "ROADMAP_STATE",
        Origin::Default => "default: $XDG_STATE_HOME/roadmap (platform state directory)",
    };
    let state = settings
        .state
        .as_ref()
        .map_or_else(|| "(none: no home directory)".to_owned(), |path| path.display().to_string());
    rows.push(Location { kind: "progress", path: state, why: state_why.to_owned() });
    if let Some(browse) = &settings.browse_state {
        let why = "default: $XDG_STATE_HOME/roadmap; where `roadmap browse` was left, to reopen there";
        rows.push(Location { kind: "browser", path: browse.display().to_string(), why: why.to_owned() });
    }
    if let Some(cache) = &settings.cache {
        let why = "default: $XDG_CACHE_HOME/roadmap (platform cache directory); parsed --catalog files";
        rows.push(Location { kind: "cache", path: cache.display().to_string(), why: why.to_owned() });
    }
    if let Some(data) = &settings.data {
        let why = "default: $XDG_DATA_HOME/roadmap (platform data directory); subscriptions.json and the copies";
        rows.push(Location { kind: "data", path: data.display().to_string(), why: why.to_owned() });
    }
    let columns = [
        Column { header: Header::Kind, value: |row: &Location| row.kind.to_owned() },
        Column { header: Header::Path, value: |row| row.path.clone() },
        Column { header: Header::Why, value: |row| row.why.clone() },
    ];
    let look = Look { color: settings.color, width: settings.width, lang: settings.lang, hyperlinks: false };
    listing(settings.list_format(format), &columns, &rows, look)
}

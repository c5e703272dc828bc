//! `roadmap subscribe URL`, `unsubscribe NAME` and `subscriptions`: the list of published
//! catalogs this learner follows. None of them touches the network: `update` fetches.

use anyhow::{Context as _, anyhow, bail};
use serde::Serialize;

use crate::catalog::Branch;
use crate::render::{Column, ListFormat, Look, Record, listing};
use crate::settings::Settings;
use crate::subscription::{self, Store, Subscription, signature};
use crate::words::Header;
use crate::{net, output};

/// The data directory's store, or why there is none.
fn store(settings: &Settings) -> anyhow::Result<Store> {
    settings.subscriptions().ok_or_else(|| anyhow!("no data directory to keep subscriptions in (no home directory?)"))
}

/// Records a subscription to the index at `url`, pinning `key` when given.
pub fn subscribe(settings: &Settings, url: &str, key: Option<&str>, name: Option<&str>) -> anyhow::Result<String> {
    net::check_http(url).map_err(|error| anyhow!("cannot subscribe: {error}"))?;
    let key = key.map(signature::public_key).transpose().map_err(anyhow::Error::msg)?;
    let name = match name {
        Some(given) if subscription::slug(given) == given => given.to_owned(),
        Some(given) => bail!(
            "'{}' is not a name a subscription can have: lowercase letters, digits and dashes (say '{}')",
            crate::text::sanitize(given),
            subscription::slug(given)
        ),
        None => subscription::name_from_url(url),
    };
    let store = store(settings)?;
    let _lock = store.lock()?;
    let mut subscriptions = store.load()?;
    if let Some(known) = subscriptions.subscriptions.iter().find(|known| known.url == url) {
        bail!("already subscribed to {} as '{}'", crate::text::sanitize(url), known.name);
    }
    if subscriptions.position(&name).is_some() {
        bail!("a subscription is already called '{name}': choose another with --name");
    }
    subscriptions.version = 1;
    subscriptions.subscriptions.push(Subscription {
        name: name.clone(),
        url: url.to_owned(),
        key,
        ..Subscription::default()
    });
    store.save(&subscriptions)?;
    output::message(&format!("subscribed to '{name}'; `roadmap update` fetches it"));
    Ok(String::new())
}

/// Forgets a subscription and removes its copy.
pub fn unsubscribe(settings: &Settings, name: &str) -> anyhow::Result<String> {
    let store = store(settings)?;
    let _lock = store.lock()?;
    let mut subscriptions = store.load()?;
    let Some(position) = subscriptions.position(name) else {
        let known: Vec<&str> = subscriptions.subscriptions.iter().map(|known| known.name.as_str()).collect();
        bail!(
            "no subscription is called '{}' ({})",
            crate::text::sanitize(name),
            if known.is_empty() { "there are none".to_owned() } else { format!("there are: {}", known.join(", ")) }
        );
    };
    let removed = subscriptions.subscriptions.remove(position);
    store.save(&subscriptions).context("the subscription was kept")?;
    store.prune(&removed.name, None);
    output::message(&format!("unsubscribed from '{}'", removed.name));
    Ok(String::new())
}

/// One subscription as `subscriptions` lists it.
#[derive(Debug, Serialize)]
struct Row {
    name: String,
    url: String,
    title: Option<String>,
    version: Option<u64>,
    /// The day of the last successful update (`YYYY-MM-DD`), none before the first.
    updated: Option<String>,
    signed: bool,
    files: Vec<String>,
}

impl Record for Row {
    fn id(&self) -> &str {
        &self.name
    }

    fn branch(&self) -> Option<Branch> {
        None
    }
}

/// Lists the subscriptions in load order.
pub fn list(settings: &Settings, format: Option<ListFormat>) -> anyhow::Result<String> {
    let subscriptions = match settings.subscriptions() {
        Some(store) => store.load()?.subscriptions,
        None => Vec::new(),
    };
    let rows: Vec<Row> = subscriptions
        .into_iter()
        .map(|known| Row {
            updated: known.checked.as_deref().map(|instant| instant.chars().take(10).collect()),
            signed: known.key.is_some(),
            name: known.name,
            url: known.url,
            title: known.title,
            version: known.version,
            files: known.files,
        })
        .collect();
    if rows.is_empty() {
        output::message("no subscriptions: `roadmap subscribe URL` follows a published catalog");
    }
    let columns = [
        Column { header: Header::Name, value: |row: &Row| row.name.clone() },
        Column {
            header: Header::Title,
            value: |row| match (&row.title, row.version) {
                (Some(title), Some(version)) => format!("{title} (version {version})"),
                _ => "(not fetched yet)".to_owned(),
            },
        },
        Column { header: Header::Date, value: |row| row.updated.clone().unwrap_or_else(|| "never".to_owned()) },
        Column { header: Header::Url, value: |row| row.url.clone() },
    ];
    let look = Look { color: settings.color, width: settings.width, lang: settings.lang, hyperlinks: false };
    listing(settings.list_format(format), &columns, &rows, look)
}

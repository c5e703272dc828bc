//! `roadmap update`: fetches every subscription (or the ones named) and swaps in each new
//! copy that verified; a failure keeps the copy there was and names the subscription and why.

use anyhow::{anyhow, bail};

use crate::net::Client;
use crate::output::{self, Bar};
use crate::settings::Settings;
use crate::subscription::fetch::{self, Layers, Outcome};

/// Updates the subscriptions named (all when `names` is empty), one after another under the
/// subscriptions' lock, saving each success as it comes.
pub fn run(settings: &Settings, names: &[String]) -> anyhow::Result<String> {
    let store = settings.subscriptions().ok_or_else(|| anyhow!("no data directory (no home directory?)"))?;
    let _lock = store.lock()?;
    let mut subscriptions = store.load()?;
    for name in names {
        if subscriptions.position(name).is_none() {
            bail!("no subscription is called '{}' (`roadmap subscriptions` lists them)", crate::text::sanitize(name));
        }
    }
    if subscriptions.subscriptions.is_empty() {
        output::message("no subscriptions: `roadmap subscribe URL` follows a published catalog");
        return Ok(String::new());
    }
    let chosen = |name: &str, url: &str| names.is_empty() || names.iter().any(|wanted| wanted == name || wanted == url);
    let count = subscriptions.subscriptions.iter().filter(|known| chosen(&known.name, &known.url)).count();
    let client = Client::new(&settings.net);
    let bar = Bar::new(count as u64);
    let mut failures = Vec::new();
    let mut brought = 0;
    for position in 0..subscriptions.subscriptions.len() {
        let subscription = subscriptions.subscriptions[position].clone();
        if !chosen(&subscription.name, &subscription.url) {
            continue;
        }
        let earlier: Vec<_> =
            subscriptions.subscriptions[..position].iter().flat_map(|known| store.files(known)).collect();
        let layers = Layers { include_default: settings.include_default, earlier: &earlier };
        let name = subscription.name.clone();
        bar.say(&name);
        let mut progress = |what: &str, bytes: u64, _total: Option<u64>| {
            bar.say(&format!("{name}: {what} {} KiB", bytes / 1024));
        };
        let outcome = fetch::update(&client, &store, &subscription, &layers, &mut progress);
        bar.step();
        match outcome {
            Ok(Outcome::Current) => {
                subscriptions.subscriptions[position].checked = Some(jiff::Timestamp::now().to_string());
                store.save(&subscriptions)?;
                bar.message(&format!("{name}: up to date"));
            }
            Ok(Outcome::Updated { subscription: updated, index }) => {
                let old = subscriptions.subscriptions[position].copy.clone();
                let old_version = subscriptions.subscriptions[position].version.filter(|_| old.is_some());
                let new = updated.copy.clone();
                subscriptions.subscriptions[position] = *updated;
                store.save(&subscriptions)?;
                if old != new {
                    store.prune(&name, new.as_deref());
                }
                brought += index.changelog.papers.added.len();
                let what = match (old_version, index.changelog.since) {
                    (None, _) => {
                        let count = index.files.len();
                        format!("first copy, {count} file{}", if count == 1 { "" } else { "s" })
                    }
                    (Some(had), Some(since)) if had == since => index.changelog.summary(),
                    (Some(had), _) => format!("from version {had}"),
                };
                bar.message(&format!("{name}: version {} of {} ({what})", index.version, index.date));
            }
            Err(why) => {
                let kept = if subscription.copy.is_some() { "the copy you had is kept" } else { "nothing was written" };
                failures.push((format!("subscription '{name}': {why}"), kept));
            }
        }
    }
    drop(bar);
    if brought > 0 {
        output::message("`roadmap whatsnew` lists the papers these updates brought");
    }
    match failures.as_slice() {
        [] => Ok(String::new()),
        [(one, kept)] => bail!("{one}; {kept}"),
        many => {
            let lines: Vec<String> = many.iter().map(|(failure, kept)| format!("{failure}; {kept}")).collect();
            bail!("{} subscriptions were not updated:\n  {}", many.len(), lines.join("\n  "))
        }
    }
}

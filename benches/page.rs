//! The page in a real browser, timed in headless Chromium by the page's own clock, on the
//! embedded catalog and 10k synthetic papers: one key typed into the filter (the search,
//! the table's rows, the tree laid out again for what is shown, and the layout that follows),
//! and loading the page (until its script is done, and until the load event).
//!
//! `cargo bench --bench page` (needs chromium and chromedriver, as the page tests do).

#[path = "../tests/page/driver.rs"]
#[allow(dead_code, reason = "shared with the page tests, which use all of it")]
mod driver;
#[path = "synthetic.rs"]
#[allow(dead_code, reason = "shared with benches/catalog.rs, which uses all of it")]
mod synthetic;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use roadmap::catalog::{self, Cache, Catalog, Input};
use roadmap::lang::Lang;
use roadmap::progress::Progress;
use roadmap::render::html::{self, Page};
use serde_json::json;

/// Types `keys` after `before` (untimed), then takes it back: the milliseconds the input
/// event and the layout after it took.
const KEYSTROKE: &str = "const filter = document.getElementById('filter');
const [before, typed] = arguments;
filter.value = before; filter.dispatchEvent(new Event('input')); void document.body.offsetHeight;
const start = performance.now();
filter.value = typed; filter.dispatchEvent(new Event('input')); void document.body.offsetHeight;
return performance.now() - start;";

fn synthetic(papers: usize) -> Catalog {
    let yaml = synthetic::yaml_sized(papers, synthetic::Size::Realistic);
    catalog::merge(Catalog::default(), [Input::bytes("synthetic", false, yaml.into_bytes())], &Cache::default())
        .expect("the synthetic catalog is valid")
}

/// The milliseconds from the start of navigation until the page's script had run (the
/// document's DOMContentLoaded handlers are done) and until the load event ended.
const LOADED: &str = "const [entry] = performance.getEntriesByType('navigation');
return [entry.domContentLoadedEventEnd, entry.loadEventEnd];";

fn keystrokes(criterion: &mut Criterion) {
    let Some(driver) = driver::driver() else { return };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let client = runtime.block_on(driver::browser(&driver, (1400, 1000), &[]));
    let folder = tempfile::tempdir().expect("a folder");
    let mut embedded = catalog::embedded();
    embedded.zh = catalog::embedded_chinese();
    embedded.zh_tw = catalog::embedded_traditional();
    let mut group = criterion.benchmark_group("page");
    group.sample_size(10);
    for (name, catalog) in [(embedded.papers.len().to_string(), embedded), ("10000".to_owned(), synthetic(10_000))] {
        let progress = Progress::default();
        let page =
            html::render(&Page::new(&catalog, catalog.papers.iter().collect(), &progress, Lang::En, false, None));
        let file = folder.path().join(format!("{name}.html"));
        std::fs::write(&file, page).expect("the page is written");
        let url = format!("file://{}", file.display());
        for (label, index) in [("interactive", 0), ("load", 1)] {
            group.bench_function(BenchmarkId::new(label, &name), |bench| {
                bench.iter_custom(|iterations| {
                    (0..iterations)
                        .map(|_| {
                            runtime.block_on(client.goto(&url)).expect("the page loads");
                            let spent = runtime.block_on(client.execute(LOADED, vec![])).expect("the script runs");
                            Duration::from_secs_f64(spent[index].as_f64().expect("milliseconds") / 1000.0)
                        })
                        .sum()
                });
            });
        }
        runtime.block_on(client.goto(&url)).expect("the page loads");
        for (label, before, typed) in [("first-letter", "", "t"), ("search", "att", "atte")] {
            group.bench_function(BenchmarkId::new(label, &name), |bench| {
                bench.iter_custom(|iterations| {
                    (0..iterations)
                        .map(|_| {
                            let spent = runtime
                                .block_on(client.execute(KEYSTROKE, vec![json!(before), json!(typed)]))
                                .expect("the script runs");
                            Duration::from_secs_f64(spent.as_f64().expect("milliseconds") / 1000.0)
                        })
                        .sum()
                });
            });
        }
    }
    group.finish();
    runtime.block_on(client.close()).expect("the browser closes");
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);

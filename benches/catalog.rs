//! Load, filter, search and path on synthetic catalogs of 1k, 10k and 100k papers, the
//! suggestion work of checking an overlay of 20k dangling links, and the HTML page for the
//! embedded catalog and for 10k papers (whole, and one family whose links pass through the
//! papers left out).
//!
//! `cargo bench` runs them all; `cargo bench -- load/yaml/10000` one of them.

#[path = "synthetic.rs"]
mod synthetic;

use synthetic::Size;

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use roadmap::catalog::{self, Cache, Catalog, Input};
use roadmap::lang::Lang;
use roadmap::lineage::Lineage;
use roadmap::progress::Progress;
use roadmap::query::Selection;
use roadmap::query::{Filter, Index};
use roadmap::render::html::{self, Page};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn input(bytes: &[u8], json: bool) -> Input {
    Input::bytes("synthetic", json, bytes.to_vec())
}

fn load(bytes: &[u8], json: bool, cache: &Cache) -> Catalog {
    catalog::merge(Catalog::default(), [input(bytes, json)], cache).expect("the synthetic catalog is valid")
}

fn loading(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("load");
    group.sample_size(10);
    let directory = tempfile::tempdir().expect("a temporary directory");
    let cache = Cache::new(Some(directory.path().to_owned()));
    for size in SIZES {
        let yaml = synthetic::yaml_sized(size, Size::Realistic).into_bytes();
        let json = synthetic::json_sized(size, Size::Realistic).into_bytes();
        group.throughput(Throughput::Bytes(yaml.len() as u64));
        group.bench_with_input(BenchmarkId::new("yaml", size), &yaml, |bench, yaml| {
            bench.iter_batched(
                || input(yaml, false),
                |input| catalog::merge(Catalog::default(), [input], &Cache::default()),
                BatchSize::PerIteration,
            );
        });
        group.bench_with_input(BenchmarkId::new("json", size), &json, |bench, json| {
            bench.iter_batched(
                || input(json, true),
                |input| catalog::merge(Catalog::default(), [input], &Cache::default()),
                BatchSize::PerIteration,
            );
        });
        load(&yaml, false, &cache);
        group.bench_with_input(BenchmarkId::new("cached", size), &yaml, |bench, yaml| {
            bench.iter_batched(
                || input(yaml, false),
                |input| catalog::merge(Catalog::default(), [input], &cache),
                BatchSize::PerIteration,
            );
        });
    }
    // Note: papers with thirty authors and long contributions, the shape heaviest per paper.
    let long = synthetic::yaml_sized(1_000, Size::Long).into_bytes();
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_with_input(BenchmarkId::new("yaml-long", 1_000), &long, |bench, long| {
        bench.iter_batched(
            || input(long, false),
            |input| catalog::merge(Catalog::default(), [input], &Cache::default()),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn querying(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("query");
    let progress = Progress::default();
    for size in SIZES {
        let catalog = load(synthetic::yaml_sized(size, Size::Realistic).as_bytes(), false, &Cache::default());
        let filters = Selection { families: vec!["f03".to_owned()], ..Selection::default() };
        group.bench_with_input(BenchmarkId::new("filter", size), &catalog, |bench, catalog| {
            bench.iter(|| {
                Filter::new(black_box(&filters), catalog, &progress).map(|filter| filter.apply(catalog).len())
            });
        });
        group.bench_with_input(BenchmarkId::new("index", size), &catalog, |bench, catalog| {
            bench.iter(|| Index::new(catalog, &progress));
        });
        let index = Index::new(&catalog, &progress);
        group.bench_with_input(BenchmarkId::new("search", size), &index, |bench, index| {
            bench.iter(|| index.find(black_box("attention experts")).len());
        });
        let last = catalog.papers.last().expect("papers");
        group.bench_with_input(BenchmarkId::new("path", size), &catalog, |bench, catalog| {
            bench.iter(|| Lineage::new(catalog).path(black_box(last)).len());
        });
    }
    group.finish();
}

/// An overlay of 20,000 papers whose `builds_on` all point to papers that do not exist
/// (`p000001` becomes `q000001`): every one is reported with a "did you mean", in bounded time.
fn dangling_links(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("check");
    group.sample_size(10);
    let text = synthetic::yaml_sized(20_000, Size::Short).replace("- p", "- q").replace("[p", "[q");
    let bytes = text.into_bytes();
    group.bench_function("dangling/20000", |bench| {
        bench.iter_batched(
            || input(&bytes, false),
            |input| {
                let problems = catalog::merge(Catalog::default(), [input], &Cache::default())
                    .expect_err("every link dangles")
                    .problems
                    .len();
                assert!(problems > 10_000, "{problems} problems");
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn exporting(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("export");
    group.sample_size(10);
    let progress = Progress::default();
    let synthetic = load(synthetic::yaml_sized(10_000, Size::Realistic).as_bytes(), false, &Cache::default());
    let family = Selection { families: vec!["f03".to_owned()], ..Selection::default() };
    for (name, catalog, selection) in [
        ("embedded", catalog::embedded(), Selection::default()),
        ("10000", synthetic.clone(), Selection::default()),
        ("10000-one-family", synthetic, family),
    ] {
        group.bench_function(name, |bench| {
            bench.iter(|| {
                let papers = Filter::new(&selection, &catalog, &progress).expect("valid filters").apply(&catalog);
                html::render(&Page::new(&catalog, papers, &progress, Lang::En, false, None)).len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, loading, querying, dangling_links, exporting);
criterion_main!(benches);

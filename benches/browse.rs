//! The browser: its first screen against `roadmap list`'s table on the same catalog, and a
//! keystroke in the live search (filter and redraw) on 10k and 100k synthetic papers.
//!
//! `cargo bench --bench browse`; `cargo bench --bench browse -- keystroke` for one group.

#[path = "synthetic.rs"]
#[allow(dead_code, reason = "shared with benches/catalog.rs, which uses all of it")]
mod synthetic;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roadmap::browse::{App, draw};
use roadmap::catalog::{self, Cache, Catalog, Input};
use roadmap::lang::Lang;
use roadmap::progress::Progress;
use roadmap::render::columns::{Layout, PaperRecord, paper_columns};
use roadmap::render::{ListFormat, Look, listing};
use synthetic::Size;

fn synthetic(papers: usize) -> Catalog {
    let yaml = synthetic::yaml_sized(papers, Size::Realistic);
    let input = Input::bytes("synthetic", false, yaml.into_bytes());
    catalog::merge(Catalog::default(), [input], &Cache::default()).expect("the synthetic catalog is valid")
}

/// What `roadmap list` does once the catalog is loaded: every paper as a table row.
fn list_table(catalog: &Catalog, progress: &Progress) -> usize {
    let rows: Vec<PaperRecord<'_>> =
        catalog.papers.iter().map(|paper| PaperRecord::new(catalog, progress, paper, Lang::En)).collect();
    let layout = Layout::default();
    let look = Look { color: true, width: 120, lang: Lang::En, hyperlinks: false };
    listing(ListFormat::Table, &paper_columns(&layout, true), &rows, look).expect("a table renders").len()
}

/// What `roadmap browse` does before the first screen shows: index the catalog and draw.
fn first_screen(catalog: &Catalog, progress: &Progress) -> usize {
    let mut app = App::new(catalog, progress.clone(), Lang::En, true);
    app.resize(120, 32);
    let mut terminal = Terminal::new(TestBackend::new(120, 32)).expect("a test terminal");
    terminal.draw(|frame| draw(frame, &app)).expect("the screen draws");
    app.visible_count()
}

fn first_screens(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("first-screen");
    let progress = Progress::default();
    for (name, catalog) in [("embedded", catalog::embedded()), ("10000", synthetic(10_000))] {
        group.bench_with_input(BenchmarkId::new("list-table", name), &catalog, |bench, catalog| {
            bench.iter(|| list_table(black_box(catalog), &progress));
        });
        group.bench_with_input(BenchmarkId::new("browse", name), &catalog, |bench, catalog| {
            bench.iter(|| first_screen(black_box(catalog), &progress));
        });
    }
    group.finish();
}

/// `/`, which builds the search index (the first screen does without it); the first letter
/// of a search (every paper is searched); and one key typed into a search of `att` (most
/// papers still match), each with the redraw; the Backspace that takes the key back between
/// two measurements is not timed.
fn keystrokes(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("keystroke");
    group.sample_size(20);
    let press = |app: &mut App<'_>, code: KeyCode| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    for papers in [10_000, 100_000] {
        let catalog = synthetic(papers);
        group.bench_function(BenchmarkId::new("slash", papers), |bench| {
            bench.iter(|| {
                let mut app = App::new(&catalog, Progress::default(), Lang::En, true);
                press(&mut app, KeyCode::Char('/'));
                app.visible_count()
            });
        });
        let mut app = App::new(&catalog, Progress::default(), Lang::En, true);
        app.resize(120, 32);
        press(&mut app, KeyCode::Char('/'));
        let mut terminal = Terminal::new(TestBackend::new(120, 32)).expect("a test terminal");
        // A key typed and drawn (timed), then taken back (not timed).
        let mut keystroke = |name: &str, key: char, app: &mut App<'_>| {
            group.bench_function(BenchmarkId::new(name, papers), |bench| {
                bench.iter_custom(|iterations| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iterations {
                        let start = Instant::now();
                        press(app, KeyCode::Char(key));
                        terminal.draw(|frame| draw(frame, app)).expect("the screen draws");
                        spent += start.elapsed();
                        press(app, KeyCode::Backspace);
                    }
                    spent
                });
            });
        };
        keystroke("first-letter", 't', &mut app);
        for key in "att".chars() {
            press(&mut app, KeyCode::Char(key));
        }
        keystroke("search", 'e', &mut app);
    }
    group.finish();
}

criterion_group!(benches, first_screens, keystrokes);
criterion_main!(benches);

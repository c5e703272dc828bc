//! The cache of parsed user catalogs: used while the file is unchanged on disk, ignored
//! when it changed or when the entry is corrupt, and never in the way when it cannot be
//! written.

use roadmap::catalog::validate::Entries;
use roadmap::catalog::{Cache, Input};

use crate::util::{TestEnv, stdout};

const CATALOG: &str = "version: 1\npapers:\n  - id: mine\n    title: Title AAAA\n    year: 1990\n    family: bert\n    url: https://example.org/mine\n    authors: [Me]\n    contribution: Mine.\n";

fn cache_directory(env: &TestEnv) -> std::path::PathBuf {
    env.path().join("cache/roadmap")
}

fn cache_files(env: &TestEnv) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache_directory(env))
        .map_or_else(|_| Vec::new(), |entries| entries.map(|entry| entry.expect("a readable entry").path()).collect())
}

fn title(env: &TestEnv, catalog: &std::path::Path) -> String {
    stdout(
        env.roadmap()
            .arg("--catalog")
            .arg(catalog)
            .args(["list", "--year", "1990", "--family", "bert", "--format", "csv"]),
    )
    .lines()
    .nth(1)
    .unwrap_or_default()
    .rsplit(',')
    .next()
    .unwrap_or_default()
    .to_owned()
}

/// The entries the program would cache for the file at `path`, with the title swapped,
/// written where the program looks: if the program shows the swapped title, it used the cache.
fn plant(env: &TestEnv, path: &std::path::Path, planted_title: &str) {
    let text = std::fs::read_to_string(path).expect("the catalog");
    let input = Input::bytes("x", false, text.as_bytes().to_vec());
    let catalog =
        roadmap::catalog::merge(roadmap::catalog::embedded(), [input], &Cache::default()).expect("a valid catalog");
    let mut paper = catalog.paper("mine").expect("the paper").clone();
    paper.title = planted_title.to_owned();
    let metadata = std::fs::metadata(path).expect("the catalog's metadata");
    let key = Cache::new(Some(cache_directory(env))).file_key(&metadata, false).expect("a cache directory");
    Cache::put(&key, &Entries { papers: vec![paper], ..Entries::default() });
}

#[test]
fn a_catalog_is_cached_on_first_use_and_read_from_the_cache_after() {
    let env = TestEnv::new();
    let path = env.write("mine.yaml", CATALOG);
    assert_eq!(title(&env, &path), "Title AAAA");
    assert_eq!(cache_files(&env).len(), 1, "the first run fills the cache");
    plant(&env, &path, "Planted In The Cache");
    assert_eq!(title(&env, &path), "Planted In The Cache", "the second run decodes the cache instead of parsing");
}

#[test]
fn a_changed_file_of_the_same_size_is_parsed_again() {
    let env = TestEnv::new();
    let path = env.write("mine.yaml", CATALOG);
    plant(&env, &path, "Planted In The Cache");
    let changed = CATALOG.replace("AAAA", "BBBB");
    assert_eq!(changed.len(), CATALOG.len());
    std::fs::write(&path, &changed).unwrap();
    assert_eq!(title(&env, &path), "Title BBBB");
}

#[test]
fn a_corrupt_cache_file_is_ignored_and_replaced() {
    let env = TestEnv::new();
    let path = env.write("mine.yaml", CATALOG);
    assert_eq!(title(&env, &path), "Title AAAA");
    for file in cache_files(&env) {
        let mut bytes = std::fs::read(&file).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
    }
    assert_eq!(title(&env, &path), "Title AAAA");
    for file in cache_files(&env) {
        std::fs::write(&file, b"garbage").unwrap();
    }
    assert_eq!(title(&env, &path), "Title AAAA");
}

#[test]
fn an_unwritable_cache_directory_is_not_an_error() {
    let env = TestEnv::new();
    let path = env.write("mine.yaml", CATALOG);
    let blocker = env.write("blocked", "a file where the cache directory would go");
    let output = env
        .roadmap()
        .env("XDG_CACHE_HOME", &blocker)
        .arg("--catalog")
        .arg(&path)
        .args(["list", "--format", "ids", "--year", "1990", "--family", "bert"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout), "mine\n");
    assert!(output.stderr.is_empty());
}

#[test]
fn a_file_with_problems_of_its_own_is_never_cached() {
    let env = TestEnv::new();
    let broken = env.write("broken.yaml", CATALOG.replace("year: 1990", "year: 1024"));
    env.roadmap().arg("--catalog").arg(&broken).arg("list").assert().code(1);
    let shapeless = env.write("shapeless.yaml", CATALOG.replace("year: 1990", "year: soon"));
    env.roadmap().arg("--catalog").arg(&shapeless).arg("list").assert().code(1);
    assert!(cache_files(&env).is_empty(), "{:?}", cache_files(&env));
}

#[test]
fn a_sound_file_with_a_dangling_link_is_cached_but_still_refused() {
    let env = TestEnv::new();
    let path = env.write("bad.yaml", CATALOG.replace("family: bert", "family: nope"));
    env.roadmap().arg("--catalog").arg(&path).arg("list").assert().code(1);
    assert_eq!(cache_files(&env).len(), 1, "the file's own entries are sound; the link is checked every run");
    env.roadmap()
        .arg("--catalog")
        .arg(&path)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("unknown family 'nope'"));
}

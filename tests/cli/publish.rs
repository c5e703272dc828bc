//! `pack`, `subscribe` and `update` against a server on 127.0.0.1 started by the tests:
//! a course's catalog published, followed, refreshed with conditional requests, and every
//! bad answer refused with the copy kept byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::server::{Route, Server};
use crate::util::{TestEnv, stdout};

/// A paper of the course catalog.
fn paper(id: &str, year: u16) -> String {
    format!(
        "  - id: {id}\n    title: The Paper Called {id}\n    year: {year}\n    family: bert\n    url: https://example.org/{id}.pdf\n    authors: [Ada Lovelace]\n    contribution: What {id} changed, written out at length so that the checker is content with it.\n    focus: [one thing, another thing]\n"
    )
}

fn course(ids: &[&str]) -> String {
    let papers: String = ids.iter().map(|id| paper(id, 2026)).collect();
    format!("version: 1\npapers:\n{papers}")
}

/// Packs `ids` as `course.yaml` into the published directory and serves it at `/course/`.
fn publish(env: &TestEnv, server: &Server, ids: &[&str], extra: &[&str]) -> PathBuf {
    let source = env.write("course.yaml", course(ids));
    let public = env.path().join("public");
    env.roadmap().arg("pack").arg(&source).arg("-o").arg(&public).args(extra).assert().success();
    server.serve(&public, "/course/");
    public
}

/// Every file under the data directory (the lock aside) and its bytes.
fn data_files(env: &TestEnv) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(directory: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(directory) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else if !path.to_string_lossy().ends_with(".lock") {
                files.insert(path.clone(), std::fs::read(&path).expect("a readable file"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(&env.path().join("data/roadmap"), &mut files);
    files
}

/// A learner who follows the course at version 1 (papers `alpha-course`, `beta-course`).
fn following() -> (TestEnv, Server) {
    let (env, server) = (TestEnv::new(), Server::start());
    publish(&env, &server, &["alpha-course", "beta-course"], &[]);
    env.roadmap().args(["subscribe", &server.url("/course/index.json")]).assert().success();
    env.roadmap().arg("update").assert().success();
    (env, server)
}

/// `roadmap update` fails naming the course and `why`, and leaves every byte as it was.
fn refused(env: &TestEnv, why: &str) {
    refused_within(env, why, "0.5");
}

/// [`refused`] with a timeout of `seconds`; returns what update said on stderr.
fn refused_within(env: &TestEnv, why: &str, seconds: &str) -> String {
    let before = data_files(env);
    assert!(!before.is_empty());
    let output = env.roadmap().env("ROADMAP_NET_TIMEOUT", seconds).arg("update").output().expect("roadmap runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error: subscription 'course': ") && stderr.contains(why), "{stderr}");
    assert_eq!(data_files(env), before, "the copy is kept byte for byte");
    let ids = stdout(env.roadmap().args(["list", "--format", "ids"]));
    assert!(ids.contains("alpha-course\n") && ids.contains("beta-course\n"), "{ids}");
    stderr
}

#[test]
fn a_packed_course_is_followed_updated_listed_and_shown_as_new() {
    let (env, server) = (TestEnv::new(), Server::start());
    env.roadmap().arg("whatsnew").assert().success();
    publish(&env, &server, &["alpha-course"], &["--name", "CS 599"]);
    env.roadmap()
        .args(["subscribe", &server.url("/course/index.json")])
        .assert()
        .success()
        .stderr(predicate::str::contains("subscribed to 'course'"));
    assert!(!stdout(env.roadmap().args(["list", "--format", "ids"])).contains("alpha-course"), "nothing fetched yet");
    env.roadmap().arg("update").assert().success().stderr(predicate::str::contains("course: version 1"));
    assert!(stdout(env.roadmap().args(["list", "--format", "ids"])).contains("alpha-course\n"));
    assert_eq!(stdout(env.roadmap().args(["whatsnew", "--format", "ids"])), "alpha-course\n");

    // Nothing changed: the server answers 304 and nothing is fetched but the index.
    let asked = server.log().len();
    env.roadmap().arg("update").assert().success().stderr(predicate::str::contains("course: up to date"));
    assert_eq!(server.log()[asked..], [("/course/index.json".to_owned(), 304)]);

    // Version 2 adds a paper, and says so in its changelog.
    let public = publish(&env, &server, &["alpha-course", "gamma-course"], &[]);
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(public.join("index.json")).expect("an index")).expect("JSON");
    assert_eq!(index["name"], "CS 599");
    assert_eq!(index["version"], 2);
    assert_eq!(index["changelog"]["since"], 1);
    assert_eq!(index["changelog"]["papers"]["added"], serde_json::json!(["gamma-course"]));
    assert_eq!(index["files"][0]["path"], "course.yaml");
    assert_eq!(index["files"][0]["size"], std::fs::metadata(public.join("course.yaml")).expect("a file").len());
    env.roadmap().arg("update").assert().success().stderr(predicate::str::contains("papers: 1 added"));
    assert_eq!(stdout(env.roadmap().args(["whatsnew", "--format", "ids"])), "gamma-course\n");
    let listed = stdout(env.roadmap().args(["subscriptions", "--format", "json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    assert_eq!(listed[0]["name"], "course");
    assert_eq!(listed[0]["version"], 2);
    let paths = stdout(env.roadmap().arg("paths"));
    assert!(paths.contains("subscription\t") && paths.contains("course/v2-"), "{paths}");
    // The embedded catalog, then the subscription, then the learner's own files.
    let overlay = env.write("mine.yaml", course(&["gamma-course"]).replace("The Paper Called", "My Own"));
    let shown = stdout(env.roadmap().arg("--catalog").arg(&overlay).args(["show", "gamma-course", "--format", "json"]));
    assert!(shown.contains("My Own gamma-course"), "the learner's own file wins: {shown}");

    // A copy not updated for 30 days is a warning on every command that loads the catalogs.
    let file = env.path().join("data/roadmap/subscriptions.json");
    let mut recorded: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).expect("a file")).expect("JSON");
    recorded["subscriptions"][0]["checked"] = serde_json::json!("2020-01-01T00:00:00Z");
    std::fs::write(&file, serde_json::to_vec(&recorded).expect("JSON")).expect("written");
    env.roadmap()
        .args(["list", "--format", "ids"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: subscription 'course' has not been updated for"));

    env.roadmap().args(["unsubscribe", "course"]).assert().success();
    assert!(!stdout(env.roadmap().args(["list", "--format", "ids"])).contains("course"));
    assert!(!env.path().join("data/roadmap/subscriptions/course").exists());
}

#[test]
fn an_error_status_keeps_the_copy() {
    let (env, server) = following();
    publish(&env, &server, &["alpha-course", "beta-course", "gamma-course"], &[]);
    server.set("/course/index.json", Route::Status(404));
    refused(&env, "the server answered 404 Not Found");
    server.set("/course/index.json", Route::Status(500));
    refused(&env, "the server answered 500");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let (env, server) = following();
    server.set("/course/index.json", Route::Hang);
    let started = std::time::Instant::now();
    // Note: longer than the second after which a progress bar shows, but not in a pipe.
    let said = refused_within(&env, "no answer within", "1.5");
    assert!(started.elapsed() < std::time::Duration::from_secs(8), "the test timeout held");
    assert!(!said.contains('\r') && !said.contains('\u{1b}') && !said.contains("[="), "no bar in a pipe: {said:?}");
}

#[test]
fn a_redirect_loop_is_refused() {
    let (env, server) = following();
    server.set("/course/index.json", Route::Loop);
    refused(&env, "redirects");
}

#[test]
fn a_truncated_download_is_refused() {
    let (env, server) = following();
    let public = publish(&env, &server, &["alpha-course", "beta-course", "gamma-course"], &[]);
    server.set("/course/course.yaml", Route::Truncated(std::fs::read(public.join("course.yaml")).expect("a file")));
    refused(&env, "stopped before its end");
}

#[test]
fn a_file_that_does_not_match_its_checksum_is_refused() {
    let (env, server) = following();
    let public = publish(&env, &server, &["alpha-course", "beta-course", "gamma-course"], &[]);
    let tampered = std::fs::read_to_string(public.join("course.yaml")).expect("a file").replace("Ada", "Eve");
    server.set("/course/course.yaml", Route::File(tampered.into_bytes()));
    refused(&env, "course.yaml does not match its SHA-256");
}

/// An index by hand, for what `pack` would never write.
fn hand_made_index(files: &[(&str, &[u8])]) -> Vec<u8> {
    use sha2::Digest;
    let files: Vec<serde_json::Value> = files
        .iter()
        .map(|(path, bytes)| {
            let sha: String = sha2::Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect();
            serde_json::json!({"path": path, "sha256": sha, "size": bytes.len()})
        })
        .collect();
    let empty = serde_json::json!({"added": [], "changed": [], "removed": []});
    let changelog = serde_json::json!({"since": 1, "papers": empty, "edges": {"added": [], "removed": []}, "tracks": empty, "notes": []});
    serde_json::to_vec(&serde_json::json!({
        "format": 1, "name": "course", "version": 2, "date": "2026-05-06", "files": files, "changelog": changelog
    }))
    .expect("JSON")
}

#[test]
fn an_index_that_is_not_json_or_leaves_its_directory_is_refused() {
    let (env, server) = following();
    server.set("/course/index.json", Route::File(b"<html>not json</html>".to_vec()));
    refused(&env, "index.json is not a valid index");
    server.set("/course/index.json", Route::File(hand_made_index(&[("../secret.yaml", b"version: 1\n")])));
    server.set("/secret.yaml", Route::File(b"version: 1\n".to_vec()));
    refused(&env, "outside its directory");
    assert!(!server.log().iter().any(|(path, _)| path.contains("secret")), "never fetched");
}

#[test]
fn a_catalog_that_fails_check_is_refused() {
    let (env, server) = following();
    let broken = course(&["alpha-course"]).replace("family: bert", "family: no-such-family");
    server.set("/course/index.json", Route::File(hand_made_index(&[("course.yaml", broken.as_bytes())])));
    server.set("/course/course.yaml", Route::File(broken.into_bytes()));
    refused(&env, "does not pass `roadmap check`");
}

#[test]
fn a_pinned_key_accepts_its_signature_and_refuses_any_other() {
    let (env, server) = (TestEnv::new(), Server::start());
    let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("a key pair");
    let secret = env.write("minisign.key", pair.sk.to_box(None).expect("a box").into_string());
    let public = publish(&env, &server, &["alpha-course", "beta-course"], &["--sign", &secret.to_string_lossy()]);
    assert!(public.join("index.json.minisig").exists());
    env.roadmap()
        .args(["subscribe", &server.url("/course/index.json"), "--key", &pair.pk.to_base64()])
        .assert()
        .success();
    env.roadmap().arg("update").assert().success();

    // A new version signed with another key.
    let other = minisign::KeyPair::generate_unencrypted_keypair().expect("a key pair");
    let stranger = env.write("other.key", other.sk.to_box(None).expect("a box").into_string());
    publish(&env, &server, &["alpha-course", "beta-course", "gamma-course"], &["--sign", &stranger.to_string_lossy()]);
    refused(&env, "another key than the pinned one");
    // The right key, but the index changed after signing.
    let public = publish(
        &env,
        &server,
        &["alpha-course", "beta-course", "gamma-course"],
        &["--sign", &secret.to_string_lossy()],
    );
    let mut index = std::fs::read(public.join("index.json")).expect("an index");
    index.extend_from_slice(b" ");
    server.set("/course/index.json", Route::File(index));
    refused(&env, "does not verify with the pinned key");
    // No signature at all.
    server.serve(&public, "/course/");
    server.set("/course/index.json.minisig", Route::Status(404));
    refused(&env, "is not signed");
}

#[test]
fn only_http_addresses_can_be_followed() {
    let env = TestEnv::new();
    for url in ["file:///etc/passwd", "ftp://example.org/index.json", "index.json"] {
        env.roadmap().args(["subscribe", url]).assert().code(1).stderr(
            predicate::str::starts_with("error: cannot subscribe: ")
                .and(predicate::str::contains("not an http(s) address")),
        );
    }
    assert!(data_files(&env).is_empty(), "nothing written");
}

//! `roadmap open`: URLs, PDFs, `$BROWSER` (a recording script, never a real browser) and
//! failures, described in words.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use predicates::prelude::*;

use crate::util::{TestEnv, stdout};

/// A fake browser that appends each argument it receives to a log file.
fn recording_browser(env: &TestEnv) -> (PathBuf, PathBuf) {
    let log = env.path().join("opened.log");
    let script = env.write("browser.sh", format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display()));
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("the script is executable");
    (script, log)
}

#[test]
fn print_gives_the_abstract_page_and_pdf_gives_the_pdf() {
    let env = TestEnv::new();
    let output = env.roadmap().args(["open", "gpt-3", "--print"]).assert().success();
    output.stdout("https://arxiv.org/abs/2005.14165\n");
    env.roadmap()
        .args(["open", "gpt-3", "--print", "--pdf"])
        .assert()
        .success()
        .stdout("https://arxiv.org/pdf/2005.14165\n");
}

#[test]
fn browser_runs_with_the_url_as_its_one_argument() {
    let env = TestEnv::new();
    let (browser, log) = recording_browser(&env);
    env.roadmap().env("BROWSER", &browser).args(["open", "gpt-3"]).assert().success().stdout("");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "https://arxiv.org/abs/2005.14165\n");
}

#[test]
fn gpt_2_opens_its_https_pdf() {
    let env = TestEnv::new();
    let (browser, log) = recording_browser(&env);
    env.roadmap().env("BROWSER", &browser).args(["open", "gpt-2"]).assert().success();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert!(opened.starts_with("https://cdn.openai.com/") && opened.trim_end().ends_with(".pdf"), "{opened}");
}

#[test]
fn several_ids_open_in_order_and_normalised_ids_resolve() {
    let env = TestEnv::new();
    let (browser, log) = recording_browser(&env);
    env.roadmap().env("BROWSER", &browser).args(["open", "GPT3", "bert", "--pdf"]).assert().success();
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "https://arxiv.org/pdf/2005.14165\nhttps://arxiv.org/pdf/1810.04805\n"
    );
}

#[test]
fn an_unknown_id_suggests_close_ones_and_opens_nothing() {
    let env = TestEnv::new();
    let (browser, log) = recording_browser(&env);
    env.roadmap()
        .env("BROWSER", &browser)
        .args(["open", "bert", "gpt-9"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: no paper 'gpt-9'").and(predicate::str::contains("gpt-4, gpt-3")));
    assert!(!log.exists(), "nothing is opened when one id is wrong");
}

#[test]
fn a_failing_browser_is_an_error_not_a_panic() {
    let env = TestEnv::new();
    let failing = env.write("fail.sh", "#!/bin/sh\nexit 3\n");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap().env("BROWSER", &failing).args(["open", "bert"]).assert().code(1).stderr(
        predicate::str::starts_with("error: $BROWSER")
            .and(predicate::str::contains("https://arxiv.org/abs/1810.04805")),
    );
    env.roadmap()
        .env("BROWSER", env.path().join("no-such-browser"))
        .args(["open", "bert"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: cannot run $BROWSER"));
}

#[test]
fn a_paper_without_a_pdf_says_so() {
    let env = TestEnv::new();
    let catalog = env.write(
        "web.yaml",
        "version: 1\npapers:\n  - id: web-only\n    title: A Web Page\n    year: 2020\n    family: gpt\n    url: https://example.org/post\n    authors: [Someone]\n    contribution: A page.\n",
    );
    env.roadmap()
        .arg("--catalog")
        .arg(&catalog)
        .args(["open", "web-only", "bert", "--pdf", "--print"])
        .assert()
        .success()
        .stdout("https://example.org/post\nhttps://arxiv.org/pdf/1810.04805\n")
        .stderr(predicate::str::contains("'web-only' has no PDF link; opening its page instead"));
    let url = stdout(env.roadmap().arg("--catalog").arg(&catalog).args(["open", "web-only", "--print"]));
    assert_eq!(url, "https://example.org/post\n");
}

#[test]
fn a_browser_command_with_arguments_gets_the_url_last() {
    let env = TestEnv::new();
    let (browser, log) = recording_browser(&env);
    let command = format!("{} --new-window", browser.display());
    env.roadmap().env("BROWSER", &command).args(["open", "bert"]).assert().success();
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "--new-window\nhttps://arxiv.org/abs/1810.04805\n");
}

#[test]
fn one_failing_paper_does_not_stop_the_others() {
    let env = TestEnv::new();
    let log = env.path().join("opened.log");
    let flaky = env.write(
        "flaky.sh",
        format!("#!/bin/sh\ncase \"$1\" in *1810.04805*) exit 3;; esac\necho \"$1\" >> {}\n", log.display()),
    );
    std::fs::set_permissions(&flaky, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.roadmap()
        .env("BROWSER", &flaky)
        .args(["open", "bert", "gpt-3", "lora"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exited with status 3").and(predicate::str::contains("ExitStatus").not()));
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened, "https://arxiv.org/abs/2005.14165\nhttps://arxiv.org/abs/2106.09685\n");
}

#[test]
fn arxiv_ids_and_links_open_their_paper() {
    let env = TestEnv::new();
    let urls = stdout(env.roadmap().args(["open", "--print", "1706.03762", "https://arxiv.org/abs/1706.03762v5"]));
    assert_eq!(urls, "https://arxiv.org/abs/1706.03762\n", "the same paper twice opens once");
}

#[test]
fn the_doi_cite_prints_opens_its_paper() {
    let env = TestEnv::new();
    let entry = stdout(env.roadmap().args(["cite", "lora"]));
    let doi = entry.lines().find_map(|line| line.trim().strip_prefix("doi = {")).expect("a doi field");
    let doi = doi.trim_end_matches([',', '}']);
    assert_eq!(doi, "10.48550/arXiv.2106.09685");
    let link = format!("https://doi.org/{doi}");
    let urls = stdout(env.roadmap().args(["open", "--print", doi, &link, "https://huggingface.co/papers/2106.09685"]));
    assert_eq!(urls, "https://arxiv.org/abs/2106.09685\n", "one paper, named three ways, opens once");
}

#[test]
fn a_browser_failure_is_described_in_words() {
    let env = TestEnv::new();
    env.roadmap().env("BROWSER", "/bin/false").args(["open", "bert"]).assert().code(1).stderr(
        predicate::str::contains("exited with status 1").and(predicate::str::contains("unix_wait_status").not()),
    );
}

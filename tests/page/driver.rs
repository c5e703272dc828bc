//! Headless Chromium through chromedriver for the page tests: starting the driver and a
//! browser, running a script, and reading back what the reader would see.

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// A chromedriver on a free local port, and the profiles of the browsers it starts. When
/// dropped, it stops them all, even those of a test that failed before closing its session.
pub struct Driver {
    process: Child,
    url: String,
    profiles: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("pkill").arg("-KILL").arg("-f").arg(self.profiles.path()).status();
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Starts chromedriver, or explains why the test is skipped (never skipped in CI).
pub fn driver() -> Option<Driver> {
    let installed = Command::new("chromedriver").arg("--version").output().is_ok_and(|output| output.status.success());
    if !installed {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromedriver: .ci/run installs chromium-driver");
        eprintln!("skipping the page test: chromedriver is not installed (apt-get install chromium-driver)");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).expect("a free port").port();
    let process = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profiles = tempfile::Builder::new().prefix("roadmap-page-test-").tempdir().expect("a profile directory");
    let driver = Driver { process, url: format!("http://127.0.0.1:{port}"), profiles };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(driver)
}

/// A headless Chromium window of this size, with its own profile.
pub async fn browser(driver: &Driver, size: (u32, u32), extra: &[&str]) -> Client {
    let profile = tempfile::tempdir_in(driver.profiles.path()).expect("a profile directory");
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--hide-scrollbars".to_owned(),
        format!("--window-size={},{}", size.0, size.1),
        format!("--user-data-dir={}", profile.keep().display()),
    ];
    args.extend(extra.iter().map(|arg| (*arg).to_owned()));
    let mut options = json!({ "args": args });
    if Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".to_owned(), options);
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a browser session");
    // Windows are sized with their frame: make the viewport itself the asked size.
    let frame =
        run(&client, "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]").await;
    let frame = |index: usize| u32::try_from(frame[index].as_u64().unwrap_or(0)).unwrap_or(0);
    if frame(0) > 0 || frame(1) > 0 {
        client.set_window_size(size.0 + frame(0), size.1 + frame(1)).await.expect("the window is resized");
    }
    client
}

pub async fn run(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("the script runs")
}

/// Each tree box's `data-lineage`, by paper (absent for papers outside the lineage).
pub async fn lineage_marks(client: &Client) -> HashMap<String, Option<String>> {
    let marks = run(
        client,
        "return [...document.querySelectorAll('#tree .tree-box svg:not(.off) .node')].map(node => [node.dataset.paper, node.dataset.lineage ?? null])",
    )
    .await;
    marks
        .as_array()
        .expect("pairs")
        .iter()
        .map(|pair| (pair[0].as_str().expect("an id").to_owned(), pair[1].as_str().map(str::to_owned)))
        .collect()
}

/// The ids of the papers the reader can see in one part of the page.
pub async fn visible(client: &Client, selector: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll(\"{selector}\")].filter(item => item.getClientRects().length > 0).map(item => item.dataset.paper)"
    );
    run(client, &script)
        .await
        .as_array()
        .expect("ids")
        .iter()
        .map(|id| id.as_str().expect("an id").to_owned())
        .collect()
}

/// Clicks a paper's box, scrolled to the middle of the view first, as a reader would see it.
pub async fn click(client: &Client, id: &str) {
    run(
        client,
        &format!("document.querySelector(\"{}\").scrollIntoView({{ block: 'center', inline: 'center' }})", node(id)),
    )
    .await;
    client.find(Locator::Css(&node(id))).await.expect("the paper's box").click().await.expect("a click");
}

/// A paper's box in the tree on show (the full tree, or the part a track or a filter shows).
pub fn node(id: &str) -> String {
    format!("#tree .tree-box svg:not(.off) .node[data-paper='{id}']")
}

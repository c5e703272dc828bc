//! The README's pictures of the page, made by a real browser.

use std::path::PathBuf;

use fantoccini::Locator;

use crate::driver::{browser, click, driver, run};
use crate::page;
use crate::util::TestEnv;

/// Not a check: makes the README's pictures of the page (`scripts/screenshots.sh` runs it),
/// with LLaMA clicked on a desktop, a track picked, and the top of the page on a phone.
#[tokio::test]
#[ignore = "writes docs/export.png, docs/export-track.png and docs/export-phone.png; run by scripts/screenshots.sh"]
async fn readme_pictures() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    env.roadmap().args(["mark", "instructgpt", "chinchilla", "read"]).assert().success();
    let url = page(&env, &[]);
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs");
    let desktop = browser(&driver, (1400, 1000), &[]).await;
    desktop.goto(&url).await.unwrap();
    click(&desktop, "llama").await;
    std::fs::write(docs.join("export.png"), desktop.screenshot().await.unwrap()).unwrap();
    run(&desktop, "document.querySelector('#detail .close').click()").await;
    desktop.find(Locator::Id("track")).await.unwrap().select_by_value("reasoning").await.unwrap();
    run(&desktop, "scrollTo(0, document.getElementById('tree').offsetTop - 60)").await;
    std::fs::write(docs.join("export-track.png"), desktop.screenshot().await.unwrap()).unwrap();
    desktop.close().await.unwrap();
    let phone = browser(&driver, (390, 844), &[]).await;
    phone.goto(&url).await.unwrap();
    std::fs::write(docs.join("export-phone.png"), phone.screenshot().await.unwrap()).unwrap();
    phone.close().await.unwrap();
}

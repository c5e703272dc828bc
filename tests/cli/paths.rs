//! `roadmap paths`: where the catalogs, the progress file and the cache are, and why.

use crate::util::{TestEnv, example, first_fields, stdout};

#[test]
fn paths_say_where_everything_is_and_why() {
    let env = TestEnv::new();
    let defaults = stdout(env.roadmap().arg("paths"));
    let expected_state = env.path().join("state/roadmap/progress.yaml");
    assert_eq!(first_fields(&defaults), ["catalog", "catalog", "progress", "browser", "cache", "data"]);
    let own = env.path().join("data/roadmap/catalog.yaml");
    assert!(defaults.contains(&format!("catalog\t{}\tyours: `roadmap add` creates it", own.display())), "{defaults}");
    assert!(defaults.contains(&format!("cache\t{}\t", env.path().join("cache/roadmap").display())), "{defaults}");
    assert!(defaults.contains(&format!("progress\t{}\tdefault", expected_state.display())), "{defaults}");
    let browser = env.path().join("state/roadmap/browse.json");
    assert!(defaults.contains(&format!("browser\t{}\tdefault", browser.display())), "{defaults}");

    let flagged =
        stdout(env.roadmap().arg("--catalog").arg(example()).args(["--state", "/tmp/elsewhere.yaml", "paths"]));
    assert!(flagged.contains(&format!("catalog\t{}\t--catalog\n", example().display())), "{flagged}");
    assert!(flagged.contains("progress\t/tmp/elsewhere.yaml\t--state\n"), "{flagged}");

    let from_env = stdout(
        env.roadmap()
            .env("ROADMAP_CATALOG", example())
            .env("ROADMAP_STATE", "/tmp/p.yaml")
            .args(["--no-default", "paths"]),
    );
    let expected = format!(
        "catalog\t{}\tyours (`roadmap add` writes it); --no-default leaves it out\ncatalog\t{}\tROADMAP_CATALOG\nprogress\t/tmp/p.yaml\tROADMAP_STATE\nbrowser\t",
        env.path().join("data/roadmap/catalog.yaml").display(),
        example().display()
    );
    assert!(from_env.starts_with(&expected), "{from_env}");

    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(env.roadmap().args(["paths", "--format", "json"]))).unwrap();
    assert_eq!(json[2]["kind"], "progress");
}

#[test]
fn paths_table() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().env("COLUMNS", "120").args(["paths", "--format", "plain"]));
    let home = env.path().display().to_string();
    insta::assert_snapshot!("paths_plain", text.replace(&home, "[HOME]"));
}

//! The embedded catalog's content: the original roadmap as the original track, each paper
//! after its prerequisites. These tests check the data in `data/`, not the program: the
//! program is tested in `tests/cli/`.

#[path = "cli/util.rs"]
mod util;

use util::{TestEnv, ids, stdout};

/// The original roadmap's 21 papers, as the seed roadmap grouped them.
const ORIGINAL: [&str; 21] = [
    "transformer",
    "transformer-xl",
    "reformer",
    "bert",
    "albert",
    "roberta",
    "distilbert",
    "ernie",
    "gpt-1",
    "gpt-2",
    "gpt-3",
    "scaling-laws",
    "instructgpt",
    "gpt-4",
    "llama",
    "llama-2",
    "unilm",
    "t5",
    "bart",
    "lora",
    "multimodal-cot",
];

#[test]
fn the_original_track_holds_exactly_the_21_papers_each_after_its_prerequisites() {
    let env = TestEnv::new();
    let order = ids(&stdout(env.roadmap().args(["track", "original", "--format", "ids"])));
    let mut sorted = order.clone();
    sorted.sort();
    let mut expected: Vec<String> = ORIGINAL.iter().map(|id| (*id).to_owned()).collect();
    expected.sort();
    assert_eq!(sorted, expected, "exactly the original 21");
    let position = |id: &str| order.iter().position(|step| step == id).unwrap();
    assert!(position("scaling-laws") < position("gpt-3"), "GPT-3 builds on the scaling laws");
    assert!(position("bert") < position("gpt-2"), "encoders come before the rest of the decoders");
    assert!(position("llama-2") < position("unilm"), "then the encoder-decoders");
    assert_eq!(order.first().map(String::as_str), Some("transformer"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(env.roadmap().args(["list", "--format", "json"]))).unwrap();
    for step in &order {
        let paper = json.as_array().unwrap().iter().find(|paper| paper["id"] == step.as_str()).unwrap();
        for prerequisite in paper["builds_on"].as_array().unwrap() {
            if let Some(at) = order.iter().position(|id| id == prerequisite.as_str().unwrap()) {
                assert!(at < position(step), "{step} comes before its prerequisite {prerequisite}");
            }
        }
    }
}

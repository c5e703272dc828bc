//! The tree as a reader sees it: a track or a filter lays out only what it shows (the first
//! paper near the top, the tree as tall as its content, no line through a box), each line
//! style means one thing and is in the legend, and the page's script lays a part of the tree
//! out exactly as the exporter lays out a track's page (layout.js against layout.rs).

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::driver::{browser, click, driver, run};
use crate::page;
use crate::util::{TestEnv, stdout};

/// The tree on show: its height, the box's height, the first box's top from the tree's top,
/// and every line that crosses a box other than its own two ends.
const SHAPE: &str = "const svg = document.querySelector('#tree .tree-box svg:not(.off)');
const top = svg.getBoundingClientRect().top;
const place = node => { const rect = node.querySelector('rect'); const moved = node.transform.baseVal.consolidate()?.matrix;
  return { x: Number(rect.getAttribute('x')) + (moved?.e ?? 0), y: Number(rect.getAttribute('y')) + (moved?.f ?? 0),
    width: Number(rect.getAttribute('width')), height: Number(rect.getAttribute('height')) }; };
const boxes = [...svg.querySelectorAll('.node')].map(node => [node.dataset.paper, place(node)]);
const crossings = [];
for (const path of svg.querySelectorAll('.edge')) {
  const length = path.getTotalLength();
  for (let at = 0; at <= length; at += 2) {
    const point = path.getPointAtLength(at);
    for (const [id, box] of boxes) {
      if (id === path.dataset.from || id === path.dataset.to) continue;
      if (point.x > box.x + 1 && point.x < box.x + box.width - 1 && point.y > box.y + 1 && point.y < box.y + box.height - 1) {
        crossings.push([path.dataset.from, path.dataset.to, id]);
      }
    }
  }
}
const firstTop = Math.min(...[...svg.querySelectorAll('.node rect')].map(rect => rect.getBoundingClientRect().top)) - top;
return [svg.getBoundingClientRect().height, document.querySelector('.tree-box').getBoundingClientRect().height, firstTop, crossings, boxes.length];";

async fn shape(client: &Client) -> (f64, f64, f64, Value, u64) {
    let shape = run(client, SHAPE).await;
    let number = |index: usize| shape[index].as_f64().expect("a number");
    (number(0), number(1), number(2), shape[3].clone(), shape[4].as_u64().expect("a count"))
}

#[tokio::test]
async fn a_track_or_a_filter_closes_the_tree_up_around_what_it_shows() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.expect("the page loads");
    let (full, _, _, _, all) = shape(&client).await;
    assert!(full > 1500.0, "the full tree is tall: {full}");

    client.find(Locator::Id("track")).await.unwrap().select_by_value("reasoning").await.unwrap();
    let steps = stdout(env.roadmap().args(["track", "reasoning", "--format", "ids"])).lines().count();
    let (height, frame, first, crossings, shown) = shape(&client).await;
    assert_eq!(shown, steps as u64, "the tree shows the track's papers only");
    assert!(first < 60.0, "the first paper is at the top: {first} px down");
    assert!(height < full / 2.0, "the tree closes up: {height} of {full}");
    assert!((frame - height).abs() <= 4.0, "the tree is as tall as its content: {frame} for {height}");
    assert_eq!(crossings, json!([]), "no line runs through a box");

    client.find(Locator::Id("track")).await.unwrap().select_by_value("").await.unwrap();
    client
        .execute(
            "const f = document.getElementById('filter'); f.value = 'llama'; f.dispatchEvent(new Event('input'));",
            vec![],
        )
        .await
        .unwrap();
    let found = stdout(env.roadmap().args(["list", "--query", "llama", "--format", "ids"])).lines().count();
    let (height, frame, first, crossings, shown) = shape(&client).await;
    assert_eq!(shown, found as u64);
    assert!(first < 60.0 && height < full / 2.0, "{first} {height}");
    assert!((frame - height).abs() <= 4.0);
    assert_eq!(crossings, json!([]), "no line runs through a box");
    client
        .execute(
            "const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));",
            vec![],
        )
        .await
        .unwrap();
    let (back, _, _, _, count) = shape(&client).await;
    assert_eq!((back, count), (full, all), "clearing the filter brings the full tree back");
    client.close().await.unwrap();
}

/// Each line sample of the legend's computed style, by its classes.
const LEGEND: &str = "const style = path => { const s = getComputedStyle(path); return [s.stroke, s.strokeOpacity, s.strokeWidth, s.strokeDasharray].join(' | '); };
return [[...document.querySelectorAll('#tree .legend .line-key path')].map(path => [path.getAttribute('class'), style(path)]),
  [...document.querySelectorAll('#tree .tree-box svg:not(.off) .edge')].map(path => style(path)),
  [...document.querySelectorAll('#tree .tree-box svg:not(.off) .edge.strong')].map(path => [path.classList.contains('down'), style(path)]),
  [...new Set([...document.querySelectorAll('#tree .node rect')].map(rect => getComputedStyle(rect).strokeDasharray))]];";

#[tokio::test]
async fn every_line_style_means_one_thing_and_is_in_the_legend() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    env.roadmap().args(["mark", "elmo", "skipped"]).assert().success();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    client.goto(&url).await.expect("the page loads");
    client.find(Locator::Id("track")).await.unwrap().select_by_value("reasoning").await.unwrap();
    let styles = run(&client, LEGEND).await;
    let legend: Vec<(String, String)> = styles[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
        .collect();
    let classes: Vec<&str> = legend.iter().map(|(class, _)| class.as_str()).collect();
    assert_eq!(classes, ["edge main", "edge other", "edge indirect", "edge strong", "edge strong down"]);
    for (index, (class, style)) in legend.iter().enumerate() {
        for (other, other_style) in &legend[index + 1..] {
            assert_ne!(style, other_style, "{class} and {other} look alike");
        }
    }
    let style_of = |class: &str| legend.iter().find(|(name, _)| name == class).map(|(_, style)| style.clone()).unwrap();
    let drawn: Vec<String> = styles[1].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect();
    let resting = [style_of("edge main"), style_of("edge other"), style_of("edge indirect")];
    for style in &drawn {
        assert!(resting.contains(style), "a line drawn as no legend entry: {style}");
    }
    for style in [&resting[0], &resting[2]] {
        assert!(drawn.contains(style), "the track's tree draws main lines and lines through hidden papers: {style}");
    }
    // A status is drawn on the box, never as a line: no box is dashed, skipped or not.
    assert_eq!(styles[3], json!(["none"]), "no box outline is dashed");

    // The selected paper's lineage: up and down each as the legend says.
    client.find(Locator::Id("track")).await.unwrap().select_by_value("").await.unwrap();
    click(&client, "llama").await;
    let styles = run(&client, LEGEND).await;
    let strong = styles[2].as_array().unwrap();
    assert!(strong.iter().any(|pair| pair[0] == json!(true)) && strong.iter().any(|pair| pair[0] == json!(false)));
    for pair in strong {
        let expected = if pair[0] == json!(true) { style_of("edge strong down") } else { style_of("edge strong") };
        assert_eq!(pair[1].as_str().unwrap(), expected);
    }
    assert_eq!(styles[3], json!(["none"]), "a descendant's box is not dashed either");
    client.close().await.unwrap();
}

/// The tree on show, box by box (where it is drawn, moved or not) and line by line.
/// The exporter's tree is the one a reader without the script sees: the <noscript>'s.
const DRAWN: &str = r#"const exporter = () => { const holder = document.createElement('div'); holder.innerHTML = document.getElementById('tree-source').textContent; return holder.firstElementChild; };
const svg = arguments[0] ? document.querySelector('#tree .tree-box svg.part') : exporter();
const at = (node, axis) => String(Number(node.querySelector('rect').getAttribute(axis)) + (node.transform.baseVal.consolidate()?.matrix[axis === 'x' ? 'e' : 'f'] ?? 0));
return [svg.getAttribute('width'), svg.getAttribute('height'),
  [...svg.querySelectorAll('.node')].map(node => [node.dataset.paper, at(node, 'x'), at(node, 'y')]),
  [...svg.querySelectorAll('.edge')].map(path => [path.dataset.from, path.dataset.to, path.getAttribute('class'), path.getAttribute('d')]).sort((a, b) => (a.join() < b.join() ? -1 : 1)),
  [...svg.querySelectorAll('.bands > *')].map(item => item.outerHTML.replace(/ xmlns="[^"]*"/, ''))];"#;

#[tokio::test]
async fn the_script_lays_out_a_track_as_the_exporter_lays_out_its_page() {
    let Some(driver) = driver() else { return };
    let env = TestEnv::new();
    let url = page(&env, &[]);
    let client = browser(&driver, (1400, 1000), &[]).await;
    let tracks: Vec<String> =
        stdout(env.roadmap().args(["tracks", "--format", "ids"])).lines().map(str::to_owned).collect();
    assert!(tracks.len() > 10);
    // The script's layout of every paper is the exporter's full tree.
    client.goto(&url).await.expect("the page loads");
    let whole = run(
        &client,
        "const data = JSON.parse(document.getElementById('tree-data').textContent);
const svg = document.querySelector('#tree .tree-box svg.part');
const holder = document.createElement('div');
holder.innerHTML = document.getElementById('tree-source').textContent;
const boxes = new Map([...holder.querySelectorAll('.node')].map(node => [node.dataset.paper, node]));
roadmapLayout(data).draw(svg, data.papers.map((_, index) => index), id => boxes.get(id).cloneNode(true));
svg.classList.remove('off');
return true;",
    )
    .await;
    assert_eq!(whole, json!(true));
    let (script, exporter) = (run_drawn(&client, true).await, run_drawn(&client, false).await);
    assert_eq!(script, exporter, "the full tree");
    for track in &tracks {
        let own = env.path().join(format!("{track}.html"));
        env.roadmap().args(["export", "--track", track, "-o"]).arg(&own).assert().success();
        client.goto(&format!("file://{}", own.display())).await.unwrap();
        let exporter = run_drawn(&client, false).await;
        client.goto(&format!("{url}#track={track}")).await.unwrap();
        client.refresh().await.unwrap();
        let script = run_drawn(&client, true).await;
        assert_eq!(script, exporter, "track {track}: the script's layout is the exporter's");
    }
    client.close().await.unwrap();
}

async fn run_drawn(client: &Client, part: bool) -> Value {
    client.execute(DRAWN, vec![json!(part)]).await.expect("the script runs")
}

//! A short page that opens on progress: its height in screens, where progress and the tree
//! start, and status cells that never wrap.

use serde_json::json;

use crate::driver::run;

/// Whether any table date is broken over two lines.
pub const WRAPPED_DATES: &str = "return [...document.querySelectorAll('#papers-table td.date')].filter(cell => { \
    const range = document.createRange(); range.selectNodeContents(cell); return range.getClientRects().length > 1; }).length";
/// How many status cells are broken over two lines ("✓ read" once doubled a row's height).
pub const WRAPPED_STATUS: &str = "return [...document.querySelectorAll('#papers-table td.status')].filter(cell => { \
    cell.scrollIntoView(); const range = document.createRange(); range.selectNodeContents(cell); \
    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size > 1; }).length";
/// The page's height in screens, and where the progress and the tree start, in screens.
const SCREENS: &str = "const at = id => (document.getElementById(id).getBoundingClientRect().top + scrollY) / innerHeight; \
    return [document.documentElement.scrollHeight / innerHeight, at('progress'), at('tree'), \
    document.querySelectorAll('#progress .bar-row.total').length, document.querySelectorAll('#progress .bar-row.track').length]";

/// Checks the page is short and opens on progress, on a screen of any size.
pub async fn with_progress_first(client: &fantoccini::Client, most: f64) {
    let screens = run(client, SCREENS).await;
    let tall = screens[0].as_f64().expect("a height");
    assert!(tall <= most, "the page is {tall:.1} screens tall, more than {most}");
    assert!(screens[1].as_f64().expect("a place") < 0.5, "progress comes first: {screens}");
    assert!(screens[1].as_f64() < screens[2].as_f64(), "before the tree: {screens}");
    assert_eq!(screens[3], json!(1), "a total");
    assert!(screens[4].as_u64().expect("a count") > 10, "a bar per track: {screens}");
}

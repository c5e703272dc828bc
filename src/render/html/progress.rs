//! Progress, near the top of the page: a bar for all the papers shown, one per track, and one
//! per family folded away; and the link that downloads the reader's marks. Each bar carries
//! its papers (`data-papers`), so the script recounts it when the reader marks a paper.

use std::fmt::Write;

use super::{Page, escape};
use crate::progress::Status;

/// The progress section.
pub fn write(out: &mut String, page: &Page<'_>) {
    let words = &page.words.page;
    let _ = write!(out, "<section id=\"progress\">\n<h2>{}</h2>\n<div class=\"bars\">\n", words.sections[3]);
    let all: Vec<&str> = page.papers.iter().map(|paper| paper.id.as_str()).collect();
    bar(out, page, "total", words.all_papers, &all);
    let tracks: Vec<_> = page.tracks().collect();
    if !tracks.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", words.by_track);
    }
    for track in tracks {
        let steps: Vec<&str> =
            track.steps.iter().map(|step| step.paper.as_str()).filter(|id| page.on_page.contains(id)).collect();
        bar(out, page, "track", page.catalog.track_name(track, page.lang), &steps);
    }
    let _ = writeln!(out, "</div>\n<details>\n<summary>{}</summary>\n<div class=\"bars\">", words.by_family);
    for tally in page.tallies.iter().filter(|tally| tally.total > 0) {
        let ids: Vec<&str> =
            page.papers.iter().filter(|paper| paper.family == tally.family.id).map(|paper| paper.id.as_str()).collect();
        bar(out, page, "family", page.catalog.family_name(tally.family, page.lang), &ids);
    }
    let _ = writeln!(
        out,
        "</div>\n</details>\n<p class=\"download\" hidden><a id=\"download-progress\" href=\"#progress\" download=\"roadmap-progress.yaml\">{}</a> <span class=\"muted\">{}</span></p>\n</section>",
        words.download,
        escape(words.download_hint)
    );
}

/// One bar: a name, how many of `ids` are read, and the bar itself.
fn bar(out: &mut String, page: &Page<'_>, kind: &str, name: &str, ids: &[&str]) {
    let read = ids.iter().filter(|id| page.progress.status(id) == Status::Read).count();
    let width = if ids.is_empty() { 0.0 } else { read as f64 * 100.0 / ids.len() as f64 };
    let _ = writeln!(
        out,
        "<div class=\"bar-row {kind}\" data-papers=\"{}\"><span class=\"name\">{}</span><span class=\"bar\" role=\"img\" aria-label=\"{read}/{} {}\"><span style=\"width: {width:.1}%\"></span></span><span class=\"count date\">{read}/{}</span></div>",
        escape(&ids.join(" ")),
        escape(name),
        ids.len(),
        (page.words.status)(Status::Read),
        ids.len()
    );
}

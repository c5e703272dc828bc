//! Papers by year, month by month, coloured by branch.

use super::Look;
use crate::catalog::{Catalog, Paper};
use crate::progress::{Progress, Status};
use crate::text::sanitize;
use crate::text::{self, wrap};

/// A year heading, then one line per paper: month, id (in its branch's colour), title,
/// and a check mark on papers that are read. Titles wrap at spaces under their own column
/// to fit `look.width`; when ids leave too little room, titles go on the next line.
pub fn render(catalog: &Catalog, progress: &Progress, papers: &[&Paper], look: Look) -> String {
    let id_width = papers.iter().map(|paper| text::width(&sanitize(&paper.id))).max().unwrap_or(0);
    let title_column = 2 + 2 + 2 + id_width + 2;
    let same_line = title_column + MIN_TITLE <= look.width;
    let mut out = String::new();
    let mut year = None;
    for paper in papers {
        if year != Some(paper.year) {
            if year.is_some() {
                out.push('\n');
            }
            out.push_str(&look.bold(&paper.year.to_string()));
            out.push('\n');
            year = Some(paper.year);
        }
        let month = paper.month.map_or_else(|| "  ".to_owned(), |month| format!("{month:02}"));
        let plain_id = sanitize(&paper.id);
        let mark = if progress.status(&paper.id) == Status::Read { " ✓" } else { "" };
        let title = format!("{}{mark}", paper.title);
        if same_line {
            let padding = " ".repeat(id_width - text::width(&plain_id));
            let id = look.branch(&plain_id, catalog.branch_of(paper));
            let title = wrap(&title, look.width, title_column);
            out.push_str(&format!("  {}  {id}{padding}  {}", look.dim(&month), title.trim_start()));
        } else {
            let id = look.branch(&text::cut(&plain_id, look.width.saturating_sub(6)), catalog.branch_of(paper));
            out.push_str(&format!("  {}  {id}\n{}", look.dim(&month), wrap(&title, look.width, 6)));
        }
    }
    out
}

/// Titles narrower than this go on their own line under the id.
const MIN_TITLE: usize = 24;

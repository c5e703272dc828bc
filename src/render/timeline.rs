//! Papers by year, month by month, coloured by branch.

use unicode_width::UnicodeWidthStr;

use super::{Look, sanitize};
use crate::catalog::{Catalog, Paper};
use crate::progress::{Progress, Status};

/// A year heading, then one line per paper: month, id (in its branch's colour), title,
/// and a check mark on papers that are read.
pub fn render(catalog: &Catalog, progress: &Progress, papers: &[&Paper], look: Look) -> String {
    let id_width = papers.iter().map(|paper| paper.id.width()).max().unwrap_or(0);
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
        let padding = " ".repeat(id_width - paper.id.width());
        let id = look.branch(&paper.id, catalog.branch_of(paper));
        let mark = if progress.status(&paper.id) == Status::Read { " ✓" } else { "" };
        out.push_str(&format!("  {}  {id}{padding}  {}{mark}\n", look.dim(&month), sanitize(&paper.title)));
    }
    out
}

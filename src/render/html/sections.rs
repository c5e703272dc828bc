//! The page's sections below the tree: the table of papers (in a frame of its own, so the
//! page stays short) and a card per paper, which the script opens beside the tree and the
//! table rather than listing them all. Rows and cards carry `data-paper`.

use std::fmt::Write;

use super::steps::{card_whys, row_number, row_why};
use super::{Page, escape, mark};
use crate::progress::Status;
use crate::render::columns::authors_line;
use crate::words::Header;

/// The table of papers, inside a <noscript>: the script makes the rows it lists from it.
pub fn table(out: &mut String, page: &Page<'_>) {
    let words = &page.words.page;
    let _ = write!(
        out,
        "<section id=\"papers\">\n<h2>{}</h2>\n<div class=\"table-box\">\n<noscript id=\"table-source\"><table id=\"papers-table\">\n<thead><tr>",
        words.sections[1]
    );
    for column in [Header::Id, Header::Date, Header::Family, Header::Title, Header::Status].map(page.words.header) {
        let _ = write!(out, "<th scope=\"col\">{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for paper in page.listed() {
        let status = page.progress.status(&paper.id);
        let [id, date, family_column, title, status_column] =
            [Header::Id, Header::Date, Header::Family, Header::Title, Header::Status].map(page.words.header);
        let (mut number, mut why) = (String::new(), String::new());
        row_number(&mut number, page, paper);
        row_why(&mut why, page, paper);
        let _ = writeln!(
            out,
            "<tr data-paper=\"{id_value}\"><td data-label=\"{id}\">{number}<a href=\"#paper-{id_value}\">{id_value}</a></td><td class=\"date\" data-label=\"{date}\">{date_value}</td><td data-label=\"{family_column}\">{family_value}</td><td data-label=\"{title}\"><span class=\"title\">{title_value}</span>{why}</td><td class=\"status {status_class}\" data-label=\"{status_column}\">{mark}{status_word}</td></tr>",
            id_value = escape(&paper.id),
            date_value = paper.date(),
            family_value = escape(&paper.family),
            title_value = escape(&paper.title),
            status_class = status.as_str(),
            mark = mark(status),
            status_word = (page.words.status)(status),
        );
    }
    let _ = write!(
        out,
        "</tbody>\n</table></noscript>\n</div>\n<button id=\"more\" type=\"button\" hidden data-template=\"{}\"></button>\n</section>\n",
        escape(words.show_all)
    );
}

/// A card per paper: title, authors, links, contribution, what to focus on, lineage, and the
/// learner's notes when the page is meant to carry them.
pub fn cards(out: &mut String, page: &Page<'_>) {
    let labels = page.words;
    // Note: a browser running the page's script reads a <noscript> as text, so the cards
    // cost it nothing until cards.js makes the one a reader opens.
    let _ = write!(
        out,
        "<section id=\"cards\">\n<h2>{}</h2>\n<noscript id=\"card-source\"><div class=\"cards\">\n",
        page.words.page.sections[2]
    );
    for paper in page.listed() {
        let status = page.progress.status(&paper.id);
        let authors = authors_line(&paper.authors, paper.et_al);
        let _ = write!(
            out,
            "<article class=\"card\" id=\"paper-{id}\" data-paper=\"{id}\">\n<h3>{title}</h3>\n<p class=\"muted\">{id} · <span class=\"date\">{date}</span> · {family} · <span class=\"status {status_class}\">{mark}{status_word}</span> {select}</p>\n<p>{authors}</p>\n<p><a href=\"{abs}\">{abstract_word}</a>",
            id = escape(&paper.id),
            title = escape(&paper.title),
            date = paper.date(),
            family = escape(page.catalog.family_name(
                page.catalog.family(&paper.family).expect("a loaded catalog's papers name families it has"),
                page.lang
            )),
            status_class = status.as_str(),
            mark = mark(status),
            status_word = (labels.status)(status),
            authors = escape(&authors),
            abs = escape(&paper.abs_url()),
            abstract_word = labels.card.abstract_page,
            select = status_control(page, &paper.id, status),
        );
        if let Some(pdf) = paper.pdf_url() {
            let _ = write!(out, " · <a href=\"{}\">{}</a>", escape(&pdf), labels.card.pdf);
        }
        if let Some(code) = &paper.code {
            let _ = write!(out, " · <a href=\"{}\">{}</a>", escape(code), labels.card.code);
        }
        out.push_str("</p>\n");
        card_whys(out, page, paper);
        let _ = writeln!(out, "<p>{}</p>", escape(page.catalog.contribution(paper, page.lang)));
        let focus = page.catalog.focus(paper, page.lang);
        if !focus.is_empty() {
            let _ = write!(out, "<p><strong>{}</strong></p>\n<ul>", labels.card.focus);
            for point in focus {
                let _ = write!(out, "<li>{}</li>", escape(point));
            }
            out.push_str("</ul>\n");
        }
        if !paper.builds_on.is_empty() {
            let links: Vec<String> = paper.builds_on.iter().map(|id| builds_on_link(page, id)).collect();
            let _ = writeln!(out, "<p><strong>{}</strong> {}</p>", labels.card.builds_on, links.join(", "));
        }
        let notes = if page.notes { page.progress.notes(&paper.id) } else { &[] };
        if !notes.is_empty() {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", labels.card.notes);
        }
        for note in notes {
            let _ = writeln!(
                out,
                "<p class=\"note\"><span class=\"date\">{}</span> {}</p>",
                escape(&note.date),
                escape(&note.text)
            );
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div></noscript>\n</section>\n");
}

/// A link to a paper a card builds on: its card when it is on the page, else its own page.
fn builds_on_link(page: &Page<'_>, id: &str) -> String {
    let id_text = escape(id);
    if page.on_page.contains(id) {
        return format!("<a href=\"#paper-{id_text}\">{id_text}</a>");
    }
    match page.catalog.paper(id) {
        Some(paper) => format!("<a class=\"elsewhere\" href=\"{}\">{id_text}</a>", escape(&paper.abs_url())),
        None => id_text,
    }
}

/// A card's status control, which the script shows and keeps: each status in the page's
/// language, with the mark the page writes before it.
fn status_control(page: &Page<'_>, id: &str, current: Status) -> String {
    let mut select =
        format!("<select data-status-for=\"{id}\" aria-label=\"{}\">", page.words.page.status_label, id = escape(id));
    for status in Status::ALL {
        let _ = write!(
            select,
            "<option value=\"{}\" data-mark=\"{}\"{}>{}</option>",
            status.as_str(),
            mark(status),
            if status == current { " selected" } else { "" },
            (page.words.status)(status)
        );
    }
    select.push_str("</select>");
    select
}

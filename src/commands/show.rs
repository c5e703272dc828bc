//! `roadmap show`: one paper as a card, JSON or Markdown.

use anyhow::Context as _;

use super::Context;
use crate::lineage::Lineage;
use crate::query;
use crate::render::CardFormat;
use crate::render::card::{self, CardView};
use crate::render::columns::PaperRecord;
use crate::render::json;

/// Shows the paper that `id` resolves to.
pub fn run(context: &Context, id: &str, format: CardFormat) -> anyhow::Result<String> {
    let catalog = &context.catalog;
    let paper = query::resolve(catalog, id)?;
    let lang = context.settings.lang;
    let view = CardView::gather(catalog, &Lineage::new(catalog), &context.progress, paper, lang)
        .with_context(|| format!("paper '{}' has no family", paper.id))?;
    match format {
        CardFormat::Card => Ok(card::render(&view, context.look())),
        CardFormat::Markdown => Ok(card::markdown(&view)),
        CardFormat::Json => json::render(&PaperRecord::new(catalog, &context.progress, paper, lang)),
    }
}

//! What a search looks in: every searchable text of a paper, named, in the order of how
//! much a match in it counts.

use serde::Serialize;

use crate::catalog::{Catalog, Paper};
use crate::progress::Progress;

/// A searchable text of a paper; `search --format json` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Field {
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "alias")]
    Alias,
    #[serde(rename = "title")]
    Title,
    /// A tag the paper carries, or one of the tag's aliases.
    #[serde(rename = "tag")]
    Tag,
    #[serde(rename = "author")]
    Author,
    #[serde(rename = "org")]
    Org,
    #[serde(rename = "contribution")]
    Contribution,
    #[serde(rename = "focus")]
    Focus,
    /// One of the reader's own notes on the paper.
    #[serde(rename = "note")]
    Note,
    #[serde(rename = "contribution.zh")]
    ContributionZh,
    #[serde(rename = "focus.zh")]
    FocusZh,
    #[serde(rename = "contribution.zh-TW")]
    ContributionZhTw,
    #[serde(rename = "focus.zh-TW")]
    FocusZhTw,
}

/// How much a mention in a field counts: a lower tier ranks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The whole word is the paper's id or an alias, punctuation ignored (`gpt3`).
    Named = 0,
    /// A word of the id or an alias.
    Name = 1,
    Title = 2,
    Tag = 3,
    /// Authors, organisation, contribution, focus, notes, the Chinese text.
    Other = 4,
    /// Only the letters match: inside a word, or in order close together in a name.
    Loose = 5,
}

/// The tiers a field can be found in, in the order they are searched.
pub const TIERS: [Tier; 4] = [Tier::Name, Tier::Title, Tier::Tag, Tier::Other];

impl Field {
    /// Every field, in the order [`fields`] lists them.
    pub const ALL: [Field; 13] = [
        Field::Id,
        Field::Alias,
        Field::Title,
        Field::Tag,
        Field::Author,
        Field::Org,
        Field::Contribution,
        Field::Focus,
        Field::Note,
        Field::ContributionZh,
        Field::FocusZh,
        Field::ContributionZhTw,
        Field::FocusZhTw,
    ];

    /// The name `search --format json` and the page give the field.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Alias => "alias",
            Field::Title => "title",
            Field::Tag => "tag",
            Field::Author => "author",
            Field::Org => "org",
            Field::Contribution => "contribution",
            Field::Focus => "focus",
            Field::Note => "note",
            Field::ContributionZh => "contribution.zh",
            Field::FocusZh => "focus.zh",
            Field::ContributionZhTw => "contribution.zh-TW",
            Field::FocusZhTw => "focus.zh-TW",
        }
    }

    /// The tier a mention in this field counts as.
    pub fn tier(self) -> Tier {
        match self {
            Field::Id | Field::Alias => Tier::Name,
            Field::Title => Tier::Title,
            Field::Tag => Tier::Tag,
            _ => Tier::Other,
        }
    }
}

/// Every searchable text of `paper`, tier by tier (see [`TIERS`]): the one list the index,
/// the page's index and a hit's explanation are all built from.
///
/// The Chinese text, in both scripts where it is loaded, is searched in every language, so a
/// Chinese word finds papers in English and an English word finds them in Chinese.
pub fn fields<'a>(catalog: &'a Catalog, progress: &'a Progress, paper: &'a Paper) -> Vec<(Field, &'a str)> {
    let mut fields: Vec<(Field, &'a str)> = vec![(Field::Id, &paper.id)];
    fields.extend(paper.aliases.iter().map(|alias| (Field::Alias, alias.as_str())));
    fields.push((Field::Title, &paper.title));
    for tag in &paper.tags {
        fields.push((Field::Tag, tag));
        if let Some(known) = catalog.tag(tag) {
            fields.extend(known.aliases.iter().map(|alias| (Field::Tag, alias.as_str())));
        }
    }
    fields.extend(paper.authors.iter().map(|author| (Field::Author, author.as_str())));
    fields.extend(paper.org.as_deref().map(|org| (Field::Org, org)));
    fields.push((Field::Contribution, &paper.contribution));
    fields.extend(paper.focus.iter().map(|focus| (Field::Focus, focus.as_str())));
    fields.extend(progress.notes(&paper.id).iter().map(|note| (Field::Note, note.text.as_str())));
    let scripts = [(Field::ContributionZh, Field::FocusZh), (Field::ContributionZhTw, Field::FocusZhTw)];
    for (translation, (contribution, focus)) in catalog.translations().into_iter().zip(scripts) {
        if let Some(text) = translation.papers.get(&paper.id) {
            fields.push((contribution, &text.contribution));
            fields.extend(text.focus.iter().map(|item| (focus, item.as_str())));
        }
    }
    fields
}

//! Filters, sorting, id resolution and search: shared by every command.

pub mod resolve;
pub mod search;

use std::collections::HashSet;
use std::ops::RangeInclusive;

pub use resolve::{LookupError, normalize_title, resolve};
pub use search::{Index, Query};

use crate::catalog::suggest::Suggester;
use crate::catalog::{Branch, Catalog, Family, Paper, Track, model::tag_slug};
use crate::progress::{Progress, Status};

/// Orders for `list`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Oldest first, month within the year.
    #[default]
    Year,
    Title,
    /// By family, oldest first within each.
    Family,
}

/// What the shared FILTERS options ask for, before it is checked against a catalog.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Family ids (any of them).
    pub families: Vec<String>,
    pub branch: Option<Branch>,
    /// Years, both ends included.
    pub years: Option<RangeInclusive<u16>>,
    /// Tag names or aliases (all of them), as typed.
    pub tags: Vec<String>,
    /// Text the organisation must contain, case ignored.
    pub org: Option<String>,
    /// A search (see [`search`]): only the papers it finds.
    pub query: Option<String>,
    pub status: Option<Status>,
    /// A track id: only the papers it steps through.
    pub track: Option<String>,
}

/// A [`Selection`] checked against a catalog: what `apply` and `matches` test papers with.
#[derive(Debug, Default)]
pub struct Filter<'p> {
    status: Option<(Status, &'p Progress)>,
    families: HashSet<String>,
    branch: Option<Branch>,
    years: Option<RangeInclusive<u16>>,
    tags: Vec<String>,
    org: Option<String>,
    /// The ids of the papers the query finds.
    found: Option<HashSet<String>>,
    track: Option<HashSet<String>>,
}

impl<'p> Filter<'p> {
    /// Checks `selection` against `catalog`: an unknown family or tag is an error that
    /// names the closest ones; tags resolve through the vocabulary's aliases.
    pub fn new(selection: &Selection, catalog: &Catalog, progress: &'p Progress) -> Result<Filter<'p>, LookupError> {
        let families = selection
            .families
            .iter()
            .map(|family| Ok(known_family(catalog, family)?.id.clone()))
            .collect::<Result<_, _>>()?;
        let tags = selection.tags.iter().map(|tag| known_tag(catalog, tag)).collect::<Result<_, _>>()?;
        let track = selection
            .track
            .as_deref()
            .map(|id| known_track(catalog, id).map(|track| track.steps.iter().map(|step| step.paper.clone()).collect()))
            .transpose()?;
        Ok(Filter {
            status: selection.status.map(|status| (status, progress)),
            families,
            branch: selection.branch,
            years: selection.years.clone(),
            tags,
            org: selection.org.as_ref().map(|org| org.trim().to_lowercase()),
            found: selection.query.as_deref().map(Query::parse).filter(|query| !query.is_empty()).map(|query| {
                let index = Index::new(catalog, progress);
                let all: Vec<usize> = (0..catalog.papers.len()).collect();
                index.search(&query, &all).into_iter().map(|hit| catalog.papers[hit.position].id.clone()).collect()
            }),
            track,
        })
    }

    /// Whether a paper passes every filter.
    pub fn matches(&self, catalog: &Catalog, paper: &Paper) -> bool {
        self.status.is_none_or(|(status, progress)| progress.status(&paper.id) == status)
            && (self.families.is_empty() || self.families.contains(&paper.family))
            && self.branch.is_none_or(|branch| catalog.branch_of(paper) == branch)
            && self.years.as_ref().is_none_or(|years| years.contains(&paper.year))
            && self.tags.iter().all(|tag| paper.tags.contains(tag))
            && self
                .org
                .as_ref()
                .is_none_or(|org| paper.org.as_ref().is_some_and(|have| have.to_lowercase().contains(org)))
            && self.found.as_ref().is_none_or(|found| found.contains(&paper.id))
            && self.track.as_ref().is_none_or(|papers| papers.contains(&paper.id))
    }

    /// The papers that pass, in catalog (chronological) order.
    pub fn apply<'a>(&self, catalog: &'a Catalog) -> Vec<&'a Paper> {
        self.positions(catalog).into_iter().map(|position| &catalog.papers[position]).collect()
    }

    /// The catalog positions of the papers that pass, in catalog order.
    pub fn positions(&self, catalog: &Catalog) -> Vec<usize> {
        (0..catalog.papers.len()).filter(|&position| self.matches(catalog, &catalog.papers[position])).collect()
    }
}

/// The tag a typed name means: a declared tag or alias (any case, spaces or underscores),
/// else a tag some paper carries; otherwise an error naming the closest tags.
fn known_tag(catalog: &Catalog, name: &str) -> Result<String, LookupError> {
    if let Some(tag) = catalog.tag(name) {
        return Ok(tag.id.clone());
    }
    let slug = tag_slug(name);
    if catalog.papers.iter().any(|paper| paper.tags.contains(&slug)) {
        return Ok(slug);
    }
    let declared = catalog.tags.iter().flat_map(|tag| std::iter::once(&tag.id).chain(&tag.aliases));
    let used = catalog.papers.iter().flat_map(|paper| &paper.tags);
    let mut names: Vec<&str> = declared.chain(used).map(String::as_str).collect();
    names.sort_unstable();
    names.dedup();
    let suggestions = Suggester::new(names).suggest(&slug);
    Err(LookupError::Unknown {
        kind: "tag",
        input: name.trim().to_owned(),
        suggestions,
        listed_by: "`roadmap tags` lists them",
    })
}

/// The family `id` names (case ignored), or an error naming the closest families.
pub fn known_family<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Family, LookupError> {
    let id = id.trim().to_lowercase();
    catalog.family(&id).ok_or_else(|| LookupError::Unknown {
        kind: "family",
        suggestions: Suggester::new(catalog.families.iter().map(|known| known.id.as_str())).suggest(&id),
        input: id,
        listed_by: "`roadmap families` lists them",
    })
}

/// The track `id` names (case ignored), or an error naming the closest tracks.
pub fn known_track<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Track, LookupError> {
    let id = id.trim().to_lowercase();
    catalog.track(&id).ok_or_else(|| LookupError::Unknown {
        kind: "track",
        suggestions: Suggester::new(catalog.tracks.iter().map(|track| track.id.as_str())).suggest(&id),
        input: id,
        listed_by: "`roadmap tracks` lists them",
    })
}

/// Puts papers in the requested order (they arrive chronological).
pub fn sort(catalog: &Catalog, papers: &mut [&Paper], key: SortKey) {
    match key {
        SortKey::Year => {}
        SortKey::Title => papers.sort_by_cached_key(|paper| paper.title.to_lowercase()),
        SortKey::Family => {
            let position = |paper: &Paper| catalog.families.iter().position(|family| family.id == paper.family);
            papers.sort_by_key(|paper| position(paper));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::{ArxivId, Family, Origin, Tag};

    fn paper(id: &str, year: u16, aliases: &[&str]) -> Paper {
        Paper {
            title: format!("The {id} paper"),
            family: "gpt".to_owned(),
            authors: vec!["Ada Lovelace".to_owned()],
            org: Some("OpenAI".to_owned()),
            contribution: "Low-rank updates.".to_owned(),
            tags: vec!["scaling".to_owned()],
            aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
            ..Paper::sample(id, year)
        }
    }

    fn family(id: &str, branch: Branch) -> Family {
        Family {
            id: id.to_owned(),
            name: id.to_uppercase(),
            branch,
            summary: "s".to_owned(),
            origin: Origin::default(),
        }
    }

    /// Five GPT papers, a second family with no papers, and a declared tag with an alias.
    pub(crate) fn catalog() -> Catalog {
        let mut gpt_3 = paper("gpt-3", 2020, &["gpt3-paper"]);
        gpt_3.arxiv = Some(ArxivId::parse("2005.14165").expect("valid id"));
        gpt_3.tags.push("mixture-of-experts".to_owned());
        let moe = Tag {
            id: "mixture-of-experts".to_owned(),
            summary: "Sparse experts.".to_owned(),
            aliases: vec!["moe".to_owned()],
            origin: Origin::default(),
        };
        Catalog {
            families: vec![family("gpt", Branch::Decoder), family("alignment", Branch::Technique)],
            tags: vec![moe],
            papers: vec![
                paper("gpt-1", 2018, &[]),
                paper("gpt-2", 2019, &[]),
                gpt_3,
                paper("gpt-4", 2023, &[]),
                paper("instructgpt", 2022, &[]),
            ],
            ..Catalog::default()
        }
    }

    fn ids(selection: &Selection) -> Result<Vec<String>, String> {
        let catalog = catalog();
        let progress = Progress::default();
        let filter = Filter::new(selection, &catalog, &progress).map_err(|error| error.to_string())?;
        Ok(filter.apply(&catalog).iter().map(|paper| paper.id.clone()).collect())
    }

    #[test]
    fn unknown_families_are_errors_with_suggestions() {
        let error = ids(&Selection { families: vec!["gtp".to_owned()], ..Selection::default() }).unwrap_err();
        assert_eq!(error, "no family 'gtp' (did you mean gpt?)");
    }

    #[test]
    fn filters_combine() {
        assert_eq!(ids(&Selection { years: Some(2019..=2020), ..Selection::default() }).unwrap(), ["gpt-2", "gpt-3"]);
        assert_eq!(
            ids(&Selection { years: Some(2022..=u16::MAX), ..Selection::default() }).unwrap(),
            ["gpt-4", "instructgpt"]
        );
        assert_eq!(
            ids(&Selection { query: Some("INSTRUCT".to_owned()), ..Selection::default() }).unwrap(),
            ["instructgpt"]
        );
        assert_eq!(
            ids(&Selection { query: Some("low-rank".to_owned()), years: Some(0..=2018), ..Selection::default() })
                .unwrap(),
            ["gpt-1"]
        );
        let scaling =
            Selection { tags: vec!["scaling".to_owned()], org: Some("openai".to_owned()), ..Selection::default() };
        assert_eq!(ids(&scaling).unwrap().len(), 5);
        assert!(ids(&Selection { branch: Some(Branch::Encoder), ..Selection::default() }).unwrap().is_empty());
    }

    #[test]
    fn tags_match_by_alias_case_and_spacing() {
        for name in ["moe", "MoE", "mixture of experts", "Mixture_of_Experts", "mixture-of-experts"] {
            assert_eq!(
                ids(&Selection { tags: vec![name.to_owned()], ..Selection::default() }).unwrap(),
                ["gpt-3"],
                "{name}"
            );
        }
        let error = ids(&Selection { tags: vec!["scalng".to_owned()], ..Selection::default() }).unwrap_err();
        assert_eq!(error, "no tag 'scalng' (did you mean scaling?)");
        let error = ids(&Selection { tags: vec!["quantum".to_owned()], ..Selection::default() }).unwrap_err();
        assert_eq!(error, "no tag 'quantum'; `roadmap tags` lists them");
    }

    #[test]
    fn status_filters_read_the_progress() {
        let catalog = catalog();
        let mut progress = Progress::default();
        progress.set_status("gpt-2", Status::Read, "2026-01-01");
        let read = Selection { status: Some(Status::Read), ..Selection::default() };
        let filter = Filter::new(&read, &catalog, &progress).unwrap();
        assert_eq!(filter.apply(&catalog).iter().map(|paper| paper.id.as_str()).collect::<Vec<_>>(), ["gpt-2"]);
        let unread = Selection { status: Some(Status::Unread), ..Selection::default() };
        assert_eq!(Filter::new(&unread, &catalog, &progress).unwrap().apply(&catalog).len(), 4);
    }

    #[test]
    fn sorting_by_title_and_family() {
        let mut catalog = catalog();
        for (id, title, family) in [
            ("gpt-1", "Improving Language Understanding by Generative Pre-Training", "gpt"),
            ("gpt-2", "Language Models are Unsupervised Multitask Learners", "gpt"),
            ("gpt-3", "language models are few-shot learners", "gpt"),
            ("gpt-4", "GPT-4 Technical Report", "gpt"),
            ("instructgpt", "Training language models to follow instructions", "alignment"),
        ] {
            let paper = catalog.papers.iter_mut().find(|paper| paper.id == id).expect("a paper of the catalog");
            paper.title = title.to_owned();
            paper.family = family.to_owned();
        }
        // As listings hand them over: oldest first, so instructgpt (2022) comes before gpt-4.
        let sorted = |key: SortKey| -> Vec<&Paper> {
            let mut papers: Vec<&Paper> = catalog.papers.iter().collect();
            papers.sort_by_key(|paper| paper.year);
            sort(&catalog, &mut papers, key);
            papers
        };
        let ids = |papers: &[&Paper]| papers.iter().map(|paper| paper.id.clone()).collect::<Vec<_>>();

        let by_year = sorted(SortKey::Year);
        assert_eq!(ids(&by_year), ["gpt-1", "gpt-2", "gpt-3", "instructgpt", "gpt-4"], "by year, nothing moves");

        let by_title = sorted(SortKey::Title);
        assert_eq!(ids(&by_title), ["gpt-4", "gpt-1", "gpt-3", "gpt-2", "instructgpt"], "whatever the case");

        // Families in the catalog's order (gpt is declared before alignment, whatever the
        // alphabet says), and each family's papers in the order they came.
        let by_family = sorted(SortKey::Family);
        let families: Vec<&str> = by_family.iter().map(|paper| paper.family.as_str()).collect();
        assert_eq!(families, ["gpt", "gpt", "gpt", "gpt", "alignment"]);
        assert_eq!(ids(&by_family), ["gpt-1", "gpt-2", "gpt-3", "gpt-4", "instructgpt"]);
    }
}

//! The checks only the merged catalog can answer: unknown families, dangling or cyclic
//! `builds_on`, clashing aliases, arXiv ids and tag names.

use std::collections::{HashMap, HashSet};

use super::{Broken, Problem};
use crate::model::{ArxivId, Catalog, Origin, Paper};
use crate::suggest::{Suggester, did_you_mean};

/// Checks the merged catalog as a whole, then puts papers in chronological order.
pub fn check_links(catalog: &mut Catalog, broken: &Broken, problems: &mut Vec<Problem>) {
    let families: HashSet<&str> = catalog.families.iter().map(|family| family.id.as_str()).collect();
    let ids: HashMap<&str, &Paper> = catalog.papers.iter().map(|paper| (paper.id.as_str(), paper)).collect();
    // Note: each suggester is built once for the whole catalog and bounds its own work.
    let mut family_names = Suggester::new(catalog.families.iter().map(|family| family.id.as_str()));
    let mut paper_names = Suggester::new(catalog.papers.iter().map(|paper| paper.id.as_str()));
    let mut names: HashMap<&str, &str> = HashMap::new();
    let mut arxiv_ids: HashMap<&ArxivId, &str> = HashMap::new();

    for paper in &catalog.papers {
        if !families.contains(paper.family.as_str()) && !broken.families.contains(&paper.family) {
            problems.push(Problem {
                origin: paper.origin,
                message: format!(
                    "paper '{}' names unknown family '{}'{}",
                    paper.id,
                    paper.family,
                    did_you_mean(&family_names.suggest(&paper.family))
                ),
            });
        }
        for target in &paper.builds_on {
            if !ids.contains_key(target.as_str()) && !broken.papers.contains(target) {
                let hint = did_you_mean(&paper_names.suggest(target));
                problems.push(Problem {
                    origin: paper.origin,
                    message: format!("paper '{}' builds on unknown paper '{target}'{hint}", paper.id),
                });
            }
        }
        for alias in &paper.aliases {
            let clash = if ids.contains_key(alias.as_str()) {
                Some(alias.as_str())
            } else {
                names.get(alias.as_str()).copied()
            };
            match clash {
                Some(other) => problems.push(Problem {
                    origin: paper.origin,
                    message: format!("alias '{alias}' of paper '{}' is already taken by paper '{other}'", paper.id),
                }),
                None => {
                    names.insert(alias, &paper.id);
                }
            }
        }
        if let Some(arxiv) = &paper.arxiv
            && let Some(other) = arxiv_ids.insert(arxiv, &paper.id)
        {
            problems.push(Problem {
                origin: paper.origin,
                message: format!(
                    "arXiv id {arxiv} is used by both '{other}' and '{}': one arXiv id, one paper",
                    paper.id
                ),
            });
        }
    }
    check_tags(catalog, problems);
    check_tracks(catalog, &ids, broken, &mut paper_names, problems);
    for cycle in cycles(catalog) {
        let origin = ids.get(cycle[0].as_str()).map_or_else(Origin::default, |paper| paper.origin);
        problems.push(Problem { origin, message: format!("builds_on forms a cycle: {}", cycle.join(" -> ")) });
    }
    catalog.papers.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
}

/// Every `builds_on` cycle, each as a path that starts and ends at the same id.
fn cycles(catalog: &Catalog) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unvisited,
        Active,
        Done,
    }
    let index: HashMap<&str, usize> =
        catalog.papers.iter().enumerate().map(|(position, paper)| (paper.id.as_str(), position)).collect();
    let mut marks = vec![Mark::Unvisited; catalog.papers.len()];
    let mut found = Vec::new();
    // Note: iterative depth-first search, so a 100k-deep chain cannot overflow the stack.
    for start in 0..catalog.papers.len() {
        if marks[start] != Mark::Unvisited {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::Active;
        while let Some(&mut (node, ref mut next_edge)) = stack.last_mut() {
            let edges = &catalog.papers[node].builds_on;
            if let Some(target) = edges.get(*next_edge) {
                *next_edge += 1;
                let Some(&child) = index.get(target.as_str()) else { continue };
                match marks[child] {
                    Mark::Unvisited => {
                        marks[child] = Mark::Active;
                        stack.push((child, 0));
                    }
                    Mark::Active => {
                        let from =
                            stack.iter().position(|&(id, _)| id == child).expect("an active paper is on the stack");
                        let mut path: Vec<String> =
                            stack[from..].iter().map(|&(id, _)| catalog.papers[id].id.clone()).collect();
                        path.push(catalog.papers[child].id.clone());
                        found.push(path);
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    found
}

/// Tag ids and aliases name one tag each.
fn check_tags(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut names: HashMap<&str, &str> = HashMap::new();
    for tag in &catalog.tags {
        for name in std::iter::once(&tag.id).chain(&tag.aliases) {
            match names.get(name.as_str()) {
                Some(other) if *other != tag.id => problems.push(Problem {
                    origin: tag.origin,
                    message: format!("tag name '{name}' of tag '{}' is already taken by tag '{other}'", tag.id),
                }),
                _ => {
                    names.insert(name, &tag.id);
                }
            }
        }
    }
    for paper in &catalog.papers {
        for tag in &paper.tags {
            if let Some(&canonical) = names.get(tag.as_str())
                && canonical != tag
            {
                problems.push(Problem {
                    origin: paper.origin,
                    message: format!("paper '{}' uses the tag alias '{tag}': write the tag '{canonical}'", paper.id),
                });
            }
        }
    }
}

/// Every step names a paper, and no step comes before one of its own prerequisites that the
/// track also holds.
fn check_tracks(
    catalog: &Catalog,
    papers: &HashMap<&str, &Paper>,
    broken: &Broken,
    paper_names: &mut Suggester<'_>,
    problems: &mut Vec<Problem>,
) {
    for track in &catalog.tracks {
        let position: HashMap<&str, usize> =
            track.steps.iter().enumerate().map(|(index, step)| (step.paper.as_str(), index)).collect();
        for (index, step) in track.steps.iter().enumerate() {
            let Some(paper) = papers.get(step.paper.as_str()) else {
                if !broken.papers.contains(&step.paper) {
                    let hint = did_you_mean(&paper_names.suggest(&step.paper));
                    problems.push(Problem {
                        origin: track.origin,
                        message: format!("track '{}' names unknown paper '{}'{hint}", track.id, step.paper),
                    });
                }
                continue;
            };
            for prerequisite in &paper.builds_on {
                if let Some(&at) = position.get(prerequisite.as_str())
                    && at > index
                {
                    problems.push(Problem {
                        origin: track.origin,
                        message: format!(
                            "track '{}' puts '{}' (step {}) before '{prerequisite}' (step {}), which it builds on",
                            track.id,
                            step.paper,
                            index + 1,
                            at + 1
                        ),
                    });
                }
            }
        }
    }
}

//! Where each paper sits in the page's tree: years run down, branches across, and the papers
//! of a year flow side by side in their branch's columns. The columns are shared out so the
//! tree fits a 1400 px window with as few rows as possible.

use std::collections::HashMap;

use crate::catalog::{Branch, Catalog, Paper};

/// A paper's box.
pub const NODE_WIDTH: u32 = 112;
pub const NODE_HEIGHT: u32 = 20;
/// The corridors between boxes, where edges run.
pub const SLOT_GAP: u32 = 10;
pub const ROW_GAP: u32 = 10;
/// The wider corridors between years and between branches.
pub const YEAR_GAP: u32 = 24;
pub const BRANCH_GAP: u32 = 20;
/// The year labels on the left, and the branch names on top.
pub const AXIS: u32 = 44;
pub const HEADER: u32 = 30;
/// The widest the tree may be: what a 1400 px window leaves for it.
pub const MAX_WIDTH: u32 = 1340;

/// A paper's cell: its row (counted over the whole tree) and its column (likewise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    pub slot: usize,
}

/// A branch's columns.
pub struct Band {
    pub branch: Branch,
    /// The left edge of its first box and the right edge of its last.
    pub left: u32,
    pub right: u32,
}

/// A year's rows.
pub struct YearBand {
    pub year: u16,
    /// The top of its first row and the bottom of its last.
    pub top: u32,
    pub bottom: u32,
}

/// The whole arrangement, in SVG pixels.
pub struct Layout<'a> {
    pub bands: Vec<Band>,
    pub years: Vec<YearBand>,
    /// The left edge of every column and the top edge of every row.
    pub slots: Vec<u32>,
    pub rows: Vec<u32>,
    pub places: HashMap<&'a str, Place>,
    pub width: u32,
    pub height: u32,
}

impl Layout<'_> {
    /// The top-left corner of a cell.
    pub fn corner(&self, place: Place) -> (u32, u32) {
        (self.slots[place.slot], self.rows[place.row])
    }

    /// The x of the corridor just left of column `slot` (`slot` may be one past the last).
    pub fn corridor_left_of(&self, slot: usize) -> u32 {
        match slot {
            0 => self.slots[0] - SLOT_GAP / 2,
            _ if slot == self.slots.len() => self.slots[slot - 1] + NODE_WIDTH + SLOT_GAP / 2,
            _ => (self.slots[slot - 1] + NODE_WIDTH).midpoint(self.slots[slot]),
        }
    }

    /// The y of the corridor just above row `row` (`row` may be one past the last).
    pub fn corridor_above(&self, row: usize) -> u32 {
        match row {
            0 => self.rows[0] - ROW_GAP / 2,
            _ if row == self.rows.len() => self.rows[row - 1] + NODE_HEIGHT + ROW_GAP / 2,
            _ => (self.rows[row - 1] + NODE_HEIGHT).midpoint(self.rows[row]),
        }
    }
}

/// Arranges `papers` (oldest first): each year gets as many rows as its fullest branch needs.
pub fn arrange<'a>(catalog: &Catalog, papers: &[&'a Paper]) -> Layout<'a> {
    let mut years: Vec<u16> = papers.iter().map(|paper| paper.year).collect();
    years.sort_unstable();
    years.dedup();
    let branches: Vec<Branch> = Branch::ALL
        .into_iter()
        .filter(|branch| papers.iter().any(|paper| catalog.branch_of(paper) == *branch))
        .collect();
    let mut counts = vec![vec![0usize; years.len()]; branches.len()];
    let cell = |paper: &Paper| {
        let branch = branches.iter().position(|branch| *branch == catalog.branch_of(paper)).expect("listed above");
        (branch, years.binary_search(&paper.year).expect("listed above"))
    };
    for paper in papers {
        let (branch, year) = cell(paper);
        counts[branch][year] += 1;
    }
    let gaps = u32::try_from(branches.len().saturating_sub(1)).unwrap_or(u32::MAX).saturating_mul(BRANCH_GAP);
    let budget = (MAX_WIDTH.saturating_sub(AXIS + gaps) + SLOT_GAP) / (NODE_WIDTH + SLOT_GAP);
    let columns = share_columns(&counts, usize::try_from(budget).unwrap_or(usize::MAX));

    let mut slots = Vec::new();
    let mut bands = Vec::new();
    let mut first_slot = Vec::new();
    let mut x = AXIS;
    for (branch, &count) in branches.iter().zip(&columns) {
        first_slot.push(slots.len());
        let left = x;
        for _ in 0..count {
            slots.push(x);
            x += NODE_WIDTH + SLOT_GAP;
        }
        bands.push(Band { branch: *branch, left, right: x - SLOT_GAP });
        x += BRANCH_GAP - SLOT_GAP;
    }
    let width = x - BRANCH_GAP + 2 * SLOT_GAP;

    let mut rows = Vec::new();
    let mut first_row = Vec::new();
    let mut year_bands = Vec::new();
    let mut y = HEADER;
    for (index, year) in years.iter().enumerate() {
        first_row.push(rows.len());
        let top = y;
        for _ in 0..rows_for(&counts, &columns, index) {
            rows.push(y);
            y += NODE_HEIGHT + ROW_GAP;
        }
        year_bands.push(YearBand { year: *year, top, bottom: y - ROW_GAP });
        y += YEAR_GAP - ROW_GAP;
    }
    let height = y - (YEAR_GAP - ROW_GAP) + ROW_GAP;

    let mut filled = vec![vec![0usize; years.len()]; branches.len()];
    let mut places = HashMap::with_capacity(papers.len());
    for paper in papers {
        let (branch, year) = cell(paper);
        let index = filled[branch][year];
        filled[branch][year] += 1;
        let place = Place {
            row: first_row[year] + index / columns[branch],
            slot: first_slot[branch] + index % columns[branch],
        };
        places.insert(paper.id.as_str(), place);
    }
    Layout { bands, years: year_bands, slots, rows, places, width, height }
}

/// The rows year `year` needs with `columns` per branch: its fullest branch decides.
fn rows_for(counts: &[Vec<usize>], columns: &[usize], year: usize) -> usize {
    counts.iter().zip(columns).map(|(per_year, &count)| per_year[year].div_ceil(count)).max().unwrap_or(0)
}

fn total_rows(counts: &[Vec<usize>], columns: &[usize]) -> usize {
    let years = counts.first().map_or(0, Vec::len);
    (0..years).map(|year| rows_for(counts, columns, year)).sum()
}

/// Shares at most `budget` columns among the branches (`counts[branch][year]` papers each):
/// the fewest rows, then the fewest columns. One column at least per branch, and never more
/// than its fullest year fills. There are five branches and about ten columns, so every
/// share is tried.
fn share_columns(counts: &[Vec<usize>], budget: usize) -> Vec<usize> {
    let most: Vec<usize> = counts.iter().map(|per_year| per_year.iter().copied().max().unwrap_or(1).max(1)).collect();
    let mut columns = vec![1; counts.len()];
    let mut best = (total_rows(counts, &columns), counts.len(), columns.clone());
    try_shares(counts, &most, budget.max(counts.len()), 0, &mut columns, &mut best);
    best.2
}

/// Tries every count of columns for `branch` and the ones after it, keeping the best share.
fn try_shares(
    counts: &[Vec<usize>],
    most: &[usize],
    budget: usize,
    branch: usize,
    columns: &mut Vec<usize>,
    best: &mut (usize, usize, Vec<usize>),
) {
    if branch == counts.len() {
        let candidate = (total_rows(counts, columns), columns.iter().sum());
        if candidate < (best.0, best.1) {
            *best = (candidate.0, candidate.1, columns.clone());
        }
        return;
    }
    let later = counts.len() - branch - 1;
    let spent: usize = columns[..branch].iter().sum();
    let room = budget.saturating_sub(spent + later).max(1);
    for count in 1..=room.min(most[branch]) {
        columns[branch] = count;
        try_shares(counts, most, budget, branch + 1, columns, best);
    }
    columns[branch] = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_go_where_they_save_rows_and_no_more_are_spent() {
        // Two branches over three years: the second is crowded.
        let counts = vec![vec![1, 1, 2], vec![3, 6, 9]];
        let columns = share_columns(&counts, 6);
        assert_eq!(columns.iter().sum::<usize>(), 6);
        assert_eq!(total_rows(&counts, &columns), 1 + 2 + 2, "{columns:?}");
        // A budget bigger than any year needs is not spent.
        assert_eq!(share_columns(&[vec![2, 1], vec![1, 1]], 10), [2, 1]);
        // One branch, one paper a year: one column, whatever the budget.
        assert_eq!(share_columns(&[vec![1, 1, 1]], 10), [1]);
        // A budget smaller than the branches still gives each branch a column.
        assert_eq!(share_columns(&[vec![4], vec![4], vec![4]], 1), [1, 1, 1]);
    }

    #[test]
    fn no_allocation_of_the_budget_needs_fewer_rows() {
        let counts = vec![vec![1, 0, 3, 5], vec![0, 2, 8, 1], vec![4, 4, 0, 12]];
        let budget = 7;
        let chosen = total_rows(&counts, &share_columns(&counts, budget));
        for a in 1..budget {
            for b in 1..budget - a {
                let c = budget - a - b;
                assert!(total_rows(&counts, &[a, b, c]) >= chosen, "{a} {b} {c} beats {chosen}");
            }
        }
    }

    /// A catalog with one family per branch and a paper per `(year, branch index)` pair.
    fn catalog(papers: &[(u16, usize)]) -> Catalog {
        let families = Branch::ALL
            .iter()
            .map(|branch| crate::catalog::Family {
                id: branch.as_str().to_owned(),
                name: branch.as_str().to_owned(),
                branch: *branch,
                summary: "s".to_owned(),
                origin: crate::catalog::Origin::default(),
            })
            .collect();
        let mut papers: Vec<Paper> = papers
            .iter()
            .enumerate()
            .map(|(index, &(year, branch))| Paper {
                family: Branch::ALL[branch].as_str().to_owned(),
                ..Paper::sample(&format!("p{index}"), year)
            })
            .collect();
        papers.sort_by_key(|paper| paper.year);
        Catalog { families, papers, ..Catalog::default() }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn every_paper_gets_its_own_cell_in_its_year_and_branch(
            papers in proptest::collection::vec((1950u16..=2100, 0usize..5), 1..300)
        ) {
            let catalog = catalog(&papers);
            let shown: Vec<&Paper> = catalog.papers.iter().collect();
            let layout = arrange(&catalog, &shown);
            proptest::prop_assert!(layout.width <= MAX_WIDTH, "{} wide", layout.width);
            let mut cells = std::collections::HashSet::new();
            for paper in &shown {
                let place = layout.places[paper.id.as_str()];
                proptest::prop_assert!(cells.insert((place.row, place.slot)), "two papers in {:?}", place);
                let (x, y) = layout.corner(place);
                proptest::prop_assert!(x + NODE_WIDTH <= layout.width && y + NODE_HEIGHT <= layout.height);
                let year = layout.years.iter().find(|band| band.year == paper.year).expect("a band per year");
                proptest::prop_assert!(year.top <= y && y + NODE_HEIGHT <= year.bottom);
                let band = layout.bands.iter().find(|band| band.branch == catalog.branch_of(paper)).expect("a band");
                proptest::prop_assert!(band.left <= x && x + NODE_WIDTH <= band.right);
            }
            proptest::prop_assert_eq!(layout.places.len(), shown.len());
        }
    }

    #[test]
    fn corridors_lie_between_boxes() {
        let layout = Layout {
            bands: vec![],
            years: vec![],
            slots: vec![AXIS, AXIS + NODE_WIDTH + SLOT_GAP],
            rows: vec![HEADER, HEADER + NODE_HEIGHT + YEAR_GAP],
            places: HashMap::new(),
            width: 0,
            height: 0,
        };
        assert_eq!(layout.corridor_left_of(0), AXIS - SLOT_GAP / 2);
        assert_eq!(layout.corridor_left_of(1), AXIS + NODE_WIDTH + SLOT_GAP / 2);
        assert_eq!(layout.corridor_left_of(2), AXIS + 2 * NODE_WIDTH + SLOT_GAP + SLOT_GAP / 2);
        assert_eq!(layout.corridor_above(1), HEADER + NODE_HEIGHT + YEAR_GAP / 2);
        assert_eq!(layout.corridor_above(2), HEADER + 2 * NODE_HEIGHT + YEAR_GAP + ROW_GAP / 2);
    }
}

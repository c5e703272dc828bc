//! Counting papers per family: how many, how many read or being read, and their years.
//!
//! Note: `families`, `progress` and the HTML page all report these numbers; they count
//! here, once.

use crate::catalog::{Catalog, Family, Paper};
use crate::progress::{Progress, Status};

/// What one family's papers (of a selection) add up to.
#[derive(Clone, Debug)]
pub struct FamilyTally<'a> {
    pub family: &'a Family,
    /// Papers of the family in the selection.
    pub total: usize,
    pub read: usize,
    pub reading: usize,
    pub skipped: usize,
    /// Year of the oldest paper (none without papers).
    pub first_year: Option<u16>,
    /// Year of the newest paper.
    pub last_year: Option<u16>,
}

/// `part` of `total` as a whole percentage, rounded to the nearest, but never 0% when
/// `part` is not zero and never 100% when it is not all (1 of 6 is 17%, 199 of 200 is 99%).
pub fn percent(part: usize, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    let rounded = (part * 200 + total) / (total * 2);
    match rounded {
        0 if part > 0 => 1,
        100 if part < total => 99,
        rounded => rounded,
    }
}

/// One tally per family of `catalog`, in catalog order, counting only `papers`.
pub fn by_family<'a>(catalog: &'a Catalog, papers: &[&Paper], progress: &Progress) -> Vec<FamilyTally<'a>> {
    let mut tallies: Vec<FamilyTally<'a>> = catalog
        .families
        .iter()
        .map(|family| FamilyTally {
            family,
            total: 0,
            read: 0,
            reading: 0,
            skipped: 0,
            first_year: None,
            last_year: None,
        })
        .collect();
    for paper in papers {
        let index = catalog
            .families
            .iter()
            .position(|family| family.id == paper.family)
            .expect("validation checks that every paper's family exists");
        let tally = &mut tallies[index];
        tally.total += 1;
        match progress.status(&paper.id) {
            Status::Read => tally.read += 1,
            Status::Reading => tally.reading += 1,
            Status::Skipped => tally.skipped += 1,
            Status::Unread => {}
        }
        tally.first_year = Some(tally.first_year.map_or(paper.year, |year| year.min(paper.year)));
        tally.last_year = Some(tally.last_year.map_or(paper.year, |year| year.max(paper.year)));
    }
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_honestly() {
        assert_eq!(percent(1, 6), 17);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 1000), 1, "something read is never 0%");
        assert_eq!(percent(199, 200), 99, "not everything read is never 100%");
        assert_eq!(percent(5, 5), 100);
        assert_eq!(percent(0, 5), 0);
        assert_eq!(percent(0, 0), 0);
    }
}

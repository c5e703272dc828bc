//! The FILTERS options shared by every listing command, and the listing output options.

use std::ops::RangeInclusive;

use clap::Args;

use super::Named;
use crate::catalog::{Branch, YEARS};
use crate::progress::Status;
use crate::query::Selection;
use crate::render::ListFormat;
use crate::render::columns::PaperField;

/// Filters shared by every listing command.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct Filters {
    /// Only these families (repeatable, or a comma-separated list).
    #[arg(long, value_delimiter = ',', value_name = "FAMILY")]
    pub family: Vec<String>,
    /// Only this branch.
    #[arg(long, value_name = "BRANCH")]
    pub branch: Option<Named<Branch>>,
    /// Only this year (2019) or range of years (2019..2021, 2022.., ..2018).
    #[arg(long, value_name = "YEAR[..YEAR]", value_parser = parse_years)]
    pub year: Option<RangeInclusive<u16>>,
    /// Only papers from this year on.
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub since: Option<u16>,
    /// Only papers up to this year.
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub until: Option<u16>,
    /// Only papers with this tag or tag alias, any case or spacing (repeatable: all must match;
    /// `roadmap tags` lists them).
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only papers whose organisation contains this text (`roadmap orgs` lists them).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Only papers this search finds (the query language of `roadmap search`).
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Only papers with this reading status.
    #[arg(long, value_name = "STATUS", ignore_case = true)]
    pub status: Option<Status>,
    /// Only the papers of this reading track (`roadmap tracks` lists them).
    #[arg(long, value_name = "TRACK")]
    pub track: Option<String>,
}

impl Filters {
    /// Whether no filter was given.
    pub fn is_empty(&self) -> bool {
        let Filters { family, branch, year, since, until, tag, org, query, status, track } = self;
        family.is_empty()
            && branch.is_none()
            && year.is_none()
            && since.is_none()
            && until.is_none()
            && tag.is_empty()
            && org.is_none()
            && query.is_none()
            && status.is_none()
            && track.is_none()
    }

    /// The selection these options make, for `query`.
    pub fn selection(&self) -> Selection {
        Selection {
            families: self.family.clone(),
            branch: self.branch.map(|named| named.0),
            years: self.years(),
            tags: self.tag.clone(),
            org: self.org.clone(),
            query: self.query.clone(),
            status: self.status,
            track: self.track.clone(),
        }
    }

    /// The years selected by `--year`, `--since` and `--until` together, if any.
    fn years(&self) -> Option<RangeInclusive<u16>> {
        if self.year.is_none() && self.since.is_none() && self.until.is_none() {
            return None;
        }
        let (start, end) = self.year.as_ref().map_or((0, u16::MAX), |years| (*years.start(), *years.end()));
        Some(start.max(self.since.unwrap_or(0))..=end.min(self.until.unwrap_or(u16::MAX)))
    }

    /// Refuses year options that contradict each other (a usage error): they would select nothing.
    pub fn check(&self) -> Result<(), String> {
        let shown = |years: &RangeInclusive<u16>| match (*years.start(), *years.end()) {
            (start, end) if start == end => start.to_string(),
            (0, end) => format!("..{end}"),
            (start, u16::MAX) => format!("{start}.."),
            (start, end) => format!("{start}..{end}"),
        };
        match (self.since, self.until, &self.year) {
            (Some(since), Some(until), _) if since > until => Err(format!("--since {since} is after --until {until}")),
            (Some(since), _, Some(years)) if since > *years.end() => {
                Err(format!("--since {since} is after every year of --year {}", shown(years)))
            }
            (_, Some(until), Some(years)) if until < *years.start() => {
                Err(format!("--until {until} is before every year of --year {}", shown(years)))
            }
            _ => Ok(()),
        }
    }
}

/// How a listing is printed.
#[derive(Debug, Default, Args)]
pub struct ListOutput {
    /// Output format [default: table on a terminal, plain when piped].
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<ListFormat>,
    /// The columns, in order (comma-separated); plain and csv otherwise print id, year,
    /// family and title, whatever the progress.
    #[arg(long, value_delimiter = ',', value_name = "COLUMN")]
    pub columns: Vec<PaperField>,
}

/// A single year within [`YEARS`], the one range the catalog accepts too.
fn parse_year(text: &str) -> Result<u16, String> {
    let quoted = crate::text::sanitize(text);
    let year: u16 = text.trim().parse().map_err(|_| format!("'{quoted}' is not a year (expected e.g. 2019)"))?;
    if !YEARS.contains(&i64::from(year)) {
        return Err(format!(
            "{year} is outside {} to {}: give a full four-digit year such as 2019",
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(year)
}

/// `2019`, `2019..2021`, `2022..` or `..2018`; a reversed range is a usage error.
pub fn parse_years(text: &str) -> Result<RangeInclusive<u16>, String> {
    match text.split_once("..") {
        None => parse_year(text).map(|single| single..=single),
        Some((start, end)) => {
            let start = if start.trim().is_empty() { 0 } else { parse_year(start)? };
            let end = if end.trim().is_empty() { u16::MAX } else { parse_year(end)? };
            if start > end {
                return Err(format!("the range {start}..{end} is reversed; did you mean {end}..{start}?"));
            }
            Ok(start..=end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges_parse_and_reversed_ones_are_refused() {
        assert_eq!(parse_years("2019"), Ok(2019..=2019));
        assert_eq!(parse_years("2019..2021"), Ok(2019..=2021));
        assert_eq!(parse_years("2022.."), Ok(2022..=u16::MAX));
        assert_eq!(parse_years("..2018"), Ok(0..=2018));
        assert!(parse_years("2021..2019").is_err());
        assert!(parse_years("twenty").is_err());
    }

    #[test]
    fn years_outside_the_catalog_range_are_refused() {
        assert!(parse_year("20").unwrap_err().contains("four-digit"));
        assert!(parse_year("1899").is_err() && parse_year("2101").is_err());
        assert!(parse_years("20..2021").is_err());
        assert_eq!(parse_year("1948"), Ok(1948), "a year the catalog accepts, a filter accepts");
        assert_eq!(parse_year("1900"), Ok(1900));
        assert_eq!(
            parse_year("1899").unwrap_err(),
            "1899 is outside 1900 to 2100: give a full four-digit year such as 2019"
        );
    }

    #[test]
    fn contradictory_years_are_refused() {
        let filters = |year, since, until| Filters { year, since, until, ..Filters::default() };
        assert!(filters(Some(2019..=2019), Some(2021), None).check().unwrap_err().contains("--since 2021"));
        assert!(filters(Some(2019..=2020), None, Some(2018)).check().is_err());
        assert!(filters(None, Some(2021), Some(2019)).check().is_err());
        assert!(filters(Some(2019..=2022), Some(2021), Some(2021)).check().is_ok());
        assert_eq!(filters(Some(2019..=2022), Some(2021), None).years(), Some(2021..=2022));
    }
}

//! The options of `roadmap plan`: a track, a pace, a first day and a format.

use clap::Args;

use super::values::non_empty;
use crate::render::PlanFormat;

/// What `roadmap plan` paces: a track's unread steps, `per_week` a week from `start`.
#[derive(Debug, Args)]
pub struct PlanOptions {
    /// The track's id (`roadmap tracks` lists them).
    #[arg(value_name = "TRACK", value_parser = non_empty)]
    pub track: String,
    /// How many papers to read a week (1 or more).
    #[arg(long, value_name = "N", value_parser = per_week)]
    pub per_week: usize,
    /// The day the first week starts (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub start: Option<jiff::civil::Date>,
    /// Output format [default: table on a terminal, plain when piped].
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<PlanFormat>,
}

/// A pace: a whole number of papers a week, at least one.
fn per_week(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("a plan needs at least one paper a week".to_owned()),
        Ok(count) => Ok(count),
        Err(_) => Err(format!("'{}' is not a number of papers (1, 2, 3, …)", crate::text::sanitize(text))),
    }
}

/// A calendar day written YYYY-MM-DD.
fn date(text: &str) -> Result<jiff::civil::Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("'{}' is not a date: write it YYYY-MM-DD, as 2026-05-04", crate::text::sanitize(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pace_is_at_least_one_paper_and_a_date_is_a_real_day() {
        assert_eq!(per_week("3"), Ok(3));
        assert!(per_week("0").is_err_and(|error| error.contains("at least one")));
        assert!(per_week("three").is_err());
        assert_eq!(date("2026-05-04").map(|day| day.to_string()), Ok("2026-05-04".to_owned()));
        assert!(date("2026-02-30").is_err());
        assert!(date("next monday").is_err());
    }
}

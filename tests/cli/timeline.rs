//! `roadmap timeline`: the papers by year and month, oldest first.

use predicates::prelude::*;

use crate::util::{TestEnv, mini, stdout};

#[test]
fn the_embedded_timeline_runs_oldest_first() {
    let env = TestEnv::new();
    let text = stdout(env.roadmap().arg("timeline"));
    let years: Vec<u16> = text.lines().filter_map(|line| line.trim().parse().ok()).collect();
    assert!(years.windows(2).all(|pair| pair[0] < pair[1]), "{years:?}");
    assert!(text.contains("transformer"));
}

#[test]
fn the_original_timeline_runs_from_2017_to_2023_with_the_transformer_first() {
    let env = TestEnv::new();
    let text = stdout(env.with_fixture("original").arg("timeline"));
    let lines: Vec<&str> = text.lines().filter(|line| !line.is_empty()).collect();
    assert_eq!(lines[0], "2017");
    assert!(lines[1].contains("transformer"), "{}", lines[1]);
    let years: Vec<&str> = lines.iter().copied().filter(|line| !line.starts_with(' ')).collect();
    assert_eq!(years, ["2017", "2018", "2019", "2020", "2021", "2022", "2023"]);
    let months: Vec<(u16, u8)> = {
        let mut year = 0;
        let mut months = Vec::new();
        for line in &lines {
            match line.split_whitespace().next().and_then(|word| word.parse::<u16>().ok()) {
                Some(value) if !line.starts_with(' ') => year = value,
                Some(month) => months.push((year, u8::try_from(month).unwrap())),
                None => {}
            }
        }
        months
    };
    assert!(months.windows(2).all(|pair| pair[0] <= pair[1]), "ordered by month within each year: {months:?}");
    assert!(predicate::str::contains("gpt-4").eval(&text));
}

#[test]
fn timeline() {
    let env = TestEnv::new();
    insta::assert_snapshot!("timeline", mini(&env, "80", &["timeline"]));
}

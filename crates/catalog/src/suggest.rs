//! "Did you mean": the closest known names to a mistyped one, at a bounded cost.
//!
//! Note: one suggester serves both the catalog checks and the command line (just keeps a
//! single one too). It is built once over the candidates; each distinct input is answered
//! once; and past a fixed budget of comparisons it stops suggesting, so a file with 20,000
//! dangling links costs a fraction of a second instead of minutes.

use std::collections::HashMap;

/// How many string comparisons one suggester may make in all: with the candidates lowercased
/// once, 20,000 dangling links cost about a quarter of a second more than none (1.13 s
/// against 0.86 s for `check` of 20,000 short papers, release build, 2 cores).
const BUDGET: usize = 2_000_000;

/// At most this many names are suggested.
const MOST: usize = 3;

/// One candidate as it is compared: lowercased and counted once, when the suggester is built.
struct Candidate<'a> {
    name: &'a str,
    lowercase: String,
    length: usize,
}

/// Finds close names among a fixed set of candidates.
pub struct Suggester<'a> {
    candidates: Vec<Candidate<'a>>,
    answered: HashMap<String, Vec<String>>,
    spent: usize,
}

impl<'a> Suggester<'a> {
    /// A suggester over `candidates`, in the order ties are broken (earlier wins).
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let candidates = candidates
            .into_iter()
            .map(|name| {
                let lowercase = name.to_lowercase();
                let length = lowercase.chars().count();
                Candidate { name, lowercase, length }
            })
            .collect();
        Suggester { candidates, answered: HashMap::new(), spent: 0 }
    }

    /// The candidates closest to `input` by edit distance (case ignored), when close enough
    /// to be a typo: all at the smallest distance, at most three. Empty once the budget is spent.
    pub fn suggest(&mut self, input: &str) -> Vec<String> {
        let input = input.to_lowercase();
        if let Some(known) = self.answered.get(&input) {
            return known.clone();
        }
        if self.spent + self.candidates.len() > BUDGET {
            return Vec::new();
        }
        self.spent += self.candidates.len();
        let limit = tolerance(&input);
        let length = input.chars().count();
        let mut best = limit + 1;
        let mut found: Vec<&str> = Vec::new();
        for candidate in &self.candidates {
            // Note: the length difference bounds the distance from below, and is cheap.
            if candidate.length.abs_diff(length) > limit {
                continue;
            }
            let distance = strsim::osa_distance(&input, &candidate.lowercase);
            if distance > limit {
                continue;
            }
            if distance < best {
                best = distance;
                found.clear();
            }
            if distance == best && found.len() < MOST && !found.contains(&candidate.name) {
                found.push(candidate.name);
            }
        }
        let found: Vec<String> = found.into_iter().map(str::to_owned).collect();
        self.answered.insert(input, found.clone());
        found
    }
}

/// How many edits still count as a typo of `input`: two, or a third of its length, and
/// never more than half its letters, so that a suggestion shares at least half of what was typed
/// (a lone `-` is like nothing).
fn tolerance(input: &str) -> usize {
    let length = input.chars().count();
    2.max(length / 3).min(length / 2)
}

/// " (did you mean a, b?)" for a non-empty list of suggestions, else nothing.
pub fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    format!(" (did you mean {}?)", suggestions.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_suggested_best_first() {
        let mut suggester = Suggester::new(["transformer", "transformer-xl", "bert", "roberta"]);
        assert_eq!(suggester.suggest("trasformer"), ["transformer"]);
        assert_eq!(suggester.suggest("BRET"), ["bert"]);
        assert!(suggester.suggest("zzzzzzzz").is_empty());
        assert!(suggester.suggest("bertxyz").is_empty(), "three edits from bert is no typo of it");
        assert_eq!(did_you_mean(&suggester.suggest("robert")), " (did you mean roberta?)");
    }

    #[test]
    fn nothing_is_suggested_for_input_that_shares_too_little() {
        let mut suggester = Suggester::new(["s1", "o1-system-card", "deepseek-r1", "t5", "gpt-3"]);
        assert!(suggester.suggest("-").is_empty(), "a lone dash is like nothing");
        assert!(suggester.suggest("x").is_empty());
        assert!(suggester.suggest("q9").is_empty(), "two letters, both wrong");
        assert_eq!(suggester.suggest("t6"), ["t5"]);
        assert_eq!(suggester.suggest("gpt3"), ["gpt-3"]);
    }

    #[test]
    fn ties_keep_the_candidates_order_and_stop_at_three() {
        let mut suggester = Suggester::new(["gpt-1", "gpt-2", "gpt-3", "gpt-4"]);
        assert_eq!(suggester.suggest("gpt-5"), ["gpt-1", "gpt-2", "gpt-3"]);
    }

    #[test]
    fn the_work_is_bounded() {
        let names: Vec<String> = (0..20_000).map(|index| format!("paper-{index:05}")).collect();
        let mut suggester = Suggester::new(names.iter().map(String::as_str));
        let answered = (0..20_000).filter(|index| !suggester.suggest(&format!("papr-{index:05}")).is_empty()).count();
        assert!(answered <= BUDGET / names.len(), "{answered} answered");
        assert!(answered > 0);
        assert_eq!(suggester.suggest("papr-00000"), ["paper-00000"], "answers are remembered past the budget");
    }
}

//! Synthetic catalogs for benchmarks: N valid papers in 20 families, with unique arXiv ids
//! and `builds_on` edges to earlier papers; papers are of realistic size (~860 bytes of YAML)
//! or short (~600 bytes), the shape whose per-paper overhead weighs most.
//! Shared by `benches/catalog.rs` and `examples/generate.rs`.

use serde::Serialize;

/// Families in a synthetic catalog.
pub const FAMILIES: usize = 20;

#[derive(Serialize)]
struct Family {
    id: String,
    name: String,
    branch: &'static str,
    summary: String,
}

#[derive(Serialize)]
struct Paper {
    id: String,
    title: String,
    year: u16,
    family: String,
    arxiv: String,
    authors: Vec<String>,
    org: String,
    venue: String,
    contribution: String,
    focus: Vec<String>,
    builds_on: Vec<String>,
    tags: Vec<String>,
}

#[derive(Serialize)]
struct Document {
    version: u32,
    families: Vec<Family>,
    papers: Vec<Paper>,
}

const WORDS: &[&str] = &[
    "attention",
    "sparse",
    "mixture",
    "experts",
    "decoder",
    "encoder",
    "scaling",
    "retrieval",
    "alignment",
    "preference",
    "reasoning",
    "chain",
    "thought",
    "quantized",
    "adapter",
    "rotary",
    "position",
    "kernel",
    "memory",
    "context",
    "distillation",
    "instruction",
    "tuning",
    "multilingual",
    "benchmark",
    "latent",
];

/// A small deterministic generator (SplitMix64), so every run builds the same catalog.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound as u64).unwrap_or(0)
    }

    fn words(&mut self, count: usize) -> String {
        (0..count).map(|_| WORDS[self.below(WORDS.len())]).collect::<Vec<_>>().join(" ")
    }
}

/// How long the synthetic papers are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// About 860 bytes of YAML, like the embedded catalog.
    Realistic,
    /// About 600 bytes: fewer authors, a shorter contribution.
    Short,
    /// About 3 KB: thirty authors, a long contribution, six focus items.
    Long,
}

fn document(papers: usize, size: Size) -> Document {
    let (authors, words, focus) = match size {
        Size::Realistic => (5, 40, 3),
        Size::Short => (3, 18, 2),
        Size::Long => (30, 250, 6),
    };
    let mut noise = Noise(42);
    let branches = ["foundation", "encoder", "encoder-decoder", "decoder", "technique"];
    let families = (0..FAMILIES)
        .map(|index| Family {
            id: format!("f{index:02}"),
            name: format!("Family {index}"),
            branch: branches[index % branches.len()],
            summary: format!("Synthetic family {index}: {}.", noise.words(8)),
        })
        .collect();
    let months = 11 * 12;
    let papers = (0..papers)
        .map(|index| {
            // Note: papers are spread over 2015-2025 in order, so builds_on always points back in time.
            let month_index = index * months / papers.max(1);
            let (year, month) = (2015 + month_index / 12, month_index % 12 + 1);
            let builds_on = (0..noise.below(3))
                .filter(|_| index > 0)
                .map(|_| format!("p{:06}", noise.below(index)))
                .collect::<std::collections::BTreeSet<_>>();
            Paper {
                id: format!("p{index:06}"),
                title: format!("Synthetic {}: {}", index, noise.words(7)),
                year: u16::try_from(year).unwrap_or(2025),
                family: format!("f{:02}", noise.below(FAMILIES)),
                arxiv: format!("{:02}{:02}.{:05}", year % 100, month, index),
                authors: (0..authors).map(|author| format!("Author{author} Surname{}", noise.below(1000))).collect(),
                org: format!("Lab {}", noise.below(50)),
                venue: format!("Conference {year}"),
                contribution: format!("{}.", noise.words(words)),
                focus: (0..focus).map(|_| noise.words(4)).collect(),
                builds_on: builds_on.into_iter().filter(|id| *id != format!("p{index:06}")).collect(),
                tags: {
                    // Note: two different tags; a paper may not list a tag twice.
                    let first = noise.below(WORDS.len());
                    let second = (first + 1 + noise.below(WORDS.len() - 1)) % WORDS.len();
                    vec![WORDS[first].to_owned(), WORDS[second].to_owned()]
                },
            }
        })
        .collect();
    Document { version: 1, families, papers }
}

/// A YAML catalog of `papers` synthetic papers of the given size.
pub fn yaml_sized(papers: usize, size: Size) -> String {
    roadmap::catalog::yaml::to_yaml(&document(papers, size)).expect("synthetic catalogs serialise")
}

/// A JSON catalog of `papers` synthetic papers of the given size.
pub fn json_sized(papers: usize, size: Size) -> String {
    serde_json::to_string(&document(papers, size)).expect("synthetic catalogs serialise")
}

//! Writes a synthetic catalog of N papers to stdout, for benchmarks:
//!
//! ```sh
//! cargo run --release --example generate -- 10000 > /tmp/catalog-10k.yaml
//! cargo run --release --example generate -- 10000 --json > /tmp/catalog-10k.json
//! cargo run --release --example generate -- 10000 --short > /tmp/catalog-10k-short.yaml
//! cargo run --release --example generate -- 10000 --long > /tmp/catalog-10k-long.yaml
//! ```

#[path = "../benches/synthetic.rs"]
mod synthetic;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(count) = arguments.first().and_then(|count| count.parse::<usize>().ok()) else {
        eprintln!("usage: generate N [--json] [--short | --long]");
        return ExitCode::from(2);
    };
    let size = if arguments.iter().any(|argument| argument == "--short") {
        synthetic::Size::Short
    } else if arguments.iter().any(|argument| argument == "--long") {
        synthetic::Size::Long
    } else {
        synthetic::Size::Realistic
    };
    let text = if arguments.iter().any(|argument| argument == "--json") {
        synthetic::json_sized(count, size)
    } else {
        synthetic::yaml_sized(count, size)
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

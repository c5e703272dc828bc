#!/usr/bin/env bash
# Times roadmap next to PyYAML's C loader doing the same job (load a catalog, keep one
# family, print the ids) on the same generated file, in one hyperfine run, and prints
# the ratios. Also times `roadmap list` on the embedded catalog next to a bare
# hello-world Rust process.
#
#   scripts/bench.sh            # 10k papers
#   scripts/bench.sh 100000     # 100k papers
#
# Needs hyperfine and PyYAML with libyaml (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
papers="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null || pip install -q pyyaml
python3 -c 'import yaml; assert yaml.__with_libyaml__, "PyYAML lacks its C loader"'

cargo build --release --quiet
cargo run --release --quiet --example generate -- "$papers" > "$work/catalog.yaml"
roadmap="$PWD/target/release/roadmap"
printf 'fn main() { println!("hello"); }\n' > "$work/hello.rs"
rustc -O -o "$work/hello" "$work/hello.rs"

size=$(stat -c %s "$work/catalog.yaml")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "catalog: $papers papers, $((size / 1000000)) MB of YAML"

job="--no-default --catalog $work/catalog.yaml list --family f03 --format ids"
export XDG_CACHE_HOME="$work/cache"
"$roadmap" $job > /dev/null # fills the cache for the warm runs
# Note: hyperfine pairs --prepare options with the commands in order, so each gets its own.
hyperfine --style basic --warmup 1 --min-runs 5 --export-json "$work/catalog.json" \
  --prepare "rm -rf $work/cache" -n "roadmap cold" "$roadmap $job" \
  --prepare "$roadmap $job" -n "roadmap cached" "$roadmap $job" \
  --prepare "true" -n "pyyaml C loader" "python3 scripts/pyyaml_filter.py $work/catalog.yaml f03"

hyperfine --style basic --warmup 5 --min-runs 50 -N --export-json "$work/embedded.json" \
  -n "hello world" "$work/hello" \
  -n "roadmap list (embedded)" "$roadmap list --format ids" \
  -n "roadmap path gpt-4 (embedded)" "$roadmap path gpt-4 --format ids"

rm -rf "$work/cache"
for name in "roadmap cold" "roadmap cached"; do
  /usr/bin/time -f "$name peak memory: %M KB" "$roadmap" $job 2>&1 >/dev/null | tail -1
done
/usr/bin/time -f "pyyaml C loader peak memory: %M KB" python3 scripts/pyyaml_filter.py "$work/catalog.yaml" f03 2>&1 >/dev/null | tail -1

python3 - "$work/catalog.json" "$work/embedded.json" "$size" <<'PY'
import json, sys
catalog = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
embedded = {r["command"]: r["mean"] for r in json.load(open(sys.argv[2]))["results"]}
peer = catalog["pyyaml C loader"]
print()
print("| job | mean | vs PyYAML C loader |")
print("|---|---|---|")
for name, mean in catalog.items():
    print(f"| {name} | {mean * 1000:.1f} ms | {peer / mean:.1f}x faster |" if name != "pyyaml C loader" else f"| {name} | {mean * 1000:.1f} ms | 1x |")
hello = embedded["hello world"]
print()
print("| embedded catalog | mean | vs hello world |")
print("|---|---|---|")
for name, mean in embedded.items():
    print(f"| {name} | {mean * 1000:.2f} ms | {mean / hello:.2f}x |")
PY

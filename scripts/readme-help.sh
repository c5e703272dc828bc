#!/usr/bin/env bash
# Pastes the current `roadmap --help` into README.md between the help markers
# (tests/cli/help.rs fails while the two differ).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
help=$(COLUMNS=100 NO_COLOR=1 target/debug/roadmap --help)
python3 - "$help" <<'PY'
import sys
help_text = sys.argv[1]
path = "README.md"
text = open(path).read()
start = "<!-- help:start -->\n```text\n$ roadmap --help\n"
end = "\n```\n<!-- help:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(head + start + help_text.rstrip() + end + tail)
PY

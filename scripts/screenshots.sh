#!/usr/bin/env bash
# Makes the README's pictures from the real output: docs/export.png (the HTML page) and
# docs/tree.png (the terminal tree, its ANSI colours drawn by headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
roadmap="$PWD/target/release/roadmap"
export ROADMAP_STATE="$work/progress.yaml"
"$roadmap" mark transformer bert gpt-1 gpt-2 gpt-3 instructgpt lora read 2>/dev/null

shot() { # URL OUTPUT WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --disable-quic --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
    --screenshot="$2" --window-size="$3,$4" "$1" 2>/dev/null
}

"$roadmap" export -o "$work/roadmap.html" 2>/dev/null
shot "file://$work/roadmap.html" docs/export.png 1400 1000

COLUMNS=118 "$roadmap" --color always tree --since 2017 --until 2021 > "$work/tree.ansi"
python3 - "$work/tree.ansi" "$work/tree.html" <<'PY'
import html, re, sys
colours = {30: "#1e1e1e", 31: "#e06c75", 32: "#98c379", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2",
           91: "#ff7b85", 92: "#b5e890", 93: "#ffd68a", 94: "#8cc8ff", 95: "#e3a1ff", 96: "#7fdde8"}
out, style = [], {}
for part in re.split(r"(\x1b\[[0-9;]*m)", open(sys.argv[1], encoding="utf-8").read()):
    match = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
    if match:
        for code in [int(c) for c in match.group(1).split(";") if c] or [0]:
            if code in (0, 39): style = {} if code == 0 else {k: v for k, v in style.items() if k != "color"}
            elif code == 1: style["font-weight"] = "bold"
            elif code == 2: style["opacity"] = "0.6"
            elif code in colours: style["color"] = colours[code]
        continue
    css = ";".join(f"{k}:{v}" for k, v in style.items())
    out.append(f'<span style="{css}">{html.escape(part)}</span>' if css else html.escape(part))
page = ('<!doctype html><meta charset="utf-8"><body style="margin:0;background:#282c34">'
        '<pre style="margin:0;padding:16px;color:#dcdfe4;font:14px/1.35 \'DejaVu Sans Mono\',monospace">$ COLUMNS=118 roadmap tree --since 2017 --until 2021\n'
        + "".join(out) + "</pre>")
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
lines=$(wc -l < "$work/tree.ansi")
shot "file://$work/tree.html" docs/tree.png 1060 $(( (lines + 2) * 19 + 32 ))
echo "wrote docs/export.png and docs/tree.png"

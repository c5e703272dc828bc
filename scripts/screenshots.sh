#!/usr/bin/env bash
# Makes the pictures of the README and the guide (docs/guide/) from the real output: docs/export.png and
# docs/export-track.png and docs/export-phone.png (the HTML page with LLaMA clicked, a track picked, and on a phone), docs/tree.png (the terminal tree, its ANSI colours drawn by headless
# Chromium) and docs/browse.png (the terminal browser in tmux).
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

# The page needs a click (chromium's --screenshot cannot click, and draws a scrolled page
# blank), so chromedriver takes these three, in the test that exists for it.
cargo test --quiet --test page -- --ignored readme_pictures

COLUMNS=118 "$roadmap" --color always tree --since 2017 --until 2021 > "$work/tree.ansi"
python3 scripts/ansi2html.py "$work/tree.ansi" "$work/tree.html" "$ COLUMNS=118 roadmap tree --since 2017 --until 2021"
lines=$(wc -l < "$work/tree.ansi")
shot "file://$work/tree.html" docs/tree.png 1060 $(( (lines + 2) * 19 + 32 ))
# The browser in a real terminal: tmux runs it, its screen is captured with its colours.
tmux_() { tmux -S "$work/tmux.socket" "$@"; }
tmux_ -f /dev/null new-session -d -x 118 -y 34 -s shot -e ROADMAP_STATE="$ROADMAP_STATE" "$roadmap" browse
until tmux_ capture-pane -p -t shot | grep -q ' read'; do sleep 0.1; done
tmux_ send-keys -t shot -l /bert
tmux_ send-keys -t shot Enter Escape
sleep 0.5
tmux_ capture-pane -e -p -t shot > "$work/browse.ansi"
tmux_ kill-server
python3 scripts/ansi2html.py "$work/browse.ansi" "$work/browse.html" ""
shot "file://$work/browse.html" docs/browse.png 1010 $(( 34 * 19 + 32 ))
echo "wrote docs/export.png, docs/export-track.png, docs/export-phone.png, docs/tree.png and docs/browse.png"

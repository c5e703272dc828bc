#!/usr/bin/env python3
"""Re-runs the example sessions of README.md and the guide (docs/guide/) so they show the
program's real output.

Every ```console block right after a `<!-- run -->` marker is regenerated: each `$ ` line
is run by bash on a pseudo-terminal (util-linux `script`), 96 columns wide, no colour, in
one scratch HOME shared by all the files, read in the order of PAGES and then the other
guide files by name (so a `mark` in docs/guide/sessions.md shows up in a later `progress`,
and in the `path` of docs/guide/overlays.md), and its output replaces what was there.
`<!-- run: head=N -->` keeps the first N lines of each command's output and marks the cut
with `...`. A file is written only when its text changed. Run `cargo build --release` first.
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARIES = os.path.join(ROOT, "target", "release")
# The files whose sessions depend on each other, in the order they are run.
PAGES = ["README.md", "docs/guide/sessions.md", "docs/guide/overlays.md"]
MARKER = re.compile(r"<!-- run(?::\s*head=(\d+))? -->\n```console\n(.*?)```\n", re.S)


def run(command, home, head):
    environment = {
        "HOME": home,
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "PATH": BINARIES + ":/usr/bin:/bin",
        "COLUMNS": "96",
        "NO_COLOR": "1",
        "TERM": "xterm",
        "TZ": "UTC",
        "LANG": "C.UTF-8",
    }
    script = f"cd {ROOT} && {command}"
    result = subprocess.run(
        ["script", "-qec", f"bash -c {quote(script)}", "/dev/null"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.replace("\r\n", "\n").rstrip("\n").split("\n")
    if lines == [""]:
        return []
    if head is not None and len(lines) > head:
        lines = lines[:head] + ["..."]
    return lines


def quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def pages():
    guide = os.path.join(ROOT, "docs", "guide")
    rest = sorted(
        os.path.join("docs", "guide", name)
        for name in os.listdir(guide)
        if name.endswith(".md") and os.path.join("docs", "guide", name) not in PAGES
    )
    return [os.path.join(ROOT, page) for page in PAGES + rest]


def main():
    with tempfile.TemporaryDirectory() as home:
        for path in pages():
            rerun(path, home)


def rerun(path, home):
    text = open(path, encoding="utf-8").read()

    def regenerate(match):
        head = int(match.group(1)) if match.group(1) else None
        out = []
        for line in match.group(2).split("\n"):
            if not line.startswith("$ "):
                continue
            command = line[2:]
            out.append(line)
            # Note: a trailing `# comment` documents the command and is not run.
            runnable = re.sub(r"\s+#.*$", "", command)
            out.extend(run(runnable, home, head))
        marker = match.group(0).split("\n", 1)[0]
        return marker + "\n```console\n" + "\n".join(out) + "\n```\n"

    new_text = MARKER.sub(regenerate, text)
    if new_text != text:
        open(path, "w", encoding="utf-8").write(new_text)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Turns ANSI-coloured terminal text into an HTML page for headless Chromium to photograph.

Usage: ansi2html.py INPUT OUTPUT HEADING   (HEADING is printed above the text; may be empty)
"""
import html, re, sys

colours = {30: "#1e1e1e", 31: "#e06c75", 32: "#98c379", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2",
           37: "#dcdfe4", 90: "#7f848e", 91: "#ff7b85", 92: "#b5e890", 93: "#ffd68a", 94: "#8cc8ff", 95: "#e3a1ff",
           96: "#7fdde8", 97: "#ffffff"}
foreground, background = "#dcdfe4", "#282c34"
out, style = [], {}
for part in re.split(r"(\x1b\[[0-9;]*m)", open(sys.argv[1], encoding="utf-8").read()):
    match = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
    if match:
        codes = [int(c) for c in match.group(1).split(";") if c] or [0]
        while codes:
            code = codes.pop(0)
            if code in (38, 48) and len(codes) >= 2 and codes[0] == 5:  # 256 colours: the first 16 are the basic ones
                index = codes[1]; codes = codes[2:]
                basic = 30 + index if index < 8 else 82 + index
                if basic in colours: style["fg" if code == 38 else "bg"] = colours[basic]
                continue
            if code == 0: style = {}
            elif code == 39: style.pop("fg", None)
            elif code == 49: style.pop("bg", None)
            elif code == 1: style["bold"] = True
            elif code == 2: style["dim"] = True
            elif code == 7: style["reverse"] = True
            elif code in (22,): style.pop("bold", None); style.pop("dim", None)
            elif code == 27: style.pop("reverse", None)
            elif code in colours: style["fg"] = colours[code]
            elif 40 <= code <= 47 or 100 <= code <= 107: style["bg"] = colours.get(code - 10, background)
        continue
    fg, bg = style.get("fg", foreground), style.get("bg")
    if style.get("reverse"):
        fg, bg = bg or background, fg
    css = [f"color:{fg}"] if fg != foreground else []
    if bg: css.append(f"background:{bg}")
    if style.get("bold"): css.append("font-weight:bold")
    if style.get("dim"): css.append("opacity:0.6")
    text = html.escape(part)
    out.append(f'<span style="{";".join(css)}">{text}</span>' if css else text)
heading = html.escape(sys.argv[3]) + "\n" if len(sys.argv) > 3 and sys.argv[3] else ""
page = ('<!doctype html><meta charset="utf-8"><body style="margin:0;background:' + background + '">'
        '<pre style="margin:0;padding:16px;color:' + foreground + ';font:14px/1.35 \'DejaVu Sans Mono\',\'Noto Sans Mono CJK SC\',monospace">'
        + heading + "".join(out) + "</pre>")
open(sys.argv[2], "w", encoding="utf-8").write(page)

"""Hard-wrap article text the way newswire archives and mail exports do, to test reading it.

The wrapped copies of a data set are the test of the cleaner's reflow that cannot be tuned to
that data set: the same articles, broken at another width or in another style, must give the
same briefing. Styles:

- `blank`: every paragraph wrapped, blank lines kept as they were;
- `tight`: no blank lines at all, paragraphs only start on a new line;
- `indented`: as `tight`, and each paragraph's first line indented (wire style);
- `flowed`: as `blank`, and every line that continues a paragraph ends with a space
  (mail's format=flowed).

Front matter is left as it is: only the body is wrapped.
"""

from __future__ import annotations

import textwrap

STYLES = ("blank", "tight", "indented", "flowed")
INDENT = "    "


def rewrap(text: str, width: int, style: str = "blank", body_start: int = 0) -> str:
    """`text` with each line of its body (each paragraph) broken at `width` by textwrap."""
    if style not in STYLES:
        raise ValueError(f"unknown wrap style {style!r}; choose from {', '.join(STYLES)}")
    out: list[str] = []
    for line in text[body_start:].splitlines():
        if not line.strip():
            if style in ("blank", "flowed"):
                out.append(line)
            continue
        initial = INDENT if style == "indented" else ""
        lines = textwrap.wrap(line, width, initial_indent=initial)
        if style == "flowed":
            lines = [piece + " " for piece in lines[:-1]] + lines[-1:]
        out.extend(lines)
    return text[:body_start] + "\n".join(out) + "\n"

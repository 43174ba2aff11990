"""Render a briefing as Markdown, HTML or JSON.

JSON is the canonical form (`Briefing.to_dict()`); Markdown and HTML come from the Jinja2
templates shipped as `synth.templates`. Article text, file names and URLs are never trusted:
HTML is autoescaped, Markdown has its syntax characters escaped and only http(s) URLs become
links, so no input can change a briefing's structure. Bidirectional override characters are
removed from Markdown and HTML and written as \\u escapes in JSON, so no input can make the
text display in another order than it reads; a URL holding such characters (or control
characters) is never made a link, since removing them can change the host it shows. Other
control characters (from file names) are shown as escapes (\\x01). HTML pages are
self-contained and say so in a Content-Security-Policy: no script, frame, form or request
outside the page runs in them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from markupsafe import Markup

from synth.core import Briefing, Evidence, Point, Source, SynthError
from synth.read.dates import parse_date
from synth.read.own import MARKDOWN_MARK
from synth.read.reflow import flat_text
from synth.read.syndicate import report_count, wire_copies

FORMATS = ("md", "html", "json")
MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
MD_LINE_START = re.compile(r"^(\d*)([#>+\-=.)])")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
AUTOLINK_UNSAFE = re.compile(r"[\s<>`\\\x00-\x1f\x7f-\x9f]")
# Control characters a page shows as escapes; tab and line ends are layout, kept.
SHOWN_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def render(briefing: Briefing, fmt: str, appendix: bool = False) -> str:
    """The briefing in `fmt` (md, html or json), ending with a newline.

    The main body (title, lede, sections, differences) is what `--max-words` sizes; quotes,
    figures, coverage and "only in" make an appendix: in Markdown only with `appendix`, in
    HTML always (collapsed), in JSON always.
    """
    if fmt == "json":
        text = json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
        return BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if fmt not in FORMATS:
        raise SynthError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    template = _environment(autoescape=fmt == "html").get_template(f"briefing.{fmt}.j2")
    text = template.render(**_context(briefing), appendix=appendix or fmt == "html")
    if fmt == "md":  # so that a later run finds it among its inputs (`synth.read.own`)
        text = text.rstrip("\n") + "\n\n" + MARKDOWN_MARK
    return text.rstrip("\n") + "\n"


def _context(briefing: Briefing) -> dict[str, Any]:
    evidence_by_source = {s.id: s for s in briefing.sources}

    def cite_evidence(source_ids: Iterable[int], evidence: Iterable[Evidence]) -> Markup:
        """Citation links; hovering or focusing one shows the exact source sentence."""
        spans = list(evidence)
        marks = []
        for source_id in source_ids:
            sentence = next(e.text for e in spans if e.source == source_id)
            label = evidence_by_source[source_id].label
            marks.append(
                Markup(
                    '<a class="cite" href="#source-{0}" title="{1}" aria-label="{2}">[{0}]</a>'
                ).format(source_id, flat_text(sentence), f"Source {source_id}: {label}")
            )
        return Markup("").join(marks)

    def cite_html(point: Point) -> Markup:
        return cite_evidence(point.sources, point.evidence)

    ranked = briefing.ranked_points
    return {
        "title": briefing.title,
        "sources": briefing.sources,
        "lede": briefing.lede,
        "sections": briefing.sections,
        "point_count": len(ranked),
        "omitted": briefing.omitted_points,
        "cite_html": cite_html,
        "cite_evidence": cite_evidence,
        "differences": briefing.differences,
        "quotes": briefing.quotes,
        "figures": briefing.figures,
        "coverage": briefing.coverage,
        "labels": {s.id: s.label for s in briefing.sources},
        "read_count": sum(1 for s in briefing.sources if not s.skipped),
        "skipped_count": sum(1 for s in briefing.sources if s.skipped),
        "reports": report_count(briefing.sources),
        "copies": wire_copies(briefing.sources),
        "date_range": date_range(briefing.sources),
    }


def date_range(sources: Sequence[Source]) -> str:
    """The earliest and latest publication dates that can be read, as ISO dates."""
    dates = sorted({d for s in sources if not s.skipped and (d := parse_date(s.published))})
    if not dates:
        return ""
    return dates[0] if len(dates) == 1 else f"{dates[0]} – {dates[-1]}"


def escape_markdown(text: str) -> str:
    """Escape what could change Markdown structure, so article text stays plain text.

    Inline syntax (emphasis, code, links, tables) is backslash-escaped, HTML is entity-escaped,
    and a line-start marker (heading, quote, list) is neutralized; whitespace collapses to one
    line, so no text can open a new block.
    """
    text = " ".join(without_bidi(str(text)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = MD_INLINE.sub(r"\\\1", text)
    return MD_LINE_START.sub(r"\1\\\2", text)


def cite_markdown(source_ids: Iterable[int]) -> str:
    """Citation marks like [1][3]; left undefined as references, they render as written."""
    return "".join(f"[{i}]" for i in source_ids)


def code_span(text: str) -> str:
    """Text for inside a Markdown code span: on one line (a newline in a file name would end
    the span and start a heading), no control characters, no backticks."""
    text = CONTROL.sub(" ", without_bidi(str(text)))
    return " ".join(text.split()).replace("`", "'")


def markdown_link(url: str) -> str:
    """A web address as a Markdown autolink, kept exactly (`_` and `&` intact); anything that
    is not a plain http(s) address is written as escaped text, never as a link."""
    url = str(url)
    if _web_scheme(url) and not AUTOLINK_UNSAFE.search(url) and not BIDI_CONTROLS.search(url):
        return f"<{url}>"
    return escape_markdown(url)


def safe_url(url: str) -> str:
    """Only web links become links: a javascript: or data: URL is dropped, and so is one with
    bidirectional or control characters (what the page shows of it is not where it goes)."""
    unsafe = BIDI_CONTROLS.search(url) or CONTROL.search(url)
    return url if _web_scheme(url) and not unsafe else "#"


def _web_scheme(url: str) -> bool:
    try:
        return urlparse(url).scheme in {"http", "https"} and url[:1].isalpha()
    except ValueError:
        return False


def without_bidi(text: str) -> str:
    """Text without bidirectional embeddings, overrides and isolates (U+202A-U+202E,
    U+2066-U+2069), which can make text display in another order than it reads."""
    return BIDI_CONTROLS.sub("", text)


def _finalize(value: Any) -> Any:
    """Every value a template prints, bidirectional controls removed and other control
    characters shown as escapes (Markup stays Markup)."""
    if isinstance(value, str):
        shown = SHOWN_CONTROL.sub(lambda m: ascii(m.group())[1:-1], without_bidi(value))
        return type(value)(shown)
    return value


def template(name: str, autoescape: bool):  # type: ignore[no-untyped-def]
    """A template shipped in `synth.templates`, with synth's filters."""
    return _environment(autoescape).get_template(name)


@lru_cache(maxsize=2)
def _environment(autoescape: bool):  # type: ignore[no-untyped-def]
    from importlib.resources import files

    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(files("synth.templates"))),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters["md"] = escape_markdown
    env.filters["cite_md"] = cite_markdown
    env.filters["code"] = code_span
    env.filters["safe_url"] = safe_url
    env.filters["md_link"] = markdown_link
    return env

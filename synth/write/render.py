"""Render a briefing as Markdown, HTML or JSON (the formats: `synth.write.formats`).

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
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from markupsafe import Markup

from synth.core import (
    Briefing,
    Difference,
    Evidence,
    Point,
    RankedPoint,
    Source,
    Variant,
)
from synth.read.dates import parse_date
from synth.read.label import UNKNOWN_OUTLET, named_outlet, opening_words, plausible_headline
from synth.read.reflow import flat_text
from synth.read.syndicate import report_count, wire_copies
from synth.write.formats import output_format
from synth.write.source_list import cite_runs, source_lines

if TYPE_CHECKING:
    from synth.write.follow import StoryPage

CHANGE = "change"
UNSHOWN_WHEN = frozenset(["", "before", "after"])
ASCII_PUNCTUATION = frozenset(string.punctuation)
MD_DELIMITER_RUN = re.compile(r"\*+|_+|~+")
MD_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
# At the start of text that may start a line: a heading, quote or bullet marker, a thematic
# break or setext underline, an ordered list's number.
MD_BLOCK_START = re.compile(r"#{1,6}(?: |$)|>|[-+*](?: |$)")
MD_RULE = re.compile(r"[-_*=+ ]+")
MD_ORDERED_START = re.compile(r"(\d{1,9})[.)](?: |$)")
# A heading's optional closing sequence: a run of # at the end, after a space.
MD_CLOSING_HASHES = re.compile(r"(?:^| )(#+)$")
# Certainty keys (synth.compare.certainty): stable for programs, so the renderer need not
# import the comparison stage.
DISPUTED = "disputed"
CONFIRMED = "confirmed"
# A confirmation names the outlets up to this many; more are counted ("reported by 4 outlets").
MAX_NAMED_OUTLETS = 3
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
AUTOLINK_UNSAFE = re.compile(r"[\s<>`\\\x00-\x1f\x7f-\x9f]")
# Control characters a page shows as escapes; tab and line ends are layout, kept.
SHOWN_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def render(
    briefing: Briefing, fmt: str, appendix: bool = False, page: StoryPage | None = None
) -> str:
    """The briefing in `fmt` (one of `OutputFormat`: md, html or json), ending with a newline.

    The main body (title, lede, sections, differences) is what `--max-words` sizes; quotes,
    figures, coverage and "only in" make an appendix: in Markdown only with `appendix`, in
    HTML always (collapsed), in JSON always. A digest's story `page` (md, html) adds a link
    back to the index and what is new since the previous run.
    """
    form = output_format(fmt)
    if not form.templated:
        text = json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
        return BIDI_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    template = _environment(autoescape=form.autoescape).get_template(f"briefing.{form.value}.j2")
    new_points = page.new_points(briefing) if page else []
    text = template.render(
        **_context(briefing), appendix=appendix or form.full, page=page, new_points=new_points
    )
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

    def tag(item: RankedPoint) -> str:
        return point_tag(item, evidence_by_source, briefing.differences)

    ranked = briefing.ranked_points
    copies = wire_copies(briefing.sources)
    return {
        "title": briefing.title,
        "sources": briefing.sources,
        "lede": briefing.lede,
        "sections": briefing.sections,
        "point_count": len(ranked),
        "omitted": briefing.omitted_points,
        "cite_html": cite_html,
        "cite_evidence": cite_evidence,
        "tag": tag,
        "source_note": source_note,
        "differences": briefing.differences,
        "quotes": briefing.quotes,
        "figures": briefing.figures,
        "coverage": briefing.coverage,
        "labels": {s.id: s.label for s in briefing.sources},
        "source_of": evidence_by_source,
        "read_count": sum(1 for s in briefing.sources if not s.skipped),
        "skipped_count": sum(1 for s in briefing.sources if s.skipped),
        "reports": report_count(briefing.sources),
        "copies": copies,
        "source_lines": source_lines(briefing.sources, copies),
        "date_range": date_range(briefing.sources),
    }


def point_tag(
    item: RankedPoint, sources: Mapping[int, Source], differences: Sequence[Difference]
) -> str:
    """What a point's tag tells a reader, or "" where it would tell nothing.

    The citation marks already say which sources carry a point, so a tag only adds what they
    cannot: that outlets give different values for something the point states (the certainty
    code's "disputed"), or that two or more of the independent reports it cites carry it
    (copies of one wire story count once), where each of them has a name and there are few
    enough to name ("reported by AP and Reuters"); a bare count would repeat the citation
    marks. A point from one report, from one outlet's several reports, or one that its own
    words mark as a claim, has no tag; a report that confirms it only in a sentence of its
    own is not cited, so it is not counted where a reader could not check it. JSON keeps
    every field.
    """
    level = item.certainty
    if level.key == DISPUTED and level.difference is not None:
        if 0 <= level.difference < len(differences):
            return f"outlets differ: {differences[level.difference].about}"
        return "outlets differ"
    if level.key != CONFIRMED:
        return ""
    names = cited_outlets(item.point.sources, sources)
    if len(names) < 2:
        return ""
    if None in names or len(names) > MAX_NAMED_OUTLETS:
        return ""  # the citation marks already count them
    if len(set(names)) < 2:
        return ""  # several reports of one outlet
    return "reported by " + and_list([n for n in dict.fromkeys(names) if n is not None])


def cited_outlets(source_ids: Iterable[int], sources: Mapping[int, Source]) -> list[str | None]:
    """One entry per independent report among the cited sources, in citation order: its
    outlet's name, or None where it has none."""
    names: dict[int, str | None] = {}
    for source_id in source_ids:
        source = sources[source_id]
        report = source.report or source.id
        names[report] = names.get(report) or named_outlet(source)
    return list(names.values())


def and_list(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def source_note(source: Source) -> tuple[str, str, str] | None:
    """What the sources list shows after a source's label, as (before, text, after): its
    headline; "headline “...”" where the outlet is unknown, so that it is not read as one;
    "first words “...”" where it has no headline, or a title line that reads as a caption or
    the page's own text; None where there is nothing to add."""
    if source.title and source.title != source.label and plausible_headline(source.title):
        if source.label == UNKNOWN_OUTLET:
            return ("headline “", source.title, "”")
        return ("", source.title, "")
    words = None if source.skipped else opening_words(source)
    return ("first words “", words, "”") if words else None


def date_range(sources: Sequence[Source]) -> str:
    """The earliest and latest publication dates that can be read, as ISO dates."""
    dates = sorted({d for s in sources if not s.skipped and (d := parse_date(s.published))})
    if not dates:
        return ""
    return dates[0] if len(dates) == 1 else f"{dates[0]} – {dates[-1]}"


def escape_markdown(text: str) -> str:
    """Article text as Markdown that shows it as written and can change no structure.

    Whitespace collapses to one line, so no text can open a new block. Then only what would
    change Markdown where text stands is escaped: a backtick (a code span can pair with one of
    the page's own), an emphasis or strikethrough run that could open or close (`*`, `_`, `~`;
    "snake_case" and " _ " cannot), a `]` that would make a link ("](", "][", "]:"), an HTML
    tag or autolink's "<", an "&" that would start a character reference, a backslash that
    would escape, a table's "|", a heading's closing "#", and a block marker at the start
    (heading, quote, list item, thematic break). So "[Olsen] said", "AT&T" and "it's" show
    as they are.
    """
    text = " ".join(without_bidi(str(text)).split())
    if not text:
        return text
    escaped = [_escape_char(text, k) for k in range(len(text))]
    for start, end in _delimiter_runs(text):
        if start == 0 or end == len(text) or _may_pair(text, start, end):
            escaped[start:end] = ["\\" + c for c in text[start:end]]
    closing = MD_CLOSING_HASHES.search(text)
    if closing:
        escaped[closing.start(1)] = "\\#"
    if MD_BLOCK_START.match(text) or MD_RULE.fullmatch(text):
        escaped[0] = "\\" + escaped[0].lstrip("\\")
    elif ordered := MD_ORDERED_START.match(text):
        escaped[ordered.end(1)] = "\\" + text[ordered.end(1)]
    return "".join(escaped)


def _escape_char(text: str, k: int) -> str:
    """One character of `text`, escaped where it alone would change the structure."""
    char = text[k]
    after = text[k + 1 : k + 2]
    if char == "`" or char == "|":
        return "\\" + char
    if char == "\\" and (not after or after in ASCII_PUNCTUATION):
        return "\\\\"
    if char == "]" and after in ("(", "[", ":"):
        return "\\]"
    if char == "<" and after and ((after.isascii() and after.isalpha()) or after in "/!?"):
        return "&lt;"
    if char == "&" and _reference_at(text, k):
        return "\\&"
    return char


def _reference_at(text: str, k: int) -> bool:
    """A character reference that Markdown would decode starts at `k` ("&amp;", "&#38;")."""
    from html.entities import html5

    match = MD_REFERENCE.match(text, k)
    if match is None:
        return False
    name = match.group(1)
    return name.startswith("#") or f"{name};" in html5


def _delimiter_runs(text: str) -> list[tuple[int, int]]:
    """Start and end of each run of one emphasis or strikethrough character."""
    return [m.span() for m in MD_DELIMITER_RUN.finditer(text)]


def _may_pair(text: str, start: int, end: int) -> bool:
    """Whether a delimiter run inside the text can open or close emphasis (CommonMark's
    flanking rules; for `_` not inside a word)."""
    before, after = text[start - 1], text[end]
    left = not after.isspace() and (
        not _punctuation(after) or before.isspace() or _punctuation(before)
    )
    right = not before.isspace() and (
        not _punctuation(before) or after.isspace() or _punctuation(after)
    )
    if text[start] != "_":
        return left or right
    opens = left and (not right or _punctuation(before))
    closes = right and (not left or _punctuation(after))
    return opens or closes


def _punctuation(char: str) -> bool:
    return char in ASCII_PUNCTUATION or unicodedata.category(char).startswith(("P", "S"))


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
    env.filters["cite_runs"] = cite_runs
    env.filters["code"] = code_span
    env.filters["safe_url"] = safe_url
    env.filters["md_link"] = markdown_link
    env.filters["flat"] = flat_text
    env.filters["iso_date"] = lambda text: parse_date(text) or text
    env.filters["steps"] = difference_steps
    return env


def difference_steps(difference: Difference) -> list[tuple[str, Variant, str]]:
    """Each value of a difference with the mark before it and the moment shown beside it:
    " · " between values, " → " from one moment to the next in a change over time ("9,000
    (Dec 8) → more than 10,000 (Dec 10)"); a title's "before" and "after" show as the
    arrow alone."""
    steps = []
    for k, variant in enumerate(difference.variants):
        previous = difference.variants[k - 1] if k else None
        if previous is None:
            mark = ""
        elif difference.kind == CHANGE and variant.when != previous.when:
            mark = " → "
        else:
            mark = " · "
        steps.append((mark, variant, "" if variant.when in UNSHOWN_WHEN else variant.when))
    return steps

"""The output formats, as one table: what `--format` accepts, the files a digest writes, and
how a page is written in each.

JSON is the canonical form: the page's data as it is. Markdown and HTML are written from the
Jinja2 templates shipped as `synth.templates` (`<page>.<format>.j2`, for the pages `briefing`
and `digest`). A new format is one row here and its templates.
"""

from __future__ import annotations

from enum import Enum

from synth.core import SynthError


class OutputFormat(str, Enum):
    """One output format: its name (on the command line, and the files' extension without the
    dot), whether it is written from templates (else it is the data as JSON), whether those
    templates escape values as HTML, and whether a briefing in it always shows the appendix
    (quotes, figures, coverage; collapsed in HTML). Markdown shows it only when asked."""

    templated: bool
    autoescape: bool
    full: bool

    def __new__(cls, name: str, templated: bool, autoescape: bool, full: bool) -> OutputFormat:
        member = str.__new__(cls, name)
        member._value_ = name
        member.templated, member.autoescape, member.full = templated, autoescape, full
        return member

    md = ("md", True, False, False)
    html = ("html", True, True, True)
    json = ("json", False, False, True)

    @property
    def extension(self) -> str:
        """The extension of a file written in this format: `.md`, `.html`, `.json`."""
        return f".{self.value}"


def output_format(name: str) -> OutputFormat:
    """The format of that name; an unknown one is a clear error naming those there are."""
    by_name = {f.value: f for f in OutputFormat}
    if name not in by_name:
        raise SynthError(f"unknown format {name!r}; choose one of {', '.join(by_name)}")
    return by_name[name]

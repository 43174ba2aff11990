import json
import re

import pytest

import synth
from synth.write.render import escape_markdown, render

ATTACK = (
    "Rotterdam port officials said </li><script>alert(1)</script> and <img src=x "
    "onerror=alert(2)> then [x](javascript:alert(3)) | a | b | and {{ 7*7 }} were all in a "
    "statement on Monday."
)


@pytest.fixture
def hostile_briefing(write_article, fake_embedder):
    a = write_article("a.txt", f"# Heading injected\n{ATTACK}\n")
    b = write_article(
        "b.txt", f"{ATTACK}\nA second, harmless sentence about the weather in Lisbon is here.\n"
    )
    return synth.brief([a, b], embedder=fake_embedder)


def test_html_escapes_article_text(hostile_briefing):
    html = render(hostile_briefing, "html")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html


def test_markdown_keeps_its_structure(hostile_briefing):
    md = render(hostile_briefing, "md")
    assert "<script>" not in md
    assert re.search(r"(?<!\\)\]\(javascript:", md) is None
    assert "{{ 7\\*7 }}" in md
    bullet_lines = [line for line in md.splitlines() if line.startswith("- ")]
    assert all(line.count("\\|") >= 2 or "|" not in line for line in bullet_lines)
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert not any("injected" in h for h in headings)


def test_json_output_is_to_dict(hostile_briefing):
    assert json.loads(render(hostile_briefing, "json")) == hostile_briefing.to_dict()


def test_escape_markdown_neutralizes_block_markers():
    assert escape_markdown("# title") == "\\# title"
    assert escape_markdown("1. item") == "1\\. item"
    assert escape_markdown("a\n\n- b") == "a - b"


def test_unknown_format_is_an_error(hostile_briefing):
    with pytest.raises(synth.SynthError):
        render(hostile_briefing, "pdf")

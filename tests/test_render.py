import json
import re

import pytest

import synth
from synth.write.render import escape_markdown, render

ATTACK = (
    "Officials said </li><script>alert(1)</script> and <img src=x onerror=alert(2)> "
    "then [x](javascript:alert(3)) | a | b | and {{ 7*7 }} were all in the text today."
)


@pytest.fixture
def hostile_briefing(write_article, fake_embedder):
    a = write_article("a.txt", f"# Heading injected\n{ATTACK}\n")
    b = write_article(
        "b.txt", f"{ATTACK}\nA second, harmless sentence about the weather is here.\n"
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


@pytest.fixture
def seeds_briefing(fake_embedder):
    from tests.conftest import ALEPPO

    return synth.brief([ALEPPO], embedder=fake_embedder)


def test_appendix_is_off_by_default_in_markdown(seeds_briefing):
    plain = render(seeds_briefing, "md")
    full = render(seeds_briefing, "md", appendix=True)
    for heading in ("## Key quotes", "## Key figures", "## Coverage", "Only in ["):
        assert heading not in plain and heading in full
    assert "## Sources" in plain


def test_html_keeps_the_appendix_collapsed_and_json_keeps_everything(seeds_briefing):
    html = render(seeds_briefing, "html")
    assert '<details class="appendix"' in html and "<details open" not in html
    assert html.index("<details") < html.index('id="coverage"') < html.index("</details>")
    data = json.loads(render(seeds_briefing, "json"))
    assert data["quotes"] and data["figures"] and data["coverage"]["sources"]


def test_the_page_opens_with_a_lede_and_no_point_is_printed_twice(seeds_briefing):
    md = render(seeds_briefing, "md")
    assert 2 <= len(seeds_briefing.lede) <= 3
    texts = [p.point.text for p in seeds_briefing.ranked_points]
    assert len(texts) == len(set(texts))
    for text in texts:
        assert md.count(escape_markdown(text)) == 1, text
    assert "## Key points" not in md
    assert md.split("\n\n")[2].startswith(escape_markdown(seeds_briefing.lede[0].point.text))


def test_a_difference_shows_each_outlets_wording(seeds_briefing):
    md = render(seeds_briefing, "md")
    assert seeds_briefing.differences
    for difference in seeds_briefing.differences:
        for variant in difference.variants:
            assert escape_markdown(variant.wording) in md

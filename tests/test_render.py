import json
import re

import pytest

import synth
from synth.write.render import escape_markdown, render
from tests.conftest import briefing_of_lines

ATTACK = (
    "Rotterdam port officials said </li><script>alert(1)</script> and <img src=x "
    "onerror=alert(2)> then [x](javascript:alert(3)) | a | b | and {{ 7*7 }} were all in a "
    "statement on Monday."
)


@pytest.fixture
def hostile_briefing(fake_embedder):
    """Markup reaches the renderer here past the cleaner (which drops it as page furniture):
    escaping must not depend on it."""
    articles = {
        "a.txt": f"# Heading injected\n{ATTACK}\n",
        "b.txt": f"{ATTACK}\nA second, harmless sentence about the weather in Lisbon is here.\n",
    }
    return briefing_of_lines(articles, fake_embedder)


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


STORY = (
    "The Elbe bridge in Dresden reopened on Monday after two years of repairs, the city said.\n"
    "Traffic in Dresden was light in the morning but officials expect long queues at the "
    "weekend.\n"
)


def test_file_name_with_newlines_cannot_break_out_of_the_sources_list(tmp_path, fake_embedder):
    name = "a`\n\n# Owned\n<img src=x onerror=alert(1)>\n.txt"
    (tmp_path / name).write_text(STORY)
    md = render(synth.brief([tmp_path / name], embedder=fake_embedder), "md")
    assert not any(line.startswith("# Owned") for line in md.splitlines())
    assert "<img" not in md.replace("`", "").split("## Sources")[0]
    (sources_line,) = [line for line in md.splitlines() if line.startswith("- [1]")]
    assert "<img src=x onerror=alert(1)>" in sources_line  # inside the code span, inert


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("https://example.org/a_b_c?x=1&y=2", "<https://example.org/a_b_c?x=1&y=2>"),
        ("https://example.org/a b>c", None),
    ],
)
def test_only_web_addresses_become_links_and_keep_their_characters(
    write_article, fake_embedder, url, link
):
    path = write_article("a.md", f"---\nurl: {json.dumps(url)}\n---\n{STORY}")
    briefing = synth.brief([path], embedder=fake_embedder)
    md = render(briefing, "md")
    (sources_line,) = [line for line in md.splitlines() if line.startswith("- [1]")]
    if link is None:
        assert re.search(r"<[a-zA-Z]+:", sources_line) is None, sources_line
        if not url.startswith("https:"):
            assert 'href="#"' in render(briefing, "html")
    else:
        assert link in sources_line


def test_bidi_overrides_are_removed_from_text_and_names(tmp_path, fake_embedder):
    override = "\u202e"
    name = tmp_path / f"evil{override}txt.md"
    name.write_text(STORY.replace("queues", f"queues{override}\u2066 reversed\u2069"))
    briefing = synth.brief([name], embedder=fake_embedder)
    for fmt in ("md", "html"):
        output = render(briefing, fmt)
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", output), fmt
        assert "queues reversed" in output or "queues  reversed" in output
    data = render(briefing, "json")
    assert override not in data and "\\u202e" in data
    assert json.loads(data) == briefing.to_dict()


def test_a_section_without_a_heading_reads_on_from_the_lede_in_every_format(seeds_briefing):
    from dataclasses import replace

    sections = seeds_briefing.sections
    assert sections
    unnamed = replace(seeds_briefing, sections=(replace(sections[0], label=None), *sections[1:]))
    md = render(unnamed, "md")
    first = escape_markdown(sections[0].points[0].point.text)
    before = md[: md.index(first)]
    assert "## " not in before.split("\n\n", 2)[-1]  # no heading between the lede and it
    assert "None" not in md
    html = render(unnamed, "html")
    assert '<section aria-label="More points">' in html and '<h2 id="section-1">' not in html
    assert json.loads(render(unnamed, "json"))["sections"][0]["label"] is None
    full = render(unnamed, "md", appendix=True)
    assert "| More points |" in full

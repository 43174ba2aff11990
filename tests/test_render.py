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


@pytest.mark.slow
def test_appendix_is_off_by_default_in_markdown(seeds_briefing):
    plain = render(seeds_briefing, "md")
    full = render(seeds_briefing, "md", appendix=True)
    for heading in ("## Key quotes", "## Key figures", "## Coverage", "Only in ["):
        assert heading not in plain and heading in full
    assert "## Sources" in plain


@pytest.mark.slow
def test_html_keeps_the_appendix_collapsed_and_json_keeps_everything(seeds_briefing):
    html = render(seeds_briefing, "html")
    assert '<details class="appendix"' in html and "<details open" not in html
    appendix = html.index('<details class="appendix"')
    assert appendix < html.index('id="coverage"') < html.index("</details>", appendix)
    data = json.loads(render(seeds_briefing, "json"))
    assert data["quotes"] and data["figures"] and data["coverage"]["sources"]


@pytest.mark.slow
def test_the_page_opens_with_a_lede_and_no_point_is_printed_twice(seeds_briefing):
    md = render(seeds_briefing, "md")
    assert 2 <= len(seeds_briefing.lede) <= 3
    texts = [p.point.text for p in seeds_briefing.ranked_points]
    assert len(texts) == len(set(texts))
    for text in texts:
        assert md.count(escape_markdown(text)) == 1, text
    assert "## Key points" not in md
    assert md.split("\n\n")[1].startswith(escape_markdown(seeds_briefing.lede[0].point.text))


@pytest.mark.slow
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


# ==== Tags and notices: only what tells a reader something


def _made_up_briefing(certainty, sources, differences=(), omitted=0):
    """One made-up point with `certainty`, cited by every source in `sources`."""
    from synth.core import Briefing, Evidence, Point, RankedPoint, Section

    text = "The ferry to Vlieland ran again on Tuesday after the storm."
    ids = tuple(s.id for s in sources)
    evidence = tuple(Evidence(i, 0, len(text), text) for i in ids)
    point = Point(1, (0,), text, ids, evidence)
    ranked = RankedPoint(1, point, 1.0, certainty)
    section = Section("Ferries", (ranked,))
    return Briefing("Ferry runs again", tuple(sources), (section,), omitted, tuple(differences))


def _source(number, label, outlet=None, report=0):
    from synth.core import Source

    text = "The ferry to Vlieland ran again on Tuesday after the storm."
    return Source(number, f"{number}.txt", text, label, outlet=outlet, report=report)


def _bullet(md):
    return next(line for line in md.splitlines() if line.startswith("- The ferry"))


def test_a_point_from_one_report_has_no_tag_but_json_keeps_its_certainty():
    from synth.core import Certainty

    briefing = _made_up_briefing(Certainty("single", "one report", 1), [_source(1, "AFP", "AFP")])
    assert _bullet(render(briefing, "md")).endswith("[1]")
    html = render(briefing, "html")
    assert "one report" not in html and 'class="certainty' not in html
    point = json.loads(render(briefing, "json"))["sections"][0]["points"][0]
    assert point["certainty"] == "single" and point["certainty_label"] == "one report"


def test_a_claim_that_its_own_words_mark_has_no_tag():
    from synth.core import Certainty

    claim = Certainty("claim", "reported as a claim by Smith", 1)
    briefing = _made_up_briefing(claim, [_source(1, "AFP", "AFP")])
    assert "claim" not in render(briefing, "md").split("## Sources")[0]


def test_independent_outlets_are_named_where_each_has_a_name():
    from synth.core import Certainty

    sources = [_source(1, "AFP", "AFP"), _source(2, "Reuters", "Reuters")]
    briefing = _made_up_briefing(Certainty("confirmed", "confirmed by 2 reports", 2), sources)
    assert _bullet(render(briefing, "md")).endswith("[1][2] *(reported by AFP and Reuters)*")
    assert ">reported by AFP and Reuters</span>" in render(briefing, "html")


def test_a_bare_count_of_outlets_is_no_tag_and_copies_of_one_report_count_once():
    from synth.core import Certainty
    from synth.read.label import UNKNOWN_OUTLET

    unnamed = [_source(1, UNKNOWN_OUTLET), _source(2, "AFP", "AFP")]
    confirmed = Certainty("confirmed", "confirmed by 2 reports", 2)
    md = render(_made_up_briefing(confirmed, unnamed), "md")
    assert _bullet(md).endswith("[1][2]")  # the marks already count them
    # [1] and [2] ran one wire story; [3] is a second report: two reports, named once each
    copies = [_source(1, "AP", "AP"), _source(2, "AP", "AP", report=1), _source(3, "BBC", "BBC")]
    md = render(_made_up_briefing(confirmed, copies), "md")
    assert _bullet(md).endswith("*(reported by AP and BBC)*")
    # two reports of one outlet confirm nothing a reader can weigh: no tag
    same = [_source(1, "AP", "AP"), _source(2, "AP", "AP")]
    assert _bullet(render(_made_up_briefing(confirmed, same), "md")).endswith("[1][2]")
    # a third report that confirms in a sentence of its own is not cited: the tag names the two
    three = Certainty("confirmed", "confirmed by 3 reports", 3)
    md = render(_made_up_briefing(three, [_source(1, "AFP", "AFP"), _source(2, "AP", "AP")]), "md")
    assert _bullet(md).endswith("*(reported by AFP and AP)*")
    cited_once = _made_up_briefing(Certainty("confirmed", "", 2), [_source(1, "AFP", "AFP")])
    assert _bullet(render(cited_once, "md")).endswith("[1]")


def test_a_disputed_point_says_what_outlets_differ_on_and_links_to_it():
    from synth.core import Certainty, Difference, Evidence, Variant

    sources = [_source(1, "AFP", "AFP"), _source(2, "Reuters", "Reuters")]
    first, second = (Evidence(1, 0, 5, "The f"),), (Evidence(2, 0, 5, "The f"),)
    variants = (Variant("40", (1,), first), Variant("45", (2,), second))
    difference = Difference("figure", "Passengers on board", variants)
    disputed = Certainty("disputed", "disputed: see differences", 2, 0)
    briefing = _made_up_briefing(disputed, sources, [difference])
    assert _bullet(render(briefing, "md")).endswith("*(outlets differ: Passengers on board)*")
    html = render(briefing, "html")
    assert 'href="#difference-1"' in html and ">outlets differ: Passengers on board</a>" in html


def test_points_left_out_are_never_in_the_markdown_and_one_line_at_the_end_of_html():
    from synth.core import Certainty

    briefing = _made_up_briefing(Certainty(), [_source(1, "AFP", "AFP")], omitted=7)
    md = render(briefing, "md")
    assert "--max-words" not in md and "not shown" not in md
    from synth.read.own import MARKDOWN_MARK, own_output

    assert MARKDOWN_MARK not in md  # a terminal shows the comment: recognised by its shape
    assert own_output(md) == "a briefing synth wrote"
    assert "left out" not in md and "7 more" not in md  # the command line says it on stderr
    assert "1 source" not in md and "point" not in md.split("## ")[0]  # no counts line
    html = render(briefing, "html")
    assert "7 more points left out for length." in html.split('id="sources"')[1]
    assert "7 more" not in html.split("</header>")[0]


# ==== Markdown: escape only what would change the structure


@pytest.mark.parametrize(
    "text",
    [
        "[Ambassador Reyes] added that the talks would go on.",
        "The file_name and max_value fields of ship_log were empty.",
        "The ferry's captain said it's the crew's call.",
        "Shares of Acme & Sons and Q&A rose; 5 < 6 > 4 and 3 * 2.",
        "The lyrics go “stay, stay” and ‘go’ — and #Ferries2024 trended.",
        "Twenty-five years -- and -- he said _ the storm.",
    ],
)
def test_plain_text_shows_without_escapes(text):
    assert escape_markdown(text) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[ferry](javascript:alert(1))", "[ferry\\](javascript:alert(1))"),
        ("[a][b] and [c]: http://x", "[a\\][b] and [c\\]: http://x"),
        ("a *loud* claim", "a \\*loud\\* claim"),
        ("__init__ runs", "\\_\\_init\\_\\_ runs"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("`rm` it", "\\`rm\\` it"),
        ("<b>bold</b>", "&lt;b>bold&lt;/b>"),
        ("AT&amp;T", "AT\\&amp;T"),
        ("# Headline", "\\# Headline"),
        ("- item", "\\- item"),
        ("> quoted", "\\> quoted"),
        ("1998. The year", "1998\\. The year"),
        ("Ferries #", "Ferries \\#"),
        ("a | b", "a \\| b"),
        ("a back\\*slash", "a back\\\\\\*slash"),
    ],
)
def test_what_would_change_markdown_is_escaped(text, escaped):
    assert escape_markdown(text) == escaped


SPECIALS = [*"ab _*~`[]()<>&#!:|\\-+=.1;", "amp;", "http://x", "![", "](", "#38;", "\n"]
CONTEXTS = (
    "{x}\n",
    "- {x} [1]\n",
    "# {x}\n",
    "- [1] **{x}** (`a.txt`)\n",
    "| Source | A |\n|---|---:|\n| {x} | 1 |\n",
    "Text {x} [1] *(reported by 2 outlets)*\n",
)


def test_escaped_text_renders_as_itself_wherever_the_templates_put_it():
    """A CommonMark renderer (with GFM tables and strikethrough) shows any text exactly as
    written, in each place a template puts text: no link, emphasis, code, tag or block."""
    import html
    import random

    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    generator = random.Random(23)
    for _ in range(3000):
        text = "".join(generator.choice(SPECIALS) for _ in range(generator.randint(1, 12)))
        flat = " ".join(text.split())
        if not flat:
            continue
        for context in CONTEXTS:
            page = parser.render(context.format(x=escape_markdown(text)))
            assert html.escape(flat, quote=False) in page, (text, context, page)


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


def test_sources_of_no_named_outlet_share_one_line_and_runs_of_marks_are_ranges():
    from synth.write.source_list import _common_folder, cite_runs

    assert cite_runs([1, 2, 3, 4, 7]) == "[1]–[4][7]"
    assert cite_runs([2, 3]) == "[2][3]"
    assert cite_runs([5]) == "[5]"
    assert _common_folder(["feed/day/a.txt", "feed/day/b.txt"]) == "feed/day/"
    assert _common_folder(["a.txt", "feed/b.txt"]) == ""
    assert _common_folder(["https://x.org/a", "https://x.org/b"]) == ""
    assert _common_folder(["/abs/a.txt", "rel/b.txt"]) == ""


def test_markdown_of_people_that_ends_with_sources_is_not_taken_for_synths():
    from synth.read.own import own_output

    notes = "# Harbour notes\n\nThe port reopened.\n\n## Sources\n\n- [1] Reuters\n- [2] AP\n"
    assert own_output(notes) is None
    line = "- [{0}] **AP** — first words “The port …” (`feed/{0}.txt`)\n"
    long = "# Port reopens\n\n" + "Text. " * 900 + "\n\n## Sources\n\n"
    long += "".join(line.format(k) for k in range(1, 80))
    assert own_output(long) == "a briefing synth wrote"  # the heading is out of reach
    assert own_output(long.replace("(`feed/79.txt`)", "and more")) is None


def test_the_shared_sources_line_shows_whole_file_names_under_an_untidy_folder():
    from dataclasses import replace

    from synth.write.source_list import _shared_line

    paths = {1: "./news/a.txt", 2: "news//b.txt"}
    untidy = [replace(_source(k, "Unknown outlet"), path=p) for k, p in paths.items()]
    line = _shared_line(untidy)
    assert line.folder == "news/" and line.paths == ("a.txt", "b.txt")

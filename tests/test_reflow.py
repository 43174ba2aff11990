"""Hard-wrapped text reads as the same paragraphs, sentences and points as unwrapped text.

The wrapping tests re-wrap whole articles with textwrap at several widths and styles and ask
for the same briefing: they hold whatever the articles say, so they cannot be tuned to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import synth
from synth.core import Source
from synth.evaluate.rewrap import STYLES, rewrap
from synth.read.clean import clean_text
from synth.read.reflow import flat_text, flatten, paragraphs
from synth.read.segment import segment_sources
from tests.conftest import ALEPPO

WIDTHS = (60, 72, 80)

# Two articles laid out as scraped news often is: a headline and a byline over paragraphs
# parted by blank lines that start with a space, hyphenated words, dashes and quotes.
HARBOUR = (
    "\n\n".join(
        [
            "Harbour Workers End Three-Week Strike After Pay Deal",
            "By A. Writer",
            " The port of Norhaven reopened on Thursday after dock workers accepted a pay "
            "offer that ends a three-week strike, the longest at the port in forty years, "
            "union officials said.",
            " Ships that had waited off the coast for days began to berth in the early "
            "afternoon, and the harbour master said the backlog of container traffic would "
            "take about ten days to clear.",
            ' "We have won a fair deal for people who keep this country supplied," said Mara '
            "Quill, the union's regional secretary -- a long-time critic of the port's owners"
            " -- in a statement.",
            " The agreement raises pay by 6.5 per cent this year and by another 4 per cent "
            "next year, and it caps the length of night shifts at ten hours.",
            " Businesses in Norhaven said the dock strike had cost them well over two million "
            "in lost trade, and several smaller importers had moved their cargo to ports "
            "further south.",
            " The Norhaven port authority's chief executive, who had called the union's "
            "demands unaffordable, said the Norhaven pay settlement was "
            '"a sensible compromise that protects long-term jobs."',
        ]
    )
    + "\n"
)

VALLEY = (
    "\n\n".join(
        [
            "Flood Warnings Lifted Across The Valley As River Falls",
            " Authorities lifted flood warnings for most of the Elm Valley on Thursday as the "
            "Elm River fell below its banks for the first time in a week, the regional emergency "
            "agency said.",
            " About 1,200 Elm Valley residents who left their homes over the weekend were "
            "allowed to return, although officials warned that some roads remained closed and that "
            "drinking water should be boiled.",
            " The dock workers' strike at the port of Norhaven ended on Thursday as well, "
            "freeing supply ships that had carried sandbags and bottled water for the flooded"
            " towns.",
            " Engineers will inspect the Elm River levees next week, and the emergency agency "
            "said a well-known weak point near the old mill had held despite the pressure "
            "of the water.",
            " Elm Valley farmers said the week's floods had ruined much of the spring "
            "planting, and the regional government promised an aid package worth several "
            "million to cover their losses.",
        ]
    )
    + "\n"
)


def points_of(folder: Path, embedder) -> list[str]:  # type: ignore[no-untyped-def]
    briefing = synth.brief([folder], embedder=embedder)
    return [p.point.text for p in briefing.ranked_points]


def write_cluster(folder: Path, articles: dict[str, str], width: int = 0, style: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(rewrap(text, width, style) if width else text, "utf-8")
    return folder


def aleppo_articles() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ALEPPO.glob("*.txt"))}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_seeds_give_the_same_points(tmp_path, fake_embedder, width, style):
    articles = aleppo_articles()
    expected = points_of(write_cluster(tmp_path / "plain", articles), fake_embedder)
    wrapped = write_cluster(tmp_path / "wrapped", articles, width, style)
    assert expected and points_of(wrapped, fake_embedder) == expected


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_news_articles_give_the_same_points(tmp_path, fake_embedder, width, style):
    articles = {"harbour.txt": HARBOUR, "valley.txt": VALLEY}
    expected = points_of(write_cluster(tmp_path / "plain", articles), fake_embedder)
    wrapped = write_cluster(tmp_path / "wrapped", articles, width, style)
    assert len(expected) >= 5 and points_of(wrapped, fake_embedder) == expected


def test_a_wrapped_paragraph_is_one_block_spanning_its_lines():
    text = rewrap(HARBOUR, 60, "blank")
    cleaned = clean_text(text)
    first = next(text[a:b] for a, b in cleaned.blocks if "Norhaven reopened" in text[a:b])
    assert "\n" in first
    assert flat_text(first) == HARBOUR.splitlines()[4].strip()
    assert cleaned.headline == "Harbour Workers End Three-Week Strike After Pay Deal"


def test_sentences_of_wrapped_text_are_exact_slices_with_flat_text():
    text = rewrap(HARBOUR, 60, "tight")
    source = Source(1, "a", text, "a", blocks=clean_text(text).blocks)
    sentences = segment_sources([source])
    plain = Source(1, "a", HARBOUR, "a", blocks=clean_text(HARBOUR).blocks)
    assert [s.text for s in sentences] == [s.text for s in segment_sources([plain])]
    for sentence in sentences:
        assert flat_text(text[sentence.start : sentence.end]) == sentence.text
    assert any("\n" in text[s.start : s.end] for s in sentences)


def test_a_word_broken_at_its_hyphen_or_a_dash_joins_without_a_space():
    assert flat_text("a long-\nterm plan") == "a long-term plan"
    assert flat_text("the al-\nRashid road") == "the al-Rashid road"
    assert flat_text("he said--\nand left") == "he said--and left"
    assert flat_text("he said\n--and left") == "he said--and left"
    assert flat_text("in 2019 -\nthe year") == "in 2019 - the year"
    assert flat_text("it was\n  the end") == "it was the end"


def test_flat_offsets_map_back_to_the_raw_text():
    raw = "The  first\n   line-\nbreak and\tmore"
    flat = flatten(raw)
    assert flat.text == "The first line-break and more"
    for index, char in enumerate(flat.text):
        if char != " ":
            assert raw[flat.raw(index)] == char
    assert raw[flat.raw(4) : flat.raw_end(len(flat.text))] == raw[5:]


def test_unwrapped_text_is_left_line_by_line():
    menu = "\n".join(
        [
            "Markets fall as oil prices rise on supply fears",
            "Council approves new budget for city schools",
            "Storm brings heavy snow to northern counties",
            "Museum reopens after two years of restoration",
        ]
    )
    assert len(paragraphs(menu)) == 4
    for path in sorted(ALEPPO.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert len(paragraphs(text)) == len([line for line in text.splitlines() if line.strip()])


def test_an_unwrapped_header_over_a_wrapped_body():
    header = (
        "Dock strike ends\n"
        "Published 12 May 2022, updated with the union's statement and the owners' reply\n"
    )
    body = rewrap(HARBOUR.split("\n\n", 2)[2], 64, "tight")
    found = [p.text for p in paragraphs(header + body)]
    assert found[:2] == header.splitlines()
    assert found[2].startswith("The port of Norhaven reopened on Thursday")
    assert found[2].endswith("union officials said.")


def test_wire_indented_paragraphs_split_at_each_indent():
    text = rewrap(VALLEY, 70, "indented")
    found = [p.text for p in paragraphs(text)]
    assert found == [" ".join(line.split()) for line in VALLEY.splitlines() if line.strip()]


def test_trailing_space_wrapping():
    text = rewrap(VALLEY, 66, "flowed")
    assert " \n" in text
    found = [p.text for p in paragraphs(text)]
    assert found == [" ".join(line.split()) for line in VALLEY.splitlines() if line.strip()]

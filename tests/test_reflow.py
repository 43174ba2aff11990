"""Hard-wrapped text reads as the same paragraphs, sentences and points as unwrapped text.

The wrapping tests re-wrap whole articles with textwrap at several widths and styles and ask
for the same briefing: they hold whatever the articles say, so they cannot be tuned to them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import synth
from synth.core import Source
from synth.evaluate.rewrap import STYLES, rewrap
from synth.read.clean import clean_text, stands_apart
from synth.read.reflow import flat_text, flatten, paragraphs
from synth.read.segment import segment_sources
from synth.read.sources import text_article, to_source
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


@pytest.mark.slow
def _known_narrow_wrap_gap(request, width, style, styles):
    """A known gap, open in the issue tracker's notes: at 60 columns the event-first lede
    (articles' leads) picks other points than the unwrapped text gives. Strict, so the mark
    must go the day it is fixed."""
    if width == 60 and style in styles:
        reason = "60-column wraps change which lead opens the briefing (known, to fix)"
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_seeds_give_the_same_points(request, tmp_path, fake_embedder, width, style):
    _known_narrow_wrap_gap(request, width, style, {"blank", "tight", "indented", "flowed"})
    articles = aleppo_articles()
    expected = points_of(write_cluster(tmp_path / "plain", articles), fake_embedder)
    wrapped = write_cluster(tmp_path / "wrapped", articles, width, style)
    assert expected and points_of(wrapped, fake_embedder) == expected


@pytest.mark.slow
@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_news_articles_give_the_same_points(request, tmp_path, fake_embedder, width, style):
    _known_narrow_wrap_gap(request, width, style, {"tight", "indented"})
    articles = {"harbour.txt": HARBOUR, "valley.txt": VALLEY}
    expected = points_of(write_cluster(tmp_path / "plain", articles), fake_embedder)
    wrapped = write_cluster(tmp_path / "wrapped", articles, width, style)
    assert expected and points_of(wrapped, fake_embedder) == expected
    for text in articles.values():  # every sentence, not only the few shown as points
        assert read_article(rewrap(text, width, style)) == read_article(text)


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


# Short pieces too short to show a wrap width, furniture-shaped wrapped lines, link lists and
# a quotation left open over sentence ends: made-up texts of the kinds that still differed
# on the development set, held to the same test at every width and style.
SHORT = (
    "Posted on 3 March 2021\n\n"
    "Founded in 1987, the river festival is now 34 years old and still growing! Who could "
    "imagine a spring without the lantern parade, the brass bands and the night market?\n"
)

ARCHIVE = (
    "Reading is remembering\n\n"
    "The home of over 2.4 million scanned pages of The Valley Courier and Valley Evening Star "
    "print editions\n\n"
    "Search and browse our historical collection to find reports, notices of weddings and "
    "funerals, farm prices, cartoons, and much more\n\n"
    "Dates range from 1871 to today for The Valley Courier and 1948 to today for the Valley "
    "Evening Star\n"
)

LINKS = (
    "Published on Jun 2, 2020\n\n"
    "Watch the first trailer for The Lantern Keepers, in cinemas from the first week of "
    "December.\n\n"
    "Visit The Lantern Keepers at http://www.lanternkeepers.example\n\n"
    "Subscribe to The Lantern Keepers on its video channel at "
    "http://video.example/lanternkeepers\n\n"
    "Like The Lantern Keepers on the social site at http://social.example/lk\n\n"
    "Follow The Lantern Keepers on the photo site at http://photos.example/lk\n\n"
    "Follow The Lantern Keepers on the picture board at http://board.example/lk\n\n"
    "Follow The Lantern Keepers on the blog at http://lanternkeepers.blog.example/\n"
)

STORY = (
    "Council Delays Vote On Bridge Repairs\n\n"
    "The town council on Tuesday put off a vote on repairing the old stone bridge, the third "
    "delay since the spring, after engineers asked for more time to study the first- and "
    "second-floor supports of the mill beside it.\n\n"
    "\u201cThey told us in January the work would start before the summer,\u201d said Ada "
    "Lindqvist, who runs the bakery by the bridge. \u201c[The council] keeps saying the money "
    "is there, but every month there is another study. I hope they decide soon.\u201d\n\n"
    "Residents who use the bridge every day said they were tired of waiting (traffic, "
    'deliveries, school buses, "the whole town," as one put it, and the market traders.) '
    'It was a long spring. They want an answer!" one trader wrote in a letter to the mayor.\n\n'
    "Posted by riverwatcher, June 3, 2021, 09:14:22 AM: I'd cross on foot if the railings "
    "were fixed, and I know many neighbours who would do the same with their children.\n\n"
    "The mayor said the delay was not about money. We were close to a deal, she said, but the "
    "engineers were worried."
    '"I thought the report was finished by then and the vote was a formality. Then the '
    "second survey came back and we were all surprised. It was a shock. The numbers changed "
    "overnight and nobody could explain it. That was the end of the plan. They said the "
    'stones were sound but the piers were not."The council meets again on the first Monday '
    "of next month at 7pm in the town hall.\n\n"
    "Engineers will take core samples from the piers next week, and a pre- or post-flood "
    "survey of the riverbed is also planned, the council said in a statement.\n"
)


def read_article(text: str) -> tuple[str | None, list[str]]:
    """Whether the article is skipped, and the text of every sentence it gives."""
    source = to_source(1, text_article(text, "article.txt"))
    return source.skipped, [s.text for s in segment_sources([source])]


@pytest.mark.parametrize("article", [SHORT, ARCHIVE, LINKS, STORY])
def test_wrapping_changes_no_sentence_of_short_pages_links_and_open_quotes(article):
    expected = read_article(article)
    assert expected[0] is None and expected[1]
    for style in STYLES:
        for width in WIDTHS:
            assert read_article(rewrap(article, width, style)) == expected, (style, width)


def test_a_short_text_broken_mid_sentence_joins_without_a_width():
    broken = [
        "Founded in 1987, the festival is now 34 years old and still growing! Who\ncould "
        "imagine a spring without it?",
        "Search our collection to find reports, notices of weddings and the\nFarm Prices "
        "pages, and much more",
        "Search our collection to find reports, notices of weddings and funerals,\nFarm "
        "Prices pages, and much more",
        "Mr. Lind has a lot of explaining to do, he wrote.https://files.example/report\n"
        ".pdf?download=1 plus more",
    ]
    for text in broken:
        assert [p.text for p in paragraphs(text)] == [flat_text(text)]
    apart = [
        "Harbour workers end three-week strike after pay deal\nThe port reopened on Thursday.",
        "Follow the festival at http://festival.example/photos\nFollow us on the blog",
        "Markets fall as oil prices rise on supply fears\nCouncil approves budget for schools",
    ]
    for text in apart:
        assert len(paragraphs(text)) == 2


def test_a_wrapped_line_shaped_like_furniture_stays_in_its_paragraph():
    bracketed = (
        "Residents of both banks said on Wednesday they were tired of waiting\n"
        "(traffic, deliveries, school buses, the market and the ferry traders.)\n"
        "It was a long spring for all of them, one trader wrote in a letter to\n"
        "the mayor, and the summer would be longer than anyone had feared.\n"
    )
    dated = (
        "Posted by a reader who signs as riverwatcher on the town forum, on\n"
        "June 3, 2021, 09:14:22 AM: I would cross on foot if the railings\n"
        "were fixed, and many neighbours would do the same with their\n"
        "children.\n"
    )
    quoted = (
        "\u201cThey told us in January the work would start before the summer,\u201d\n"
        "said Ada Lindqvist, who runs the bakery by the bridge. \u201c[The council]\n"
        "keeps saying the money is there, but every month there is another\n"
        "study. I hope they decide soon.\u201d\n"
    )
    for text in (bracketed, dated, quoted):
        assert any(stands_apart(line) for line in text.splitlines())
        assert [p.text for p in paragraphs(text, apart=stands_apart)] == [flat_text(text)]
    # a credited caption over a wrapped story still stands apart from the line under it
    caption = "Smoke rises over the old town after the fire at the mill [Agency]\n"
    found = paragraphs(caption + rewrap(VALLEY.split("\n\n", 1)[1], 64, "tight"), 0, stands_apart)
    assert found[0].text == caption.strip()
    assert found[1].text.startswith("Authorities lifted flood warnings")


def test_a_list_of_links_is_not_one_paragraph():
    text = rewrap(LINKS, 60, "tight")
    found = [p.text for p in paragraphs(text)]
    assert "Follow The Lantern Keepers on the blog at http://lanternkeepers.blog.example/" in found


def test_breaks_inside_words_and_after_suspended_hyphens():
    assert flat_text("the first-\nand second-degree charges") == (
        "the first- and second-degree charges"
    )
    assert flat_text("a pre-\nor post-flood survey") == "a pre- or post-flood survey"
    assert flat_text("a face-\nto-face meeting") == "a face-to-face meeting"
    assert flat_text("the rock-\nand-roll band") == "the rock-and-roll band"
    # textwrap cuts a word longer than a line (a link) where the line ends
    assert flat_text("see http://files.example/report\n.pdf?download=1 now") == (
        "see http://files.example/report.pdf?download=1 now"
    )
    assert flat_text("at www.example\n.com/page") == "at www.example.com/page"
    assert flat_text("a gun, a\n.40-caliber pistol") == "a gun, a .40-caliber pistol"
    link = "http://files.example/reports/2021/Executive%20Summary.pdf?dl=0"
    cut = textwrap.fill(f"The summary is online, he wrote: {link} and more to come.", 40)
    assert cut.splitlines()[1:] == [
        "files.example/reports/2021/Executive%20S",
        "ummary.pdf?dl=0 and more to come.",
    ]
    assert flat_text(cut) == f"The summary is online, he wrote: {link} and more to come."
    assert flat_text("the report at http://files.example/a\nsaid more") == (
        "the report at http://files.example/a said more"
    )
    assert flat_text("the end.\n(Reuters)") == "the end. (Reuters)"
    assert flat_text("he said\n... and left") == "he said ... and left"
    assert flat_text("the family\n...confirms") == "the family ...confirms"


def test_a_stray_space_after_a_hyphen_reads_as_the_wrapped_word():
    # A wrapper leaves "ex-" / "wife" whether the text had "ex-wife" or a typo "ex- wife":
    # both read as one word, so the wrapped and unwrapped texts read the same.
    assert flatten("Her ex- wife said so.").text == "Her ex-wife said so."
    assert flatten("Her ex-\nwife said so.").text == "Her ex-wife said so."
    assert flatten("first- and second-degree burns").text == "first- and second-degree burns"


def test_a_whole_link_on_its_own_line_does_not_swallow_the_next_word():
    text = (
        "The full report, published on Monday, is available at\n"
        "https://www.example.org/reports/2024/annual-summary-final.pdf\n"
        "and runs to 300 pages.\n"
    )
    assert "pdf and runs" in flatten(text).text
    # textwrap cuts a link longer than the line where the line is full
    cut = "The report is at\nhttps://www.example.org/reports/annual-summ\nary.pdf for all.\n"
    assert "annual-summary.pdf for all" in flatten(cut).text


def ragged_wrap(paragraph: str, seed: int) -> list[str]:
    """A paragraph broken as some newswire archives are: each line ends after the first word
    that takes it past its own width, anywhere from 62 to 70 columns, so no one width
    explains every break (the next word often would have fitted)."""
    import random

    widths = random.Random(seed)
    lines: list[str] = []
    target = 0
    for word in paragraph.split():
        if lines and len(lines[-1]) < target:
            lines[-1] += " " + word
        else:
            lines.append(word)
            target = widths.randint(62, 70)
    return lines


WIRE = [
    "A storm that flooded the harbour district of Norhaven on Tuesday forced the closure of "
    "the port and the evacuation of some 2,000 residents, city officials said. Rescue teams "
    "worked through the night to reach families trapped in low-lying streets near the river "
    "mouth, and the regional government asked the army for boats and trucks.",
    "Mayor Ilse Carrow said the water had risen faster than in any storm since records "
    "began, and that the sea wall built after the floods of the last decade had held in "
    "most places. Damage to the ferry terminal was still being assessed by engineers on "
    "Wednesday, and North Sea Lines said crossings would resume on Friday at the earliest.",
]


@pytest.mark.parametrize("seed", range(8))
def test_a_ragged_wrap_reads_as_the_same_sentences(seed):
    """Lines filled to different widths (no blank lines, no indents, as in wire archives)
    still join into their paragraphs: no sentence is cut at a line end."""
    plain = "\n".join(WIRE) + "\n"
    wrapped = "\n".join(line for p in WIRE for line in ragged_wrap(p, seed)) + "\n"
    expected = [s.text for s in segment_sources([to_source(1, text_article(plain, "a.txt"))])]
    source = to_source(1, text_article(wrapped, "a.txt"))
    assert [s.text for s in segment_sources([source])] == expected


# Wire copy as archives wrap it (`ragged_wrap`): no blank lines, and a first line that goes
# on into the second, which opens on a name.
STORY = (
    "Authority, whose records on the storm the port may not keep from the public, the "
    "judges ruled. The ruling can be appealed within thirty days, and the authority said "
    "it would study it before deciding what to do. The records cover the three days before "
    "the flood, when engineers warned that the sea wall near the ferry terminal was weaker "
    "than the plans had shown. " + " ".join(WIRE)
)
FIRST_LINES = [
    "A panel of judges in Norhaven on Tuesday ordered the release of Harbour",
    "Facing its first test in court, the port of Norhaven lost to Harbour",
    "Judges ordered the port to publish what it knew on Tuesday to Harbour",
]


@pytest.mark.parametrize("first", FIRST_LINES)
def test_a_wrapped_first_line_is_never_a_headline(first):
    text = "\n".join([first, *ragged_wrap(STORY, 1)]) + "\n"
    source = to_source(1, text_article(text, "a.txt"))
    assert source.title is None
    assert flat_text(source.text[slice(*source.blocks[0])]).startswith(first + " Authority,")


@pytest.mark.parametrize(
    "headline", ["Court Orders Port To Release Storm Records", "Court orders port records out"]
)
def test_a_headline_over_wire_copy_stays_a_headline(headline):
    text = "\n".join([headline, *ragged_wrap("The harbour " + STORY, 1)]) + "\n"
    assert to_source(1, text_article(text, "a.txt")).title == headline

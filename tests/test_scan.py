"""Headlines as a digest's index shows them: normal case, and short enough to scan."""

from __future__ import annotations

from synth.write.scan import INDEX_WORDS, SLACK, casing, cut, recase, shouting

ARTICLE = (
    "Russia said on Thursday that the Syrian army had halted its attacks in Aleppo. "
    "NATO officials in Brussels welcomed the news, and the U.S. State Department said it "
    "would watch the army closely. Officials of NATO met on Friday.\n"
    "The army said the halt would last."
)


def test_a_headline_in_capitals_takes_its_articles_casing():
    shapes = casing([ARTICLE])
    headline = "RUSSIA SAYS SYRIAN ARMY HALTS ALEPPO ATTACKS; NATO, U.S. WELCOME IT"
    assert recase(headline, shapes) == (
        "Russia says Syrian army halts Aleppo attacks; NATO, U.S. welcome it"
    )


def test_a_word_opening_a_sentence_is_no_evidence_of_its_case():
    # "The" and "Officials" only ever open a sentence: lower case in the headline.
    shapes = casing([ARTICLE])
    assert "officials" not in shapes or shapes["officials"] == "lower"
    assert recase("THE OFFICIALS OF NATO", shapes) == "The officials of NATO"


def test_a_colon_starts_again_and_unknown_words_are_lower_case():
    assert recase("TRUMP: WALL WILL BE BUILT", {}) == "Trump: Wall will be built"


def test_a_headline_not_in_capitals_is_left_as_written():
    for headline in ("Russia Says Syrian Army Halts", "NATO meets in Brussels", "US"):
        assert not shouting(headline) or headline == "US"
        assert recase(headline, {}) == headline


def test_a_long_headline_is_cut_at_a_phrase_end_in_its_last_third():
    headline = (
        "According to the United Nations Environment Programme (UNEP), Brazil generates the "
        "greatest amount of electronic waste (e-waste) per capita among emerging nations"
    )
    shown = cut(headline)
    assert shown == (
        "According to the United Nations Environment Programme (UNEP), Brazil generates the "
        "greatest amount\u00a0…"
    )
    assert len(shown.split()) - 1 <= INDEX_WORDS


def test_a_cut_prefers_a_comma_and_never_ends_on_a_function_word():
    headline = (
        "Officials in the port city said late on Monday that the old bridge, which opened in "
        "1962, had failed two inspections before it fell"
    )
    shown = "Officials in the port city said late on Monday that the old bridge\u00a0…"
    assert cut(headline) == shown
    text = "one two three four five six seven eight nine ten eleven twelve thirteen the four"
    words = [*text.split(), "fifteen", "sixteen", "seventeen"]
    assert words[INDEX_WORDS - 1] == "the"
    assert cut(" ".join(words)) == " ".join(words[:13]) + "\u00a0…"


def test_a_headline_near_the_limit_is_shown_whole():
    headline = " ".join(["word"] * (INDEX_WORDS + SLACK))
    assert cut(headline) == headline


def test_the_index_shows_headlines_recased_and_cut_and_keeps_them_whole_elsewhere(
    fake_embedder,
):
    from dataclasses import replace

    from synth.core import Story
    from synth.write.digest_files import index_data, render_index, shown_headlines
    from tests.conftest import briefing_of_lines

    lines = "NATO officials met in Brussels on Monday about Kestria.\nThe talks went on late.\n"
    briefing = briefing_of_lines({"a.txt": lines, "b.txt": lines.upper()}, fake_embedder)
    long = " ".join(["Officials said the talks would go on"] * 3)
    stories = [
        Story(1, "story-001", replace(briefing, title="NATO MEETS ON KESTRIA IN BRUSSELS")),
        Story(2, "story-002", replace(briefing, title=long)),
    ]
    data = index_data(stories, [], [])
    html = render_index(data, "html", shown_headlines(stories))
    assert '<a href="story-001.html">NATO meets on Kestria in Brussels</a>' in html
    assert f'<a href="story-002.html" title="{long}">{cut(long)}</a>' in html
    assert [s["headline"] for s in data["stories"]] == [s.briefing.title for s in stories]


def test_a_site_notice_is_listed_under_not_articles_only(tmp_path):
    from synth.digest import digest
    from tests.conftest import FakeEmbedder
    from tests.feeds import write_feed

    feed = write_feed(tmp_path)
    (feed / "notice.txt").write_text(
        "Tweet with a location\n\nYou can add location information to your Tweets, such as "
        "your city or precise location, from the web and via third-party applications. You "
        "always have the option to delete your Tweet location history. Learn more\n"
    )
    digest([str(feed)], tmp_path / "out", embedder=FakeEmbedder(), use_cache=False)
    for name in ("index.md", "index.html"):
        page = (tmp_path / "out" / name).read_text(encoding="utf-8")
        alone, apart = page.split("In no story")[1].split("Not articles")
        assert "notice.txt" not in alone and "notice.txt" in apart
        assert "lone.txt" in alone

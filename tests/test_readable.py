"""Text as a reader sees it: character references decoded and typewriter quotation marks
typographic when an article is read, with offsets that index what synth read."""

from __future__ import annotations

import pytest

from synth.read.quotemarks import quote_spans
from synth.read.readable import readable, readable_text
from synth.read.sources import load_sources


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Shares of Acme &amp; Sons rose.", "Shares of Acme & Sons rose."),
        ("&#8220;We are ready,&#8221; she said.", "“We are ready,” she said."),
        ("The &quot;Blue&quot; line &mdash; closed.", 'The "Blue" line — closed.'),
        ("Lufkin &AMP; Partners", "Lufkin & Partners"),
        ("AT&T; its rival", "AT&T; its rival"),  # no such reference: left as written
        ("a &#7; b &#0; c", "a &#7; b &#0; c"),  # control characters are never produced
        ("line&#13;\nnext", "line \nnext"),  # a reference never adds a line
        ("Tom & Jerry &amp", "Tom & Jerry &amp"),  # incomplete: left as written
    ],
)
def test_character_references_in_plain_text_are_decoded(raw, shown):
    assert readable_text(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("He said ``we will stay,'' and left.", "He said “we will stay,” and left."),
        ("``It is over,'' she said, ``for now.''", "“It is over,” she said, “for now.”"),
        ("``He said `no deal,' and left.''", "“He said ‘no deal,’ and left.”"),
        ("``They told me `never.'''", "“They told me ‘never.’”"),
        ("`the workers' union' said", "‘the workers' union’ said"),
        ("''Gales'' hit the coast", "“Gales” hit the coast"),
        ('``We wait," he said.', "“We wait,” he said."),
        ("It's the '90s, O'Neill's \"band\" said.", "It's the '90s, O'Neill's \"band\" said."),
    ],
)
def test_typewriter_quotation_marks_become_typographic(raw, shown):
    assert readable_text(raw) == shown


def test_a_quote_left_open_ends_at_a_blank_line():
    assert readable_text("``Open\n\nthen 'x' here") == "“Open\n\nthen 'x' here"


def test_offsets_of_the_file_map_to_the_readable_text():
    raw = "Acme &amp; Sons said ``we &#8220;won&#8221;'' on Monday."
    view = readable(raw)
    assert view.text == "Acme & Sons said “we “won”” on Monday."
    for word in ("Acme", "Sons", "said", "we", "won", "on Monday."):
        start = raw.index(word)
        mapped = view.offset(start)
        assert view.text[mapped : mapped + len(word)] == word
    assert view.offset(len(raw)) == len(view.text)
    assert view.offset(raw.index("&amp;") + 2) == view.text.index("&")  # inside: its start


def test_a_reference_that_spells_a_typewriter_mark_is_one_edit():
    view = readable("&#96;&#96;Yes'' he said")
    assert view.text == "“Yes” he said"
    assert view.edits[0] == (0, 10, "“")


def test_sources_are_read_readable_and_evidence_offsets_index_that_text(write_article):
    body = (
        "Officials at Acme &amp; Sons said ``the plant will reopen on Monday after the "
        "repairs are done,'' and workers were told to return.\n"
    )
    path = write_article("a.md", f"---\ntitle: Acme &amp; Sons ``reopen''\n---\n{body}")
    (source,) = load_sources([path], strict=True)
    assert source.title == "Acme & Sons “reopen”"
    assert source.text.startswith("---\ntitle: Acme &amp; Sons")  # front matter as read
    kept = source.text[source.blocks[0][0] : source.blocks[0][1]]
    assert kept.startswith("Officials at Acme & Sons said “the plant will reopen")
    (span,) = quote_spans(source.text, source.blocks)
    assert source.text[span.start : span.end].startswith("the plant will reopen")
    evidence = source.evidence(span.start, span.end)
    assert evidence.text == source.text[evidence.start : evidence.end]


def test_c1_controls_are_the_windows_1252_punctuation_the_writer_typed():
    from synth.read.readable import readable

    view = readable("UPDATE \x97 the mayor\x92s plan\x85 \x93yes\x94 a\x81b")
    assert view.text == "UPDATE — the mayor’s plan… “yes” a b"
    assert view.offset(len("UPDATE \x97 ")) == len("UPDATE — ")


def test_spaces_a_page_left_before_punctuation_are_taken_out():
    from synth.read.readable import readable

    view = readable("said Joe Biden , who wrote in The Post . Then ... and why ?")
    assert view.text == "said Joe Biden, who wrote in The Post. Then ... and why?"
    assert view.offset(len("said Joe Biden , ")) == len("said Joe Biden, ")


def test_newswire_underscore_dash_is_printed_as_a_dash():
    from synth.read.readable import readable

    view = readable("VARNA (AP) _ The debris _ stones, tyres _ lay there. snake_case _x")
    assert view.text == "VARNA (AP) — The debris — stones, tyres — lay there. snake_case _x"


def test_newswire_typewriter_fractions_and_a_dash_at_a_line_end_are_printed():
    from synth.read.readable import readable

    view = readable("a 2 1-2-year-old boy _\nand 3 3-4 miles; scores 1-2 and 2 1-2-3")
    assert view.text == "a 2½-year-old boy —\nand 3¾ miles; scores 1-2 and 2 1-2-3"

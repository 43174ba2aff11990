import pytest

from synth.read.split import split_sentences


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_do_not_split():
    text = "He met U.S. Secretary of State John Kerry on Dec. 8 in Hamburg. They spoke briefly."
    assert pieces(text) == [
        "He met U.S. Secretary of State John Kerry on Dec. 8 in Hamburg.",
        "They spoke briefly.",
    ]


def test_a_name_suffix_inside_a_street_name_does_not_split():
    text = (
        "Police were patrolling near Martin Luther King Jr. Way South around 8 PM. "
        "The crowd honored Martin Luther King Jr. Police kept watch."
    )
    assert pieces(text) == [
        "Police were patrolling near Martin Luther King Jr. Way South around 8 PM.",
        "The crowd honored Martin Luther King Jr.",
        "Police kept watch.",
    ]


def test_a_name_suffix_before_a_sentence_that_opens_on_a_place_word_splits():
    for text in (
        "The award went to Cal Ripken Jr. High winds later closed the park.",
        "They marched on Martin Luther King Jr. Day after day, crowds gathered.",
    ):
        assert len(pieces(text)) == 2, text


def test_quotes_stay_with_their_attribution():
    text = "“We are working on something,” Mr Kerry said after they met. “There is hope.”"
    assert pieces(text) == [
        "“We are working on something,” Mr Kerry said after they met.",
        "“There is hope.”",
    ]


def test_offsets_are_exact_slices():
    text = "  First sentence here.   Second one   follows!  "
    for start, end in split_sentences(text):
        assert text[start:end] == text[start:end].strip()
        assert text[start:end]


@pytest.mark.slow
def test_a_whole_file_on_one_line_is_cut_into_its_sentences():
    from synth.core import Source
    from synth.read.segment import segment_sources

    article = (
        "The port reopened on Monday after a strike, officials said. "
        "Dock workers accepted a pay offer late on Sunday night. "
        "Shipping lines expect the backlog to clear within two weeks. "
    )
    line = article * 3000 + "x" * 5000 + ". A last sentence closes the file here."
    source = Source(1, "a.txt", line, "a", blocks=((0, len(line)),))
    texts = [s.text for s in segment_sources([source])]
    # every sentence once (a source's repeats count once), none longer than a window
    assert texts == [
        "The port reopened on Monday after a strike, officials said.",
        "Dock workers accepted a pay offer late on Sunday night.",
        "Shipping lines expect the backlog to clear within two weeks.",
        "A last sentence closes the file here.",
    ]


def test_pysbd_sentences_are_what_pysbd_segment_returns():
    """The string search that replaces pysbd's per-sentence regular expressions finds the
    same sentences, trailing whitespace included, repeats and all."""
    import pysbd

    from synth.read.split import pysbd_sentences

    texts = [
        "The U.S. Secretary arrived on Dec. 8.  He said: “We are ready.” Then he left.\n",
        "Yes. Yes. Yes.   No! Maybe?",
        "Prices rose 3.5 per cent (to $4.20). Analysts (e.g. at J.P. Morgan) expected more.",
    ]
    reference = pysbd.Segmenter(language="en", clean=False)
    for text in texts:
        assert pysbd_sentences(text) == reference.segment(text)


def test_a_footnote_number_between_two_sentences_is_in_neither():
    text = "Olsen wrote that the port was “the best on any coast.” 1 The port opened in 1830."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Olsen wrote that the port was “the best on any coast.”",
        "The port opened in 1830.",
    ]
    dated = "The port closed on Dec. 3 The council met on Monday."
    assert len(split_sentences(dated)) <= 2 and "3" in dated[slice(*split_sentences(dated)[0])]

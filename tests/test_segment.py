from synth.read.segment import split_sentences


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_do_not_split():
    text = "He met U.S. Secretary of State John Kerry on Dec. 8 in Hamburg. They spoke briefly."
    assert pieces(text) == [
        "He met U.S. Secretary of State John Kerry on Dec. 8 in Hamburg.",
        "They spoke briefly.",
    ]


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

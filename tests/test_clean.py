import pytest

from synth.read.clean import clean_text, furniture_reason


def kept(text: str) -> list[str]:
    return [text[a:b] for a, b in clean_text(text).blocks]


def reasons(text: str) -> dict[str, str]:
    return {text[d.start : d.end]: d.reason for d in clean_text(text).dropped}


def test_navigation_reading_time_dates_and_bracketed_notes_are_dropped():
    text = (
        "Site navigation\n\nCouncil Votes To Expand The City Library Budget\n4 min read\n"
        "12 March, 2021\n[Click to see more]\n"
        "The council voted on Tuesday to expand the library budget by a third.\n"
    )
    found = reasons(text)
    assert found["Site navigation"] == "heading or navigation"
    assert found["Council Votes To Expand The City Library Budget"] == "headline"
    assert found["4 min read"] == "reading time"
    assert found["12 March, 2021"] == "date line"
    assert found["[Click to see more]"] == "bracketed note"
    assert kept(text) == ["The council voted on Tuesday to expand the library budget by a third."]
    assert clean_text(text).headline == "Council Votes To Expand The City Library Budget"


def test_caption_printed_twice_and_repeated_article_copy_are_dropped():
    caption = "A man walks past a flooded street in the old town on Monday."
    body = "Floods hit the region after three days of rain, officials said."
    later = "More rain is expected this week, forecasters said."
    text = f"{caption}\n{caption}\n\n{body}\n{later}\n{body}\n"
    found = clean_text(text)
    dropped = [(text[d.start : d.end], d.reason) for d in found.dropped]
    assert (caption, "repeated caption") in dropped
    assert (body, "repeated copy") in dropped
    assert kept(text) == [body, "More rain is expected this week, forecasters said."]


def test_credit_lines_and_footer_after_them_are_dropped():
    lines = [f"Sentence number {i} of the story is here and it is long enough." for i in range(8)]
    footer = [
        "ab/cd (AP, Reuters)",
        "Our journalists work in 20 countries. We thank you for reading.",
    ]
    text = "\n".join([*lines, *footer])
    found = reasons(text)
    assert found["ab/cd (AP, Reuters)"] == "credit line"
    assert found["Our journalists work in 20 countries. We thank you for reading."] in {
        "after closing credit",
        "addressed to the reader",
    }
    assert furniture_reason("With reporting by Reuters and AP") == "credit line"
    assert furniture_reason("* Agence France-Presse and Reuters") == "credit line"


def test_dateline_and_glued_date_are_skipped_but_offsets_stay_exact():
    text = (
        "PARIS // The strike closed schools on Monday, unions said.\n"
        "May 3, 2020Trains stopped running across the north, the operator said.\n"
    )
    blocks = kept(text)
    assert blocks[0].startswith("The strike")
    assert blocks[1].startswith("Trains stopped")
    assert clean_text(text).published == "May 3, 2020"


def test_agency_dateline_gives_the_outlet():
    text = "XYZ, Lisbon :\nThe port reopened on Friday after a week-long strike, officials said.\n"
    assert clean_text(text).outlet == "XYZ"


def test_photo_caption_with_credit_is_dropped():
    assert (
        furniture_reason("Protesters gather outside parliament on Friday [Reuters]")
        == "photo caption"
    )


def test_captions_credits_and_related_links_are_dropped():
    assert furniture_reason("RELATED: Star Says Her New Film Was Hard To Make") == (
        "related-content link"
    )
    assert furniture_reason("Image copyright AP Image caption Crowds gather at the border") == (
        "photo caption"
    )
    assert furniture_reason("Photo: A couple look at a phone in a shop in November.") == (
        "photo caption"
    )


def test_credit_glued_to_a_sentence_is_skipped_with_exact_offsets():
    text = "Jane Doe/Getty Images There is no question that voters are frustrated, polls show.\n"
    (block,) = kept(text)
    assert block == "There is no question that voters are frustrated, polls show."


def test_a_one_line_article_is_kept_whole():
    body = " ".join(
        f"You will like sentence {i} of this review because we wrote it with care."
        for i in range(9)
    )
    assert kept(body + "\n") == [body]


def test_caption_sentence_inside_a_paragraph_is_not_a_sentence():
    from synth.core import Source
    from synth.read.segment import segment_sources

    text = (
        "In this Monday, May 4 photo provided by the police, firefighters work at the scene. "
        "The fire destroyed two homes on Monday, officials said."
    )
    source = Source(1, "a", text, "a", blocks=((0, len(text)),))
    assert [s.text for s in segment_sources([source])] == [
        "The fire destroyed two homes on Monday, officials said."
    ]


def test_page_text_is_dropped_by_kind():
    from synth.read.clean import page_kind

    kinds = {
        '<iframe src="https://player.example/v/91" allowfullscreen></iframe>': "markup",
        'data-src="//cdn.example/clip.mp4" poster="https://cdn.example/still.png"': "markup",
        "Replay Mute Fullscreen Share Embed": "player or share widget",
        "Pause x Close Video Next": "player or share widget",
        "Playback of this video is not supported in your browser.": "page describing itself",
        "Comments are disabled for this article.": "page describing itself",
        "Our verdict: 3.5 out of 5": "rating or score",
        "Reader score 8/10": "rating or score",
    }
    for text, kind in kinds.items():
        assert page_kind(text) == kind, text
    for story in (
        "The mayor said she would share the report with the council next week.",
        "Officials were not available for comment on Friday, a spokesman said.",
        "The app is available in 40 countries, the company said.",
        "The court heard that the defendant scored 94 out of 100 on an aptitude test taken at "
        "school, long before the events that led to the trial began in the summer.",
    ):
        assert page_kind(story) is None, story


def test_page_text_inside_a_paragraph_is_no_sentence():
    from synth.core import Source
    from synth.read.segment import segment_sources

    text = (
        "Close Share Embed Copy Link x The ferry resumed service on Monday, the operator said. "
        "Crews repaired the ramp over the weekend."
    )
    source = Source(1, "a", text, "a", blocks=((0, len(text)),))
    assert [s.text for s in segment_sources([source])] == [
        "Crews repaired the ramp over the weekend."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph the reflow could not join: a piece of a sentence, never a headline
        "that the harbour would stay closed until the engineers had checked the\n"
        "sea wall, officials said on Monday after the storm had passed.\n",
        "Officials said the harbour would stay closed until the engineers and the\n\n"
        "divers had checked the sea wall along the whole length of the port.\n",
        "Officials of the port said on Monday that the harbour would stay closed\n\n"
        ", they added, until the engineers had checked the sea wall of the port.\n",
    ],
)
def test_a_piece_of_a_wrapped_sentence_is_no_headline(text):
    assert clean_text(text).headline is None

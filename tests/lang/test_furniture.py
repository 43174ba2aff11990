"""Page furniture patterns (synth.lang.en.furniture) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import furniture as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "DATE_LINE": at_start(
        ["Monday, July 21, 2014", "2014-07-21 10:30 GMT", "July 21, 2014 | 10:49"],
        ["July 21, 2014, was a Monday"],
    ),
    "GLUED_DATE": at_start(["July 21, 2014The talks"], ["July 21, 2014 The talks"]),
    "READING_TIME": at_start(["5 min read", "3 minutes read"], ["Read 5 minutes"]),
    "IMAGE_MARKER": at_start(["1200 x 800 image"], ["12 x 8 rooms"]),
    "CREDIT_LINE": at_start(
        ["Additional reporting by Jane Doe", "(Writing by Jane Doe)"], ["The reporting by Reuters"]
    ),
    "BYLINE": at_start(
        ["By Lynn Hulsey", "By Jane Doe and John Roe", "By Election Day, voters decide"],
        ["By the end of the day", "Byline"],
    ),
    "CALL_TO_ACTION": anywhere(
        ["Click here to subscribe", "© 2018 Example Media"], ["The talks failed."]
    ),
    "READER_ADDRESS": anywhere(["Sign up for our newsletter"], ["They said it fell."]),
    "RELATED_LABEL": at_start(
        ["Related: Aleppo talks", "Story highlights"],
        ["Relatedly, the talks failed", "Watchdogs said"],
    ),
    "TITLE_LABEL": at_start(
        ["Story highlights Talks fail", "Related: Aleppo talks", "Watch | Aleppo"],
        ["Watch out: fares rise"],
    ),
    "TITLE_CREDIT": at_start(
        ["Source: Jdarsie11 / Wikimedia Commons", "Credit U.S. Senate"], ["Credit card debt rises"]
    ),
    "UI_COMMAND": at_start(
        ["Click image above to enlarge", "Share on Facebook", "Hide Transcript"],
        ["Share prices fell", "Shareholders voted"],
    ),
    "PAGE_COUNT": at_start(["Page 2 of 5"], ["Page 2"]),
    "UPDATE_STAMP": at_start(
        ["Updated at 11:02 p.m. ET", "Saturday Update", "UPDATE"],
        ["Update your browser", "Updated figures show"],
    ),
    "SECTION_LABEL": at_start(
        ["Abstract A previously healthy man fell ill", "Briefing", "Resources ...", "Methods: we"],
        ["Results were mixed", "Summary judgment was denied"],
    ),
    "READER_REQUEST": anywhere(
        ["Please enable Javascript", "upgrade your Flash Plugin"], ["Pleased voters cheered"]
    ),
    "BYLINE_ROLE": anywhere(["By Lynn Hulsey, Staff Writer"], ["By Election Day, voters decide"]),
    "IMAGE_CREDIT": anywhere(
        ["Photo: AP", "(Getty Images)", "Image caption Olsen speaks"], ["The photographer left."]
    ),
    "PHOTO_SENTENCE": at_start(
        ["In this photo taken on Monday, Olsen speaks", "This file photo shows"],
        ["This week, police said", "This photograph"],
    ),
    "CREDIT_PREFIX": at_start(
        ["Getty Images Olsen speaks", "Jane Doe/AFP Olsen speaks at the summit"],
        ["Getty Images said", "AP reported"],
    ),
    "MARKUP": anywhere(
        ['poster="http://example.com/a.jpg"', "<div>", "&amp;"], ["5 > 3 and 2 < 4", "Tom & Jerry"]
    ),
    "SITE_STATUS": anywhere(
        [
            "Rating is available when the video has been rented",
            "This feature is not available right now",
        ],
        ["The video was not available for comment.", "The site was busy."],
    ),
    "SCORE": anywhere(
        ["Our rating: 4 out of 5", "the film scored 94 out of 100"], ["The film was rated highly."]
    ),
    "SOCIAL_MARKUP": anywhere(
        ["Thanks @celebs #Oscars", "#one #two #three"],
        ["the #MeToo movement", "as captured by @celebs"],
    ),
    "REPEATED_NAME": anywhere(
        ["Whip John Cornyn John CornynCollins"], ["John Cornyn met John Thune"]
    ),
    "LINKED_NAME": anywhere(
        ["President Trump Donald John TrumpAmazon's workers strike"],
        ["President Trump met Donald Tusk."],
    ),
    "GLUED_OPENING": anywhere(["Dive BarsThe best burger"], ["Dive Bars The best burger"]),
    "INLINE_BYLINE": anywhere(
        ["in protest By Jane Doe - Tweet Huntsman announced"],
        ["By Jane Doe - Tweet", "He was hit by Jane Doe - a neighbour"],
    ),
    "REFERENCE_LIST": anywhere(["Chapman AS , Murphy SM ,"], ["Chapman, Murphy and Lee"]),
    "REPORTER_AT_WORK": at_start(
        ["Ann Lee, news reporter spoke with the mayor.", "Tom Roe, our correspondent, visited"],
        ["Ann Lee, a nurse, spoke with the mayor.", "The reporter spoke with the mayor."],
    ),
    "GLUED_HEADING": anywhere(
        ["Conclusions and Relevance The stable patients", "CLOSE The National Guard"],
        ["The stable patients recovered.", "Olsen said The Times"],
    ),
    "FURTHER_READING": anywhere(
        ["The institute has more on Alzheimer's.", "For more on this story, see below"],
        ["The institute has more patients than beds."],
    ),
    "LABEL_OPENING": anywhere(
        ["UPDATE: The talks", "Q: Why?", "EST: The talks"], ["NEW DELHI: The talks"]
    ),
    "LABEL_PHRASE": at_start(
        ["Why it matters: ", "On trade policy: ", "EXCLUSIVE: ", "Olsen said: "],
        ["Olsen told the assembly on Monday: we stay"],
    ),
    "QUESTION_LABEL": at_start(["Why it matters"], ["Olsen said", "Whyte said"]),
    "SHOUTED_WORD": anywhere(
        ["WE'RE GOING TO BE ON TRAVERSE CREEK"], ["we're going to be on traverse creek"]
    ),
    "FIGURE_REFERENCE": anywhere(
        ["as Figure 1 shows", "rose (Table 2)"], ["a table 2 metres long", "Figures 1 to 3"]
    ),
    "CAPTION_DATE": anywhere(
        [
            "Rescuers work in Hrabove, eastern Ukraine Monday, July 21, 2014.",
            "Lava flows, Tuesday, May 8, 2018, in Pahoa, Hawaii.",
        ],
        [
            "The trial begins Monday, March 3, 2014, in Oslo.",
            "The vote took place on Monday, July 21, 2014.",
        ],
    ),
    "CAPTION_POSITION": anywhere(
        ["Police Supt. Eddie Johnson (left)", "Warner, left, and Olsen", "Officials (from left)"],
        ["Sen. Olsen (R) spoke", "He turned left, then right"],
    ),
    "CAPTION_VERB": anywhere(
        [
            "The first volume is shown at a news conference in Varna on Tuesday.",
            "Anna Olsen, pictured in 2019, left the port.",
            "Protesters are pictured outside the Bergen town hall.",
        ],
        ["Olsen has shown the way.", "The film was shown in 1990.", "He is seen as a moderate."],
    ),
    "MEDIA_REFERENCE": anywhere(
        ["In the video clip above", "Here's a look at the damage", "The video is below."],
        ["The map above the door fell.", "Here's why"],
    ),
    "BRACKETED_NOTE": at_start(
        ["[Updated at 10:49 a.m.] The talks", "[This sentence is in brackets.]"],
        ["[Olsen] said the talks failed."],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected

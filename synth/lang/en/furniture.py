"""Page furniture: the text a page wraps around a story (bylines, captions, credits, labels,
notices, widgets, markup), and the words of pages that are not articles at all.

Read by the cleaner (synth.read.clean), the label finder (synth.read.label), the source check
(synth.read.sources) and the standalone judge, which drops such text when it reaches a
sentence.
"""

from __future__ import annotations

import re

from synth.lang.en.dates import DATE_PATTERN, MONTH_PATTERN, WEEKDAYS

# ==== Lines of a page, not of its story

DATE_LINE = re.compile(
    rf"^(?:\w+day,?\s+)?{DATE_PATTERN}(?:\s*[,|-]?\s*\d{{1,2}}:\d{{2}}.*)?$", re.I
)

GLUED_DATE = re.compile(rf"^{DATE_PATTERN}(?=[A-Z])")

READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)\.?\s+read$", re.I)

IMAGE_MARKER = re.compile(r"^\W*\d+\s*x\s*\d+\s+(?:image|photo|video)\W*$", re.I)

CREDIT_LINE = re.compile(
    r"^\W*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.I
)

BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and)\s*.*)?$")

CALL_TO_ACTION = re.compile(
    r"\b(?:click here|sign up|subscribe|newsletter|cookies?|all rights reserved|follow us"
    r"|share this|advertisement|read more|related stories|terms of (?:use|service)"
    r"|privacy policy)\b|©",
    re.I,
)

READER_ADDRESS = re.compile(r"\b(?:we|our|us|you|your)\b", re.I)

RELATED_LABEL = re.compile(
    r"^\W*(?:related|read more|see also|more on this|watch|listen|recommended|trending|"
    r"sponsored|advertisement|story highlights|highlights|editor'?s note)\b\s*[:|-]?",
    re.I,
)

# A label a page puts where a headline would be: "Story highlights ...", or a section word set
# off by a colon or bar ("Related: ...", "Watch | ..."); "Watch out: fares rise" is a headline.
TITLE_LABEL = re.compile(
    r"^\W*(?:story highlights\b|(?:related|read more|see also|recommended|highlights"
    r"|editor'?s note|watch|listen)\s*[:|]\s)",
    re.I,
)

# What a page puts where a headline would be, beyond the labels above: a credit ("Source:
# Jdarsie11 / Wikimedia Commons", "Credit U.S. Senate"), a command to the reader about the
# page ("Click image above ...", "Share on Facebook", "Hide Transcript"), a page count, an
# update stamp ("Updated at 11:02 p.m. ET", "Saturday Update"), a section label of a page or
# paper ("Abstract A previously healthy man ...", "Briefing", "Resources ...").
TITLE_CREDIT = re.compile(
    r"^\W*(?:source|credit|credits|photo|image|courtesy|via)\s*:\s"
    r"|^\W*(?:credit|courtesy)\s+(?-i:(?:[A-Z][\w.'’-]*\s*){1,4})$",
    re.I,
)
UI_COMMAND = re.compile(
    r"^\W*(?:click|tap)\s+(?:here|image|above|below|the\s+(?:image|button|link|play))\b"
    r"|^\W*share\s+(?:on|this|via)\b|^\W*(?:hide|show)\s+transcript\b"
    r"|^\W*(?:enable|upgrade)\s+(?:your|javascript|flash|cookies)\b"
    r"|^\W*(?:add|copy)\s+this\s+(?:tweet|video|code)\b",
    re.I,
)
PAGE_COUNT = re.compile(r"^\W*page \d+ of \d+\W*$", re.I)
UPDATE_STAMP = re.compile(
    r"^\W*(?:(?i:updated?\s+(?:at|on)\b|updates?\s*[:|]|(?:latest|\w+day)\s+update\b)"
    r"|UPDATES?\b)"
)
SECTION_LABEL = re.compile(
    r"^\W*(?i:abstract|importance|briefing|resources|summary|background|introduction|methods"
    r"|results|conclusions?|overview|transcript|cast (?:&|and) credits)"
    r"(?:\W*$|\s*[:|]|\s+[A-Z][\w'’-]*\s+[a-z])"
)  # alone, set off, or glued to a sentence: "Abstract A previously healthy man ..."
# Words of the reader's own screen: "Please enable Javascript", "upgrade your Flash Plugin".
READER_REQUEST = re.compile(r"\b(?:please|your)\b", re.I)
# fmt: off
SCREEN_WORDS = frozenset("""
javascript browser plugin flash website page video code device app cookies screen
""".split())
# fmt: on
# A byline's role, which tells "By Lynn Hulsey, Staff Writer" from "By Election Day, ...".
BYLINE_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|head of|counsel"
    r"|director)\b",
    re.I,
)

IMAGE_CREDIT = re.compile(
    r"^(?:photo|photograph|picture|video|image|caption)\s*:|^image (?:copyright|caption)\b"
    r"|\bimage caption\b|(?:^|\s)\|\s*[\w./ -]{0,30}\bphoto\b|^\W*\|"
    r"|\b(?:Getty Images|AP Photo|AFP Photo|Reuters Photo)\b",
    re.I,
)

PHOTO_SENTENCE = re.compile(
    r"^(?:in )?this (?:[\w.,'’ -]{0,60} )?(?:photo|image|picture|file photo|handout)\b", re.I
)

CREDIT_PREFIX = re.compile(
    r"^(?:Getty Images|AP Photo|AFP Photo|Reuters Photo|EPA Photo)\s+(?=[A-Z“\"])|"
    r"^(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+/(?:Getty Images|AP|AFP|Reuters|EPA|Bloomberg"
    r"|Shutterstock|iStock|Corbis)\b[\w ]{0,20}?\s+(?=[A-Z“\"])"
)


# ==== Markup, widgets and a site talking about itself

# Markup that leaked into the text: tags, attributes (`poster="http://..."`), entities.
MARKUP = re.compile(
    r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|\b[A-Za-z][\w:-]*=[\"'][^\"']*[\"']|&(?:[a-z]{2,8}|#\d{2,5});"
)

# Words of a video player, share bar or page control ("Skip in Skip x Embed x Share CLOSE").
# A run of them is a widget's label text, never a sentence of the story.
# fmt: off
WIDGET_WORDS = frozenset("""
autoplay captions cc close closed collapse comment comments copy download email embed enlarge
expand facebook fullscreen gallery hd instagram like linkedin link loading menu more mute next
pause pinterest play playlist prev previous print reddit replay save search share skip slideshow
subscribe toggle tweet twitter unmute up video volume watch whatsapp x ×
""".split())
# fmt: on
WIDGET_RUN = 3  # widget words in a row

# A page describing its own machinery or scores: "Rating is available when the video has been
# rented", "This feature is not available right now", "Our rating: 4 out of 5".
SITE_SUBJECT = (
    r"(?:video|feature|page|site|website|player|browser|app|content|rating|javascript|cookies?"
    r"|ad ?blocker|comments?|account|playlist|stream|media|playback)"
)
SITE_STATUS = re.compile(
    rf"\b{SITE_SUBJECT}\b(?:\W+\w+){{0,6}}?\W+(?:is|are|was|has been|will be|must be)?\s*"
    r"(?:not (?:available(?! for comment)|supported|enabled)|unavailable|unsupported|disabled"
    r"|loading|rented|required|(?:available|enabled) (?:when|once|after|only)"
    r"|(?:does not|doesn't|cannot|can't|could not|couldn't) (?:support|play|load|display))\b"
    r"|\btry again later\b|\b(?:refresh|reload) (?:the|this) page\b",
    re.I,
)
SCORE = re.compile(
    r"\b(?:rating|rated|score|scored|stars?|grade|verdict)\b\W{0,3}(?:\w+\W+){0,3}?"
    r"\d+(?:\.\d+)?\s*(?:/\s*\d+|out of (?:\d+|five|ten)|stars?)\b",
    re.I,
)
SCORE_MAX_WORDS = 15  # longer, a score is part of a story ("the film scored 94 out of 100 ...")


# ==== Furniture inside a sentence: tweets, glued links and headings, labels, captions

# Text a page wraps around a story rather than the story's own sentences: a tweet quoted as
# text (a handle and a hashtag, or three hashtags: one, "the #MeToo movement", or a credit "as
# captured by @celebs", is news text), a page's links glued into a sentence, which repeat a
# name ("Whip John Cornyn John CornynCollins"), a reference list ("Chapman AS , Murphy SM ,"),
# a section heading glued to the sentence after it ("Conclusions and Relevance The stable
# ..."), a label of the page ("UPDATE:", an interview's "Q:", a cut time stamp's "EST:"; not
# a dateline, "NEW DELHI:"), a paper's "Figure 1" or "(Table 2)", a sentence that only points
# to more reading ("The institute has more on Alzheimer's."), and the date of a photo caption
# (a present-tense scene "... in Hrabove, eastern Ukraine Monday, July 21, 2014.").
HANDLE = r"(?<![\w@#])@[A-Za-z_]\w{2,}"
HASHTAG = r"(?<![\w@#])#[A-Za-z_]\w{2,}"
SOCIAL_MARKUP = re.compile(rf"{HANDLE}.*{HASHTAG}|{HASHTAG}.*{HANDLE}|(?:{HASHTAG}.*){{3}}")
REPEATED_NAME = re.compile(r"\b([A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+\1(?![a-z])")
# A link card's name glued to the next headline: the short name, the full one and the
# card's text ("President Trump Donald John TrumpAmazon's workers strike ...").
LINKED_NAME = re.compile(r"\b([A-Z][a-z][\w'’-]*)\s+(?:[A-Z(][\w'’.()-]+\s+){1,3}\1(?=[A-Z])")
# A heading glued to its first sentence with no space ("... Dive BarsThe best burger").
GLUED_OPENING = re.compile(r"(?<=[a-z]{2})(?:The|This|These|Those)\s+[a-z]")
# A byline inside the text ("... in protest By Jane Doe - Tweet Huntsman announced").
INLINE_BYLINE = re.compile(r"(?<=\S)\s+By\s+(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][\w'’-]+\s*[-–—|]\s")
# The outlet's own reporter telling of the reporting ("Ann Lee, news reporter, spoke with the
# mayor ..."): words of the page about how the story was made, not the story.
REPORTER_AT_WORK = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+,\s+(?:[\w-]+\s+){0,2}"
    r"(?:reporter|correspondent|anchor|producer)s?,?\s+"
    r"(?:spoke|talked|sat down|went|visited|reached|asked|caught up)\b"
)
REFERENCE_LIST = re.compile(
    r"(?:\b[A-Z][\w'’-]+\s+[A-Z]{1,3}\s+,\s*){2,}|(?:\b[A-Z][\w'’-]+\s+[A-Z]{1,3}\s*,\s*){3,}"
)
GLUED_HEADING = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\s+(?:(?:and|of|&)\s+)?){1,5}The\s+[a-z]|[A-Z]{2,}\s+The\s)"
)  # also a button's or a dateline's capitals before "The" ("CLOSE The National ...")
FURTHER_READING = re.compile(
    r"^(?:for more (?:on|about|information)\b|(?:\S+\s+){1,8}ha(?:s|ve) more (?:on|about)"
    r"\s+[^,;]{1,60}\.$)",
    re.I,
)
LABEL_OPENING = re.compile(
    r"^(?:Q|A|(?i:updated?|breaking|watch|listen|video|photos?|correction|clarification"
    r"|editor['’]?s note)|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|GMT|UTC|BST)\s*:\s"
)
# A short label the page sets before a colon ("Why it matters:", "On trade policy:",
# "EXCLUSIVE:"): a capitalized word and at most three lower-case ones. With a verb in it, it
# introduces a quote ("Olsen said:", "Trump tweeted:") unless it opens on a question word.
LABEL_PHRASE = re.compile(r"^(?P<label>[A-Z][\w'’]*(?:\s+[a-z][\w'’,-]*){0,3}):\s")
QUESTION_LABEL = re.compile(r"^(?:Why|What|How|Where|When|Who)\b")
# A sentence in capitals ("WE'RE GOING TO BE ON TRAVERSE CREEK"): a transcript's or a
# caption's text, not a story's.
SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z'’.-]*\b")
SHOUTED_WORDS = 4  # capital words, and no lower-case letter at all
FIGURE_REFERENCE = re.compile(
    r"\b(?:Figure|Fig\.)\s+\d+[A-Za-z]?\b|\((?:see\s+)?Table\s+\d+[A-Za-z]?\)"
)
# A caption's dateline closes it: the weekday and the full date ("... Monday, July 21,
# 2014."), or, AP style, set off by a comma and followed by the place ("..., Tuesday, May 8,
# 2018, in Pahoa, Hawaii."); a story says "on Tuesday" ("begins Monday, March 3, 2014, in
# Oslo" is news).
WEEKDAY_DATE = (
    rf"(?:{'|'.join(sorted(WEEKDAYS))}),?\s+(?:{MONTH_PATTERN})\.?\s+\d{{1,2}},\s+\d{{4}}"
)
CAPTION_DATE = re.compile(
    rf"(?:(?<!\bon)(?<!\bOn)\s{WEEKDAY_DATE}"
    rf"|,\s{WEEKDAY_DATE},\s+(?:in|at)\s+[A-Z][^.;!?]*)\.[\"”’')]*$"
)
# Where a person stands in a photo: "Police Supt. Eddie Johnson (left)", "Warner, left,"
# after a name, "from left". A single letter is left alone: "(R)" is a party.
CAPTION_POSITION = re.compile(
    r"\((?:pictured\s+)?(?:left|right|center|centre|top|bottom|front|rear)\)"
    r"|\b[A-Z][\w.'’-]*,\s(?:left|right|center|centre),|\(from left\)|\bfrom left[,:]"
)
# A photo caption's verb: what the picture shows, in the present passive ("The first volume
# is shown at a news conference on Tuesday", "Olsen, pictured in 2019, ...").
CAPTION_VERB = re.compile(r"\b(?:is|are)\s+(?:shown|pictured)\b|,\s+pictured\s+(?:in|on|at)\b")
# A sentence that points at the page's pictures or players ("In the video clip above",
# "Here's a look at ..."): the text around an embed, not the story.
MEDIA_REFERENCE = re.compile(
    r"\b(?:video|clip|photo|picture|image|graphic|map|chart|gallery|slideshow|footage)s?\s+"
    r"(?:above|below)(?=\s*[,.:;!]|\s*$)|^Here['’]s a (?:look|video|map|photo|timeline)\b"
    r"|\b(?:video|clip|footage)s?\b[^.]*\b(?:follows|is|are|seen)\s+below\s*[.:!]?$",
    re.I,
)

# A bracketed note ("[Updated at 10:49 ...]", a whole sentence in brackets), not a repair.
BRACKETED_NOTE = re.compile(r"^\[.*\]\W*$|^\[\s*(?:update|updated|editor|note)", re.I)


# ==== Documents that are not articles, and whether a text is English (synth.read.sources)

# fmt: off
PAGE_WORDS = frozenset("""
account app archive archived browser click cookie cookies crawl crawled crawls data domain
domains download embeds feature host internet javascript link links log login page pages sign
subscribe subscriber subscription tweet tweets url urls video warc web website
""".split())
# fmt: on

READER_WORDS = {"you", "your", "yours"}

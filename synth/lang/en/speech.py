"""Who said what: verbs of saying, speakers named or not, attribution, titles before names.

Read by the speaker finder (synth.compare.speakers), the standalone judge, the title writer's
"Speaker:" and the claim check (synth.compare.certainty).
"""

from __future__ import annotations

import re

from synth.lang.en.dates import WEEKDAYS

# ==== Verbs of saying

# Verbs of saying, in the forms news uses; the base of the speaker patterns below.
SPEECH_VERBS = (
    r"(?:said|says|told|tells|added|adds|warned|warns|announced|announces|stated|noted"
    r"|explained|insisted|argued|claimed|wrote|urged|asked|replied|continued|stressed)"
)

# Verbs that attribute what follows or precedes to someone, for a headline's "Speaker:".
REPORTING_VERBS = rf"(?:{SPEECH_VERBS}|reported|reports|quoted)"

# Words that mark where a statement was made ("said in Hamburg"): the place differences look near.
SPEECH_CUE = re.compile(r"\b(?:said|says|spoke|speaking|told reporters|announced|added)\b")

# A verb of saying or reporting anywhere in a text.
SPEECH_VERB = re.compile(rf"\b{REPORTING_VERBS}\b")

# A sentence that gives its content only as someone's claim, not as a statement of fact or an
# announcement ("X claimed", "alleged"). "According to X" and "X said" report a statement.
CLAIM = re.compile(
    r"\b(?:claim|claims|claimed|claiming|allege|alleges|alleged|alleging|allegedly|purported"
    r"|purportedly|accused|accuses)\b",
    re.I,
)

# Verbs whose object is who heard, not who spoke ("told the Associated Press").
LISTENER_VERBS = frozenset(["told", "tells", "asked", "asks", "urged", "urges", "warned", "warns"])


# ==== Speakers in a sentence

# The speaker of a statement is a pronoun ("..., he said", "They told reporters").
PRONOUN_SPEAKER = re.compile(
    rf"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:also\s+|later\s+|then\s+)?{SPEECH_VERBS}\b"
    rf"|\b{SPEECH_VERBS},?\s+(?:he|she|they)\b(?=\s*(?:[.,;:!?\"”’]|$))"
)

# An unnamed speaker ("A friend said", "One official told").
UNNAMED_SPEAKER = re.compile(
    rf"^(?:A|An|One|Another|Some)\s+(?:[\w\"“”'’-]+\s+){{0,4}}?{SPEECH_VERBS}\b"
)

SPEAKER_PRONOUN = re.compile(rf"^(?P<pronoun>He|She)(?P<rest>\s+(?:also\s+)?{SPEECH_VERBS}\b)")

NAME = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"

NAME_BEFORE_VERB = re.compile(
    rf"(?P<name>{NAME}),?\s+(?:[a-z]\w*\s+|[A-Z][a-z]+day\s+){{0,3}}?{SPEECH_VERBS}\b"
)

NAME_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s+[^,;.“”\"]{{1,80}},\s+(?:[a-z]\w*\s+){{0,2}}?{SPEECH_VERBS}\b"
)

NAME_AFTER_VERB = re.compile(rf"(?:^|[,”\"]\s*){SPEECH_VERBS},?\s+(?P<name>{NAME})")

# Capitalized words that stand where a speaker's name would, yet name no person: titles,
# institutions, pronouns and days ("Ministry said", "Thursday said"). Compared casefolded.
# fmt: off
NOT_A_NAME = frozenset(w.casefold() for w in WEEKDAYS) | frozenset("""
a agencies agency an and army as at but committee council court department dr forces government
group he house i in it media minister ministry mr mrs ms nations news observatory official
officials on organisation organization police president reports secretary she sir spokesman
spokesperson spokeswoman state that the they this union we
""".split())
# fmt: on


# ==== Attribution a headline keeps or moves ("..., the minister said.")

# "..., Russia's foreign minister said on Thursday." / "..., according to the ministry."
TRAILING_ATTRIBUTION = re.compile(
    rf",[\"”’]?\s*(?P<who>[^,;]{{0,90}}?\b{REPORTING_VERBS}\b[^,;]{{0,50}}"
    r"|according to [^,;]{1,80})[.!?]?[\"”’]?$"
)

# "Olsen said (on Thursday) (that) ...": who spoke, then what was said.
LEADING_ATTRIBUTION = re.compile(
    rf"^(?P<who>[^,;“\"]{{1,90}}?)\s+(?:has\s+|have\s+|had\s+)?{REPORTING_VERBS}"
    r"(?:\s+(?:on|late|early)\s+\w+)?(?:\s+that)?\s+(?P<rest>[a-zA-Z].*)$"
)

# A run of capitalized words (a name in an attribution), at the start or at the end of a text.
NAME_RUN = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
NAME_AT_END = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*$")


# ==== Speakers in the parse: lemmas, links and titles (synth.compare.speakers)

# Lemmas of verbs that report speech or writing; a quote they govern is their subject's words.
# fmt: off
SPEECH_LEMMAS = frozenset("""
acknowledge add admit announce argue ask assert boast call caution claim comment complain
conclude concede confirm continue contend declare deny describe emphasise emphasize explain
insist joke maintain note observe plead post predict promise quip quote recall remark reply
respond say shout state stress suggest tell testify tweet urge vow warn write yell
""".split())
# fmt: on

# Verbs that give what follows as someone's claim.
CLAIM_LEMMAS = frozenset(["accuse", "allege", "claim", "purport"])

# "according to X": X is the speaker.
ACCORDING = frozenset(["according"])
ACCORDING_LINKS = frozenset(["to"])

# "a spokesman for X", "a statement of X": X is the organisation that speaks.
SPOKES_LINKS = frozenset(["for", "of"])

# Pronouns that stand for one earlier-named person when they say something.
PERSON_PRONOUNS = frozenset(["he", "she"])
# Nouns for a person that a "He said" or "She said" after them may stand for as well as a
# name: kin, and people named by what they are ("the boy's mother", "a man at the house").
# fmt: off
PERSON_NOUNS = frozenset("""
aunt boy brother child daughter father friend girl grandfather grandmother husband man
mother neighbor neighbour nephew niece owner partner sister son uncle wife woman
""".split())
# fmt: on
# The words of each person pronoun's gender: a sentence that uses the other's names someone
# else too, so "He said" after it has no one sure antecedent.
GENDER_WORDS = {
    "he": frozenset(["he", "him", "his", "himself", "mr", "mr."]),
    "she": frozenset(["she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms."]),
}

# Nouns through which an organisation speaks ("a spokesman for X", "X's statement").
SPOKES_NOUNS = frozenset(
    ["representative", "spokesman", "spokesperson", "spokeswoman", "statement", "spokesmen"]
)

# Words before a name that are titles, not part of it ("Sen.", "President", "Foreign Minister").
# fmt: off
TITLE_WORDS = frozenset("""
adm ambassador analyst archbishop attorney capt captain ceo chair chairman chairwoman chancellor
chief co-chair coach col commissioner congressman congresswoman coordinator councilman
councilwoman counsel deputy det detective director dr editor envoy executive father foreign
founder gen general gov governor head judge justice king lady lawyer leader lieutenant lord lt
manager mayor minister miss mr mrs ms officer pope premier president president-elect prime
prince princess prof professor queen rep representative rev secretary sen senator senior
sergeant sgt sheriff sir sister speaker spokesman spokesperson spokeswoman st superintendent
vice
""".split())
# fmt: on


# ==== A sentence that introduces a text after a colon (not news itself)

# "Following are excerpts from the report: The ...", "The Herald said in an editorial on May
# 3: The ...": the words before the colon present a text (a document, an editorial) that the
# capitalized words after it begin; a clock time ("at 10:30") has no space after its colon.
INTRODUCED_TEXT = re.compile(r"^[^:“\"]{12,200}:\s+[“\"‘']?[A-Z]")

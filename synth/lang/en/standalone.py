"""Sentences that cannot stand alone: what the standalone judge (synth.understand.standalone)
reads to tell a point a reader understands without the article from one that leans on it.

Openings that link to the sentence before, pronouns and definite descriptions nobody
introduced, and the verb forms that make a sentence whole. Text the page wraps around a story
is page furniture (`furniture.py`); speakers are in `speech.py`.
"""

from __future__ import annotations

import re

from synth.lang.en.dates import MONTHS, WEEKDAYS
from synth.lang.en.speech import SPEECH_VERBS
from synth.lang.en.words import TIME_WORDS

# ==== Openings and words that lean on the sentence before

OPENING_CONNECTIVE = re.compile(
    r"^[\"“‘'(]?(?:however|but|and|or|nor|also|still|yet|so|instead|moreover|furthermore"
    r"|nevertheless|nonetheless|thus|therefore|besides|meanwhile|otherwise|then|in addition"
    r"|in turn|as a result|by contrast|in contrast|conversely|even so|at the same time|for example"
    r"|for instance|(?:first|second|third|next)(?=,| comes\b| came\b)|finally|lastly"
    r"|in fact|indeed|after all|again|likewise|similarly|yes|no|maybe|perhaps|plus|too|the latter"
    r"|the former|not all|afterwards?|in other words|that said|by then|since then"
    r"|on the other hand|in the end|as such|accordingly|consequently|additionally)\b",
    re.I,
)

# An opening connective that only links to the sentence before ("But", "However,"): an
# editor may cut it, as the fact stands without it. Only set off by a comma (bar "But" and
# "And"), so that "However many", "Still photographs", "Yet another" and "But for the rain"
# keep their meaning; not those that carry meaning of their own ("Instead", "As a result").
DROPPABLE_CONNECTIVE = re.compile(
    r"^(?:(?:but|and)\s+(?!for\b)"
    r"|(?:however|yet|still|meanwhile|also|moreover|furthermore|nevertheless|nonetheless"
    r"|in addition|indeed|in fact|at the same time|even so),\s+)(?=[A-Za-z])",
    re.I,
)

# A relative word opening a sentence ("Which could mean ..."): the rest of the one before.
OPENING_RELATIVE = re.compile(r"^[\"“‘'(]?(?:which|whose|whom|whereby|whereas)\b", re.I)

# An example set off inside the sentence (", for instance,"): an example of something said
# before, which the point does not say.
EXAMPLE_CONNECTIVE = re.compile(r",\s*(?:for example|for instance|e\.g\.)\s*,", re.I)

# A connective set off inside the sentence (", however,"): it answers something said before.
INNER_CONNECTIVE = re.compile(
    r",\s*(?:however|though|too|meanwhile|instead|nonetheless|nevertheless|in turn|also"
    r"|as well|in contrast|by contrast|for example|for instance)\s*[,.;]",
    re.I,
)

# First and second person outside quotes: the writer or the reader, not a named party.
FIRST_SECOND_PERSON = re.compile(
    r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?)\b(?<!\bUS)"
)

# Third-person pronouns; unresolved unless a name stands before them in the sentence.
THIRD_PERSON = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|theirs|it|its)\b", re.I)

# A capitalized word after the first: a name the sentence itself gives.
INNER_NAME = re.compile(r"(?<=\s)[\"“(]?[A-Z][\w.'’-]*")

# An opening definite description of something the sentence does not name ("The study
# found", "This decision", "The plane's computers"): the determiner, then a lower-case word.
OPENING_DEFINITE = re.compile(
    r"^(?:The|This|That|These|Those|Such|Both|Each)\s+(?P<word>[a-z][\w'’-]*)"
)

# What lets an opening "The ..." say which thing it means: a relative clause or a name after
# "of"; or (`NAMED_KIND`, below) the name right after a kind of body ("The radical group
# Hamas").
_DAYS = "|".join(sorted(WEEKDAYS | MONTHS))
DEFINITE_EXPLAINED = re.compile(
    r"^\S+\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:[a-z][\w'’-]*,?\s+(?:who|which|that)\b"
    r"|[a-z][\w'’-]*\s+of\s+(?:the\s+)?[A-Z])"
)

# "said the decision ...": what someone said is about a thing introduced elsewhere.
SAID_DEFINITE = re.compile(
    rf"\b{SPEECH_VERBS}\s+(?:that\s+)?(?:the|this|these|those)\s+(?:[a-z][\w'’-]*\s+)?"
    r"[a-z][\w'’-]*\s+(?!of\b|(?:[a-z]+\s+)?(?:to|in|at|for|from|on)\s+(?:the\s+)?[A-Z])"
)

# An opening quantifier that picks from a set named before ("One version suggests", "Many
# sites are ...", "Another ...").
OPENING_QUANTIFIER = re.compile(
    r"^(?:One|Another|Some|Other|Others|Many|Most|Few|Several|Both|All|Neither|Either|Each"
    rf"|Such)\b(?!\s+of\s+(?:the\s+)?[A-Z])(?!\s+(?:day|night|{TIME_WORDS})\b)"
)  # "One day earlier this month, ..." is a time, not one of a set

# "such weak passwords": "such" pointing back (but not "such as").
SUCH = re.compile(r"\b[Ss]uch\s+(?!as\b)")

# A sentence cut short or glued to page furniture: an ellipsis, no closing punctuation.
# A time told from something the sentence does not name: "two hours earlier", "a week
# later", "the day before", "the next morning" (earlier or later than what?). "Earlier this
# week", "two days before the vote" and a comparison ("up 4% from a year earlier": the same
# period a year before) are anchored and do not match.
UNANCHORED_TIME = re.compile(
    r"(?<!from )(?<!than )(?<!over )(?<!with )(?<!to )"  # "rose 4% from a year earlier"
    r"\b(?i:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|"
    r"\d+)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:earlier|later))\b(?!\s+than\b)"
    r"|\b(?i:the\s+(?:day|night|week|month|year|morning|evening)\s+before)"
    r"(?=\s*[,.;:!?]|$)"
    r"|\b(?i:the\s+(?:previous|next|following)\s+(?:day|night|week|month|morning|evening))\b"
)
# What anchors such a time in the sentence itself when it comes before: a year or a month
# ("won in 2008 but lost four years later"), or a year-on-year comparison ("from 4.5 billion
# a year earlier").
TIME_ANCHOR = re.compile(rf"\b(?:1[6-9]|20)\d\d\b|\b(?:{_DAYS})\b")
YEAR_ON_YEAR = re.compile(r"^(?i:an?|one)\s+year\s+(?i:earlier|later)$")
TRUNCATED = re.compile(r"\.\.\.|…")
SENTENCE_CLOSE = re.compile(r"[.!][\"”’')\]]*$|[\"”’]$")

# A quotation that opens on a person it does not name (“He takes action,” Olsen said): who
# "he" is, the quote's speaker does not say. "It" and "this" in a quote are often nobody.
QUOTE_OPENING_PERSON = re.compile(r"^[\"“‘'`]+\s*(?:he|she|they|him|her|them|his|their)\b", re.I)

OPENING_PRONOUN = re.compile(
    rf"^(?:he|she|they|it|its|his|her|their|them|this|that|these|those|such)\b(?!\s+{TIME_WORDS}\b)",
    re.I,
)


# ==== Definite descriptions a sentence does not explain

# Nouns a reader can place without an introduction ("the past decade", "the public").
# fmt: off
KNOWN_REFERENTS = frozenset("""
afternoon century country day decade economy evening future internet media moment month morning
night past press public time week weekend world year season beginning end way fact
""".split())
# fmt: on

# Nouns that name an organisation or a place by its kind: "the company" after a named
# company, "the city" after a named city, is that one.
# fmt: off
KIND_NOUNS = frozenset("""
agency city county province region state town village bank club company court department firm
government group hospital league ministry network newspaper office organization party school
team university
""".split())
# fmt: on

# An opening description of a kind of body followed by its name ("The radical Islamic group
# Hamas", "The Dutch airline KLM"): it says which one. A day or month names nothing ("The
# group Monday"), and a verb before a name is no description ("The man told Reuters").
NAMED_KINDS = KIND_NOUNS | frozenset(
    ["airline", "broadcaster", "carrier", "channel", "charity", "militia", "movement", "union"]
)
NAMED_KIND = re.compile(
    rf"^\S+\s+(?:[\w'’-]+\s+){{0,2}}?(?:{'|'.join(sorted(NAMED_KINDS))})"
    rf"\s+(?!(?:{_DAYS})\b)[A-Z][\w'’-]+"
)

# Bodies a nation has one of: "the Syrian army", "the French president" say which one, where
# "the British comic" does not.
# fmt: off
NATIONAL_NOUNS = frozenset("""
army cabinet capital embassy forces government leader military navy opposition parliament police
president regime troops
""".split())
# fmt: on

# Pronouns that stand for someone or something named elsewhere.
# fmt: off
THIRD_PERSON_PRONOUNS = frozenset("""
he she him her his hers they them their theirs it its himself herself themselves itself
""".split())
# fmt: on

# Of those, the ones that stand for several, and for a thing.
PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
THING_PRONOUNS = frozenset(["it", "its", "itself"])

# Determiners that point at something the reader has already been shown; "such" does too
# ("such a project"), except in "such as".
DEMONSTRATIVES = frozenset(["this", "that", "these", "those"])
# Of those, the ones that point away from now: "this week" is the reader's week, "that week"
# is one the article told of.
DISTANT_DEMONSTRATIVES = frozenset(["that", "those"])
SUCH_WORD = "such"
SUCH_AS = "as"  # "such as" lists examples; it points back at nothing
DEFINITE_ARTICLE = "the"

# Words that add to something shown before: "additional misconduct" (unless "than" says to
# what). "further" ("no further comment"), "another", "other" and "more" are left alone:
# "another presidential run", "more warplanes" read well alone.
ADDITIVE_WORDS = frozenset(["additional"])
# Words before an additive's phrase that say what it adds to: "Norway and an additional 12
# countries"; "than" in the sentence does too.
ADDITIVE_ANCHORS = frozenset(["and", "or"])
THAN = "than"
ARTICLES = frozenset(["a", "an", "the"])
# Comparatives that name a kind, not a comparison with what came before ("older people",
# "the lower house", "a later date").
KIND_COMPARATIVES = frozenset(["older", "younger", "elder", "upper", "lower", "later", "earlier"])
# "each study": one by one, of a set the article named before.
DISTRIBUTIVES = frozenset(["each"])
# "the same amount" as something shown before, unless "as" follows to say what.
SAME = "same"
SAME_AS = "as"

# Determiners that leave open which ones: "any surviving debris", "certain people".
VAGUE_DETERMINERS = frozenset(["any", "certain"])
# Prepositions after which a name does not say which thing a noun is: "identified the man as
# Don Crandall" gives the news, not which man ("the situation in Homs", "the deal with Iran"
# do say which).
NOT_NAMING_PREPOSITIONS = frozenset(["as", "like", "than"])

# "the victims were", "the report,", "this morass with": a determiner and at most two
# lower-case words that end the noun phrase there, with nothing (an "of" phrase, a
# possessive, a clause) to say which thing is meant.
BARE_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch)\s+"
    r"(?:(?!(?:of|and|or)\b)[a-z][\w-]*\s+)?"
    r"(?P<noun>(?!(?:of|and|or|to|in|on|at|for|with|by|from)\b)[a-z][\w-]*)"
    r"(?=\s*[,.;:!?)—–]|\s+-|\s+\w+ly\b|\s+\w+ed\b"
    r"|\s+(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|must|did"
    r"|does|do|said|says|told|appears|seems|remains|and|or|but|as|than)\b"
    r"|\s+(?:in|on|at|to|with|for|from|by|into|after|before|since|during|over|under|about"
    r"|against|near|without)\b(?!\s+(?:the\s+)?[A-Z]))"
)

# A reflexive pronoun's ending: "proves itself" is bound to its subject.
REFLEXIVE_ENDINGS = ("self", "selves")
# "Six of the boats", "Of 193 people, only 4 ...": the number says of what.
PARTITIVE = "of"


# ==== Sentence shape: what a point must look like before it is shown

# Opens with a capital letter or a digit, possibly after quotes or a bracket ("[Olsen] said").
SENTENCE_OPENING = re.compile(r"^[\"“‘'(\[]*(?:[^\W\d_]|\d)")
# Ends with sentence punctuation, possibly inside closing quotes or brackets.
SENTENCE_CLOSING = re.compile(r"[.!?…][\"”’')\]]*$")

# Verbs that are finite wherever they stand: be, have, do, modals, contractions' parts.
# fmt: off
FINITE_VERBS = frozenset("""
am is are was were be been being has have had having do does did doing will would shall should
can could may might must ought cannot won't can't don't doesn't didn't isn't aren't wasn't
weren't hasn't haven't hadn't wouldn't shouldn't couldn't he's she's it's that's there's here's
what's who's where's i'm you're we're they're i've you've we've they've i'll you'll he'll she'll
it'll we'll they'll i'd you'd he'd she'd we'd they'd
""".split())
# fmt: on
# Irregular past forms, the way news reports what happened.
# fmt: off
IRREGULAR_VERBS = frozenset("""
became began bit blew bore brought broke built bought came caught chose cost cut dealt drew
drove ate fell fed felt fought found fled flew forbade forgot forgave froze got gave went grew
hung heard hid hit held hurt kept knew laid led left lent let lay lost made meant met paid put
quit read rode rang rose ran said saw sought sold sent set shook shot showed shown shut sang
sank sat slept slid spoke spent spun split spread sprang stood stole stuck struck swore swept
swam swung took taught tore told thought threw understood woke wore won wound withdrew wrote
arisen begun broken chosen done drawn driven eaten fallen flown forgotten frozen given gone
grown hidden known ridden risen seen shaken spoken stolen sworn taken thrown torn worn written
oversaw overseen overcame overtook undertook underwent upheld withheld foresaw mistook
""".split())
# fmt: on
# Common verbs in their base form: with -s or -es they are a present tense ("says", "plans").
# fmt: off
VERB_STEMS = frozenset("""
accept accuse add admit agree aim allow announce appear apply argue arrive ask attack bear beat
become begin believe belong blame break bring build buy call care carry catch cause change
charge choose claim close come consider contain continue cost cover create cut deal decide
declare defend deny depend describe die do draw drive drop eat end enter expect explain face
fall feel fight file find fly follow force forget get give go grow happen have hear help hide
hit hold hope hurt include increase insist intend involve keep kill know lack lead learn leave
let lie like live look lose love make mean meet miss move need note offer open order own pay
plan play plead point prefer prepare present promise prove provide publish push put raise reach
read receive recall refuse reject release remain remember remove replace report represent
require rest return reveal rise run say see seek seem sell send serve set show sign sit speak
spend stand start state stay stop suggest support suspect take talk tell tend think threaten
throw try turn understand urge use vote wait walk want warn watch win wish work worry write
abandon accompany achieve acknowledge acquire act address adopt advise affect afford anticipate
appeal approve arrest assert assess assume assure attempt attend attract avoid await ban battle
beg benefit bet block boost borrow breathe brief broadcast burn calculate campaign cancel
capture celebrate challenge check cite clear climb collapse collect combine comment commit
compare compete complain complete conclude condemn confirm connect consist contact contribute
control convert convince cook cooperate correct count crash criticize cross cry damage dance
dare debate delay deliver demand deploy deserve design destroy detect determine develop differ
disagree disappear discover discuss dismiss display dispute distribute divide donate doubt drag
dream dress drink earn ease elect eliminate emerge emphasize employ enable encourage endorse
enforce engage enjoy ensure escape establish estimate evacuate evaluate examine exceed exist
expand experience explore export express extend fail fear feature feed fill finish fire fit fix
flee focus forecast form found free gain gather generate grab grant greet guarantee guess handle
hang hate head heal highlight hire host hug hunt identify ignore imagine impose improve indicate
inform injure inspire install interview introduce invest investigate invite issue join joke
judge jump justify kick kiss knock land last laugh launch lay lend lift limit link list listen
load locate lock maintain manage mark marry match matter measure mention mix monitor name
negotiate notice obtain occur operate oppose organize owe pack participate pass perform permit
pick place pledge post pour praise pray predict prevent proceed produce prohibit propose protect
protest pull purchase pursue question rank rate react realize recognize recommend record recover
reduce reflect register regret relate rely rent repeat reply request rescue resign resist
resolve respond restore result retain retire retreat rule rush save score search secure select
settle share shift shoot shout sing slip smile solve sound spark spread stage stare steal step
stick strike struggle study submit succeed suffer supply surge surprise survive suspend sweep
switch target teach test testify thank tie touch track trade train transfer travel treat trigger
trust undergo unite update vary view visit wake wear weigh welcome wonder worsen yell
""".split())
# fmt: on

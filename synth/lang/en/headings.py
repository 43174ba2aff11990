"""Section headings: the word lists of a noun-phrase chunker (synth.understand.phrases,
synth.understand.headings) that names the subtopics of a briefing.
"""

from __future__ import annotations

import re

# Prepositions: a noun phrase ends before one (and may start after one).
# fmt: off
PREPOSITIONS = frozenset("""
about above across after against along amid amidst among around as at before behind below
beneath beside besides between beyond by despite down during except for from in inside into like
near of off on onto out outside over past per since than through throughout to toward towards
under underneath unlike until upon via with within without worth
""".split())
# fmt: on

# Determiners and quantifiers: a noun phrase starts right after one.
# fmt: off
PHRASE_OPENERS = frozenset("""
a all an another any both dr each every few her his its many more most mr mrs ms my no our
several some such that the their these this those what which whose your
""".split())
# fmt: on

# Auxiliaries, modals and the adverbs that sit among them: the next word is a verb.
# fmt: off
AUXILIARIES = frozenset("""
already also am are be been being can could did do does done even had has have having is just
may might must never not only ought shall should still was were will would
""".split())
# fmt: on

# Pronouns that are subjects: the next word is a verb.
# fmt: off
SUBJECT_PRONOUNS = frozenset("""
he i it she they we which who you
""".split())
# fmt: on

# Verbs that no suffix rule recognizes, in the forms news uses them.
# fmt: off
UNMARKED_VERBS = frozenset("""
agreed agrees appeared appears arisen beaten became becomes began begun bitten blown born bought
brings broke broken brought built calls came caught chose chosen comes dealt done drawn drew
driven drove fallen falls feels fell felt finds fled flown forgiven forgotten fought found
frozen gave gets given gives goes gone got gotten grew grown heard hears held hidden hit holds
hurt keeps kept knew known knows leads led left let lost made makes means meant meets met needs
paid pays plans put quit ran remained remains risen rises rose runs said saw says seemed seems
seen sees sells sends sent set shaken shown shows shut sold sought speaks spent spoke spoken
stands stolen stood struck stuck sworn taken takes taught tells thinks thought thrown told took
torn understood urged urges vowed vows wanted wants warned warns went wins won worn writes
written wrote
""".split())
# fmt: on

# Adverbs without the -ly ending ("fire late Thursday").
# fmt: off
PLAIN_ADVERBS = frozenset("""
abroad again ago almost alone already away back downtown earlier early else ever far here
instead late later meanwhile nearly now offline often once online overseas perhaps rather soon
then there together too twice upstairs very well yet
""".split())
# fmt: on

# A verb after its subject, and the noun that names the act ("The US responded" -> "US response").
NOMINALIZATIONS = {
    "acquired": "acquisition",
    "agreed": "agreement",
    "announced": "announcement",
    "apologised": "apology",
    "apologized": "apology",
    "appealed": "appeal",
    "approved": "approval",
    "arrested": "arrest",
    "attacked": "attack",
    "banned": "ban",
    "bombed": "bombing",
    "canceled": "cancellation",
    "cancelled": "cancellation",
    "closed": "closure",
    "collapsed": "collapse",
    "confirmed": "confirmation",
    "crashed": "crash",
    "criticised": "criticism",
    "criticized": "criticism",
    "decided": "decision",
    "delayed": "delay",
    "demanded": "demand",
    "denied": "denial",
    "discovered": "discovery",
    "escaped": "escape",
    "evacuated": "evacuation",
    "expanded": "expansion",
    "failed": "failure",
    "halted": "halt",
    "invaded": "invasion",
    "investigated": "investigation",
    "launched": "launch",
    "merged": "merger",
    "negotiated": "negotiations",
    "offered": "offer",
    "pledged": "pledge",
    "predicted": "prediction",
    "promised": "promise",
    "proposed": "proposal",
    "protested": "protest",
    "raided": "raid",
    "reacted": "reaction",
    "recalled": "recall",
    "recommended": "recommendation",
    "refused": "refusal",
    "released": "release",
    "requested": "request",
    "rescued": "rescue",
    "resigned": "resignation",
    "responded": "response",
    "retreated": "retreat",
    "ruled": "ruling",
    "settled": "settlement",
    "shelled": "shelling",
    "sued": "lawsuit",
    "surrendered": "surrender",
    "suspended": "suspension",
    "testified": "testimony",
    "voted": "vote",
    "warned": "warning",
    "withdrew": "withdrawal",
}

# A contraction ("who'd", "don't"): a pronoun or verb, never part of a noun phrase.
CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|m)$|n['’]t$", re.I)

# Words that join coordinated words ("military and diplomatic talks").
COORDINATORS = frozenset(["and", "or", "nor", "&"])

# A lower-case plural noun ("talks", "voters"; not "press", "bus", "analysis").
PLURAL = re.compile(r"^[a-z][a-z'-]*[^su'’]s$")

# Nouns that end like adverbs in -ly.
# fmt: off
NOUNS_IN_LY = frozenset("""
ally anomaly assembly belly bully butterfly family fly jelly monopoly rally reply supply
""".split())
# fmt: on

# Head nouns too vague to name a subtopic on their own ("the statement", "people"), or that
# name a person's role rather than a subtopic ("spokesman", "minister").
# fmt: off
VAGUE_HEADS = frozenset("""
adviser advisers aide aides anyone anything case cases cent chief comment comments correspondent
correspondents counterpart day days director end envoy everyone everything fact head issue
issues kind leader leaders lot lots matter member members minister ministers month months news
nothing number numbers official officials one ones other others part parts people percent person
point points president report reporter reporters reports secretary side sides someone something
sort source sources spokesman spokesperson spokeswoman start statement statements thing things
time times today tomorrow way ways week weeks year years yesterday
""".split())
# fmt: on

# Prepositions that join two noun phrases into one subtopic name ("evacuation of civilians",
# "talks in Geneva").
# fmt: off
CONNECTORS = frozenset("""
against for in of on over with
""".split())
# fmt: on

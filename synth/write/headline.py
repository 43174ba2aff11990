"""The briefing's title: a source's headline, or one written from the top point.

When sources have headlines, the title is the one closest in meaning to the lede (the
points the briefing opens with), so it names the story the page tells rather than one
outlet's angle. When none has a headline (plain-text wire copy), the title is the main
clause of the top point, shortened the way a headline is: the attribution becomes a
"Speaker:" prefix (the speaker read off the parse: the subject's noun or whole name, never a
place that follows it) and dependent clauses are left out. A shortening the parse cannot
show whole (a verb without its object, "according" without its source, no subject) gives
way to the sentence itself, cut at a clause break within `FAITHFUL_WORDS` when that leaves a
whole clause and no claim without its speaker: a long title is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from synth.core import Point, Source
from synth.lang.en import (
    ACCORDING,
    AGENCY_LEAD,
    CLAIM_LEMMAS,
    CLAUSE_BREAKS,
    DATELINE,
    DATELINE_LEAD,
    DETERMINERS,
    EVENT_MARKERS,
    FUNCTION_WORDS,
    LEADING_ATTRIBUTION,
    LISTENER_VERBS,
    NAME_AT_END,
    NAME_LINKS,
    NAME_RUN,
    NAME_SUFFIXES,
    NAMING_LINKS,
    NOT_A_NAME,
    OPENING_ADVERBIAL,
    OPENING_DETERMINER,
    PAIRED,
    PERSON_PRONOUNS,
    PHRASE_OPENERS,
    PLURAL_PRONOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    QUOTE_AFTER_COLON,
    SECOND_PERSON,
    SPEECH_LEMMAS,
    SPEECH_VERB,
    STAMP_LEAD,
    THING_PRONOUNS,
    TRAILING_ATTRIBUTION,
    VAGUE_AMOUNTS,
    stop_words,
)
from synth.read.label import plausible_headline
from synth.stages import Embedder
from synth.understand.answers import AnswerStore, drawn_from
from synth.understand.embed import normalize_rows
from synth.understand.parser import QUOTE_CHARACTERS, SUBJECT_DEPS, Parse, root_of
from synth.understand.standalone.cut import wrapped_title
from synth.understand.standalone.shape import has_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HEADLINE_WORDS = 16
# A title the parse cannot shorten whole is the sentence itself, cut at a clause break
# within this many words when one leaves a whole clause.
FAITHFUL_WORDS = 30
DASHES = frozenset(["-", "–", "—", "--"])
# What a kept word cannot lose: a verb its object, complement or second verb; a
# preposition its object.
NEEDED_BY_VERB = frozenset(
    ["dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "pcomp", "prt"]
)
NEEDED_BY_OTHER = frozenset(["pobj", "pcomp"])
# What a kept adjective cannot lose: the clause it opens ("were able [to identify ...]",
# "is likely [to fall]", "was sure [that ...]").
NEEDED_BY_ADJECTIVE = frozenset(["xcomp", "ccomp"])
# Who may head a "Speaker:" prefix by their whole name, and at most how many words it has.
SPEAKER_BODIES = frozenset(["ORG", "GPE", "NORP", "FAC"])
SPEAKER_WORDS = 6
# A title at most this long reads at a glance; a longer one is used only when no lede point
# gives a shorter one.
TITLE_MAX_WORDS = 24
# How much a source headline's likeness to the other headlines counts beside its likeness to
# the event.
SHARED_WEIGHT = 0.5
MIN_CLAUSE_WORDS = 5
SHORT_SUBJECT = 3
ENDS_BADLY = FUNCTION_WORDS | PREPOSITIONS | PHRASE_OPENERS | CLAUSE_BREAKS
BRACKETS = re.compile(r"\[([^\]]*)\]")
# Quotation marks stripped from a word's edges (a backtick is left on).
QUOTE_MARKS = QUOTE_CHARACTERS.replace("`", "")
NO_DOUBLE_QUOTES = str.maketrans("", "", '"“”')


def choose_title(
    sources: Sequence[Source],
    lede: Sequence[Point],
    lede_vectors: np.ndarray | None = None,
    embedder: Embedder | None = None,
    write: Callable[[str], str] = lambda text: headline_from_text(text),
) -> str:
    """The source headline closest to the event the lede opens on, else a headline written
    (by `write`) from the lede's first point that a headline can state (not a quote, not an
    unnamed claim) and that reads as one (`reads_as_title`); failing that, the one written
    from the event (the lede's first point), else the event's sentence whole, whose claim
    keeps its words "according to ..." (a long title about the event is better than a
    short one about a side story); else the first one written."""
    titled = [s for s in sources if s.title and not s.skipped and _headline(s)]
    if titled:
        return representative(titled, lede, lede_vectors, embedder)
    written = []
    for place, point in enumerate(lede):
        if point.text.lstrip()[:1] not in QUOTE_MARKS and not unnamed_claim(point.text):
            written.append((place, write(point.text)))
            if reads_as_title(written[-1][1]):
                return written[-1][1]
    if written and written[0][0] == 0:
        return written[0][1]
    if lede and lede[0].text.lstrip()[:1] not in QUOTE_MARKS:
        return as_headline(story_text(lede[0].text), None)  # the event, its speaker kept
    if written:
        return written[0][1]
    return write(lede[0].text) if lede else "Briefing"


def reads_as_title(headline: str) -> bool:
    """A headline a reader takes in at a glance: at most `TITLE_MAX_WORDS` words, opening on
    no pronoun or bare amount ("She ...", "Much can be known ...": of whom, of what?)."""
    words = headline.split()
    vague = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | VAGUE_AMOUNTS
    return bool(words) and len(words) <= TITLE_MAX_WORDS and words[0].casefold() not in vague


def _headline(source: Source) -> bool:
    """Whether a source's title is its headline: shaped as one (`plausible_headline`), a
    statement with a verb ("A photo of the teen" or a list of names is none) that does not
    speak to the reader ("Add a location to your posts": the page's words), and no first
    line of wrapped text taken for one (`wrapped_title`)."""
    title = str(source.title)
    if not plausible_headline(title) or not has_verb(title) or SECOND_PERSON.search(title):
        return False
    return not wrapped_title(source)


def representative(
    titled: Sequence[Source],
    lede: Sequence[Point],
    lede_vectors: np.ndarray | None,
    embedder: Embedder | None,
) -> str:
    """The headline nearest the event the lede opens on (its first point, the same at any
    `--max-words`) that the other headlines say most too (`SHARED_WEIGHT`: one outlet's
    side story loses to the story all tell); without vectors, the headline of the source the
    lede cites most (ties to the lower id)."""
    titles = list(dict.fromkeys(" ".join(str(s.title).split()) for s in titled))
    if embedder is not None and lede_vectors is not None and len(lede_vectors) and len(titles) > 1:
        vectors = normalize_rows(np.asarray(embedder.encode(titles), dtype=np.float64))
        between = vectors @ vectors.T
        shared = (between.sum(axis=1) - np.diag(between)) / (len(titles) - 1)
        similarity = vectors @ lede_vectors[0] + SHARED_WEIGHT * shared
        return titles[int(np.argmax(similarity))]
    cited = {s.id: sum(s.id in p.sources for p in lede) for s in titled}
    best = min(titled, key=lambda s: (-cited[s.id], s.id))
    return " ".join(str(best.title).split())


# Punctuation that belongs to the words around it ("Las Vegas' airport", "9%", "$5bn").
WORD_MARKS = frozenset(["'", "’", "-", "%", "$", "&", "/"])
# Dependents the parse keeps for a headline: who did what to whom ("The number of advertisers
# grew to seven"), not the clauses that tell more about one of them ("who have cut ties").
CORE_DEPS = frozenset(
    [
        *("nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "attr", "acomp", "xcomp"),
        *("ccomp", "prt", "dative", "agent", "oprd", "expl"),
    ]
)
# Inside a kept phrase, what is left out: relative and adverbial clauses, appositions,
# clauses set off or joined after it (a second verb; "the U.S. and Denmark" stay together).
ASIDE_DEPS = frozenset(["relcl", "advcl", "appos", "parataxis", "punct", "mark", "meta"])
CLAUSE_JOINS = frozenset(["conj", "cc"])
# What goes first when a headline runs long: the last phrase that only says where, when or
# how (a preposition's phrase, a time, an adverb).
TRIMMABLE_DEPS = frozenset(["prep", "npadvmod", "advmod", "agent"])
HEADLINE_KIND = "headline"
SET_OFF_MARKS = frozenset([",", ";", "—", "–", "--"])


@dataclass
class ParsedHeadline:
    """Writes a headline from a sentence's dependency parse: its subject, verb and object with
    their own words, less the clauses and asides that tell more about them, then the verb's
    prepositional phrases in order while they fit ("The number of advertisers who have cut
    ties ... grew to seven in March in the aftermath of ..." -> "The number of advertisers
    grew to seven in March"). The word lists of `headline_from_text` cut where a phrase may
    end; the parse knows where the clause that says what happened ends. `load` gives the
    parser on first use; with a `store`, a headline written before is read from disk."""

    load: Callable[[], Parse]
    store: AnswerStore | None = None
    _parse: Parse | None = field(default=None, repr=False)

    def __call__(self, text: str) -> str:
        if self.store is None:
            return self._write(text)
        written = self.store.answer(
            HEADLINE_KIND, text, lambda: self._write(text), drawn_from(text)
        )
        return written or headline_from_text(text)

    def _write(self, text: str) -> str:
        """The clause's core under its speaker, when the parse shows it whole; else the
        sentence's own words (`_faithful`): a long title is better than a wrong one."""
        plain = story_text(text)
        doc = self._doc(plain)
        root = root_of(doc)
        if root is None or root.pos_ not in ("VERB", "AUX") or len(list(doc.sents)) > 1:
            return self._faithful(plain, doc)  # no clause, or a second sentence may say whose
        reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
        speaker, named_by = None, None
        if reported is not None and _attributes(root, reported):
            speaker = _speaker(root)
            if speaker is not None and _named_subject(reported):
                root, named_by = reported, root
            elif reported.i < root.i:
                return self._faithful(plain, doc)  # "..., police said": no prefix, no cut
            else:  # "Police said they ...": the claim keeps its speaker in words
                speaker = None
        tokens = core_tokens(root) if _has_subject(root) else []
        if not tokens or _unkept_attribution(doc, tokens, named_by) or not _whole(tokens):
            return self._opening(plain, doc) or self._faithful(plain, doc)
        return as_headline(_text(tokens), speaker)

    def _opening(self, plain: str, doc: Doc) -> str | None:
        """The sentence's opening words up to a clause break (`shorten`), when they are a
        whole piece of its parse (`_whole_prefix`); else None."""
        words = shorten(plain.split())
        end = len(" ".join(words))
        if len(words) == len(plain.split()) or not _whole_prefix(doc, end):
            return None
        if _purpose_follows(doc, end):
            return None  # "closed in [to capture the module]": what for is the news
        return as_headline(" ".join(words), None)

    def _doc(self, text: str) -> Doc:
        if self._parse is None:
            self._parse = self.load()
        return self._parse(text)

    def _faithful(self, plain: str, doc: Doc) -> str:
        """The sentence as written (`doc` is its parse), cut at its last clause break within
        `FAITHFUL_WORDS` when what comes before is a whole piece of its parse
        (`_whole_prefix`: ", warning that ..." goes, "..., police said" stays); else whole,
        however long."""
        words = plain.split()
        for end in reversed(range(MIN_CLAUSE_WORDS, min(FAITHFUL_WORDS, len(words)))):
            if not words[end - 1].endswith((",", ";")) and words[end] not in DASHES:
                continue
            head = " ".join(words[:end])
            if _whole_prefix(doc, len(head.rstrip(",;"))):
                return as_headline(head, None)
        return as_headline(plain, None)


def _whole_prefix(doc: Doc, end: int) -> bool:
    """Whether the sentence's words before character `end` stand as a headline: they hold
    its main verb and that verb's subject, every word's head is among them (no word cut
    off from what it belongs to: "... when Eric Chu"), nothing is left hanging (`_whole`),
    and nothing after them says whose claim they are (`_attributed_later`)."""
    tokens = [t for t in doc if t.idx < end and not t.is_punct]
    kept = {t.i for t in tokens}
    root = root_of(doc)
    if not tokens or root is None or root.i not in kept or not _has_subject(root):
        return False
    if any(t.head.i not in kept for t in tokens) or len(list(doc.sents)) > 1:
        return False
    return _whole(tokens) and not _attributed_later(doc, end)


def _purpose_follows(doc: Doc, end: int) -> bool:
    """Whether the words after character `end` open on the main verb's purpose infinitive
    (`_purpose`): a cut there keeps that something was done and leaves out what for."""
    root = root_of(doc)
    following = next((t for t in doc if t.idx >= end and not t.is_punct), None)
    if root is None or following is None or following.lower_ != "to":
        return False
    return following.dep_ == "aux" and _purpose(following.head, root)


def _attributed_later(doc: Doc, end: int) -> bool:
    """Whether words after character `end` say whose claim the words before are: a verb
    of saying there with nothing said of its own after `end` ("..., police said"; ", his
    lawyer told the AP", however the parser hangs it), or an "according to". A second
    clause with its own report or object ("..., and geologists warned that ...", "... and
    his rival conceded defeat") is not."""
    for token in doc:
        if token.idx < end:
            continue
        if token.lower_ in ACCORDING:
            return True
        if token.lemma_ not in SPEECH_LEMMAS | CLAIM_LEMMAS or token.pos_ not in ("VERB", "AUX"):
            continue
        said = {"ccomp"} if token.lower_ in LISTENER_VERBS else {"ccomp", "dobj"}
        if not any(c.dep_ in said and c.idx >= end for c in token.children):
            return True  # what it says lies before ("told the AP": the listener, not what)
    return False


def _has_subject(root: Token) -> bool:
    return root.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in root.children
    )


def _whole(tokens: list[Token]) -> bool:
    """Whether the kept words leave nothing hanging: every kept verb keeps its object or
    complement, and the second verb joined to it when the two share an object ("by
    inventing [and establishing the rule]"); every kept preposition keeps its object, every
    kept adjective the clause it opens ("were able [to identify]"); the last word is no
    function word."""
    kept = {t.i for t in tokens}
    for token in tokens:
        verb = token.pos_ in ("VERB", "AUX")
        needed = NEEDED_BY_VERB if verb else NEEDED_BY_OTHER
        if token.pos_ == "ADJ":
            needed = NEEDED_BY_ADJECTIVE
        if any(c.dep_ in needed and c.i not in kept for c in token.children):
            return False
        if verb and _shares_object(token, kept):
            return False
        if token.lower_ in ACCORDING and not all(t.i in kept for t in token.subtree):
            return False  # "according [to police]"
        if token.lower_ in PAIRED and not _pair_kept(token, kept):
            return False  # "between $1.8 million [and $7 million]"
        if _which_cut(token, kept):
            return False  # "the extradition [of Olsen]"
        if not verb and any(c.dep_ == "conj" and c.i not in kept for c in token.children):
            return False  # "Olsen, his aides[, and others]": a list cut
    last = tokens[-1]
    if last.tag_ in ("VBN", "VBG") and any(
        c.dep_ in ("prep", "agent") and c.i not in kept for c in last.children
    ):
        return False  # "operated [by the port]", "related [to the sale]"
    return last.lower_.strip(QUOTE_MARKS) not in ENDS_BADLY | VAGUE_AMOUNTS


def _which_cut(token: Token, kept: set[int]) -> bool:
    """A kept noun whose phrase saying which one it is was left out ("the extradition [of
    Olsen]", "the number [of ferries]")."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "prep" and c.lower_ in NAMING_LINKS and c.i not in kept for c in token.children
    )


def _pair_kept(between: Token, kept: set[int]) -> bool:
    """Whether both ends of "between" are kept: its phrase, and the second thing joined to
    the word it hangs on ("between $1.8 million and $7 million": the parser hangs "between"
    on the first "million", and the second on that)."""
    if not all(t.i in kept for t in between.subtree):
        return False
    for word in (between, between.head, *between.children):
        for joined in (c for c in word.children if c.dep_ == "conj"):
            if joined.i not in kept:
                return False
    return True


def _shares_object(verb: Token, kept: set[int]) -> bool:
    """A kept verb that nothing kept follows, whose second verb is left out: "by inventing
    [and establishing the rule]", "North Korea attempted [and failed to launch a missile]"
    leave the first verb waiting for what the two share."""
    if any(t.i in kept and t.i > verb.i for t in verb.subtree):
        return False
    return any(c.dep_ == "conj" and c.i not in kept for c in verb.children)


def _attributes(verb: Token, reported: Token) -> bool:
    """Whether `verb` attributes the clause `reported` to its subject: a verb of saying or
    claiming, or any verb after the clause ("..., a study found")."""
    return bool(verb.lemma_ in SPEECH_LEMMAS | CLAIM_LEMMAS or reported.i < verb.i)


def _named_subject(clause: Token) -> bool:
    """A reported clause with a subject that is no pronoun ("She might never walk again")."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ != "PRON"


def _unkept_attribution(doc: Doc, tokens: list[Token], named_by: Token | None) -> bool:
    """A verb of saying, or "according to", that the headline leaves out ("According to
    Smith, the vaccine ...", "The suspect, police said, fled ..."): without it a claim
    would read as fact, so the sentence's own words make the title instead. So does a headline
    that opens on a pronoun ("She might never walk again": who?). `named_by`: the verb
    whose subject is already the headline's "Speaker:"."""
    kept = {t.i for t in tokens} | ({named_by.i} if named_by is not None else set())
    for token in doc:
        said = token.lemma_ in SPEECH_LEMMAS | CLAIM_LEMMAS or token.lower_ in ACCORDING
        subordinate = any(  # "after it admitted" is when; "as the bank warned" is whose
            c.dep_ == "mark" and c.lower_ in EVENT_MARKERS for c in token.children
        )
        if said and token.i not in kept and token.head.dep_ == "ROOT" and not subordinate:
            return True  # said of the whole clause, not of a word in it ("self-described")
    vague = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | VAGUE_AMOUNTS
    return bool(tokens[0].lower_ in vague)  # "She ...", "Much can be known": of whom, what?


def _speaker(verb: Token) -> str | None:
    """Who the speech verb's subject names, as a headline names them, read off the parse: a
    person by surname, an organisation or place by its whole name ("Doctors Without
    Borders", "Norwegian Institute of Public Health"), else the subject's noun with the
    words before it ("A ferry captain sailing into Bergen said" -> "Ferry captain", never
    "Bergen"). None for a pronoun or a subject longer than a headline's speaker."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ in ("PRON", "NUM") or subject.tag_ == "CD":
        return None  # "He said", "Two said": whom?
    if subject.lower_ in QUANTIFIERS or any(c.dep_ == "conj" for c in subject.children):
        return None  # "Many said"; "Olsen and Lund said" is two speakers: keep it in words
    entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    if entity is not None and entity.label_ == "PERSON":  # by surname: "Olsen", "Trump Jr."
        names = [t.text.removesuffix("'s").removesuffix("’s") for t in entity]
        last = max(
            (i for i, w in enumerate(names) if w.rstrip(".,") not in NAME_SUFFIXES), default=None
        )
        return None if last is None else " ".join(names[last:])
    if entity is not None and entity.label_ in SPEAKER_BODIES:
        words = [t for t in entity if t.lower_ not in DETERMINERS]
    else:
        words = [t for t in subject.subtree if t.i <= subject.i and t.lower_ not in DETERMINERS]
        words = [t for t in words if not _aside(t)]
        if subject.is_title:
            words += _name_after(subject)
    if not words or len(words) > SPEAKER_WORDS:
        return None
    text = _text(words)
    return text[:1].upper() + text[1:]


def _name_after(head: Token) -> list[Token]:
    """The rest of a name after its head: "Institute [of Public Health]", "Doctors [Without
    Borders]": a preposition whose object is a name, all of it capitalized or "of"."""
    for child in head.children:
        if child.dep_ != "prep" or child.i != head.i + 1:
            continue
        phrase = list(child.subtree)
        if all(t.is_title or t.lower_ in NAME_LINKS or t.is_punct for t in phrase) and any(
            t.pos_ == "PROPN" for t in phrase
        ):
            return phrase
    return []


def core_tokens(root: Token) -> list[Token]:
    """The words of a clause's core (see `ParsedHeadline`), with the verb's phrases after
    it; the last phrases of place, time or manner go first while the headline is longer
    than `HEADLINE_WORDS`."""
    kept = {root.i}
    doc = root.doc
    for child in root.children:
        after = child.dep_ in TRIMMABLE_DEPS and child.i > root.i and not _set_off(child)
        if child.dep_ in CORE_DEPS or after or _purpose(child, root):
            kept |= _phrase_without_asides(child)
    subject = {t.i for c in root.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    while len(_text(_shown(doc, kept)).split()) > HEADLINE_WORDS:
        last = _last_optional(doc, kept, subject, root)
        if last is None:
            return []
        kept -= {t.i for t in last.subtree}
    return _shown(doc, kept)


def _purpose(clause: Token, root: Token) -> bool:
    """An infinitive after a verb with no object that says what it was done for, not set off
    by a comma ("closed in [to capture the first module]"): without it the verb tells
    only that something moved, and the news is what for. A verb with its object says what
    happened already ("halted its ferries [to allow repairs]")."""
    return (
        clause.dep_ == "advcl"
        and clause.i > root.i
        and not _set_off(clause)
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i for c in clause.children)
        and not any(c.dep_ in NEEDED_BY_VERB - {"prt"} for c in root.children)
    )


def _shown(doc: Doc, kept: set[int]) -> list[Token]:
    """The kept tokens a headline shows: words, the marks inside them ("13-year-old"), and
    the commas of a list whose words around them are kept ("Oslo, Bergen and Varna")."""
    if not kept:
        return []
    return [
        doc[i]
        for i in range(min(kept), max(kept) + 1)
        if (i in kept and (not doc[i].is_punct or doc[i].text in WORD_MARKS))
        or (doc[i].text == "," and {i - 1, i + 1} <= kept and _listed(doc, i))
    ]


def _listed(doc: Doc, comma: int) -> bool:
    """A comma between two things of one list: the word after it is joined to a word before."""
    following = doc[comma + 1] if comma + 1 < len(doc) else None
    return following is not None and following.dep_ == "conj" and following.head.i < comma


def _set_off(phrase: Token) -> bool:
    """A phrase that a comma sets off from the words before it (", the Russian-made module
    that ..."): an aside the parse may hang on the verb, never what the verb did."""
    first = min(t.i for t in phrase.subtree)
    return first > 0 and phrase.doc[first - 1].text in SET_OFF_MARKS


def _last_optional(doc: Doc, kept: set[int], subject: set[int], root: Token) -> Token | None:
    """The phrase to leave out next, whole: the verb's phrase of place, time or manner that
    ends the headline, else the outermost such phrase (or describing participle) that ends
    its object; never the subject's, nor an "according to" that says whose claim it is."""
    clause_heads = {root.i} | {i for i in kept if doc[i].dep_ in ("xcomp", "ccomp")}
    end = max(kept)
    ending = [
        doc[i]
        for i in kept
        if i not in subject
        and i != root.i
        and max(kept & {t.i for t in doc[i].subtree}) == end
        and doc[i].lower_ not in ACCORDING  # "according to ...": whose claim, never cut
    ]
    for tier in (
        [t for t in ending if t.dep_ in TRIMMABLE_DEPS and t.head.i in clause_heads],
        [  # never which thing a noun is ("the extradition [of Olsen]")
            t for t in ending if t.dep_ in TRIMMABLE_DEPS | {"acl"} and t.lower_ not in NAMING_LINKS
        ],
    ):
        if tier:
            return min(tier, key=lambda t: t.i)
    heads = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    inner = [  # last: where the subject works or comes from ("Professor Olsen [at the
        # University of Bergen]"), never which thing it is ("The number [of ferries]")
        c
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.i > head.i and c.i in kept and c.lower_ not in NAMING_LINKS
    ]
    return max(inner, key=lambda t: (len(list(t.subtree)), -t.i)) if inner else None


def _text(tokens: list[Token]) -> str:
    """Tokens as written: each with its own spacing when the next one follows it."""
    out = []
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        joined = following is not None and following.i == token.i + 1
        out.append(token.text + (token.whitespace_ if joined else " "))
    return "".join(out).strip()


def _phrase_without_asides(head: Token) -> set[int]:
    """The token offsets of `head`'s phrase, without the subtrees of its asides (and of a
    second verb joined to it)."""
    left_out = {t.i for d in head.subtree if d is not head and _aside(d) for t in d.subtree}
    return {t.i for t in head.subtree if t.i not in left_out}


def _aside(token: Token) -> bool:
    """A dependent that tells more rather than what happened (see `ASIDE_DEPS`); a hyphen or
    an apostrophe inside a word ("22-year-old") is part of the word."""
    if token.dep_ == "punct" and token.text in WORD_MARKS:
        return False
    return bool(
        token.dep_ in ASIDE_DEPS
        or (token.dep_ in CLAUSE_JOINS and token.head.pos_ in ("VERB", "AUX"))
    )


def headline_from_text(text: str) -> str:
    """A sentence's main clause, shortened to a headline: "Olsen: The port of Varna has
    reopened to container ships"."""
    clause, speaker = story_clause(text)
    return as_headline(" ".join(shorten(clause.split())), speaker)


def story_text(text: str) -> str:
    """The sentence as a headline starts from: editorial brackets, a wire dateline and an
    opening adverbial ("In 2016, ") off; attributions kept for the parse to read."""
    text = STAMP_LEAD.sub("", BRACKETS.sub(r"\1", " ".join(text.split())))
    dateline = DATELINE.match(text) or DATELINE_LEAD.match(text) or _agency_lead(text)
    text = OPENING_ADVERBIAL.sub("", text[dateline.end() :] if dateline else text)
    quoted = QUOTE_AFTER_COLON.search(text)
    if quoted and len(text[: quoted.start()].split()) >= MIN_CLAUSE_WORDS:
        return text[: quoted.start()] + "."  # the writer's words, without the quote they open
    return text


def _agency_lead(text: str) -> re.Match[str] | None:
    """ "Seoul (CNN) ...": a place and an agency; not a name and its initials ("Amnesty
    International (AI) Secretary General ..."), which is the story's subject."""
    found = AGENCY_LEAD.match(text)
    if found is None:
        return None
    words = [w for w in found.group("place").split() if w.casefold() not in FUNCTION_WORDS]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return None if found.group("agency") == initials else found


def story_clause(text: str) -> tuple[str, str | None]:
    """The sentence as a headline starts from: editorial brackets and a wire dateline off,
    its attribution split off as the speaker (`main_clause`)."""
    text = BRACKETS.sub(r"\1", " ".join(text.split()))
    dateline = DATELINE.match(text) or DATELINE_LEAD.match(text)
    return main_clause(text[dateline.end() :] if dateline else text)


def as_headline(words: str, speaker: str | None) -> str:
    """Headline words set as a title: no double quotes or end punctuation, a capital first,
    the speaker as a "Speaker:" prefix."""
    headline = words.translate(NO_DOUBLE_QUOTES).strip(" ,;:.-–—")
    headline = headline[:1].upper() + headline[1:]
    return f"{speaker}: {headline}" if speaker else headline


def unnamed_claim(text: str) -> bool:
    """Whether the sentence is someone's claim whose speaker a headline cannot name ("...,"
    wrote the group's page): its main clause alone would read as fact."""
    clause, speaker = main_clause(BRACKETS.sub(r"\1", " ".join(text.split())))
    attributed = TRAILING_ATTRIBUTION.search(clause) or LEADING_ATTRIBUTION.match(clause)
    return speaker is None and attributed is not None


def main_clause(text: str) -> tuple[str, str | None]:
    """The sentence without its attributions, and who it is attributed to.

    An attribution is only dropped when it can be kept as a "Speaker:" prefix, so a claim
    never reads as fact in the title.
    """
    text = OPENING_ADVERBIAL.sub("", text)
    speakers = []
    trailing = TRAILING_ATTRIBUTION.search(text)
    if trailing and len(text[: trailing.start()].split()) >= MIN_CLAUSE_WORDS:
        speaker = speaker_in(trailing.group("who"))
        if speaker:
            speakers.append(speaker)
            text = text[: trailing.start()]
    leading = LEADING_ATTRIBUTION.match(text)
    if leading and len(leading.group("rest").split()) >= MIN_CLAUSE_WORDS:
        speaker = speaker_in(leading.group("who"))
        if speaker:
            speakers.append(speaker)
            text = leading.group("rest")
    return text, speakers[-1] if speakers else None


def speaker_in(attribution: str) -> str | None:
    """Who an attribution names, as a headline would: a person by surname ("Norway's foreign
    minister Maria Olsen said" -> "Olsen", "said Jan Berg, head of ..." -> "Berg"),
    a body by its name ("the Associated Press reported" -> "Associated Press"), else a short
    subject ("police said" -> "Police"); None for a long subject without a name. Without a
    speech verb, the whole text is the subject."""
    verb = SPEECH_VERB.search(attribution)
    subject = attribution[: verb.start()] if verb else attribution
    rest = attribution[verb.end() :] if verb else ""
    if verb and verb.group(0) in LISTENER_VERBS:
        rest = ""  # "told the Associated Press": who was told, not who told
    rest = OPENING_DETERMINER.sub("", rest.lstrip(" ,"))
    before = NAME_AT_END.search(subject.rstrip())
    for match, text in ((before, subject), (NAME_RUN.match(rest), rest)):
        if match and (name := _name(match.group("name").split(), text[: match.start()])):
            return name
    words = [w.strip(QUOTE_MARKS) for w in subject.split() if w.casefold() not in DETERMINERS]
    words = [w for w in words if w]
    content = [w for w in words if w.casefold().strip(",") not in stop_words()]
    if content and len(words) <= SHORT_SUBJECT and "according" not in subject:
        phrase = " ".join(words).strip(" ,")
        return phrase[:1].upper() + phrase[1:]
    return None


def _name(run: list[str], before: str) -> str | None:
    """A run of capitalized words as a headline names it: after its last title word
    ("Foreign Minister Maria Olsen" -> "Olsen"); a person named after a title or role by
    surname, anyone else in full ("Associated Press")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in run]
    while words and words[0].casefold() in DETERMINERS:
        words.pop(0)
    titled = [i for i, w in enumerate(words) if w.casefold() in NOT_A_NAME]
    start = titled[-1] + 1 if titled else 0
    name = words[start:]
    if not name:
        return None
    previous = before.split()[-1:] if before.strip() else []
    role = bool(titled) or bool(
        previous and previous[0][:1].islower() and previous[0].casefold() not in DETERMINERS
    )
    if role or len(name) > SHORT_SUBJECT:
        return name[-1]
    return " ".join(name)


def shorten(words: list[str]) -> list[str]:
    """The words up to the first clause break after which they say what happened (a verb,
    and not one left waiting for its object: "The court has ruled" goes on to what it
    ruled), at most `HEADLINE_WORDS`."""
    for index, word in enumerate(words):
        if index < MIN_CLAUSE_WORDS:
            continue
        previous = words[index - 1]
        bare = word.casefold().strip(QUOTE_MARKS)
        infinitive = bare == "to" and index + 1 < len(words) and _verb_after_to(words[index + 1])
        breaks = previous.endswith((",", ";", ":")) or bare in CLAUSE_BREAKS or infinitive
        if (breaks or word in {"-", "–", "—"}) and _says_what_happened(words[:index]):
            return _cap(words[:index])
    return _cap(words)


def _says_what_happened(words: list[str]) -> bool:
    """A verb among the words, and the last word not one: "A photo of the teen" and "The
    court has ruled" are not headlines yet."""
    last = words[-1].strip(",;:").casefold()
    return has_verb(" ".join(words)) and not has_verb(last)


def _verb_after_to(word: str) -> bool:
    """ "to allow", "to end": a purpose clause; "to Geneva", "to the city": a destination."""
    return word[:1].islower() and word.casefold() not in DETERMINERS


def _cap(words: list[str]) -> list[str]:
    """At most `HEADLINE_WORDS` words; when that cuts a clause, it ends where a phrase does
    (before a preposition or conjunction) once the words say what happened, never on a
    function word or a possessive."""
    kept = words[:HEADLINE_WORDS]
    if len(words) > HEADLINE_WORDS:
        ends = [
            i
            for i in range(MIN_CLAUSE_WORDS, len(kept))
            if (words[i].casefold() in ENDS_BADLY or words[i - 1].endswith(","))
            and _says_what_happened(words[:i])
        ]
        kept = kept[: ends[-1]] if ends else kept
    while len(kept) > MIN_CLAUSE_WORDS and (
        kept[-1].casefold().strip(",;:") in ENDS_BADLY or kept[-1].endswith(("'s", "’s"))
    ):
        kept.pop()
    return kept

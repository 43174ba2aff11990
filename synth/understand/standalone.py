"""Make sure a sentence can stand on its own once lifted out of its article.

A reader of a briefing sees each point without the article around it, so a sentence is kept
out when it leans on what came before: an opening connective ("However,"), a pronoun whose
referent lies in an earlier sentence ("It now holds ...", "..., he said"), a definite
description of something it never names ("The study found ...", "said the decision ..."), an
unnamed speaker ("A friend said"), first or second person outside quotes, a quotation with no
one named to say it, or a fragment (lower-case start, ellipsis, no closing punctuation). Text
of the page rather than the story (a quoted tweet, a reference list, a glued heading, a
label, a photo caption) and words that point back ("additional", "the same", "each study",
"by that time") keep a sentence out too. Only
one repair is made, the way journalists do it: an opening "He said" whose speaker is named
just before becomes "[Olsen] said". The rules are strict on purpose: a point dropped costs
less than a point that cannot be understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from synth.core import Point, Sentence
from synth.lang.en import (
    ADDITIVE_ANCHORS,
    ADDITIVE_WORDS,
    ARTICLES,
    BARE_DEFINITE,
    BRACKETED_NOTE,
    CAPTION_DATE,
    CAPTION_POSITION,
    DEFINITE_ARTICLE,
    DEFINITE_EXPLAINED,
    DEMONSTRATIVES,
    DISTANT_DEMONSTRATIVES,
    DISTRIBUTIVES,
    DROPPABLE_CONNECTIVE,
    EXAMPLE_CONNECTIVE,
    FIGURE_REFERENCE,
    FINITE_VERBS,
    FIRST_SECOND_PERSON,
    FURTHER_READING,
    GLUED_HEADING,
    GLUED_OPENING,
    INLINE_BYLINE,
    INNER_CONNECTIVE,
    INNER_NAME,
    IRREGULAR_VERBS,
    KIND_COMPARATIVES,
    KIND_NOUNS,
    KNOWN_REFERENTS,
    LABEL_OPENING,
    LABEL_PHRASE,
    LETTER_WORD,
    LINKED_NAME,
    MEDIA_REFERENCE,
    NAME_AFTER_VERB,
    NAME_APPOSITIVE,
    NAME_BEFORE_VERB,
    NATIONAL_NOUNS,
    NOT_A_NAME,
    NOT_NAMING_PREPOSITIONS,
    OPENING_CONNECTIVE,
    OPENING_DEFINITE,
    OPENING_PRONOUN,
    OPENING_QUANTIFIER,
    OPENING_RELATIVE,
    PARTITIVE,
    PLURAL_PRONOUNS,
    PRONOUN_SPEAKER,
    QUESTION_LABEL,
    QUOTE_OPENING_PERSON,
    QUOTED_TEXT,
    REFERENCE_LIST,
    REFLEXIVE_ENDINGS,
    RELATED_LABEL,
    REPEATED_NAME,
    SAID_DEFINITE,
    SAME,
    SAME_AS,
    SENTENCE_CLOSE,
    SENTENCE_CLOSING,
    SENTENCE_OPENING,
    SHOUTED_WORD,
    SHOUTED_WORDS,
    SOCIAL_MARKUP,
    SPEAKER_PRONOUN,
    SPEECH_LEMMAS,
    SUCH,
    SUCH_AS,
    SUCH_WORD,
    THAN,
    THING_PRONOUNS,
    THIRD_PERSON,
    THIRD_PERSON_PRONOUNS,
    TRUNCATED,
    UNNAMED_SPEAKER,
    VAGUE_DETERMINERS,
    VERB_STEMS,
)
from synth.understand.answers import AnswerStore

LOOK_BACK = 3
PAST_SUFFIX_MIN = 4  # "died", "voted"; shorter words in -ed ("red", "bed") are no verbs
QUOTE_OPENERS = ('"', "“", "‘", "'", "`")


def repair(sentence: Sentence, sentences: Sequence[Sentence], strict: bool = False) -> str | None:
    """The sentence's text, repaired if needed; None when it cannot stand on its own.

    By default only the problems that make a point unreadable count (an opening connective,
    pronoun or unexplained definite description, a pronoun speaker, a fragment, ...); with
    `strict`, also those that only make it harder (a "the report" inside the sentence)."""
    text = drop_connective(sentence.text)
    speaker = SPEAKER_PRONOUN.match(text)
    if speaker:
        name = find_speaker(sentence, sentences)
        if not name:
            return None
        text = f"[{name}]{speaker.group('rest')}{text[speaker.end() :]}"
    return text if standalone_problem(text, strict) is None else None


EDITORIAL = re.compile(r"\[([^\[\]]{1,40})\]")


def without_edits(text: str) -> str:
    """The text as the reader reads it, editorial brackets off ("[T]he", "[Olsen] said")."""
    return EDITORIAL.sub(r"\1", text)


def drop_connective(text: str) -> str:
    """ "However, the army ..." -> "[T]he army ...": the link to the sentence before cut, the
    changed letter bracketed as quoting editors do, so the point still shows it was edited."""
    found = DROPPABLE_CONNECTIVE.match(text)
    if not found:
        return text
    rest = text[found.end() :]
    return f"[{rest[0].upper()}]{rest[1:]}" if rest[0].islower() else rest


def standalone_problem(text: str, strict: bool = True) -> str | None:
    """Why a sentence cannot be read alone (connective, fragment, pronoun, definite
    description, quote, other), or None when it can. Without `strict`, only what makes it
    unreadable: the problems at its opening, a pronoun speaker, first or second person,
    fragments and quotations standing alone."""
    if RELATED_LABEL.match(text) or BRACKETED_NOTE.match(text) or _page_text(text):
        return "other"
    text = without_edits(text)
    if OPENING_CONNECTIVE.match(text) or EXAMPLE_CONNECTIVE.search(text):
        return "connective"
    if not text[:1].isupper() and not text.startswith(("[", *QUOTE_OPENERS)):
        return "fragment"
    if OPENING_RELATIVE.match(text):
        return "fragment"
    if TRUNCATED.search(text) or not SENTENCE_CLOSE.search(text) or text.endswith("?"):
        return "fragment"
    outside = QUOTED_TEXT.sub(" ", text)
    if text.startswith(QUOTE_OPENERS) and not _named_speaker(outside):
        return "quote"
    if OPENING_PRONOUN.match(text) or QUOTE_OPENING_PERSON.match(text):
        return "pronoun"  # also a quote that opens on someone unnamed: “He takes action,” ...
    if PRONOUN_SPEAKER.search(outside):
        return "pronoun"
    if FIRST_SECOND_PERSON.search(outside):
        return "pronoun"
    opening = OPENING_DEFINITE.match(text)
    if (
        opening
        and opening.group("word") not in KNOWN_REFERENTS
        and not DEFINITE_EXPLAINED.match(text)
    ):
        return "definite_description"
    if UNNAMED_SPEAKER.match(text) or OPENING_QUANTIFIER.match(text):
        return "definite_description"
    return _inner_problem(text, outside) if strict else None


PAGE_TEXT = (
    SOCIAL_MARKUP,
    REPEATED_NAME,
    REFERENCE_LIST,
    GLUED_HEADING,
    LABEL_OPENING,
    FIGURE_REFERENCE,
    FURTHER_READING,
    CAPTION_POSITION,
    MEDIA_REFERENCE,
    LINKED_NAME,
    GLUED_OPENING,
    INLINE_BYLINE,
)


def _page_text(text: str) -> bool:
    """Words of the page around a story, not of the story: a tweet's handles and hashtags, a
    link's repeated name or a link card's, a byline, a reference list, a section heading
    glued to its first sentence (with or without a space), a page label or a label phrase
    before a colon, a paper's figure reference, a pointer to more reading, a photo
    caption's "(left)", words about the page's video or pictures, a sentence in capitals."""
    return any(pattern.search(text) for pattern in PAGE_TEXT) or _shouted(text) or _label(text)


def _label(text: str) -> bool:
    """A label phrase before a colon (`LABEL_PHRASE`) that does not introduce a quote."""
    found = LABEL_PHRASE.match(text)
    if found is None:
        return False
    label = found.group("label")
    return bool(QUESTION_LABEL.match(label)) or not has_verb(label)


def _shouted(text: str) -> bool:
    """A sentence in capitals ("WE'RE GOING TO BE ON TRAVERSE CREEK"): a transcript's or a
    caption's text, not a story's. (Two plain tests: one pattern for both backtracks.)"""
    if any(c.islower() for c in text):
        return False
    return len(SHOUTED_WORD.findall(text)) >= SHOUTED_WORDS


def _inner_problem(text: str, outside: str) -> str | None:
    """What makes a sentence harder to read alone without making it unreadable."""
    if INNER_CONNECTIVE.search(text):
        return "connective"
    if _pronoun_before_name(outside):
        return "pronoun"
    if SUCH.search(outside) or SAID_DEFINITE.search(outside):
        return "definite_description"
    if any(m.group("noun") not in KNOWN_REFERENTS for m in BARE_DEFINITE.finditer(outside)):
        return "definite_description"
    return None


def _named_speaker(text: str) -> bool:
    """Whether the words outside the quotes name who is speaking ("..., Olsen said")."""
    return any(p.search(text) for p in (NAME_BEFORE_VERB, NAME_AFTER_VERB, NAME_APPOSITIVE))


def _pronoun_before_name(text: str) -> bool:
    """A third-person pronoun with no name before it in the sentence to stand for."""
    pronoun = THIRD_PERSON.search(text)
    if pronoun is None:
        return False
    return INNER_NAME.search(text, 0, pronoun.start()) is None


def find_speaker(sentence: Sentence, sentences: Sequence[Sentence]) -> str | None:
    """Surname of the person most recently quoted before `sentence` in the same article."""
    for back in range(1, LOOK_BACK + 1):
        index = sentence.id - back
        if index < 0 or sentences[index].source != sentence.source:
            return None
        name = last_named_speaker(sentences[index].text)
        if name:
            return name
    return None


def last_named_speaker(text: str) -> str | None:
    """The last name in `text` that stands next to a speech verb, as its final word.

    A name right before the verb ("Olsen said") wins over one after it (", said Olsen"),
    which wins over one set off by an appositive ("Olsen, the UN adviser, said").
    """
    for pattern in (NAME_BEFORE_VERB, NAME_AFTER_VERB, NAME_APPOSITIVE):
        found = [
            (match.start("name"), surname)
            for match in pattern.finditer(text)
            if (surname := _surname(match.group("name")))
        ]
        if found:
            return max(found)[1]
    return None


def _surname(name: str) -> str | None:
    words = [w for w in re.split(r"\s+", name) if w.rstrip(".") not in {"Mr", "Ms", "Mrs", "Dr"}]
    words = [w for w in words if w.casefold() not in NOT_A_NAME]
    if not words:
        return None
    last = words[-1].removesuffix("'s").removesuffix("’s")
    return last if last[:1].isupper() and last.casefold() not in NOT_A_NAME else None


def shape_problem(text: str) -> str | None:
    """Why a point's text does not read as a sentence, or None when it does.

    The last guard before a point is shown: it must open with a capital letter, a digit or a
    quote, close with sentence punctuation, and hold a verb. Headlines, captions, widget text
    and pieces cut out of a sentence fail one of the three.
    """
    opening = SENTENCE_OPENING.match(text)
    if not opening or opening.group()[-1].islower():
        return "does not open as a sentence"
    if not SENTENCE_CLOSING.search(text):
        return "does not close as a sentence"
    if not has_verb(text):
        return "has no verb"
    return None


def has_verb(text: str) -> bool:
    """A word that is a verb in any reading: a form of be, have, do or a modal, a contraction,
    an irregular past, a common verb or its -s form, or a word of four letters or more in -ed
    (not -eed: "seed", "feed").
    Lists and suffixes, no tagger: a noun read as a verb ("plans") lets a fragment through,
    which the other two shape checks and the ranker's length limits still face."""
    for word in LETTER_WORD.findall(text):
        word = word.lower().replace("’", "'")
        if word in FINITE_VERBS or word in IRREGULAR_VERBS or _regular_verb(word):
            return True
    return False


def _regular_verb(word: str) -> bool:
    past = len(word) >= PAST_SUFFIX_MIN and word.endswith("ed") and not word.endswith("eed")
    if word in VERB_STEMS or past:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in VERB_STEMS
    return word.endswith("s") and (word[:-1] in VERB_STEMS or word[:-2] in VERB_STEMS)


# ==== The reading with a parser: who or what a sentence is about

Parse = Callable[[str], Any]


class Problem(Protocol):
    """Why a text cannot stand alone, or None; `opening`: it is its article's first sentence."""

    def __call__(self, text: str, *, opening: bool = False) -> str | None: ...


# spaCy's entity labels for things a reader can place by name.
NAMED_LABELS = frozenset(
    ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"]
)
# Labels of dates, times and amounts: no "it" stands for them.
TIME_LABELS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])
# Labels of a name that a kind ("the company", "the city") can stand for.
KIND_LABELS = frozenset(["ORG", "GPE", "FAC", "LOC"])
# In `known`: the reader has read the name of a place or an organisation.
PLACE_OR_BODY = "<place or body>"
# Opens the nouns kept for a headline (`AnswerStore` keeps no empty answer).
NOUNS_MARK = "nouns:"
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# A verb's object pronoun ("thanked him", "gave them"; not "took it with him", which can be
# the subject) and the words of a name.
OBJECT_DEPS = frozenset(["dobj", "dative"])
PERSONAL_TAG = "PRP"
NAME_PARTS = frozenset(["compound", "flat"])
# A number's tag: one standing alone as a subject ("Six arrived") counts what came before.
NUMBER_TAG = "CD"
NUMBER_DEPENDENTS = frozenset(["prep", "compound", "nummod", "quantmod", "amod"])
COUNTS = frozenset(["", "CARDINAL"])
# Where an unexplained "the ..." leaves the reader asking which: as a clause's subject or
# object, after a preposition, as a possessor ("the agency's account").
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "pobj", "attr", "dative", "poss"}
# Dependents that tell which thing a definite noun means ("the talks that ...", "the head
# of", "the Oslo office", "the port's owners"); an adjective ("the failed test") does not.
EXPLAINING_DEPS = frozenset(["prep", "acl", "relcl", "appos", "poss", "compound", "nummod"])
FINITE_MARKERS = frozenset(["aux", "auxpass"])
CLAUSE_DEPS = frozenset(["relcl", "acl"])
PLURAL_TAGS = frozenset(["NNS", "NNPS"])
# A demonstrative pronoun ("this is a story", "things like this"), not a relative "that".
DEMONSTRATIVE_TAG = "DT"
MODAL_TAG = "MD"
HYPHENS = frozenset(["-", "‐", "–"])
JUDGED_SHARE = 8
# Candidates parsed together (`ParsedJudge.prepare`), and parses kept at most (`synth eval`
# runs one pipeline over hundreds of clusters).
PARSE_BATCH = 32
MAX_PARSED = 4096
STANDALONE_KIND = "standalone"
OPENING_KIND = "standalone-opening"
# Every problem the parse checks (`_parsed`, `_page_parse`) can name: a kept answer outside
# this list was not written by the judge and is judged again.
PARSED_PROBLEMS = frozenset(["other", "fragment", "pronoun", "definite_description"])
MEMBERS_TRIED = 3


@dataclass
class ParsedJudge:
    """Says why a sentence cannot be read alone, from its dependency parse and entities.

    The regular expressions of `standalone_problem` see an opening "He" or "The study"; the
    parse also sees a pronoun or an unexplained "the victims" inside the sentence, a sentence
    that names no one and nothing, a demonstrative pointing back ("this new species"), an
    imperative (page text: "Get push notifications"), a head that is no finite verb (a
    fragment left by a sentence split), a photo caption (a present-tense scene dated to the
    day), a number standing alone as a subject ("Six arrived"), an object pronoun that
    could only be its own verb's subject ("Olsen thanked him") and a noun told against one
    shown before ("additional", "the same", "a smaller", "each"). `known` are the nouns
    the reader has already read (the briefing's headline): "the film" under a headline
    about a film is that film.
    `load` gives the parser on first use. With a `store`, what the parse said before (of a
    sentence under the same known nouns, or a headline's nouns) is read from disk instead.
    """

    load: Callable[[], Parse]
    store: AnswerStore | None = None
    _parse: Parse | None = field(default=None, repr=False)
    _docs: dict[str, Any] = field(default_factory=dict, repr=False)
    _pending: list[str] = field(default_factory=list, repr=False)

    def problem(
        self, text: str, known: frozenset[str] = frozenset(), opening: bool = False
    ) -> str | None:
        """Why `text` cannot stand alone to a reader who has read the nouns `known`, or None:
        the sentence rules first (no parse needed), then the parse. An article's `opening`
        sentence is written to be read first, without context (a news lede: 25 of 26 read
        alone in the labelled tune points, against about three in four of later sentences),
        so the parse only asks whether it is the page's text (a caption, an imperative), not
        whether it points back."""
        found = standalone_problem(text, strict=False)
        return found or self._kept(without_edits(text), known, opening)

    def nouns(self, text: str) -> frozenset[str]:
        """The lemmas of the nouns and names in `text`, lower-cased, and `PLACE_OR_BODY` when it
        names a place or an organisation (under which "the city", "the company" are known)."""
        if self.store is None:
            return self._nouns(text)
        kept = self.store.answer(
            "nouns", text, lambda: NOUNS_MARK + "\n".join(sorted(self._nouns(text)))
        )
        if not kept or not kept.startswith(NOUNS_MARK):  # not what was written: read again
            return self._nouns(text)
        return frozenset(w for w in kept[len(NOUNS_MARK) :].split("\n") if w)

    def _nouns(self, text: str) -> frozenset[str]:
        doc = self._doc(text)
        nouns = {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN")}
        if any(_place_or_body(t) for t in doc):
            nouns.add(PLACE_OR_BODY)
        return frozenset(nouns)

    def prepare(self, texts: Sequence[str], known: frozenset[str] = frozenset()) -> None:
        """Note texts `problem` may soon need parsed: the first one that does is parsed in one
        batch with them (about twice as fast as one at a time, the same parse). Texts whose
        answer is kept are left out, so a run whose answers are all kept never loads spaCy."""
        plain = [without_edits(t) for t in texts if standalone_problem(t, strict=False) is None]
        self._pending.extend(
            t for t in dict.fromkeys(plain) if t not in self._docs and not self._has(t, known)
        )

    def _asked(self, text: str, known: frozenset[str]) -> str:
        return "\0".join([text, *sorted(known)])

    def _has(self, text: str, known: frozenset[str]) -> bool:
        """Whether an answer about `text` is kept, as a later sentence or as an opening (the
        batch does not say which it will be asked as; a miss is parsed when asked)."""
        if self.store is None:
            return False
        later = self.store.key(STANDALONE_KIND, self._asked(text, known))
        opening = self.store.key(OPENING_KIND, text)
        return STANDALONE_KIND in self.store.read(later) or OPENING_KIND in self.store.read(opening)

    def _kept(self, text: str, known: frozenset[str], opening: bool = False) -> str | None:
        if opening:  # the page-text checks only, whatever the reader knows
            if self.store is None:
                return self._page_parse(text)
            return self.store.answer(
                OPENING_KIND, text, lambda: self._page_parse(text), _parse_verdict
            )
        if self.store is None:
            return self._parsed(text, known)
        asked = self._asked(text, known)
        return self.store.answer(
            STANDALONE_KIND, asked, lambda: self._parsed(text, known), _parse_verdict
        )

    def _doc(self, text: str) -> Any:
        if text not in self._docs:
            if self._parse is None:
                self._parse = self.load()
            wanted = list(dict.fromkeys([text, *(t for t in self._pending if t not in self._docs)]))
            self._pending.clear()
            if len(self._docs) + len(wanted) > MAX_PARSED:  # one pipeline, many briefings
                self._docs.clear()
            pipe = getattr(self._parse, "pipe", None)
            docs = pipe(wanted, batch_size=PARSE_BATCH) if pipe else map(self._parse, wanted)
            self._docs.update(zip(wanted, docs, strict=True))
        return self._docs[text]

    def _page_parse(self, text: str) -> str | None:
        """Whether the parse shows page text rather than story: an imperative, a caption."""
        doc, outside = self._read(text)
        return _imperative(doc, outside) or _caption(doc, outside)

    def _read(self, text: str) -> tuple[Any, list[Any]]:
        """The parse of `text`, and its tokens outside quotation marks (the writer's words)."""
        doc = self._doc(text)
        quoted = quoted_characters(text)
        return doc, [t for t in doc if t.idx not in quoted]

    def _parsed(self, text: str, known: frozenset[str]) -> str | None:
        doc, outside = self._read(text)
        if not any(_named(t) for t in outside):
            return "other"
        for check in (_imperative, _fragment, _unresolved_pronoun, _caption, _bare_number):
            found = check(doc, outside)
            if found:
                return found
        return (
            _demonstrative(doc, known)
            or _unexplained_definite(doc, known)
            or _pointing_back(doc, known)
        )


def _parse_verdict(answer: str | None) -> bool:
    return answer is None or answer in PARSED_PROBLEMS


def quoted_characters(text: str) -> set[int]:
    """Offsets of characters inside quotation marks (the marks included)."""
    return {i for m in QUOTED_TEXT.finditer(text) for i in range(m.start(), m.end())}


def _named(token: Any) -> bool:
    return bool(token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS)


def _identifying(token: Any, noun: Any) -> bool:
    """A word in the phrase of `noun` that says which one: a name, but an adjective of
    nationality only for a body a nation has one of ("the Syrian army"; "the British comic"
    is still some comic)."""
    if token.pos_ == "ADJ" and token.ent_type_ == "NORP":
        return noun.lemma_.lower() in NATIONAL_NOUNS or noun.lower_ in NATIONAL_NOUNS
    return _named(token)


def _demonstrative(doc: Any, known: frozenset[str]) -> str | None:
    """ "this new species", "such a project", "things like this": pointing at what the
    article showed before, in the writer's words or a quote's."""
    for token in doc:
        word = token.lower_
        if word in DEMONSTRATIVES and token.dep_ == "det":
            head = token.head.lemma_.lower()
            if head not in KNOWN_REFERENTS | known or word in DISTANT_DEMONSTRATIVES:
                return "definite_description"  # "this year" is now, "by that time" is then
        elif word in DEMONSTRATIVES and _standing_alone(token):
            return "pronoun"
        elif word == SUCH_WORD and token.dep_ in ("predet", "amod", "det"):
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or following.lower_ != SUCH_AS:
                return "definite_description"
    return None


def _standing_alone(token: Any) -> bool:
    """A demonstrative as a pronoun ("this is a story", "things like this"), or as the subject
    of a clause that is no relative clause ("predicts that will be soon"; in a relative
    clause, or one joined to it by "and", "that" stands for the noun before it)."""
    if token.tag_ == DEMONSTRATIVE_TAG and token.dep_ != "det":
        return True
    if token.dep_ not in SUBJECT_DEPS:
        return False
    clause = token.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return clause.dep_ not in CLAUSE_DEPS


def _root(outside: Sequence[Any]) -> Any | None:
    return next((t for t in outside if t.dep_ == "ROOT"), None)


def _imperative(doc: Any, outside: Sequence[Any]) -> str | None:
    """A main verb in the base form with no subject tells the reader to do something: the
    page's voice ("Sign up", "Get alerts"), not the story's."""
    root = _root(outside)
    if root is None or root.tag_ != "VB":
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in root.children):
        return None
    return "other"


def _fragment(doc: Any, outside: Sequence[Any]) -> str | None:
    """A sentence whose head is no verb ("Olsen, citing costs.") or a bare participle
    ("Speaking to reporters in Oslo.") has no main clause: a piece of a longer sentence."""
    root = _root(outside)
    if root is None:
        return None
    if root.pos_ not in ("VERB", "AUX"):
        return "fragment"
    if root.tag_ in ("VBG", "VBN") and not any(c.dep_ in FINITE_MARKERS for c in root.children):
        return "fragment"
    return None


def _unresolved_pronoun(doc: Any, outside: Sequence[Any]) -> str | None:
    """A third-person pronoun outside quotes with nothing before it to stand for: for "he"
    or "she" a name; for "they" a plural, two names, or an organisation; for "it" a noun."""
    for position, token in enumerate(outside):
        if token.lower_ not in THIRD_PERSON_PRONOUNS or token.pos_ != "PRON":
            continue
        before = [t for t in outside[:position] if not _bound_away(token, t)]
        if token.dep_ != "expl" and not _antecedent(token, before):
            return "pronoun"
    return None


def _bound_away(pronoun: Any, token: Any) -> bool:
    """Whether `token` is the subject's name of the verb the pronoun is the object of: "him"
    in "Olsen thanked him" is someone else than Olsen (or it would be "himself"). A possessor
    in the subject still can be: "Olsen's friends thanked him"."""
    if pronoun.dep_ not in OBJECT_DEPS or pronoun.tag_ != PERSONAL_TAG:
        return False
    if pronoun.lower_.endswith(REFLEXIVE_ENDINGS):  # "proves itself": the subject, bound
        return False
    verb = pronoun.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return any(token == s or (token.head == s and token.dep_ in NAME_PARTS) for s in subjects)


def _antecedent(pronoun: Any, before: Sequence[Any]) -> bool:
    """Whether something in `before` can be what the pronoun stands for."""
    word = pronoun.lower_
    if word in PLURAL_PRONOUNS:
        return any(
            t.tag_ in PLURAL_TAGS or t.ent_type_ in KIND_LABELS or (_named(t) and t.dep_ == "conj")
            for t in before
        )
    if word in THING_PRONOUNS:  # "In December, it blocked ...": a date is not what "it" did
        return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in TIME_LABELS for t in before)
    return any(_person(t) for t in before)


def _person(token: Any) -> bool:
    """A name that can be a person's: tagged a person, or a name the tagger gives no type."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)


def _place_or_body(token: Any) -> bool:
    """A name of a place or an organisation (a name the tagger gives no type counts too)."""
    return bool(token.ent_type_ in KIND_LABELS or (token.pos_ == "PROPN" and not token.ent_type_))


def _explains(child: Any, noun: Any) -> bool:
    """A dependent that says which thing `noun` is. A clause set off by a comma ("The film,
    which stars ...") only adds to a thing already known; one that restricts does say."""
    return child.dep_ in EXPLAINING_DEPS and not _set_off(child, noun)


def _set_off(child: Any, noun: Any) -> bool:
    """A clause after `noun` and a comma: "The film, which stars ..."."""
    if child.dep_ not in CLAUSE_DEPS or child.i < noun.i or noun.i + 1 >= len(noun.doc):
        return False
    return bool(noun.nbor(1).text == ",")


def _phrase(noun: Any) -> list[Any]:
    """The words of the noun's phrase that can say which one it is (set-off clauses left out:
    a name in "the film, which stars Ann Berg," does not say which film)."""
    left_out = {t.i for c in noun.children if _set_off(c, noun) for t in c.subtree}
    return [t for t in noun.subtree if t.i not in left_out]


def _said_before(doc: Any, noun: Any) -> bool:
    """ "The port of Norhaven reopened ..., the longest at the port": the sentence named it."""
    lemma = noun.lemma_.lower()
    return any(t.lemma_.lower() == lemma for t in doc[: noun.i] if t.pos_ == "NOUN")


def _named_after(doc: Any, noun: Any) -> bool:
    """ "the situation in Homs", "the deal with Iran": a preposition and a name right after
    the noun say which, wherever the parser hung the phrase ("identified the man as Don
    Crandall" does not: that is the sentence's news, not which man)."""
    after = doc[noun.i + 1 : noun.i + 3]
    if len(after) < 2 or after[0].lower_ in NOT_NAMING_PREPOSITIONS:
        return False
    return bool(after[0].dep_ == "prep" and _named(after[1]))


def _unexplained_definite(doc: Any, known: frozenset[str]) -> str | None:
    """ "the victims", "the failed test", "the agency's account": "the" and a common noun the
    sentence never explains, as a subject, object or possessor, in the writer's words or a
    quote's. Explained means a name in it, an "of"-phrase, a clause, a compound or a number;
    the same noun earlier in the sentence; a thing everyone knows ("the public") or the
    reader was told of (`known`); or a kind ("the company", "the city") after a named
    organisation or place."""
    for token in doc:
        if token.dep_ != "det" or token.lower_ != DEFINITE_ARTICLE:
            continue
        noun = token.head
        if noun.pos_ != "NOUN" or noun.dep_ not in ARGUMENT_DEPS:
            continue
        if noun.lemma_.lower() in KNOWN_REFERENTS | known or _said_before(doc, noun):
            continue
        if any(_identifying(t, noun) for t in _phrase(noun)):
            continue
        if any(_explains(c, noun) for c in noun.children):
            continue
        if noun.lemma_.lower() in KIND_NOUNS and (
            PLACE_OR_BODY in known or any(_place_or_body(t) for t in doc[: token.i])
        ):
            continue
        if _named_after(doc, noun):
            continue
        return "definite_description"
    return None


def _bare_number(doc: Any, outside: Sequence[Any]) -> str | None:
    """A number standing alone as a subject ("Six arrived in August", "Two were hurt"):
    six of what the article counted before. "Six of the boats" and "Of 193 people, only 4
    left" say of what."""
    for token in outside:
        if token.tag_ != NUMBER_TAG or token.dep_ not in SUBJECT_DEPS:
            continue
        if token.ent_type_ not in COUNTS:  # "The 737 crashed": a model, not a count
            continue
        if any(c.dep_ in NUMBER_DEPENDENTS for c in token.children):
            continue
        if not any(c.lower_ == PARTITIVE for c in token.head.children):  # "Of 193, 4 left"
            return "other"
    return None


def _caption(doc: Any, outside: Sequence[Any]) -> str | None:
    """A photo caption: a scene in the present tense dated to the day ("A fighter walks past
    the wreck ..." and the day, month and year the picture was taken); a story tells what
    happened in the past."""
    root = _root(outside)
    if root is None or root.lemma_ in SPEECH_LEMMAS or not _present(root):
        return None
    return "other" if CAPTION_DATE.search(doc.text) else None


def _present(verb: Any) -> bool:
    """A verb in the present tense, active ("walks") or passive ("is shown")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _pointing_back(doc: Any, known: frozenset[str]) -> str | None:
    """A noun told as more of, the same as or compared with what came before: "additional
    misconduct", "the same amount", "a smaller delegation" (with no "than" or "as" to say
    what with); one of a set named before, "each study"; or left open, "any surviving
    debris" as the subject of what happened."""
    compared = any(t.lower_ == THAN for t in doc)
    for token in doc:
        noun = token.head
        if token.dep_ not in ("amod", "det") or noun.pos_ != "NOUN" or noun.i < token.i:
            continue
        if noun.lemma_.lower() in known or _hyphenated(token):
            continue
        word = token.lower_
        if word in VAGUE_DETERMINERS and noun.dep_ in SUBJECT_DEPS and not _modal(noun.head):
            return "other"
        if word in DISTRIBUTIVES and noun.lemma_.lower() not in KNOWN_REFERENTS:
            return "other"  # "each study": of a set named before ("each year" is not)
        if word == SAME and not any(t.lower_ == SAME_AS for t in doc[noun.i + 1 :]):
            return "other"  # "the same amount" as what?
        if compared:
            continue
        before = doc[noun.left_edge.i - 1].lower_ if noun.left_edge.i else ""
        if word in ADDITIVE_WORDS and before not in ADDITIVE_ANCHORS:
            return "other"
        if token.tag_ == "JJR" and word not in KIND_COMPARATIVES and _with_article(noun):
            return "other"
    return None


def _hyphenated(token: Any) -> bool:
    """ "same-sex", "each-way": a word inside a hyphenated compound is no determiner."""
    doc = token.doc
    return bool(token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS)


def _modal(verb: Any) -> bool:
    """ "Any deal would need ...": "any" under a modal means whichever, not some shown before."""
    return any(c.dep_ == "aux" and c.tag_ == MODAL_TAG for c in verb.children)


def _with_article(noun: Any) -> bool:
    """ "a smaller delegation", "the larger group": one thing compared with one shown before."""
    return any(c.dep_ == "det" and c.lower_ in ARTICLES for c in noun.children)


def confirm_standalone(
    points: Sequence[Point],
    scores: np.ndarray,
    sentences: Sequence[Sentence],
    problem: Problem,
    budget_words: int | None,
    prepare: Callable[[Sequence[str]], None] | None = None,
) -> tuple[Point, ...]:
    """The points, with those a reader could not follow alone marked so.

    Candidates are judged best first, each by its representative, then by the next members
    merged into it (the first that reads alone becomes the text), until judged points could
    fill `JUDGED_SHARE` briefings of `budget_words`; the rest are left out as unjudged. With
    no budget every point is judged. `prepare`, when given, is handed the next candidates'
    texts in batches before they are judged (to parse them together).
    """
    wanted = None if budget_words is None else JUDGED_SHARE * budget_words
    judged: dict[int, Point] = {}
    words = 0
    order = np.argsort(-scores, kind="stable")
    for rank, index in enumerate(order):
        point = points[int(index)]
        if wanted is not None and words >= wanted:
            break
        if prepare is not None and rank % PARSE_BATCH == 0:
            batch = [points[int(k)] for k in order[rank : rank + PARSE_BATCH]]
            prepare([p.text for p in batch if p.standalone])
        if not point.standalone:
            continue
        verdict = judged[int(index)] = _readable(point, sentences, problem)
        if verdict.standalone:
            words += len(verdict.text.split())
    return tuple(judged.get(i) or replace(p, standalone=False) for i, p in enumerate(points))


def _readable(point: Point, sentences: Sequence[Sentence], problem: Problem) -> Point:
    """The point told by its first member (of the best few) that reads alone, else marked.
    A member that opens its article is judged as an opening (see `ParsedJudge.problem`)."""
    for position, member in enumerate(point.sentences[:MEMBERS_TRIED]):
        text = point.text if position == 0 else repair(sentences[member], sentences)
        opening = sentences[member].position == 0
        if text is not None and problem(text, opening=opening) is None:
            if position == 0:
                return point
            rest = tuple(k for k in point.sentences if k != member)
            return replace(point, text=text, sentences=(member, *rest))
    return replace(point, standalone=False)

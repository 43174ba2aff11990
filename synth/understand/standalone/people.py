"""Who is this: a person a briefing names is introduced before the reader meets them bare.

An article introduces a person once ("Binan Atta, 19, a student, ...", "immunologist Scott
Commins") and later sentences name them without a word of who they are. Lifted into a
briefing, such a later sentence ("Scott Commins has since moved ...") names a stranger: blind
readers marked these points as ones to skip. So, walking the briefing in the order a reader
reads it (headline, lede, sections), a point that names a person (a full name the parser
calls a PERSON) with no role in its own sentence, and whom nothing read before named, gets
the role its own article gives that person written in at that first mention, when the
article gives exactly one (a title before the name, or an apposition after it). Otherwise
a point about that stranger (they are its subject: "Robin Jensen also pointed out ...") is
not shown, unless it is in the lede (the event comes first), they speak a quotation and
the briefing gives their role elsewhere, or their article names them three times or more
and never says who they are (it writes for readers who know them). A point that only
mentions a person ("written by Nick Cave", "Bill Clinton's first midterm") is kept: on dev
clusters three in four of those named someone a reader knows, something that is no
person, or a role the parse missed.

A bare surname ("Commins said") is left to the names that make it a full one; here a name
is its parser entity of two words or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from synth.core import Point, Sentence
from synth.lang.en.people import AFFILIATION_PREPOSITIONS, HONORIFICS
from synth.lang.en.speech import SPEECH_LEMMAS, TITLE_WORDS
from synth.understand.parser import QUOTE_CHARACTERS, SUBJECT_DEPS
from synth.understand.standalone.checks import quoted_characters

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependents of a name that say who the person is beside an apposition, a predicate and a
# body: a relative clause ("who owns the shop"), a possessor ("the BBC's", "his").
ROLE_DEPS = frozenset(["relcl", "poss"])
# A role written in is at most this long: longer ones are a clause, not a role.
ROLE_MAX_WORDS = 10
# An article that names a person this often and never says who they are writes for readers
# who know them ("Genghis Khan", a film's star): such a point is kept as it is.
KNOWN_MENTIONS = 3
# Marks of a role's place, kept with it: before the name ("immunologist Scott Commins") or
# after it, between commas ("Binan Atta, 19, a student,").
BEFORE, AFTER = "<", ">"
# Mark a speaker and a subject in the answers kept (`ParsedJudge.people`).
SPEAKER_MARK, SUBJECT_MARK = "=", "+"
# Marks that open or close a quotation (not an apostrophe: "O'Brien", "it's").
QUOTATION_MARKS = ('"', "“", "”", "``")
NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")


@dataclass(frozen=True)
class Named:
    """A person a sentence names with no role: `name` as written, whether the sentence
    names them as the one who says a quotation (`speaker`), and whether it is about them:
    they are a subject, who does or undergoes something (`subject`)."""

    name: str
    speaker: bool = False
    subject: bool = False


@runtime_checkable
class PeopleJudge(Protocol):
    """What the walk asks the parse (`ParsedJudge` answers both, its answers kept)."""

    def people(self, texts: Sequence[str]) -> list[tuple[Named, ...]]: ...

    def role(self, name: str, texts: Sequence[str]) -> str | None: ...


def unroled(doc: Doc) -> tuple[Named, ...]:
    """The people `doc` names by a full name and says nothing about: no title before the
    name, no apposition, relative clause, predicate or body of theirs after it."""
    found: dict[str, Named] = {}
    roled: set[str] = set()
    for entity in doc.ents:
        name = _full_name(entity)
        if name is None:
            continue
        if _has_role(entity):
            roled.add(name)
        elif name not in found:
            subject = entity.root.dep_ in SUBJECT_DEPS
            found[name] = Named(name, _speaker(entity), subject)
    return tuple(n for k, n in found.items() if k not in roled)


def roles(name: str, docs: Iterable[Doc]) -> set[str]:
    """The roles `docs` give the person `name`, each marked with its place (`BEFORE` or
    `AFTER` the name) and written as the article wrote it; a name inside a quotation is
    left out (the speaker's word for the person, "terrorist X", is not the article's)."""
    found: set[str] = set()
    for doc in docs:
        quoted = quoted_characters(doc.text)
        for entity in doc.ents:
            if _full_name(entity) == name and entity.start_char not in quoted:
                found.update(r for r in (_title(entity), _apposition(entity)) if r)
    return found


def written_in(text: str, name: str, role: str) -> str | None:
    """`text` with `role` (marked `BEFORE` or `AFTER`) written in at the first mention of
    `name`; None where it cannot be written in cleanly (an honorific or a possessive in the
    way). Inside a quotation a role is the editor's, so in brackets ("the death of [Swedish
    journalist] Kim Wall"), and only before the name: the speaker's words stay in order."""
    match = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text)
    if match is None or not role[1:]:
        return None
    head, rest = text[: match.start()], text[match.end() :]
    words = head.split()
    if words and words[-1].strip("[").rstrip(".").casefold() in HONORIFICS:
        return None
    place, said = role[0], role[1:]
    if said.casefold() in text.casefold():
        return text  # said already (the parse missed it, or does not read a bracketed role)
    quoted = match.start() in quoted_characters(text)
    if place == BEFORE:
        opening = not head.strip(QUOTE_CHARACTERS + "([ ")
        said = said[0].upper() + said[1:] if opening else said
        return f"{head}[{said}] {name}{rest}" if quoted else f"{head}{said} {name}{rest}"
    if quoted or re.match(r"^['’]", rest):
        return None
    if rest[:1] in (",", ".", ";", ":", "?", "!", ")", "]") or not rest:
        return f"{head}{name}, {said}{rest}"
    return f"{head}{name}, {said},{rest}"


def introduce(
    order: Sequence[int],
    lede: Iterable[int],
    points: Sequence[Point],
    sentences: Sequence[Sentence],
    title: str,
    judge: PeopleJudge,
) -> dict[int, Point]:
    """The points of `order` (reading order) that change: a point that first names a person
    with no role gets the role its article gives them written in; one that cannot and is
    about them (their subject) is marked not standalone, unless it is in the `lede` or they
    speak a quotation and another shown point gives their role. Points that keep their text
    are left out."""
    texts = [points[i].text for i in order]
    named = judge.people(texts)
    read = [title]  # what the reader has read, a name met bare left out
    changed: dict[int, Point] = {}
    for index, people in zip(order, named, strict=True):
        point, bare = points[index], []
        text: str | None = point.text
        for person in people:
            if text is None or _met(person.name, read):
                continue
            mentions = _article_mentions(point, sentences, person.name)
            role = judge.role(person.name, mentions)
            told = written_in(text, person.name, role) if role else None
            known = len(mentions) >= KNOWN_MENTIONS and role is None
            kept = index in lede or not person.subject or known
            kept = kept or _introduced(person, texts, named)
            if told is None and kept:
                bare.append(person.name)
            else:
                text = told
        if text is None:
            changed[index] = replace(point, standalone=False)
            continue
        read.append(re.sub("|".join(map(re.escape, bare)), "", text) if bare else text)
        if text != point.text:
            changed[index] = replace(point, text=text)
    return changed


def _met(name: str, read: Sequence[str]) -> bool:
    """Whether the reader has met `name` in `read` (the headline first, then the points):
    by the full name, or by the surname in the headline, which is about that person."""
    surname = name.split()[-1]
    headline = bool(read) and re.search(rf"\b{re.escape(surname)}\b", read[0]) is not None
    return headline or any(name in r for r in read)


def _introduced(person: Named, texts: Sequence[str], named: Sequence[tuple[Named, ...]]) -> bool:
    """Whether a speaker's role is given by some text of the briefing: one of `texts` that
    names them and is not among those that name them bare (`named`, the texts' people)."""
    if not person.speaker:
        return False
    return any(
        person.name in text and all(p.name != person.name for p in people)
        for text, people in zip(texts, named, strict=True)
    )


def _article_mentions(point: Point, sentences: Sequence[Sentence], name: str) -> list[str]:
    """The sentences of the point's own article (its representative's) that name `name`."""
    source = sentences[point.sentences[0]].source
    return [s.text for s in sentences if s.source == source and name in s.text]


def _name_span(entity: Span) -> Span | None:
    """The words of `entity` that are a person's full name: two words or more, each a
    capitalised word, with titles and honorifics the parser took in ("Bishop", "Mr.") and a
    possessive "'s" left out; none when the name names something else ("... King Jr. Way")."""
    if entity.label_ != "PERSON" or entity.root.dep_ == "compound":  # "... King Jr. Way"
        return None
    if entity.root.tag_ == "NNPS":  # a group by name ("Tory Brexiteers"), no one person
        return None
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    if after is not None and after.pos_ == "PROPN" and not after.ent_type_:
        return None  # part of a longer name: "Martin Luther King Jr. Way"
    tokens = [t for t in entity if t.tag_ != "POS" and t.text not in ("'s", "’s")]
    while tokens and _title_word(tokens[0]):
        tokens.pop(0)
    if len(tokens) < 2 or not all(NAME_WORD.match(t.text) for t in tokens):
        return None
    return entity.doc[tokens[0].i : tokens[-1].i + 1]


def _full_name(entity: Span) -> str | None:
    """The person's full name `entity` gives (`_name_span`), or None."""
    span = _name_span(entity)
    return None if span is None else span.text


def _title_word(token: Token) -> bool:
    """Whether `token` is a title or an honorific a name may open with ("Sen.", "Mr.")."""
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in HONORIFICS


def _has_role(entity: Span) -> bool:
    """Whether the sentence says who the person named by `entity` is: a title before the
    name (even one that leans on a pronoun: "his brother"), an apposition, a relative
    clause, a body ("of Harvard", "the BBC's"), a predicate ("... is a historian")."""
    root = entity.root
    if _title_words(entity) is not None or (root.dep_ == "appos" and _noun(root.head)):
        return True
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    if before is not None and before.text == "(":  # "Brighton (Nathan Lane)"
        return True
    if before is not None and before.pos_ == "NOUN" and before.text.islower():
        return True  # "Dodgers starter Yu Darvish", however the parse attached the noun
    if root.dep_ == "conj":  # "Officers Edward Nero and Garrett Miller": the first's title
        first = next((e for e in entity.doc.ents if e.start <= root.head.i < e.end), None)
        return first is not None and first.label_ == "PERSON" and _has_role(first)
    if any(c.dep_ == "appos" and _noun(c) for c in root.children):
        return True
    if any(c.dep_ in ROLE_DEPS for c in root.children):
        return True
    if any(_affiliation(c) for c in root.children):
        return True
    return root.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "attr" for c in root.head.children)


def _noun(token: Token) -> bool:
    """Whether an apposition's head is a common noun ("a student"), a title ("District
    Attorney") or a part of a group ("one of ..."), not a name, a place or an age ("Theo
    James", "Nevada", "19")."""
    if token.ent_type_ in ("PERSON", "GPE", "DATE"):
        return False
    if token.pos_ in ("NUM", "PRON"):  # "one of Leno's spokesmen", not "19"
        return any(c.dep_ == "prep" for c in token.children)
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in TITLE_WORDS)


def _affiliation(token: Token) -> bool:
    """Whether `token` ties the name to a body or place: "of Harvard", "from Iowa"."""
    return (
        token.dep_ == "prep"
        and token.lower_ in AFFILIATION_PREPOSITIONS
        and any(c.dep_ == "pobj" for c in token.children)
    )


def _title_words(entity: Span) -> Span | None:
    """The words before the name that the name governs ("police spokesman", "White House
    Chief of Staff", a title the parser took into the name), up to a determiner or a mark;
    None when there are none, they are honorifics alone, or the word next to the name is no
    noun."""
    name = _name_span(entity)
    if name is None:
        return None
    doc, root, start = entity.doc, entity.root, name.start
    while start > 0:
        token = doc[start - 1]
        inside = token.i >= entity.start or root.is_ancestor(token)
        if not inside or token.dep_ == "det" or (token.is_punct and token.text != "-"):
            break
        start -= 1
    words = doc[start : name.start]
    if not len(words) or all(t.lower_.rstrip(".") in HONORIFICS for t in words):
        return None
    if words[0].lower_.rstrip(".") in HONORIFICS:
        return None
    last = words[-1]  # "captain" in "ferry captain", "old" in "13-year-old": not a name
    if last.pos_ not in ("NOUN", "PROPN", "ADJ") or (
        last.ent_type_ == "PERSON" and not _title_word(last)
    ):
        return None
    return words


def _title(entity: Span) -> str | None:
    """The title just before the name (`_title_words`), marked `BEFORE`, when it is one and
    stands on its own: a noun next to the name, no pronoun ("his brother"), no possessive
    left without its "the" ("Deputy State's Attorney" is whole)."""
    words = _title_words(entity)
    if words is None or words[-1].pos_ == "ADJ":  # a descriptor ("13-year-old"), no role
        return None
    if any(t.pos_ == "PRON" for t in words):
        return None
    cut = words.start > 0 and words.doc[words.start - 1].dep_ == "det"
    if cut and any(t.dep_ == "case" for t in words):  # "the BBC's": "BBC's" alone reads wrong
        return None
    return _role_text(words)


def _apposition(entity: Span) -> str | None:
    """The apposition that says who the person is, marked `AFTER`: one after the name
    ("Binan Atta, 19, a student,": its words up to the name's closing comma) or one the name
    stands in apposition to ("the group's leader, Maria Lopez,"); an age alone is none."""
    root = entity.root
    after = [c for c in root.children if c.dep_ == "appos" and c.i >= entity.end]
    if after and _noun(after[-1]):
        words = entity.doc[after[0].left_edge.i : after[-1].right_edge.i + 1]
        return _role_text(words, before=False)
    if root.dep_ == "appos" and root.head.i < entity.start and _noun(root.head):
        words = entity.doc[root.head.left_edge.i : entity.start]  # up to the name's comma
        return _role_text(words, before=False)
    return None


def _role_text(words: Span, before: bool = True) -> str | None:
    """The role as a reader should see it, marked with its place: the article's words, a
    sentence-initial capital lowered unless the word is a name or a formal title ("President");
    None when too long, quoted, or leaning on a pronoun."""
    tokens = [t for t in words if not (t.is_punct and t.i in (words.start, words.end - 1))]
    if not tokens or len(tokens) > ROLE_MAX_WORDS:
        return None
    if any(t.pos_ == "PRON" or t.text in QUOTE_CHARACTERS for t in tokens):
        return None
    text = words.doc[tokens[0].i : tokens[-1].i + 1].text
    first = tokens[0]
    if first.is_sent_start and not first.ent_type_ and first.lower_.rstrip(".") not in TITLE_WORDS:
        text = text[0].lower() + text[1:]
    return (BEFORE if before else AFTER) + text


def _speaker(entity: Span) -> bool:
    """Whether the name is the subject of a verb of saying in a sentence with a quotation:
    "'...,' said Robin Jensen"."""
    root = entity.root
    quoted = any(c in entity.doc.text for c in QUOTATION_MARKS)
    return quoted and root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_LEMMAS


def people_answer(people: Sequence[Named]) -> str | None:
    """`people` as an answer kept on disk: a name a line, a speaker and a subject marked."""
    marks = [
        (SPEAKER_MARK if p.speaker else "") + (SUBJECT_MARK if p.subject else "") + p.name
        for p in people
    ]
    return "\n".join(marks) or None


def people_read(answer: str | None) -> tuple[Named, ...]:
    """The people of a kept answer (`people_answer`)."""
    found = []
    for line in (answer or "").split("\n"):
        speaker, line = line.startswith(SPEAKER_MARK), line.removeprefix(SPEAKER_MARK)
        subject, line = line.startswith(SUBJECT_MARK), line.removeprefix(SUBJECT_MARK)
        if line:
            found.append(Named(line, speaker, subject))
    return tuple(found)


def sole_role(found: set[str]) -> str | None:
    """The role when the article gives exactly one (case aside), else None: two roles may
    be two people of one name, or a role that changed."""
    distinct = {r.casefold(): r for r in found}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def is_role(answer: str | None) -> bool:
    """Whether a kept answer is one `sole_role` could give: None or a marked role."""
    return answer is None or (answer[:1] in (BEFORE, AFTER) and len(answer) > 1)

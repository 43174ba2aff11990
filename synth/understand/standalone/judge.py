"""The parse judge: the sentence rules first, then what the parse shows, its answers kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from synth.understand.answers import AnswerStore, drawn_from
from synth.understand.parser import Parse
from synth.understand.standalone.checks import (
    PLACE_OR_BODY,
    antecedent,
    page_problem,
    parse_problem,
    place_or_body,
    quoted_characters,
)
from synth.understand.standalone.people import (
    Named,
    is_role,
    people_answer,
    people_read,
    roles,
    sole_role,
    unroled,
)
from synth.understand.standalone.problems import PROBLEMS, Problem
from synth.understand.standalone.rules import standalone_problem, without_edits

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Opens the nouns kept for a headline (`AnswerStore` keeps no empty answer).
NOUNS_MARK = "nouns:"
# Candidates parsed together (`ParsedJudge.prepare`), and parses kept at most (`synth eval`
# runs one pipeline over hundreds of clusters).
PARSE_BATCH = 32
MAX_PARSED = 4096
STANDALONE_KIND = "standalone"
OPENING_KIND = "standalone-opening"
ANTECEDENT_KIND = "antecedent"
ENTITIES_KIND = "entities"
# Opens the names kept for a sentence (`AnswerStore` keeps no empty answer).
ENTITIES_MARK = "entities:"
PEOPLE_KIND = "people"
ROLE_KIND = "role"


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
    _docs: dict[str, Doc] = field(default_factory=dict, repr=False)
    _pending: list[str] = field(default_factory=list, repr=False)

    def problem(
        self, text: str, known: frozenset[str] = frozenset(), opening: bool = False
    ) -> Problem | None:
        """Why `text` cannot stand alone to a reader who has read the nouns `known`, or None:
        the sentence rules first (no parse needed), then the parse. An article's `opening`
        sentence is written to be read first, without context (a news lede: 25 of 26 read
        alone in the labelled tune points, against about three in four of later sentences),
        so the parse only asks whether it is the page's text (a caption, an imperative), not
        whether it points back."""
        found = standalone_problem(text, strict=False)
        return found or self._kept(without_edits(text), known, opening)

    def antecedent(self, text: str, pronoun: str) -> str | None:
        """Whom a "He said" (`pronoun`: "He" or "She") right after `text` stands for, when
        the parse of `text` makes it sure (`checks.antecedent`), else None."""
        if self.store is None:
            return antecedent(self._doc(text), pronoun)
        return self.store.answer(
            ANTECEDENT_KIND,
            f"{pronoun.casefold()}\0{text}",
            lambda: antecedent(self._doc(text), pronoun),
            drawn_from(text),
        )

    def entities(self, text: str) -> frozenset[tuple[str, str]]:
        """The names `text` holds, as written, each with the parse's label ("PERSON",
        "GPE", ...): a surname's full name is looked up among them
        (`synth.understand.names`)."""
        if self.store is None:
            return self._entities(text)
        kept = self.store.answer(
            ENTITIES_KIND,
            text,
            lambda: (
                ENTITIES_MARK
                + "\n".join(f"{label}\t{name}" for name, label in sorted(self._entities(text)))
            ),
        )
        if not kept or not kept.startswith(ENTITIES_MARK):  # not what was written: read again
            return self._entities(text)
        rows = (line.split("\t", 1) for line in kept[len(ENTITIES_MARK) :].split("\n") if line)
        return frozenset((row[1], row[0]) for row in rows if len(row) == 2)

    def _entities(self, text: str) -> frozenset[tuple[str, str]]:
        return frozenset((e.text, e.label_) for e in self._doc(text).ents)

    def people(self, texts: Sequence[str]) -> list[tuple[Named, ...]]:
        """The people each of `texts` names by full name with no role (`people.unroled`);
        the texts not answered before are parsed in one batch."""
        self._pending.extend(t for t in dict.fromkeys(texts) if not self._known(PEOPLE_KIND, t))
        return [self._people(t) for t in texts]

    def _people(self, text: str) -> tuple[Named, ...]:
        if self.store is None:
            return unroled(self._doc(text))
        found = self.store.answer(
            PEOPLE_KIND, text, lambda: people_answer(unroled(self._doc(text))), drawn_from(text)
        )
        return people_read(found)

    def role(self, name: str, texts: Sequence[str]) -> str | None:
        """The one role `texts` (sentences of one article) give the person `name`, marked
        with its place (`people.BEFORE`, `people.AFTER`), or None."""
        asked = "\0".join([name, *texts])
        if self.store is None or not self._known(ROLE_KIND, asked):
            self._pending.extend(t for t in texts if t not in self._docs)
        if self.store is None:
            return self._role(name, texts)
        words = drawn_from(" ".join(texts))
        return self.store.answer(
            ROLE_KIND, asked, lambda: self._role(name, texts), lambda a: is_role(a) and words(a)
        )

    def _role(self, name: str, texts: Sequence[str]) -> str | None:
        return sole_role(roles(name, [self._doc(t) for t in texts]))

    def _known(self, kind: str, text: str) -> bool:
        """Whether the answer of `kind` about `text` is parsed or kept already."""
        if text in self._docs:
            return True
        return self.store is not None and kind in self.store.read(self.store.key(kind, text))

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
        if any(place_or_body(t) for t in doc):
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

    def _kept(self, text: str, known: frozenset[str], opening: bool = False) -> Problem | None:
        if opening:  # the page-text checks only, whatever the reader knows
            if self.store is None:
                return self._page_parse(text)
            found = self.store.answer(
                OPENING_KIND, text, lambda: self._page_parse(text), _is_verdict
            )
            return _kept_kind(found)
        if self.store is None:
            return self._parsed(text, known)
        asked = self._asked(text, known)
        return _kept_kind(
            self.store.answer(
                STANDALONE_KIND, asked, lambda: self._parsed(text, known), _is_verdict
            )
        )

    def _doc(self, text: str) -> Doc:
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

    def _page_parse(self, text: str) -> Problem | None:
        """Whether the parse shows page text rather than story: an imperative, a caption."""
        return page_problem(*self._read(text))

    def _read(self, text: str) -> tuple[Doc, list[Token]]:
        """The parse of `text`, and its tokens outside quotation marks (the writer's words)."""
        doc = self._doc(text)
        quoted = quoted_characters(text)
        return doc, [t for t in doc if t.idx not in quoted]

    def _parsed(self, text: str, known: frozenset[str]) -> Problem | None:
        doc, outside = self._read(text)
        return parse_problem(doc, outside, known)


def _is_verdict(answer: str | None) -> bool:
    """Whether a kept answer is one the judge can give (None or a `Problem`): an answer file
    edited by hand or by another program is judged again, never trusted."""
    return answer is None or answer in PROBLEMS


def _kept_kind(answer: str | None) -> Problem | None:
    """An answer of the store: one `_parsed` or `_page_parse` wrote under the same
    fingerprint (the rule files hashed), so one of the kinds."""
    return cast("Problem | None", answer)

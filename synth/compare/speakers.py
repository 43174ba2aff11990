"""Who said a quote: the subject of the speech verb that governs it, within the same article.

Each paragraph that holds a quote is parsed with spaCy (an English pipeline with a dependency
parse and named entities, loaded only when a quote needs a speaker). The speaker is the subject
of the verb of saying whose clause holds the quote ("..., Warren told Stumpf": Warren, never
Stumpf), a "spokesman for X" gives X, "according to X" gives X. A subject "he" or "she" stands
for the person most recently the subject of a sentence in the same article. A name counts only
when the parser calls it a person or an organisation, so fragments ("Energy", "York Jets") and
places never speak. Anything less certain gives no speaker: a wrong name costs more than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from synth.core import Source
from synth.lang.en import (
    ACCORDING,
    ACCORDING_LINKS,
    CLAIM_LEMMAS,
    NOT_A_NAME,
    PERSON_PRONOUNS,
    SPEECH_LEMMAS,
    SPOKES_LINKS,
    SPOKES_NOUNS,
    TITLE_WORDS,
    stop_words,
)
from synth.read.quotemarks import QuoteSpan, plain_marks
from synth.understand.answers import AnswerStore, drawn_from
from synth.understand.parser import (
    QUOTE_CHARACTERS,
    SPACY_MODEL,
    SUBJECT_DEPS,
    Parse,
    parser_fingerprint,
    rule_files,
    spacy_parser,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEAKER_LABELS = ("PERSON", "ORG")
NOT_SPEAKER_LABELS = frozenset(
    [
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "DATE",
        "TIME",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    ]
)
LOOK_BACK_PARAGRAPHS = 4
LOOK_BACK_SENTENCES = 6
# Parsed paragraphs kept for pronoun look-backs; a pronoun looks back a few paragraphs only.
MAX_CACHED_PARAGRAPHS = 512
CLIMB = 2
# Longest text given the parser: spaCy refuses a million characters and needs about 1 GB per
# 100,000. Readers cut paragraphs far shorter (`synth.read.sources.MAX_PARAGRAPH_CHARS`); a
# longer text (from a Source built by hand) gets no speaker.
MAX_PARSED_CHARS = 100_000
SENTENCE_ENDS = frozenset([".", "!", "?"])
NAME_WORD = r"(?:[A-Z][\w'’-]+|(?:[A-Z]\.)+)"


def finder_fingerprint(model: str = SPACY_MODEL) -> str:
    """What the speaker finder's answers kept on disk depend on (`parser_fingerprint`): this
    module, quotation marks, the English word lists and how the parser is loaded."""
    rules = ["synth.compare.speakers", "synth.read.quotemarks", "synth.lang.en"]
    return parser_fingerprint(rule_files([*rules, "synth.understand.parser"]), model)


@dataclass
class SpeakerFinder:
    """Names the speaker of quotes; `parse` turns a paragraph into a spaCy Doc.

    The pipeline loads on the first quote that needs a speaker, so briefings without quotes
    never pay for it. Parsed paragraphs are kept per source for pronoun look-backs. With a
    `store`, answers found before are read from disk and new ones added: a briefing whose
    answers are all kept never loads the pipeline.
    """

    parse: Parse | None = None
    store: AnswerStore | None = None
    _docs: dict[tuple[int, str, int, int], tuple[Doc, set[int]]] = field(
        default_factory=dict, repr=False
    )
    _maps: dict[tuple[int, str, int, int], list[int]] = field(default_factory=dict, repr=False)
    _article_names: dict[tuple[int, str, int], Counter[str]] = field(
        default_factory=dict, repr=False
    )

    def speakers(
        self, source: Source, spans: Sequence[QuoteSpan], wanted: Iterable[int] | None = None
    ) -> dict[int, str | None]:
        """The speaker of each wanted span (index into `spans`; default all), named in full as
        the article gives it, or None."""
        asked = list(range(len(spans)) if wanted is None else wanted)
        if self.store is None:
            return self._find(source, spans, asked)
        key = self.store.key("article", source.text, repr(source.blocks), repr(tuple(spans)))
        kept = self.store.read(key)
        valid = drawn_from(source.text)
        answers = {k: kept[str(k)] for k in asked if str(k) in kept and valid(kept[str(k)])}
        missing = [k for k in asked if k not in answers]
        if missing:
            found = self._find(source, spans, missing)
            self.store.write(key, {str(k): v for k, v in found.items()})
            answers.update(found)
        return answers

    def claimant(self, text: str) -> str | None:
        """Who a sentence gives its content as the claim of ("X claimed ...", "according to
        X"): a person or organisation, else None."""
        if self.store is None:
            return self._claimant(text)
        return self.store.answer("claimant", text, lambda: self._claimant(text), drawn_from(text))

    def _find(
        self, source: Source, spans: Sequence[QuoteSpan], wanted: Sequence[int]
    ) -> dict[int, str | None]:
        """The speakers of `wanted` (and of spans they inherit theirs from), from the parse."""
        names = self._names(source)
        found: dict[int, str | None] = {}
        for index in wanted:
            try:
                speaker = self._inherited(source, spans, index, found)
            except _TooLong:
                speaker = None
            found[index] = speaker
        return {k: full_name(v, names) if v else None for k, v in found.items()}

    def _claimant(self, text: str) -> str | None:
        if len(text) > MAX_PARSED_CHARS:
            return None
        if self.parse is None:
            self.parse = spacy_parser()
        for token in self.parse(text):
            if token.lemma_.lower() in CLAIM_LEMMAS or token.lower_ in ACCORDING:
                subject = verb_subject(token)
                if subject is not None and not _joint(subject):
                    return speaker_name(subject)
        return None

    def _inherited(
        self, source: Source, spans: Sequence[QuoteSpan], index: int, found: dict[int, str | None]
    ) -> str | None:
        """A span's own speaker, else the previous span's when it goes on the same quotation:
        the next paragraph of a quote that runs on, a paragraph that is only a quote right after
        an attributed one, or a second quote right after the first ("...," Olsen said. "...")."""
        if index in found:
            return found[index]
        span = spans[index]
        own = self._speaker(source, span, spans)
        found[index] = own
        if own is None and not span.nested and index > 0 and self._goes_on(source, spans, index):
            found[index] = self._inherited(source, spans, index - 1, found)
        return found[index]

    def _goes_on(self, source: Source, spans: Sequence[QuoteSpan], index: int) -> bool:
        """Whether nothing but the previous quote's attribution stands between it and this one
        (no other verb, no one else named), and nothing but punctuation follows this one."""
        span, previous = spans[index], spans[index - 1]
        if previous.nested:
            return False
        following = spans[index + 1].start if index + 1 < len(spans) else None
        if not self._only_punctuation(source, spans, span.block, span.end, following):
            return False
        if previous.block == span.block:
            return self._only_attribution(source, spans, span.block, previous.end, span.start)
        return (
            previous.block == span.block - 1
            and not source.text[
                source.blocks[previous.block][1] : source.blocks[span.block][0]
            ].strip()
            and self._only_punctuation(source, spans, span.block, None, span.start)
            and self._only_attribution(source, spans, previous.block, previous.end, None)
        )

    def _region(
        self,
        source: Source,
        spans: Sequence[QuoteSpan],
        block: int,
        start: int | None,
        end: int | None,
    ) -> list[Token]:
        """Tokens of a paragraph outside quotes between two source offsets (None: its edge)."""
        doc, inside = self._parsed(source, block, spans)
        low = -1 if start is None else self._plain(source, block, start)
        high = len(doc.text) if end is None else self._plain(source, block, end)
        return [t for t in doc if low <= t.idx < high and t.i not in inside]

    def _plain(self, source: Source, block: int, offset: int) -> int:
        """Where a source offset inside a parsed paragraph lands in the text given the parser."""
        to_plain = self._maps[(source.id, source.path, hash(source.text), block)]
        return to_plain[min(max(offset - source.blocks[block][0], 0), len(to_plain) - 1)]

    def _span_tokens(self, source: Source, span: QuoteSpan, doc: Doc) -> list[Token]:
        low, high = (
            self._plain(source, span.block, span.start),
            self._plain(source, span.block, span.end),
        )
        return [t for t in doc if low <= t.idx < high]

    def _only_punctuation(
        self,
        source: Source,
        spans: Sequence[QuoteSpan],
        block: int,
        start: int | None,
        end: int | None,
    ) -> bool:
        region = self._region(source, spans, block, start, end)
        return all(t.is_punct or t.is_space for t in region)

    def _only_attribution(
        self,
        source: Source,
        spans: Sequence[QuoteSpan],
        block: int,
        start: int | None,
        end: int | None,
    ) -> bool:
        """Only a verb of saying with its words, closed by punctuation ("Olsen told reporters
        in Geneva."), not a phrase the next quote belongs to ("says Olsen, author of")."""
        region = [
            t
            for t in self._region(source, spans, block, start, end)
            if not (t.is_space or t.is_quote or all(c in QUOTE_CHARACTERS for c in t.text))
        ]
        verbs = [t for t in region if t.pos_ == "VERB"]
        closed = not region or region[-1].is_punct
        one_sentence = not any(t.text in SENTENCE_ENDS for t in region[:-1])
        return closed and one_sentence and len(verbs) <= 1 and all(is_speech(t) for t in verbs)

    def _speaker(self, source: Source, span: QuoteSpan, spans: Sequence[QuoteSpan]) -> str | None:
        if span.nested:
            return None
        doc, inside = self._parsed(source, span.block, spans)
        verb = governing_verb(doc, self._span_tokens(source, span, doc), inside)
        subject = verb_subject(verb) if verb is not None else None
        if subject is None or _joint(subject):
            return None
        if subject.lower_ in PERSON_PRONOUNS:
            return self._antecedent(source, span.block, subject, spans)
        return speaker_name(subject, self._names(source))

    def _names(self, source: Source) -> Counter[str]:
        key = (source.id, source.path, hash(source.text))
        if key not in self._article_names:
            if len(self._article_names) >= MAX_CACHED_PARAGRAPHS:
                self._article_names.clear()
            self._article_names[key] = article_names(source.text)
        return self._article_names[key]

    def _parsed(
        self, source: Source, block: int, spans: Sequence[QuoteSpan]
    ) -> tuple[Doc, set[int]]:
        """A paragraph's Doc and the indexes of its tokens inside quotation marks."""
        key = (source.id, source.path, hash(source.text), block)
        if key not in self._docs:
            if len(self._docs) >= MAX_CACHED_PARAGRAPHS:
                self._docs.clear()  # one finder serves many briefings (eval, digest)
                self._maps.clear()
            if self.parse is None:
                self.parse = spacy_parser()
            start, end = source.blocks[block]
            if end - start > MAX_PARSED_CHARS:
                raise _TooLong
            plain, to_plain = plain_marks(source.text, start, end, spans)
            doc = self.parse(plain)
            ranges = [
                (to_plain[s.start - start], to_plain[s.end - start])
                for s in spans
                if s.block == block
            ]
            inside = {t.i for t in doc for a, b in ranges if a <= t.idx < b}
            self._docs[key] = (doc, inside)
            self._maps[key] = to_plain
        return self._docs[key]

    def _antecedent(
        self, source: Source, block: int, pronoun: Token, spans: Sequence[QuoteSpan]
    ) -> str | None:
        """The person a "he" or "she" stands for: the named subject of an earlier sentence,
        with no other person named in between (then it is unclear, and None)."""
        doc, inside = self._parsed(source, block, spans)
        earlier = [s for s in doc.sents if s.end <= pronoun.sent.start]
        looked = 0
        for back in range(0, LOOK_BACK_PARAGRAPHS + 1):
            if back:
                if block - back < 0:
                    return None
                doc, inside = self._parsed(source, block - back, spans)
                earlier = list(doc.sents)
            for sentence in reversed(earlier):
                person = sentence_person(sentence, inside)
                looked += 1
                if person is not None or looked > LOOK_BACK_SENTENCES:
                    return person or None
        return None


class _TooLong(Exception):
    """A paragraph too long to parse: the quotes that need it get no speaker."""


def _joint(subject: Token) -> bool:
    """Two named speakers at once ("Dennis and Wells wrote"): words no single person said."""
    return any(c.dep_ == "conj" and c.pos_ in ("PROPN", "PRON") for c in subject.children)


def governing_verb(doc: Doc, quote: Sequence[Token], inside: set[int]) -> Token | None:
    """The verb of saying, outside every quote, whose clause holds the quote, nearest first.

    The quote must hang from the verb through clauses, not through a noun: in "says Olsen,
    author of "..."" the quote is a title, not her words.
    """
    if not quote:
        return None
    members = {t.i for t in quote}
    first, last = quote[0].i, quote[-1].i
    words = [t for t in quote if not (t.is_punct or t.is_space)]
    tops = [t for t in words if t.head.i not in members or t.head.i == t.i]
    candidates = []
    for token in doc:
        if token.i in inside or not is_speech(token):
            continue
        governs = any(_clause_path(t, token) for t in tops)
        attached = token.head.i in members and token.dep_ in ("parataxis", "ccomp", "advcl")
        if governs or attached:
            distance = first - token.i if token.i < first else token.i - last
            candidates.append((distance, token.i, token))
    return min(candidates)[2] if candidates else None


def _clause_path(token: Token, verb: Token) -> bool:
    """Whether `verb` is an ancestor of `token` with only verbs and clause words between."""
    if verb not in token.ancestors:
        return False
    step = token.head
    while step.i != verb.i:
        if step.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return False
        step = step.head
    return True


def is_speech(token: Token) -> bool:
    if token.lemma_.lower() in ACCORDING and token.lower_ in ACCORDING:
        return True
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb of saying, climbing from "and said" or "quoted as saying"."""
    if verb.lower_ in ACCORDING:
        return next(
            (
                g
                for c in verb.children
                if c.lower_ in ACCORDING_LINKS
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    token = verb
    for _ in range(CLIMB + 1):
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


def speaker_name(subject: Token, names: Counter[str] | None = None) -> str | None:
    """A person or organisation named by the subject ("Olsen", "aid chief Maria Olsen", "one
    of the authors, Maria Olsen"), or the organisation a spokesman speaks for."""
    entity = _entity(subject)
    if entity is not None:
        return entity
    if subject.pos_ == "PROPN":
        return _unlabelled_name(subject, names or Counter())
    found = {n for t in _noun_phrase(subject) if (n := _entity(t, ("PERSON",)))}
    if len(found) == 1:
        return found.pop()
    if subject.lemma_.lower() in SPOKES_NOUNS:
        for child in subject.children:
            if child.dep_ == "poss" and (name := _entity(child, ("ORG",))):
                return name
            if child.dep_ == "prep" and child.lower_ in SPOKES_LINKS:
                for grand in child.children:
                    if grand.dep_ == "pobj" and (name := _entity(grand, ("ORG",))):
                        return name
    return None


def _noun_phrase(subject: Token) -> list[Token]:
    """The subject's own words and the names set beside it (compounds, conjuncts, appositions),
    not those of phrases hanging from it ("the wife of ...", "who ...")."""
    words = [subject]
    for child in subject.children:
        if child.dep_ in ("compound", "appos", "conj", "dobj", "flat"):
            words.extend(_noun_phrase(child))
    return words


def _unlabelled_name(subject: Token, names: Counter[str]) -> str | None:
    """A proper-noun subject the parser gave no person label ("Donnelly said"): a name when the
    article also gives it with a first name or uses it again, and not a place or a title."""
    if subject.ent_type_ in NOT_SPEAKER_LABELS:
        return None
    words = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    start = words[0].i if words else subject.i
    name = clean_name(subject.doc[start : subject.i + 1].text)
    if name is None:
        return None
    surname = name.split()[-1]
    if any(len(n.split()) > 1 and n.split()[-1] == surname for n in names):
        return name
    if names[surname] >= 2:
        return name
    return None


def _entity(token: Token, labels: Iterable[str] = SPEAKER_LABELS) -> str | None:
    """The name of the person or organisation entity `token` belongs to, titles left off."""
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end and entity.label_ in labels:
            words = list(entity)
            while len(words) > 1 and words[0].pos_ not in ("PROPN", "PUNCT"):
                words.pop(0)
            return clean_name(entity.doc[words[0].i : entity.end].text)
    return None


def clean_name(name: str) -> str | None:
    """A name without what goes before it (articles, "Defense Minister", "Russian Ambassador"),
    or None when nothing name-like is left."""
    words = name.replace("’s", "").replace("'s", "").split()
    titles = [k for k, w in enumerate(words) if w.rstrip(".").lower() in TITLE_WORDS]
    if titles:
        words = words[titles[-1] + 1 :]
    while words and (words[0].lower() in stop_words() or not words[0][:1].isupper()):
        words.pop(0)
    if not words or not words[-1][:1].isupper():
        return None
    if len(words) == 1 and words[0].casefold() in NOT_A_NAME:
        return None
    return " ".join(words)


def sentence_person(sentence: Span, inside: set[int]) -> str | None:
    """Whom a later "he" or "she" means, judged from one earlier sentence (quotes left out):
    the person who is its main subject; "" when it names someone else (unclear: stop); None
    when it names no one, or its subject is itself "he" or "she" (look further back)."""
    people: list[Span | Token] = [
        e for e in sentence.ents if e.label_ == "PERSON" and e.root.i not in inside
    ]
    people += [
        t
        for t in sentence
        if t.dep_ == "poss"
        and t.text[:1].isupper()
        and t.pos_ != "PRON"
        and t.i not in inside
        and t.ent_type_ not in NOT_SPEAKER_LABELS
    ]
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    subjects = [
        c for v in verbs for c in v.children if c.dep_ in SUBJECT_DEPS and c.i not in inside
    ]
    for subject in subjects:
        named = _entity(subject, ("PERSON",)) or next(
            (_entity(c, ("PERSON",)) for c in subject.children if c.dep_ == "appos"), None
        )
        if named:
            return named
    if any(s.lower_ in PERSON_PRONOUNS for s in subjects):
        return None if not people else ""
    return "" if people else None


def article_names(text: str) -> Counter[str]:
    """Runs of two or more capitalized words in an article (titles left off), and how often
    each capitalized word stands inside a sentence: the names the article uses."""
    runs: Counter[str] = Counter()
    for match in re.finditer(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{1,5}}\b", text):
        name = clean_name(match.group(0))
        if name and len(name.split()) >= 2:
            runs[name] += 1
    for match in re.finditer(rf"(?<=[a-z,;] ){NAME_WORD}\b", text):
        runs[match.group(0)] += 1
    return runs


def full_name(name: str, names: Counter[str]) -> str:
    """The name in full as the same article gives it: "Warren" -> "Elizabeth Warren".

    Only when a single fuller form ends in the name; two different people of one surname
    ("Bill Clinton", "Hillary Clinton") leave it as it is.
    """
    if len(name.split()) > 1:
        return name
    forms = {
        n
        for n in names
        if len(n.split()) > 1
        and n.split()[-1] == name
        and n.split()[0].casefold() not in NOT_A_NAME
    }
    firsts = {f.split()[0] for f in forms}
    if len(firsts) != 1:
        return name
    return max(forms, key=lambda f: (names[f], len(f), f))

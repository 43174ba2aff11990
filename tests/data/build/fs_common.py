"""Shared helpers for the figures / standalone evaluation sets.

Only reads the raw article files; nothing here touches synth's code or output.
"""

import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def shared_root():
    for cand in ("/work/shared", os.path.join("/work/main", "..", "shared")):
        if os.path.isdir(os.path.join(cand, "eval", "multinews-dev")):
            return os.path.normpath(cand)
    raise SystemExit("shared data not found")


SHARED = shared_root()
DEV = os.path.join(SHARED, "eval", "multinews-dev")
SEEDS = os.path.join(SHARED, "seeds")

# Documents judged (by reading the first few hundred characters of every doc)
# not to be news articles: platform boilerplate (Twitter, Facebook, YouTube
# descriptions, sign-up pages), Internet Archive crawl notes, reference /
# organisation / product pages, a forum dump, raw legal texts, academic
# papers, a photo-caption dump, and one Dutch-language page.
JUNK = {
    # Twitter / Facebook / video / sign-up boilerplate
    "mn_test_000/D01",
    "mn_test_000/D03",
    "mn_test_002/D03",
    "mn_test_009/D02",
    "mn_test_017/D01",
    "mn_test_033/D02",
    "mn_test_034/D01",
    "mn_test_038/D03",
    "mn_test_062/D03",
    "mn_test_064/D02",
    "mn_test_066/D04",
    "mn_test_080/D05",
    "mn_test_080/D06",
    "mn_test_105/D01",
    "mn_test_127/D02",
    "mn_test_128/D04",
    "mn_test_131/D01",
    "mn_test_131/D02",
    "mn_test_137/D02",
    "mn_test_167/D04",
    "mn_test_191/D02",
    "mn_test_191/D05",
    "mn_test_070/D03",
    "mn_test_199/D02",
    "mn_test_069/D03",
    "mn_test_048/D03",
    "mn_test_197/D01",
    "mn_test_132/D03",
    "mn_test_092/D01",
    "mn_test_186/D01",
    "mn_test_137/D04",
    "mn_test_104/D06",
    "mn_test_164/D02",
    "mn_test_165/D02",
    # Internet Archive crawl / collection descriptions
    "mn_test_066/D01",
    "mn_test_110/D02",
    "mn_test_113/D02",
    "mn_test_123/D01",
    "mn_test_139/D02",
    "mn_test_146/D01",
    "mn_test_016/D02",
    "mn_test_124/D02",
    "mn_test_001/D02",
    "mn_test_030/D01",
    "mn_test_103/D02",
    "mn_test_148/D02",
    "mn_test_037/D01",
    "mn_test_038/D02",
    "mn_test_066/D03",
    "mn_test_104/D03",
    "mn_test_119/D02",
    "mn_test_187/D02",
    "mn_test_163/D01",
    "mn_test_163/D02",
    "mn_test_195/D03",
    "mn_test_196/D02",
    "mn_test_085/D03",
    # reference / organisation / product / listing pages, forum, essays
    "mn_test_148/D03",
    "mn_test_123/D02",
    "mn_test_146/D02",
    "mn_test_176/D01",
    "mn_test_181/D01",
    "mn_test_103/D01",
    "mn_test_177/D03",
    "mn_test_104/D07",
    "mn_test_096/D02",
    "mn_test_066/D02",
    "mn_test_027/D03",
    "mn_test_032/D02",
    # raw legal texts
    "mn_test_167/D01",
    "mn_test_167/D03",
    # academic papers (abstract / full text)
    "mn_test_110/D01",
    "mn_test_190/D01",
    "mn_test_124/D01",
    "mn_test_045/D01",
    "mn_test_050/D01",
    "mn_test_074/D01",
    "mn_test_188/D01",
    "mn_test_192/D02",
    # not English
    "mn_test_055/D02",
}


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def clusters(include_seeds=True):
    """Yield (cluster, [(doc_name, path), ...]) for dev clusters (+ seeds)."""
    for c in sorted(os.listdir(DEV)):
        d = os.path.join(DEV, c, "docs")
        docs = [
            (fn[:-4], os.path.join(d, fn)) for fn in sorted(os.listdir(d)) if fn.endswith(".txt")
        ]
        yield c, docs
    if include_seeds:
        docs = [
            (fn[:-4], os.path.join(SEEDS, fn))
            for fn in sorted(os.listdir(SEEDS))
            if fn.endswith(".txt")
        ]
        yield "seeds", docs


def is_junk(cluster, doc):
    return f"{cluster}/{doc}" in JUNK


def half_of(cluster):
    if cluster == "seeds":
        return "tune"
    n = int(cluster.rsplit("_", 1)[1])
    return "tune" if n % 2 == 0 else "test"


ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "prof",
    "rev",
    "jr",
    "sr",
    "no",
    "vs",
    "v",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "corp",
    "ltd",
    "u.s",
    "u.n",
    "u.k",
    "d.c",
    "e.g",
    "i.e",
    "calif",
    "fla",
    "colo",
    "ind",
    "mont",
    "pa",
    "mass",
    "ga",
    "n.c",
    "ariz",
    "tenn",
    "ky",
    "la",
    "wash",
    "ore",
    "mich",
    "ill",
    "minn",
    "wis",
    "conn",
    "okla",
    "ala",
    "miss",
    "mo",
    "va",
    "nev",
    "n.y",
    "n.j",
    "ft",
    "mt",
    "a.m",
    "p.m",
    "approx",
    "dept",
    "est",
}

# candidate boundary: end punctuation, optional closing quotes/brackets,
# whitespace, then something that looks like a sentence start.
_BOUND = re.compile(r'[.!?]["\'\u201d\u2019)\]]*\s+(?=["\'\u201c\u2018(\[]?[A-Z0-9])')


def split_sentences(text):
    """Return [(start, end)] character spans of sentences in text.

    Lines (newline-separated) are never joined; within a line we split at
    . ! ? followed by whitespace and an upper-case letter / digit / opening
    quote, unless the token before the period is a known abbreviation or a
    single initial.  Spans are stripped of surrounding whitespace.
    """
    spans = []
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        cur = 0
        for m in _BOUND.finditer(line):
            # word before the punctuation
            before = line[cur : m.start()]
            w = re.findall(r"[A-Za-z.]+$", before)
            tok = w[0].lower().rstrip(".") if w else ""
            if line[m.start()] == "." and (tok in ABBREV or (len(tok) == 1 and tok.isalpha())):
                continue
            end = m.end()
            seg_end = len(line[:end].rstrip())
            spans.append((lstart + cur, lstart + seg_end))
            cur = end
        spans.append((lstart + cur, lstart + len(line)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out

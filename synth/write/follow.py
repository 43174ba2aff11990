"""Following a story from one digest to the next: what is new since the previous run.

A digest records in its `digest.json` what the next run needs to follow its stories: the
run's date, each story's article hashes (of the article text as read, so the same article
fetched again or renamed is the same article) and its vector (the mean of its sentence
vectors, as float16), and the hash of every article that joined no story. The next run
(`synth digest --since PREVIOUS_DIR`, or the same `-o` folder again) matches each of its
stories to a previous one: the previous story that shares the most articles with it, else,
when both runs used the same model, the previous story whose vector is closest, if it is
close enough to be the same event. A story with no match is new; a matched one with articles
the previous run did not have is updated, and its page starts with "New since <date>": the
points whose evidence comes only from those articles. Everything here is deterministic:
ties go to the earlier previous story.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from synth.core import Briefing, InputError, RankedPoint, Source

INDEX_NAMES = {"md": "index.md", "html": "index.html"}
# Cosine of two stories' mean sentence vectors (all-MiniLM-L6-v2) at or above which stories
# that share no article are the same event. On the 183 development clusters with two usable
# articles or more, each split into two halves of its articles: 57% of halves reach 0.80 with
# their own other half, and none of the 33,306 pairs of halves of different clusters does
# (the highest is 0.795; at 0.75, 70% and 8 pairs). A missed match shows a story as new; a
# wrong one would show it as updated, which misleads more: the threshold favours precision.
SAME_STORY = 0.80
NEW, UPDATED, SAME = "new", "updated", "same"
RUN_DATE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


@dataclass(frozen=True)
class StoryPage:
    """What a digest's story page shows beyond the briefing: the way back to the index and,
    when a previous run is followed, what is new since it."""

    index: Mapping[str, str] = field(default_factory=lambda: dict(INDEX_NAMES))
    status: str | None = None
    since: str | None = None
    new_sources: frozenset[int] = frozenset()
    previous: str | None = None

    def new_points(self, briefing: Briefing) -> list[RankedPoint]:
        """The shown points whose evidence comes only from the articles new since the
        previous run, in rank order (none for a story that is not updated)."""
        if self.status != UPDATED:
            return []
        return sorted(
            (
                p
                for p in briefing.ranked_points
                if {e.source for e in p.point.evidence} <= self.new_sources
            ),
            key=lambda p: p.rank,
        )


@dataclass(frozen=True)
class PreviousStory:
    stem: str
    headline: str
    hashes: frozenset[str]
    vector: np.ndarray | None


@dataclass(frozen=True)
class Previous:
    """A previous digest run, as its `digest.json` recorded it."""

    date: str
    model: str | None
    stories: tuple[PreviousStory, ...]
    articles: frozenset[str]


def article_hash(source: Source) -> str:
    """A short hash of the article's text as read (whitespace collapsed), the same whatever
    the file's name, front matter or line breaks."""
    spans = source.blocks or ((source.body_start, len(source.text)),)
    words = " ".join(" ".join(source.text[a:b] for a, b in spans).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def story_vector(vectors: np.ndarray) -> np.ndarray | None:
    """The unit-length mean of a story's sentence vectors, or None with none."""
    if vectors.size == 0:
        return None
    mean = np.asarray(vectors, dtype=np.float64).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float16) if norm > 0 else None


def encode_vector(vector: np.ndarray | None) -> str | None:
    """A vector as base64 of little-endian float16: compact, exact to what is compared."""
    if vector is None:
        return None
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def decode_vector(text: object) -> np.ndarray | None:
    if not isinstance(text, str):
        return None
    try:
        return np.frombuffer(base64.b64decode(text, validate=True), dtype="<f2")
    except ValueError:
        return None


def run_date() -> str:
    """This run's date and time (UTC, to the minute), or SOURCE_DATE_EPOCH's when it is set,
    so that a build can give the same bytes every time."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(fixed) if fixed.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(seconds))


def load_previous(folder: str | os.PathLike[str], required: bool) -> Previous | None:
    """The run recorded in `folder/digest.json`. A folder without one (or with one written
    before synth followed stories) is an error when `required` (`--since`), else no
    previous run."""
    path = Path(folder) / "digest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        run = data["run"]
        stories = tuple(_previous_story(entry) for entry in data["stories"])
        alone = {a["hash"] for a in data.get("alone", []) if isinstance(a.get("hash"), str)}
        date, model = run["date"], run.get("model")
        if not RUN_DATE.fullmatch(date):
            raise ValueError(date)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        if not required:
            return None
        raise InputError(
            f"{folder}: holds no digest.json of a synth digest run that can be followed "
            "(give the -o folder of an earlier run)"
        ) from None
    articles = frozenset(alone).union(*(s.hashes for s in stories))
    return Previous(date, model if isinstance(model, str) else None, stories, articles)


def _previous_story(entry: Mapping[str, Any]) -> PreviousStory:
    follow = entry["follow"]
    hashes = frozenset(h for h in follow["hashes"] if isinstance(h, str))
    stem = str(entry["files"]["html"]).removesuffix(".html")
    return PreviousStory(stem, str(entry["headline"]), hashes, decode_vector(follow["vector"]))


def follow(
    sources: Sequence[Source],
    vectors: np.ndarray,
    previous: Previous | None,
    model: str | None,
) -> StoryPage:
    """The page of a story made of `sources` (with their sentence `vectors`), followed from
    the `previous` run when there is one."""
    if previous is None:
        return StoryPage()
    hashes = {s.id: article_hash(s) for s in sources if not s.skipped}
    match = _match(set(hashes.values()), story_vector(vectors), previous, model)
    new = frozenset(i for i, h in hashes.items() if h not in previous.articles)
    if match is None:
        return StoryPage(status=NEW, since=previous.date, new_sources=new)
    status = UPDATED if new else SAME
    return StoryPage(status=status, since=previous.date, new_sources=new, previous=match.stem)


def _match(
    hashes: set[str], vector: np.ndarray | None, previous: Previous, model: str | None
) -> PreviousStory | None:
    """The previous story sharing most articles; else the closest by vector, if close
    enough and made with the same model. Ties go to the earlier (higher-ranked) story."""
    shared = [(len(hashes & p.hashes), -n) for n, p in enumerate(previous.stories)]
    best = max(shared, default=(0, 0))
    if best[0] > 0:
        return previous.stories[-best[1]]
    if vector is None or model is None or model != previous.model:
        return None
    scored = [
        (float(np.dot(vector.astype(np.float32), p.vector.astype(np.float32))), -n)
        for n, p in enumerate(previous.stories)
        if p.vector is not None and p.vector.shape == vector.shape
    ]
    close = max(scored, default=(0.0, 0))
    return previous.stories[-close[1]] if close[0] >= SAME_STORY else None


def follow_entry(page: StoryPage, sources: Iterable[Source], vectors: np.ndarray) -> dict:
    """What `digest.json` records of a story for the next run, and what this run found."""
    briefing_sources = list(sources)
    return {
        "status": page.status,
        "since": page.since,
        "previous": page.previous,
        "new_articles": sorted(page.new_sources),
        "hashes": [article_hash(s) for s in briefing_sources if not s.skipped],
        "vector": encode_vector(story_vector(vectors)),
    }

"""Write a digest: one briefing per story and an index, into a folder synth owns.

The index comes in three forms: `digest.json` (canonical), `index.md` and `index.html`. The
folder is never shared blindly: synth writes into a folder that is new, empty, or was written
by `synth digest` before (it keeps a list of its files in `.synth-digest`). There it replaces
only its own files, removes the briefings of stories that no longer exist, and leaves any
other file alone; a folder holding anything else is refused. The list of files is written
before the files themselves, so a run stopped halfway still knows which files are its own.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from synth.core import InputError, Source, Story
from synth.read.dates import parse_date
from synth.read.label import site_of
from synth.read.syndicate import report_count
from synth.write.folder import (
    leftover_temporaries,
    lock_folder,
    remove_leftovers,
    replace_entry,
    unlock_folder,
)
from synth.write.follow import article_hash
from synth.write.formats import OutputFormat, output_format
from synth.write.render import template
from synth.write.scan import casing, cut, recase, shouting

MANIFEST = ".synth-digest"
# The index by format: the canonical data is `digest.json`, the pages are `index.md`, ...
INDEX_FILES = {f.value: ("index" if f.templated else "digest") + f.extension for f in OutputFormat}


def story_files(stem: str) -> dict[str, str]:
    """The file names of one story's briefing, by format."""
    return {f.value: stem + f.extension for f in OutputFormat}


def index_data(
    stories: Sequence[Story],
    alone: Sequence[Source],
    skipped: Sequence[Source],
    follows: Mapping[str, dict[str, Any]] | None = None,
    run: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The digest as JSON-ready data: what `digest.json` holds and the index pages show.

    `follows` holds what each story's stem records for the next run and what is new since
    the previous one (`synth.write.follow`), `run` the run's date, model and previous date.
    """
    entries = [_story_entry(story, (follows or {}).get(story.stem)) for story in stories]
    articles = [s for story in stories for s in story.briefing.sources] + list(alone)
    dates = [d for s in articles if (d := parse_date(s.published))]
    return {
        "title": f"Digest of {len(entries)} stor{'y' if len(entries) == 1 else 'ies'}",
        "run": dict(run or {"date": None, "model": None, "since": None}),
        "articles": sum(e["articles"] for e in entries) + len(alone),
        "first_published": min(dates, default=None),
        "last_published": max(dates, default=None),
        "stories": entries,
        "alone": [{**_article_entry(s), "hash": article_hash(s)} for s in alone],
        "skipped": [_article_entry(s) for s in skipped],
    }


def shown_headlines(stories: Sequence[Story]) -> dict[str, str]:
    """Each story's headline as the index shows it: a headline in capitals recased after
    the way the story's own articles write its words (`synth.write.scan`)."""
    shown = {}
    for story in stories:
        sources = story.briefing.sources
        texts = (s.text[a:b] for s in sources for a, b in s.blocks)
        title = story.briefing.title
        # only a headline in capitals is recased: the scan of its articles is for it alone
        shown[story.stem] = recase(title, casing(texts)) if title and shouting(title) else title
    return shown


def _story_entry(story: Story, follow: dict[str, Any] | None = None) -> dict[str, Any]:
    briefing = story.briefing
    top = briefing.ranked_points[:1]
    dates = sorted(d for s in briefing.sources if (d := parse_date(s.published)))
    return {
        "rank": story.rank,
        "headline": briefing.title,
        "lede": top[0].point.text if top else None,
        "files": story_files(story.stem),
        "articles": sum(1 for s in briefing.sources if not s.skipped),
        "independent_reports": report_count(briefing.sources),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "sources": [s.to_dict() for s in briefing.sources],
        "follow": follow,
    }


def _article_entry(source: Source) -> dict[str, Any]:
    entry = source.to_dict()
    del entry["id"], entry["independent_report"]
    return entry


def render_index(data: dict[str, Any], fmt: str, headlines: Mapping[str, str] | None = None) -> str:
    """The index in `fmt`: json (canonical), md or html. `headlines` are the stories'
    headlines as shown (`shown_headlines`, by stem); a long one is cut at a phrase end."""
    form = output_format(fmt)
    if not form.templated:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    stories = []
    for entry in data["stories"]:
        full = (headlines or {}).get(_stem(entry), entry["headline"]) or ""
        follow = entry.get("follow") or {}
        stories.append(
            {
                **entry,
                "full_headline": full,
                "shown_headline": cut(full),
                "reports": entry["independent_reports"],
                "outlets": _outlets(entry["sources"]),
                "date_range": _range(entry["first_published"], entry["last_published"]),
                "status": follow.get("status"),
                "new_articles": len(follow.get("new_articles") or []),
                "new_points": len(follow.get("new_points") or []),
            }
        )
    run = data.get("run") or {}
    text = template(f"digest.{form.value}.j2", autoescape=form.autoescape).render(
        title=data["title"],
        stories=stories,
        story_count=len(stories),
        article_count=data["articles"],
        alone=data["alone"],
        skipped=data["skipped"],
        date_range=_range(data["first_published"], data["last_published"]),
        since=run.get("since"),
        new_count=sum(1 for s in stories if s["status"] == "new"),
        updated_count=sum(1 for s in stories if s["status"] == "updated"),
    )
    return text.rstrip("\n") + "\n"


def _stem(entry: Mapping[str, Any]) -> str:
    return str(entry["files"]["html"]).removesuffix(".html")


def _outlets(sources: Iterable[Mapping[str, Any]]) -> list[str]:
    """The outlets of a story's articles, each once, in source order: its name, else the
    site of its web address; articles with neither are not counted."""
    names: list[str] = []
    for source in sources:
        name = source.get("outlet") or site_of(source.get("url"))
        if name and not source.get("skipped") and name not in names:
            names.append(name)
    return names


def _range(first: str | None, last: str | None) -> str:
    if not first or not last:
        return ""
    return first if first == last else f"{first} – {last}"


class DigestFolder:
    """The output folder of a digest, written so that no file synth did not write is lost."""

    def __init__(self, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
        self.path = Path(path)
        self.inputs = [str(p) for p in inputs]
        self.owned: set[str] = set()
        self._lock: int | None = None
        self._made = False

    def check(self, input_paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        """Refuse a folder that holds files of others, lies inside an input folder, or is being
        written by another run; then hold it (made if new, locked) until `release`."""
        if self.path.exists() and not self.path.is_dir():
            raise InputError(f"{self.path}: exists and is not a folder")
        if not self.path.parent.is_dir():
            raise InputError(f"{self.path}: output folder {self.path.parent} does not exist")
        resolved = self.path.resolve()
        for given in input_paths:
            folder = Path(given).resolve()
            if Path(given).is_dir() and (resolved == folder or folder in resolved.parents):
                raise InputError(
                    f"{self.path}: is inside the input folder {given}; its briefings would be "
                    "read as articles next time"
                )
        self._hold()
        self.owned = self._read_manifest()
        ours = {MANIFEST, *self.owned}
        leftovers = {p.name for p in leftover_temporaries(self.path, ours)}
        others = [p.name for p in self.path.iterdir() if p.name not in ours | leftovers]
        if others and not (self.path / MANIFEST).exists():
            raise InputError(
                f"{self.path}: folder holds files synth digest did not write; "
                "give a new or empty folder"
            )
        remove_leftovers(self.path, ours)

    def _hold(self) -> None:
        """Make the folder if it is new and lock it: a second run into it is refused."""
        try:
            self.path.mkdir()
            self._made = True
        except FileExistsError:
            pass
        except OSError as error:
            raise InputError(f"{self.path}: cannot make the folder ({error.strerror})") from None
        self._lock = lock_folder(self.path)

    def release(self, failed: bool = False) -> None:
        """Unlock the folder; after a failed run, a folder this run made and left empty goes."""
        unlock_folder(self._lock)
        self._lock = None
        if failed and self._made:
            with contextlib.suppress(OSError):
                self.path.rmdir()

    def claim(self, names: Iterable[str]) -> None:
        """Record `names` as synth's before writing them; refuse any that is someone else's."""
        names = set(names)
        foreign = sorted(n for n in names if os.path.lexists(self.path / n) and n not in self.owned)
        if foreign:
            clash = self.path / foreign[0]
            raise InputError(f"{clash}: exists and was not written by synth digest")
        self.path.mkdir(exist_ok=True)
        self.owned |= names
        self._write_manifest(self.owned)

    def write(self, name: str, text: str) -> None:
        replace_entry(self.path / name, text, self.inputs)

    def finish(self, names: Iterable[str]) -> None:
        """Remove synth's files from earlier runs that this run did not write."""
        names = set(names)
        keep = {str(Path(p).resolve()) for p in self.inputs}
        for stale in sorted(self.owned - names):
            target = self.path / stale
            if str(target.resolve()) not in keep:
                target.unlink(missing_ok=True)
        self.owned = names
        self._write_manifest(names)

    def _read_manifest(self) -> set[str]:
        manifest = self.path / MANIFEST
        if manifest.is_symlink():
            raise InputError(f"{manifest}: is a link, not synth's list of its files")
        if not manifest.exists():
            return set()
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            files = data["files"]
        except (OSError, ValueError, KeyError, TypeError):
            raise InputError(f"{manifest}: unreadable; remove it or give another folder") from None
        return {f for f in files if isinstance(f, str) and f == Path(f).name}

    def _write_manifest(self, names: Iterable[str]) -> None:
        data = {"written_by": "synth digest", "files": sorted(names)}
        replace_entry(self.path / MANIFEST, json.dumps(data, indent=2) + "\n")

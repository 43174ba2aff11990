"""Write a digest: one briefing per story and an index, into a folder synth owns.

The index comes in three forms: `digest.json` (canonical), `index.md` and `index.html`. The
folder is never shared blindly: synth writes into a folder that is new, empty, or was written
by `synth digest` before (it keeps a list of its files in `.synth-digest`). There it replaces
only its own files, removes the briefings of stories that no longer exist, and leaves any
other file alone; a folder holding anything else is refused. The list of files is written
before the files themselves, so a run stopped halfway still knows which files are its own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from synth.core import InputError, Source, Story
from synth.read.dates import parse_date
from synth.read.syndicate import report_count
from synth.write.formats import OutputFormat, output_format
from synth.write.output import write_atomic
from synth.write.render import template

MANIFEST = ".synth-digest"
# The index by format: the canonical data is `digest.json`, the pages are `index.md`, ...
INDEX_FILES = {f.value: ("index" if f.templated else "digest") + f.extension for f in OutputFormat}


def story_files(stem: str) -> dict[str, str]:
    """The file names of one story's briefing, by format."""
    return {f.value: stem + f.extension for f in OutputFormat}


def index_data(
    stories: Sequence[Story], alone: Sequence[Source], skipped: Sequence[Source]
) -> dict[str, Any]:
    """The digest as JSON-ready data: what `digest.json` holds and the index pages show."""
    entries = [_story_entry(story) for story in stories]
    articles = [s for story in stories for s in story.briefing.sources] + list(alone)
    dates = [d for s in articles if (d := parse_date(s.published))]
    return {
        "title": f"Digest of {len(entries)} stor{'y' if len(entries) == 1 else 'ies'}",
        "articles": sum(e["articles"] for e in entries) + len(alone),
        "first_published": min(dates, default=None),
        "last_published": max(dates, default=None),
        "stories": entries,
        "alone": [_article_entry(s) for s in alone],
        "skipped": [_article_entry(s) for s in skipped],
    }


def _story_entry(story: Story) -> dict[str, Any]:
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
    }


def _article_entry(source: Source) -> dict[str, Any]:
    entry = source.to_dict()
    del entry["id"], entry["independent_report"]
    return entry


def render_index(data: dict[str, Any], fmt: str) -> str:
    """The index in `fmt`: json (canonical), md or html."""
    form = output_format(fmt)
    if not form.templated:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    stories = [
        {
            **entry,
            "reports": entry["independent_reports"],
            "date_range": _range(entry["first_published"], entry["last_published"]),
        }
        for entry in data["stories"]
    ]
    text = template(f"digest.{form.value}.j2", autoescape=form.autoescape).render(
        title=data["title"],
        stories=stories,
        story_count=len(stories),
        article_count=data["articles"],
        alone=data["alone"],
        skipped=data["skipped"],
        date_range=_range(data["first_published"], data["last_published"]),
    )
    return text.rstrip("\n") + "\n"


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

    def check(self, input_paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        """Refuse a folder that holds files of others, or lies inside an input folder."""
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
        if not self.path.is_dir():
            return
        self.owned = self._read_manifest()
        others = [p.name for p in self.path.iterdir() if p.name != MANIFEST]
        if others and not (self.path / MANIFEST).exists():
            raise InputError(
                f"{self.path}: folder holds files synth digest did not write; "
                "give a new or empty folder"
            )

    def claim(self, names: Iterable[str]) -> None:
        """Record `names` as synth's before writing them; refuse any that is someone else's."""
        names = set(names)
        foreign = sorted(n for n in names if (self.path / n).exists() and n not in self.owned)
        if foreign:
            clash = self.path / foreign[0]
            raise InputError(f"{clash}: exists and was not written by synth digest")
        self.path.mkdir(exist_ok=True)
        self.owned |= names
        self._write_manifest(self.owned)

    def write(self, name: str, text: str) -> None:
        write_atomic(self.path / name, text, self.inputs)

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
        write_atomic(self.path / MANIFEST, json.dumps(data, indent=2) + "\n")

"""Read articles from files and folders into numbered `Source`s.

Sources are numbered in a canonical order (by normalized path), so the same set of files given in
any order yields the same ids and therefore byte-identical output.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from synth.clean import clean_text
from synth.core import InputError, Source

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """A file's decoded text and the metadata found in its front matter."""

    path: str
    text: str
    body_start: int
    meta: dict[str, str]


def load_sources(
    paths: Sequence[str | os.PathLike[str]],
    skip_unreadable: bool = False,
    warn: Callable[[str], None] | None = None,
) -> tuple[Source, ...]:
    """Read every article under `paths` and return cleaned, numbered sources.

    With `skip_unreadable`, a file that cannot be used (empty, binary, too large) is reported to
    `warn` and left out instead of stopping the run.
    """
    articles = []
    for path in expand_paths(paths):
        try:
            articles.append(read_article(path))
        except InputError as error:
            if not skip_unreadable:
                raise
            if warn:
                warn(str(error))
    return tuple(to_source(i, a) for i, a in enumerate(articles, start=1))


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Resolve files and folders to a sorted, de-duplicated list of article files."""
    if not paths:
        raise InputError("no input: give one or more article files or folders")
    found: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        members = [path] if path.is_file() else list(_articles_in_folder(path))
        if path.is_dir() and not members:
            raise InputError(f"{raw}: folder holds no articles ({', '.join(ARTICLE_SUFFIXES)})")
        for member in members:
            found.setdefault(str(member.resolve()), os.path.normpath(member))
    return sorted(found.values())


def _articles_in_folder(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def read_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Decode one file and split off its YAML front matter."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise InputError(f"{path}: file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    with open(path, "rb") as handle:
        data = handle.read()
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    meta, body_start = split_front_matter(text, path)
    if not text[body_start:].strip():
        raise InputError(f"{path}: file has front matter but no article text")
    return Article(path=path, text=text, body_start=body_start, meta=meta)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse binary files."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_guessing(data, path)


def _decode_guessing(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding of this file")
    return str(best)


def split_front_matter(text: str, path: str) -> tuple[dict[str, str], int]:
    """Return the YAML front matter (title, outlet, url, published) and where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    first_newline = text.find("\n")
    closing = text.find("\n---", first_newline)
    if first_newline < 0 or closing < 0 or text[3:first_newline].strip():
        return {}, 0
    try:
        data = yaml.safe_load(text[first_newline + 1 : closing]) or {}
    except yaml.YAMLError as exc:
        message = f"{path}: front matter is not valid YAML ({exc.__class__.__name__})"
        raise InputError(message) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter must be a mapping of keys to values")
    body = text.find("\n", closing + 1)
    meta = {str(k): str(v) for k, v in data.items() if v is not None}
    return meta, len(text) if body < 0 else body + 1


def to_source(source_id: int, article: Article) -> Source:
    """Clean an article and give it its citation label: outlet, else headline, else file name."""
    cleaned = clean_text(article.text, article.body_start)
    title = article.meta.get("title") or cleaned.headline
    outlet = article.meta.get("outlet") or cleaned.outlet
    label = outlet or title or Path(article.path).stem
    return Source(
        id=source_id,
        path=article.path,
        text=article.text,
        label=label,
        title=title,
        outlet=outlet,
        url=article.meta.get("url"),
        published=article.meta.get("published") or cleaned.published,
        body_start=article.body_start,
        blocks=cleaned.blocks,
        dropped=cleaned.dropped,
    )

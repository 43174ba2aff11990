"""Read articles from files and folders into numbered `Source`s.

Sources are numbered in a canonical order (by normalized path), so the same set of files given in
any order yields the same ids and therefore byte-identical output.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import yaml

from synth.core import InputError, Source
from synth.lang.en import FUNCTION_WORDS, LETTER_WORD, PAGE_WORDS, READER_WORDS
from synth.read.clean import clean_text
from synth.read.fetch import fetch, is_url, looks_like_url
from synth.read.label import citation_label

PAGE_NOTICE_SHARE = 0.08
# Below this many words a language guess is noise. English news prose is full of the listed
# function words; text in another language shares few of them, so a low floor separates the two
# without flagging terse English.
LANGUAGE_SAMPLE_WORDS = 30
ENGLISH_FUNCTION_SHARE = 0.12
READER_NOTICE_SHARE = 0.06

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MIN_ARTICLE_WORDS = 8
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a media file",
    b"\x7fELF": "a program",
}
META_KEYS = ("title", "outlet", "url", "published", "author")


@dataclass(frozen=True)
class Article:
    """An article's text (what evidence offsets index), its format and its metadata."""

    path: str
    text: str
    body_start: int
    meta: dict[str, str]
    format: str = "text"


Warn = Callable[[str], None]


def load_sources(
    paths: Sequence[str | os.PathLike[str]],
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Warn | None = None,
    strict: bool = False,
    stdin: BinaryIO | None = None,
    note: Warn | None = None,
) -> tuple[Source, ...]:
    """Read every article under `paths` (files, folders, URLs, `-`) into numbered sources.

    An input that cannot be used is reported to `warn` and left out, and the others go on;
    with `strict`, the first such problem is raised instead. When nothing usable remains, the
    run stops with an InputError. Advice that needs no action (an article that does not look
    English) goes to `note`.
    """
    if not paths:
        raise InputError("no input: give article files, folders, URLs or - for standard input")
    report = warn or (lambda message: None)
    articles: dict[str, Article] = {}
    problems: list[str] = []
    for argument in paths:
        for result in read_argument(str(argument), max_bytes, stdin):
            if isinstance(result, InputError):
                if strict:
                    raise result
                problems.append(str(result))
            else:
                articles.setdefault(result.path, result)
    if not articles and len(problems) == 1:
        raise InputError(problems[0])
    for problem in problems:
        report(problem)
    if not articles:
        raise InputError("no readable articles in the input")
    ordered = sorted(articles.values(), key=lambda a: a.path)
    sources = tuple(to_source(i, a, note) for i, a in enumerate(ordered, start=1))
    if all(s.skipped for s in sources):
        reasons = "; ".join(f"{s.path}: {s.skipped}" for s in sources[:3])
        raise InputError(f"no article text in the input ({reasons})")
    return sources


def input_files(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The local files the inputs name (folders expanded), to guard them from being overwritten."""
    files = []
    for argument in paths:
        path = Path(argument)
        if str(argument) == "-" or looks_like_url(str(argument)) or not path.exists():
            continue
        files.extend(str(p) for p in ([path] if path.is_file() else _articles_in_folder(path)))
    return files


def read_argument(
    argument: str, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """The articles one command-line argument names, or the problem with each."""
    try:
        if argument == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from articles_from_bytes(stream.read(max_bytes + 1), "-", "", max_bytes)
            return
        if is_url(argument):
            yield from _articles_from_url(argument, max_bytes)
            return
        if looks_like_url(argument):
            raise InputError(f"{argument}: only http:// and https:// addresses can be fetched")
        path = Path(argument)
        if not path.exists():
            raise InputError(f"{argument}: no such file or folder")
        if path.is_dir():
            members = list(_articles_in_folder(path))
            if not members:
                suffixes = ", ".join(ARTICLE_SUFFIXES)
                raise InputError(f"{argument}: folder holds no articles ({suffixes})")
            for member in members:
                yield from _guarded(read_file, os.path.normpath(member), max_bytes)
            return
        yield from read_file(os.path.normpath(path), max_bytes)
    except InputError as error:
        yield error


def _guarded(
    reader: Callable[..., Iterator[Article]], *args: object
) -> Iterator[Article | InputError]:
    try:
        yield from reader(*args)
    except InputError as error:
        yield error


def _articles_from_url(url: str, max_bytes: int) -> Iterator[Article]:
    fetched = fetch(url, max_bytes)
    kind = "html" if fetched.content_type != "text/plain" else "text"
    text = decode_bytes(fetched.data, url, fetched.charset)
    if kind == "html":
        yield html_article(text, url, "url", fetched.url)
    else:
        yield text_article(text, url, fmt="url")


def _articles_in_folder(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """The article (or, for JSON Lines, the articles) in one file."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise InputError(f"{path}: file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    with open(path, "rb") as handle:
        data = handle.read()
    suffix = Path(path).suffix.lower()
    hint = "html" if suffix in HTML_SUFFIXES else "json" if suffix in RECORD_SUFFIXES else "text"
    yield from articles_from_bytes(data, path, hint, max_bytes)


def articles_from_bytes(data: bytes, path: str, hint: str, max_bytes: int) -> Iterator[Article]:
    """Decode bytes and read them as text, HTML or JSON records (`hint`, else by content)."""
    if len(data) > max_bytes:
        raise InputError(f"{path}: more than the {max_bytes:,}-byte limit")
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    kind = hint or sniff_format(text)
    if kind == "html":
        yield html_article(text, path, "html")
    elif kind == "json":
        yield from json_articles(text, path)
    else:
        yield text_article(text, path)


def sniff_format(text: str) -> str:
    start = text.lstrip()[:1]
    if start in "[{":
        return "json"
    return "html" if start == "<" else "text"


def text_article(text: str, path: str, fmt: str = "text") -> Article:
    meta, body_start = split_front_matter(text, path)
    if not text[body_start:].strip():
        raise InputError(f"{path}: file has front matter but no article text")
    return Article(path=path, text=text, body_start=body_start, meta=meta, format=fmt)


def html_article(html: str, path: str, fmt: str, url: str | None = None) -> Article:
    """The main text and metadata of a web page, found by trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = (document.text if document is not None else "") or ""
    if not text.strip():
        raise InputError(f"{path}: no article text found in this page")
    meta = {
        "title": document.title,
        "outlet": document.sitename or document.hostname,
        "author": document.author,
        "published": document.date,
        "url": document.url or url,
    }
    clean = {k: str(v) for k, v in meta.items() if v}
    return Article(path=path, text=text, body_start=0, meta=clean, format=fmt)


def json_articles(text: str, path: str) -> Iterator[Article]:
    """One article per JSON Lines record (or per element of a JSON array)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = list(enumerate(json.loads(text), start=1))
        except json.JSONDecodeError as error:
            raise InputError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from None
    else:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
    if not records:
        raise InputError(f"{path}: no records")
    for number, record in records:
        yield record_article(record, f"{path}#{number}")


def record_article(record: object, path: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{path}: a record must be a JSON object with text or html")
    meta = {k: str(record[k]) for k in META_KEYS if record.get(k) not in (None, "")}
    if isinstance(record.get("text"), str) and record["text"].strip():
        return Article(path=path, text=record["text"], body_start=0, meta=meta, format="json")
    if isinstance(record.get("html"), str) and record["html"].strip():
        page = html_article(record["html"], path, "json", meta.get("url"))
        return Article(path, page.text, 0, {**page.meta, **meta}, "json")
    raise InputError(f"{path}: record has no text or html")


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, or a legacy encoding detected by
    charset-normalizer; refuse binary files with what they look like."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: {kind}, not an article")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_guessing(data, path, declared)
    if "\x00" in text[:4096]:
        raise InputError(f"{path}: looks like a binary file, not an article")
    return text


def _decode_guessing(data: bytes, path: str, declared: str | None = None) -> str:
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: looks like a binary file or an unknown text encoding")
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


def to_source(source_id: int, article: Article, note: Warn | None = None) -> Source:
    """Clean an article and give it its citation label (`synth.read.label`).

    A document that is not an article (a page notice, too little text) is kept in the list of
    sources, marked skipped with the reason, and contributes no sentences.
    """
    cleaned = clean_text(article.text, article.body_start)
    title = article.meta.get("title") or cleaned.headline
    outlet = article.meta.get("outlet") or cleaned.outlet
    url = article.meta.get("url")
    label = citation_label(outlet, url, title, article.text, cleaned.blocks, article.body_start)
    skipped = not_an_article(article.text, cleaned.blocks)
    if not skipped and note and not looks_english(article.text, cleaned.blocks):
        note(f"{article.path}: does not look like English; the default model is English-only")
    return Source(
        id=source_id,
        path=article.path,
        text=article.text,
        label=label,
        title=title,
        outlet=outlet,
        url=url,
        published=article.meta.get("published") or cleaned.published,
        author=article.meta.get("author"),
        format=article.format,
        skipped=skipped,
        body_start=article.body_start,
        blocks=() if skipped else cleaned.blocks,
        dropped=cleaned.dropped,
    )


def not_an_article(text: str, blocks: Sequence[tuple[int, int]]) -> str | None:
    """Why a document is no article, or None: too little text, or a notice about the page."""
    kept = " ".join(text[a:b] for a, b in blocks)
    words = LETTER_WORD.findall(kept)
    if len(words) < MIN_ARTICLE_WORDS:
        return f"too little article text ({len(words)} words)"
    lowered = [w.lower() for w in words]
    page_words = sum(1 for w in lowered if w in PAGE_WORDS)
    reader_words = sum(1 for w in lowered if w in READER_WORDS)
    if page_words / len(words) >= PAGE_NOTICE_SHARE:
        return "a notice about the web page, not an article"
    if reader_words / len(words) >= READER_NOTICE_SHARE:
        return "addressed to the reader (a site notice), not an article"
    return None


def looks_english(text: str, blocks: Sequence[tuple[int, int]]) -> bool:
    """Enough common English function words among the article's words."""
    words = [w.lower() for a, b in blocks for w in LETTER_WORD.findall(text[a:b])]
    if len(words) < LANGUAGE_SAMPLE_WORDS:
        return True
    return sum(1 for w in words if w in FUNCTION_WORDS) / len(words) >= ENGLISH_FUNCTION_SHARE

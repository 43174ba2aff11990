"""Read articles from files and folders into numbered `Source`s.

Sources are numbered in a canonical order (by normalized path), so the same set of files given in
any order yields the same ids and therefore byte-identical output.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Protocol

import yaml

from synth.core import InputError, Say, Source
from synth.lang.en import LETTER_WORD, PAGE_WORDS, READER_WORDS
from synth.read.clean import clean_text
from synth.read.fetch import Fetched, fetch, fetch_all, is_url, looks_like_url
from synth.read.files import (
    decode_bytes,
    read_capped,
    read_stream,
    walk_folder,
    without_surrogates,
)
from synth.read.label import citation_label
from synth.read.language import NOT_ENGLISH, other_language
from synth.read.own import OwnOutput, own_output, own_output_file
from synth.read.readable import readable_text
from synth.read.split import windows

PAGE_NOTICE_SHARE = 0.08
READER_NOTICE_SHARE = 0.06

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MIN_ARTICLE_WORDS = 8
MIN_FOREIGN_LETTERS = 20
MAX_FRONT_MATTER_CHARS = 64 * 1024
META_KEYS = ("title", "outlet", "url", "published", "author")
# trafilatura takes about a quarter of a millisecond and a few kB per element: a page of
# millions of tiny paragraphs (19 MB of <p>x</p>) would take minutes and gigabytes. An article
# page has a few thousand elements; past this many it is refused before it is parsed.
MAX_PAGE_ELEMENTS = 50_000
# The longest article of the development sets has 42,000 characters. Work grows with an
# article's sentences (a 19 MB one-line file ran for over 15 minutes): past this many characters
# an article is read up to a paragraph or sentence end before the limit, with a warning.
MAX_ARTICLE_CHARS = 100_000
# A paragraph is what the speaker parser reads whole (spaCy refuses a million characters and
# needs about 1 GB per 100,000); a longer one (a whole article on one line) is cut at sentence
# ends into paragraphs of at most this many characters.
MAX_PARAGRAPH_CHARS = 20_000
START_TAG = re.compile(r"<[A-Za-z]")
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")


@dataclass(frozen=True)
class Article:
    """An article's text (what evidence offsets index), its format and its metadata."""

    path: str
    text: str
    body_start: int
    meta: dict[str, str]
    format: str = "text"
    identity: str = ""

    @property
    def key(self) -> str:
        """What makes two articles the same: the real file (one folder given as absolute and
        relative path, or through a link, is read once), else the path as given."""
        return self.identity or self.path


# Reads one input's text as articles: (text, path, format, final URL of a page) -> articles,
# or the problem with each record that cannot be one.
Reader = Callable[[str, str, str, "str | None"], Iterator["Article | InputError"]]


@dataclass(frozen=True)
class InputFormat:
    """A kind of input: the file suffixes that name it, the first characters that show it in
    text of no known suffix (standard input), and the function that reads it."""

    kind: str
    suffixes: tuple[str, ...]
    opens: tuple[str, ...]
    read: Reader


def _text_articles(text: str, path: str, fmt: str, url: str | None) -> Iterator[Article]:
    yield text_article(text, path, fmt)


def _html_articles(text: str, path: str, fmt: str, url: str | None) -> Iterator[Article]:
    yield html_article(text, path, fmt, url)


def _record_articles(
    text: str, path: str, fmt: str, url: str | None
) -> Iterator[Article | InputError]:
    return json_articles(text, path)


# The readers of inputs, by kind; a file of another suffix is read as text. (A fetched page is
# read by its content type: text/plain as text, anything else as HTML.)
READERS = {
    f.kind: f
    for f in (
        InputFormat("text", (".txt", ".md", ".markdown", ".text"), (), _text_articles),
        InputFormat("html", (".html", ".htm", ".xhtml"), ("<",), _html_articles),
        InputFormat("json", (".jsonl", ".ndjson", ".json"), ("[", "{"), _record_articles),
    )
}
ARTICLE_SUFFIXES = tuple(s for f in READERS.values() for s in f.suffixes)


Paths = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def load_sources(
    paths: Paths,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Say | None = None,
    strict: bool = False,
    stdin: BinaryIO | None = None,
    note: Say | None = None,
    allow_private: bool = False,
    kept: Kept | None = None,
) -> tuple[Source, ...]:
    """Read every article under `paths` (files, folders, URLs, `-`) into numbered sources.

    `paths` is a list of paths, or one path. An input that cannot be used is reported to `warn`
    and left out, and the others go on; with `strict`, the first such problem is raised
    instead. When nothing usable remains, the run stops with an InputError. Advice that needs
    no action (an article that does not look English) goes to `note`. URLs that resolve to
    private, loopback or link-local addresses are refused unless `allow_private`. With
    `kept` (a digest's store), articles cleaned before, the same texts in the same order, are
    read from it (`clean_articles`).
    """
    arguments = path_arguments(paths)
    report = warn or (lambda message: None)
    articles: dict[str, Article] = {}
    problems: list[str] = []
    urls = [a for a in arguments if is_url(a)]
    fetched = fetch_all(urls, max_bytes, allow_private) if len(urls) > 1 else {}
    own: list[str] = []
    for argument in arguments:
        for result in read_argument(argument, max_bytes, stdin, allow_private, fetched):
            if isinstance(result, OwnOutput):
                own.append(str(result))
            elif isinstance(result, InputError):
                if strict:
                    raise result
                problems.append(str(result))
            elif result.key not in articles or result.path < articles[result.key].path:
                articles[result.key] = result
    for message in own:
        if note:
            note(message)
    if not articles and len(problems) == 1:
        raise InputError(problems[0])
    for problem in problems:
        report(problem)
    if not articles:
        raise InputError("no readable articles in the input")
    ordered = [shortened(a, report) for a in sorted(articles.values(), key=lambda a: a.path)]
    foreign: list[str] = []
    sources = clean_articles(ordered, note, foreign.append, kept)
    if all(s.skipped for s in sources):
        reasons = "; ".join(f"{s.path}: {s.skipped}" for s in sources[:3])
        raise InputError(f"no article text in the input ({reasons})")
    for message in foreign:  # an input that could not be used, though others were
        report(message)
    return sources


class Kept(Protocol):
    """Values kept on disk by a name that `key` makes of what they are made from (a digest's
    store, `synth.understand.briefings.KeptStore`)."""

    def key(self, kind: str, *parts: str) -> str: ...

    def read(self, key: str) -> object | None: ...

    def write(self, key: str, value: object) -> None: ...


def clean_articles(
    articles: Sequence[Article], note: Say | None, warn: Say, kept: Kept | None = None
) -> tuple[Source, ...]:
    """The articles cleaned into sources numbered 1.. (`to_source`); with `kept`, read from it
    when these very articles were cleaned before (what cleaning said to `warn` is said again),
    else cleaned and kept. Cleaning is most of the reading time of a feed."""
    key = kept.key("sources", repr(list(articles))) if kept else ""
    found = kept.read(key) if kept else None
    if isinstance(found, tuple) and len(found) == 2:
        sources, said = found
        if (
            isinstance(sources, tuple)
            and len(sources) == len(articles)
            and all(isinstance(s, Source) and s.id == i for i, s in enumerate(sources, start=1))
            and isinstance(said, tuple)
            and all(isinstance(m, str) for m in said)
        ):
            for message in said:
                warn(message)
            return sources
    messages: list[str] = []
    sources = tuple(to_source(i, a, note, messages.append) for i, a in enumerate(articles, start=1))
    for message in messages:
        warn(message)
    if kept:
        kept.write(key, (sources, tuple(messages)))
    return sources


def foreign_message(path: str, skipped: str) -> str:
    """What is said of an article in a language synth does not read."""
    return f"{path}: {skipped}; synth reads English only"


def path_arguments(paths: Paths) -> list[str]:
    """The inputs as a list of strings: one path given alone is one path (not its characters),
    and an empty argument (an unset shell variable) is refused rather than read as the
    current folder."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    elif isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a path or a list of paths, not {type(paths).__name__}")
    arguments = []
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"each path must be a str or os.PathLike, not {type(path).__name__}")
        arguments.append(os.fspath(path))
    if not arguments:
        raise InputError("no input: give article files, folders, URLs or - for standard input")
    if any(not isinstance(a, str) for a in arguments):
        raise TypeError("paths must be str, not bytes")
    if "" in arguments:
        raise InputError("an input is an empty string (an unset shell variable?); name a path")
    return arguments


def input_files(paths: Paths) -> list[str]:
    """The local files the inputs name (folders expanded), to guard them from being overwritten;
    synth's own outputs among them are not read (`synth.read.own`), so may be replaced."""
    files = []
    for argument in path_arguments(paths):
        if argument == "-" or looks_like_url(argument) or not os.path.exists(argument):
            continue
        if os.path.isdir(argument):
            files.extend(walk_folder(argument, ARTICLE_SUFFIXES))
        else:
            files.append(argument)
    return [f for f in files if not own_output_file(f)]


def read_argument(
    argument: str,
    max_bytes: int,
    stdin: BinaryIO | None = None,
    allow_private: bool = False,
    fetched: dict[str, Fetched | InputError] | None = None,
) -> Iterator[Article | InputError]:
    """The articles one command-line argument names, or the problem with each; a URL's page
    is taken from `fetched` (URLs fetched together, `fetch_all`) when it is there."""
    try:
        if argument == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            yield from articles_from_bytes(read_stream(stream, max_bytes), "-", "", max_bytes)
            return
        if is_url(argument):
            page = (fetched or {}).get(argument)
            if isinstance(page, InputError):
                raise page
            yield from _articles_from_url(argument, max_bytes, allow_private, page)
            return
        if looks_like_url(argument):
            raise InputError(f"{argument}: only http:// and https:// addresses can be fetched")
        if os.path.isdir(argument):
            yield from _folder_articles(argument, max_bytes)
            return
        if not os.path.lexists(argument):
            raise InputError(f"{argument}: no such file or folder")
        yield from read_file(os.path.normpath(argument), max_bytes)
    except InputError as error:
        yield error


def _folder_articles(folder: str, max_bytes: int) -> Iterator[Article | InputError]:
    problems: list[InputError] = []
    members = list(walk_folder(folder, ARTICLE_SUFFIXES, problems))
    yield from problems
    if not members and not problems:
        suffixes = ", ".join(ARTICLE_SUFFIXES)
        raise InputError(f"{folder}: folder holds no articles ({suffixes})")
    for member in members:
        yield from _guarded(read_file, os.path.normpath(member), max_bytes)


def _guarded(
    reader: Callable[..., Iterator[Article]], *args: object
) -> Iterator[Article | InputError]:
    try:
        yield from reader(*args)
    except InputError as error:
        yield error


def _articles_from_url(
    url: str, max_bytes: int, allow_private: bool, fetched: Fetched | None = None
) -> Iterator[Article | InputError]:
    fetched = fetched or fetch(url, max_bytes, allow_private=allow_private)
    kind = "html" if fetched.content_type != "text/plain" else "text"
    text = decode_bytes(fetched.data, url, fetched.charset)
    yield from READERS[kind].read(text, url, "url", fetched.url)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """The article (or, for JSON Lines, the articles and the problem with each bad record) in
    one file, read with the byte cap whatever the file system says its size is."""
    data = read_capped(path, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"{path}: file is over the {max_bytes:,}-byte limit")
    suffix = Path(path).suffix.lower()
    hint = next((f.kind for f in READERS.values() if suffix in f.suffixes), "text")
    identity = os.path.realpath(path)
    yield from articles_from_bytes(data, path, hint, max_bytes, identity)


def articles_from_bytes(
    data: bytes, path: str, hint: str, max_bytes: int, identity: str = ""
) -> Iterator[Article | InputError]:
    """Decode bytes and read them as text, HTML or JSON records (`hint`, else by content)."""
    if len(data) > max_bytes:
        raise InputError(f"{path}: more than the {max_bytes:,}-byte limit")
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    made = own_output(text)
    if made:
        raise OwnOutput(f"{path}: {made}; not read as an article")
    kind = hint or sniff_format(text)
    for result in READERS[kind].read(text, path, kind, None):
        if isinstance(result, Article) and identity:
            number = result.path[len(path) :]  # a record's "#3"; nothing for a whole file
            result = replace(result, identity=identity + number)
        yield result


def sniff_format(text: str) -> str:
    """The kind of an input by its first character: a JSON array or object, an HTML tag,
    else text."""
    start = text.lstrip()[:1]
    return next((f.kind for f in READERS.values() if start in f.opens), "text")


def text_article(text: str, path: str, fmt: str = "text") -> Article:
    """A plain-text article, with its YAML front matter (title, outlet, ...) if it has one."""
    meta, body_start = split_front_matter(text, path)
    if not text[body_start:].strip():
        raise InputError(f"{path}: file has front matter but no article text")
    return Article(path=path, text=text, body_start=body_start, meta=meta, format=fmt)


def html_article(html: str, path: str, fmt: str, url: str | None = None) -> Article:
    """The main text and metadata of a web page, found by trafilatura; a page of more than
    `MAX_PAGE_ELEMENTS` elements is refused unread."""
    import trafilatura

    elements = sum(1 for _ in START_TAG.finditer(html))
    if elements > MAX_PAGE_ELEMENTS:
        raise InputError(
            f"{path}: a page of {elements:,} elements, over the {MAX_PAGE_ELEMENTS:,} an article "
            "page could have"
        )

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


def json_articles(text: str, path: str) -> Iterator[Article | InputError]:
    """One article per JSON Lines record (or per element of a JSON array, or one object over
    several lines, pretty-printed). A bad line or record is yielded as the problem with it, by
    line (or element) number, and the others are read."""
    whole = _one_object(text)
    if whole is not None:
        yield record_article(whole, path)
        return
    if text.lstrip().startswith("["):
        records = parse_json(text, path)
        if not isinstance(records, list):
            raise InputError(f"{path}: not a JSON array of records")
        numbered: Iterable[tuple[int, str | None, object]] = (
            (n, None, r) for n, r in enumerate(records, start=1)
        )
    else:
        lines = enumerate(text.splitlines(), start=1)
        numbered = ((n, line, None) for n, line in lines if line.strip())
    found = False
    for number, line, record in numbered:
        found = True
        where = f"{path}#{number}"
        try:
            yield record_article(parse_json(line, where) if line is not None else record, where)
        except InputError as error:
            yield error
    if not found:
        raise InputError(f"{path}: no records")


def _one_object(text: str) -> dict[str, object] | None:
    """The object a file holds when it is one JSON object written over several lines (read as
    JSON Lines, each of its lines would be a bad record); else None."""
    stripped = text.strip()
    if not stripped.startswith("{") or "\n" not in stripped:
        return None
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def parse_json(text: str, where: str) -> object:
    """JSON, with every way it can fail (deep nesting, a number of thousands of digits) as
    one clear InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None
    except ValueError:
        raise InputError(f"{where}: JSON holds a number with too many digits") from None


def record_article(record: object, path: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{path}: a record must be a JSON object with text or html")
    meta = {k: v for k in META_KEYS if (v := _meta_text(record.get(k))) is not None}
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return Article(path, without_surrogates(text), 0, meta, "json")
    if isinstance(html, str) and html.strip():
        page = html_article(without_surrogates(html), path, "json", meta.get("url"))
        return Article(path, page.text, 0, {**page.meta, **meta}, "json")
    raise InputError(f"{path}: record has no text or html")


def _meta_text(value: object) -> str | None:
    """A metadata value as one string: text as it is, a date (YAML reads `2024-05-01` as
    one) in ISO form, a number as written; a list, a mapping, true or false is no title,
    outlet or date, and is left out (None)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        text = without_surrogates(str(value)).strip()
    except ValueError:
        raise InputError("a metadata value is too large to read") from None
    return text or None


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases or explicit tags: a few kilobytes of anchors and aliases can
    expand to gigabytes (a "billion laughs"), a tag such as `!!timestamp nonsense` makes
    PyYAML itself fail, and no article's metadata needs either."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        problem = None
        if isinstance(event, yaml.AliasEvent):
            problem = "aliases (*name) are not allowed in front matter"
        elif getattr(event, "tag", None) not in (None, "!"):
            problem = "tags (!!name) are not allowed in front matter"
        if problem:
            raise yaml.composer.ComposerError(None, None, problem, event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def split_front_matter(text: str, path: str) -> tuple[dict[str, str], int]:
    """Return the YAML front matter (title, outlet, url, published) and where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    first_newline = text.find("\n")
    closing = text.find("\n---", first_newline)
    if first_newline < 0 or closing < 0 or text[3:first_newline].strip():
        return {}, 0
    if closing - first_newline > MAX_FRONT_MATTER_CHARS:
        raise InputError(f"{path}: front matter over {MAX_FRONT_MATTER_CHARS:,} characters")
    data = _front_matter(text[first_newline + 1 : closing], path)
    body = text.find("\n", closing + 1)
    meta = {}
    for key, value in data.items():
        if key in META_KEYS and value is not None:
            try:
                text = _meta_text(value)
            except InputError as error:
                raise InputError(f"{path}: front matter {key}: {error}") from None
            if text is not None:
                meta[key] = text
    return meta, len(text) if body < 0 else body + 1


def _front_matter(block: str, path: str) -> dict[object, object]:
    try:
        data = yaml.load(block, Loader=FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise InputError(f"{path}: front matter is not valid YAML ({problem})") from None
    except RecursionError:
        raise InputError(f"{path}: front matter is nested too deeply") from None
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError) as exc:
        reason = str(exc).split(":")[0] or exc.__class__.__name__
        raise InputError(
            f"{path}: front matter holds a value that cannot be read ({reason})"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter must be a mapping of keys to values")
    return data


def shortened(article: Article, warn: Say, limit: int = MAX_ARTICLE_CHARS) -> Article:
    """The article, or its first `limit` characters of body up to the last paragraph (else
    sentence) end before them, said to `warn`: work grows with the text, and no news article
    comes near the limit."""
    end = article.body_start + limit
    if len(article.text) <= end:
        return article
    floor = article.body_start + limit // 2
    cut = article.text.rfind("\n", floor, end)
    if cut < 0:
        breaks = list(SENTENCE_END.finditer(article.text, floor, end))
        cut = breaks[-1].end() if breaks else end
    shown = without_surrogates(article.path)
    warn(f"{shown}: {len(article.text):,} characters long; only its first {limit:,} are read")
    return replace(article, text=article.text[:cut])


def paragraph_blocks(text: str, blocks: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """`blocks` with each one over `MAX_PARAGRAPH_CHARS` cut at sentence ends (a stretch that
    long with no sentence end holds no sentence and is left out, as the segmenter would)."""
    cut: list[tuple[int, int]] = []
    for start, end in blocks:
        if end - start <= MAX_PARAGRAPH_CHARS:
            cut.append((start, end))
            continue
        for a, b in windows(text[start:end], MAX_PARAGRAPH_CHARS):
            piece = text[start + a : start + b]
            lead = len(piece) - len(piece.lstrip())
            trimmed = len(piece.rstrip())
            if trimmed > lead:
                cut.append((start + a + lead, start + a + trimmed))
    return tuple(cut)


def to_source(
    source_id: int, article: Article, note: Say | None = None, warn: Say | None = None
) -> Source:
    """Clean an article and give it its citation label (`synth.read.label`).

    The text is read as a reader sees it (`synth.read.readable`: character references
    decoded, typewriter quotation marks typographic), and evidence offsets index that text.

    A document that is not an article (a page notice, too little text) or not in English
    (`synth.read.language`; said to `warn`) is kept in the list of sources, marked skipped
    with the reason, and contributes no sentences.
    """
    body_start = article.body_start
    text = article.text[:body_start] + readable_text(article.text[body_start:])
    meta = {key: readable_text(value) for key, value in article.meta.items() if key != "url"}
    cleaned = clean_text(text, article.body_start)
    title = meta.get("title") or cleaned.headline
    outlet = meta.get("outlet") or cleaned.outlet
    url = article.meta.get("url")
    label = citation_label(outlet, url, text, cleaned.blocks, article.body_start)
    path = without_surrogates(article.path)
    foreign = other_language(text, cleaned.blocks)
    if foreign:  # its first line is body text in a language synth does not read
        title = meta.get("title")
        label = citation_label(outlet, url, "", ())
    skipped = f"{NOT_ENGLISH} ({foreign})" if foreign else None
    if foreign and warn:
        warn(foreign_message(path, skipped))
    skipped = skipped or not_an_article(text, cleaned.blocks)
    return Source(
        id=source_id,
        path=path,
        text=text,
        label=label,
        title=title,
        outlet=outlet,
        url=url,
        published=meta.get("published") or cleaned.published,
        author=meta.get("author"),
        format=article.format,
        skipped=skipped,
        body_start=article.body_start,
        blocks=() if skipped else paragraph_blocks(article.text, cleaned.blocks),
        dropped=cleaned.dropped,
    )


def not_an_article(text: str, blocks: Sequence[tuple[int, int]]) -> str | None:
    """Why a document is no article, or None: too little text, or a notice about the page."""
    kept = " ".join(text[a:b] for a, b in blocks)
    words = LETTER_WORD.findall(kept)
    if len(words) < MIN_ARTICLE_WORDS:
        if mostly_other_script(text):
            return "not English (its letters are mostly outside the Latin alphabet)"
        return f"too little article text ({len(words)} words)"
    lowered = [w.lower() for w in words]
    page_words = sum(1 for w in lowered if w in PAGE_WORDS)
    reader_words = sum(1 for w in lowered if w in READER_WORDS)
    if page_words / len(words) >= PAGE_NOTICE_SHARE:
        return "a notice about the web page, not an article"
    if reader_words / len(words) >= READER_NOTICE_SHARE:
        return "addressed to the reader (a site notice), not an article"
    return None


def mostly_other_script(text: str) -> bool:
    """Most of the letters are of another script (Chinese, Japanese, Arabic, Cyrillic ...):
    text the English rules and model cannot read, whatever its length."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    if len(letters) < MIN_FOREIGN_LETTERS:
        return False
    return sum(1 for c in letters if c < "\u0250") < len(letters) / 2

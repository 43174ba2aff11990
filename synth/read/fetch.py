"""Fetch an article over HTTP(S), with the limits a careful client keeps.

Timeouts, at most a few redirects, a size cap read as a stream (the body is never loaded
whole past the cap), and a content-type check, so a PDF or an image behind a link is refused
with a clear message instead of being read as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from synth.core import InputError

ACCEPTED_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "synth/0.1 (+news briefing tool)"


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    data: bytes
    charset: str | None


def is_url(argument: str) -> bool:
    return urlparse(argument).scheme.lower() in {"http", "https"}


def looks_like_url(argument: str) -> bool:
    parsed = urlparse(argument)
    return bool(parsed.scheme) and len(parsed.scheme) > 1 and "://" in argument


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET `url`; raise InputError with one clear reason when it cannot be used."""
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(f"{url}: server answered HTTP {response.status_code}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type not in ACCEPTED_TYPES:
                raise InputError(f"{url}: content type {content_type} is not an article page")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise InputError(f"{url}: {declared:,} bytes, over the {max_bytes:,}-byte limit")
            data = bytearray()
            for chunk in response.iter_bytes():
                data.extend(chunk)
                if len(data) > max_bytes:
                    raise InputError(f"{url}: more than the {max_bytes:,}-byte limit")
            return Fetched(str(response.url), content_type, bytes(data), response.charset_encoding)
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out after {timeout:.0f} s") from None
    except httpx.HTTPError as error:
        raise InputError(f"{url}: cannot fetch ({error.__class__.__name__})") from None

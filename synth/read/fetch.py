"""Fetch an article over HTTP(S), with the limits a careful client keeps.

One deadline for the whole download (a server that drips a byte every few seconds cannot hold
a run), at most a few redirects, a size cap read as a stream (the body is never loaded whole
past the cap), and a content-type check, so a PDF or an image behind a link is refused with a
clear message instead of being read as text.

Compressed bodies (`Content-Encoding: gzip`, `deflate`, also stacked: `gzip, gzip`) are
decoded here, not by httpx, a bounded piece at a time: every layer's decoded bytes count against
the size cap and the deadline is checked between pieces, so a few kilobytes that inflate to
gigabytes (a "zip bomb", one layer or several) are refused early and never fill the memory.

Addresses inside the machine or its network (loopback, private ranges, link-local such as a
cloud's metadata service at 169.254.169.254) are refused unless the caller allows them: the
host is resolved and checked before each request, also before each redirect and when an
environment proxy would do the fetching, and the address actually connected to is checked
again, so a name that changes its answer between the two looks is caught too.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
import urllib.request
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from synth.core import InputError

if TYPE_CHECKING:
    import httpx

ACCEPTED_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
TIMEOUT_SECONDS = 15.0
# URLs of one run are fetched this many at a time, all within one overall deadline: 200
# addresses that hang cost a minute, not fifty.
FETCH_WORKERS = 8
ALL_FETCHES_SECONDS = 60.0
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "synth/0.1 (+news briefing tool)"
WEB_ADDRESS = re.compile(r"^https?://", re.I)
PRIVATE_HINT = "give --allow-private (allow_private=True) to fetch it"
# What synth asks for and decodes itself (`_decoded`); anything else a server sends is refused.
ACCEPT_ENCODING = "gzip, deflate"
GZIP_WBITS = 16 + zlib.MAX_WBITS
DEFLATE_ENCODINGS = {"gzip": GZIP_WBITS, "x-gzip": GZIP_WBITS, "deflate": zlib.MAX_WBITS}
MAX_ENCODINGS = 4
# Bytes a decoder may produce per step: small enough that the cap and the deadline are checked
# often, large enough that the checks cost nothing.
DECODE_STEP = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    data: bytes
    charset: str | None


def is_url(argument: str) -> bool:
    return bool(WEB_ADDRESS.match(argument))


def looks_like_url(argument: str) -> bool:
    try:
        scheme = urlsplit(argument).scheme
    except ValueError:
        return "://" in argument
    return bool(scheme) and len(scheme) > 1 and "://" in argument


def fetch(
    url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS, allow_private: bool = False
) -> Fetched:
    """GET `url` within `timeout` seconds in all; raise InputError with one clear reason when it
    cannot be used. The download runs in a worker thread so that the deadline holds even while
    a name is resolved or a read waits; a late worker is left to finish on its own."""
    deadline = time.monotonic() + timeout
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["fetched"] = _download(url, max_bytes, timeout, deadline, allow_private)
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=work, name="synth-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise InputError(f"{url}: took longer than {timeout:g} s in all")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["fetched"]  # type: ignore[return-value]


def fetch_all(
    urls: Iterable[str],
    max_bytes: int,
    allow_private: bool = False,
    workers: int = FETCH_WORKERS,
    overall: float = ALL_FETCHES_SECONDS,
    timeout: float = TIMEOUT_SECONDS,
) -> dict[str, Fetched | InputError]:
    """`fetch` every distinct URL, `workers` at a time, each within `timeout` and all within
    `overall` seconds: a URL not fetched by then is an InputError like any failed one.

    The workers are daemon threads, so a URL still hanging never holds the process at exit.
    """
    pending = list(dict.fromkeys(urls))
    results: dict[str, Fetched | InputError] = {}
    done = threading.Condition()

    def work() -> None:
        while True:
            with done:
                if not pending:
                    return
                url = pending.pop(0)
            try:
                result: Fetched | InputError = fetch(url, max_bytes, timeout, allow_private)
            except InputError as error:
                result = error
            with done:
                results[url] = result
                done.notify_all()

    total = len(pending)
    for _ in range(min(workers, total)):
        threading.Thread(target=work, name="synth-fetch-pool", daemon=True).start()
    deadline = time.monotonic() + overall
    with done:
        while len(results) < total and done.wait(max(0.0, deadline - time.monotonic())):
            pass
        late = [url for url in dict.fromkeys(urls) if url not in results]
        pending.clear()
        for url in late:
            results[url] = InputError(f"{url}: not fetched within {overall:g} s for all URLs")
        return dict(results)


def _download(
    url: str, max_bytes: int, timeout: float, deadline: float, allow_private: bool
) -> Fetched:
    import httpx

    try:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING}
        with httpx.Client(timeout=timeout, headers=headers) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                proxied = check_address(current, url, allow_private)
                with client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECTS and location:
                        current = _redirect_target(current, location, url)
                        continue
                    if not (proxied or allow_private):
                        _check_peer(response, url)
                    return _read_body(response, url, max_bytes, deadline, timeout)
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise InputError(f"{url}: cannot fetch ({error.__class__.__name__})") from None
    except (ValueError, UnicodeError) as error:
        raise InputError(f"{url}: not a usable web address ({error})") from None


def _redirect_target(current: str, location: str, original: str) -> str:
    target = urljoin(current, location)
    if not is_url(target):
        raise InputError(f"{original}: redirected to {target}, which is not a web page address")
    return target


def _read_body(
    response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout: float
) -> Fetched:
    if response.status_code >= 400:
        raise InputError(f"{url}: server answered HTTP {response.status_code}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in ACCEPTED_TYPES:
        raise InputError(f"{url}: content type {content_type} is not an article page")
    declared = _declared_length(response)
    if declared > max_bytes:
        raise InputError(f"{url}: {declared:,} bytes, over the {max_bytes:,}-byte limit")
    layers = content_encodings(response.headers.get("content-encoding", ""), url)
    data = bytearray()
    pieces = _decoded(response.iter_raw(), layers, url, max_bytes, deadline, timeout)
    for piece in pieces:
        data.extend(piece)
        if len(data) > max_bytes:
            raise InputError(f"{url}: more than the {max_bytes:,}-byte limit")
    return Fetched(str(response.url), content_type, bytes(data), response.charset_encoding)


def content_encodings(header: str, url: str) -> list[str]:
    """The encodings of a Content-Encoding header, in the order they were applied; one synth
    cannot decode (or more layers than any server needs) is refused."""
    layers = [e.strip().lower() for e in header.split(",") if e.strip()]
    layers = [e for e in layers if e != "identity"]
    unknown = [e for e in layers if e not in DEFLATE_ENCODINGS]
    if unknown:
        raise InputError(f"{url}: content encoding {unknown[0]!r} is not supported")
    if len(layers) > MAX_ENCODINGS:
        raise InputError(f"{url}: {len(layers)} layers of content encoding; not an article page")
    return layers


def _decoded(
    raw: Iterable[bytes],
    layers: list[str],
    url: str,
    max_bytes: int,
    deadline: float,
    timeout: float,
) -> Iterator[bytes]:
    """The body with every content encoding undone, last applied first, in pieces of at most
    `DECODE_STEP` bytes; each layer's output is held to `max_bytes` and the deadline is
    checked after every piece of every layer."""

    def checked(pieces: Iterable[bytes]) -> Iterator[bytes]:
        total = 0
        for piece in pieces:
            total += len(piece)
            if total > max_bytes:
                raise InputError(f"{url}: more than the {max_bytes:,}-byte limit (decoded)")
            if time.monotonic() > deadline:
                raise InputError(f"{url}: took longer than {timeout:g} s in all")
            yield piece

    stream: Iterable[bytes] = checked(raw)
    for layer in reversed(layers):
        stream = checked(_inflate(stream, DEFLATE_ENCODINGS[layer], url))
    return iter(stream)


def _inflate(pieces: Iterable[bytes], wbits: int, url: str) -> Iterator[bytes]:
    """Inflate a gzip or deflate stream, at most `DECODE_STEP` bytes per step. Gzip files of
    several members are read whole; 'deflate' is zlib-wrapped or, as some servers send it, raw."""
    gzip = wbits == GZIP_WBITS
    decoder = None
    try:
        for piece in pieces:
            data = piece
            while True:
                if decoder is None:
                    if not data:
                        break
                    decoder = zlib.decompressobj(wbits if gzip else _deflate_wbits(data))
                output = decoder.decompress(data, DECODE_STEP)
                if output:
                    yield output
                data = decoder.unconsumed_tail
                if decoder.eof:  # another gzip member may follow; padding is zeros
                    data = decoder.unused_data.lstrip(b"\0") if gzip else b""
                    decoder = None
                elif not data and len(output) < DECODE_STEP:
                    break  # the input is used up and nothing more is held
    except zlib.error:
        raise InputError(f"{url}: the compressed body is damaged") from None


def _deflate_wbits(data: bytes) -> int:
    """zlib-wrapped deflate (as the standard says) or raw deflate (as some servers send)."""
    wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
    return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


def _declared_length(response: httpx.Response) -> int:
    try:
        return int(response.headers.get("content-length") or 0)
    except ValueError:
        return 0


def check_address(url: str, original: str, allow_private: bool) -> bool:
    """Refuse `url` when its host is (or resolves to) a private address, unless allowed.

    Returns whether an environment proxy will fetch it: then the proxy resolves the name, and
    a name this machine cannot resolve is left to the proxy.
    """
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise InputError(f"{original}: no host name in {url}")
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    proxied = _uses_proxy(parts.scheme.lower(), host)
    if allow_private:
        return proxied
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        if proxied:
            return True
        raise InputError(f"{original}: cannot resolve the host name {host}") from None
    for address in sorted({info[4][0] for info in found}):
        reason = private_reason(str(address))
        if reason:
            named = host if host == address else f"{host} ({address})"
            raise InputError(f"{original}: {named} is {reason}; {PRIVATE_HINT}")
    return proxied


def private_reason(address: str) -> str | None:
    """What kind of non-public address `address` is, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    kinds = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_private, "a private address"),
        (ip.is_multicast, "a multicast address"),
        (not ip.is_global, "not a public address"),
    )
    return next((kind for matched, kind in kinds if matched), None)


def peer_address(response: httpx.Response) -> str | None:
    """The IP address the response came from, when the transport tells it."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    return str(peer[0]) if peer else None


def _check_peer(response: httpx.Response, url: str) -> None:
    address = peer_address(response)
    reason = private_reason(address) if address else None
    if reason:
        raise InputError(f"{url}: the server answered from {reason} ({address}); {PRIVATE_HINT}")


def _uses_proxy(scheme: str, host: str) -> bool:
    """Whether the environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) sends this
    request through a proxy, as httpx reads it."""
    proxies = urllib.request.getproxies_environment()
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass_environment(host, proxies)

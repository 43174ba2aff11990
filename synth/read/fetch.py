"""Fetch an article over HTTP(S), with the limits a careful client keeps.

One deadline for the whole download (a server that drips a byte every few seconds cannot hold
a run), at most a few redirects, a size cap read as a stream (the body is never loaded whole
past the cap), and a content-type check, so a PDF or an image behind a link is refused with a
clear message instead of being read as text.

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
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from synth.core import InputError

if TYPE_CHECKING:
    import httpx

ACCEPTED_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "synth/0.1 (+news briefing tool)"
WEB_ADDRESS = re.compile(r"^https?://", re.I)
PRIVATE_HINT = "give --allow-private (allow_private=True) to fetch it"


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


def _download(
    url: str, max_bytes: int, timeout: float, deadline: float, allow_private: bool
) -> Fetched:
    import httpx

    try:
        with httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
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
    data = bytearray()
    for chunk in response.iter_bytes():
        data.extend(chunk)
        if len(data) > max_bytes:
            raise InputError(f"{url}: more than the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: took longer than {timeout:g} s in all")
    return Fetched(str(response.url), content_type, bytes(data), response.charset_encoding)


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

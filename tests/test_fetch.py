"""URLs, fetched from a server the test runs on 127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from synth.core import InputError
from synth.read.fetch import fetch, private_reason
from synth.read.sources import load_sources

ARTICLE = (
    b"<html><head><title>Bridge reopens</title>"
    b'<meta property="og:site_name" content="Local Times"></head><body><article>'
    b"<p>The old bridge reopened on Monday after two years of repairs, the city said.</p>"
    b"<p>Traffic was light in the morning but officials expect queues at the weekend.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Handler.seen.append(self.path)
        if self.path.startswith("http://public.example/"):  # asked as a proxy
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/article")
            self.end_headers()
            return
        if self.path == "/drip":
            self.drip()
            return
        routes = {
            "/article": (200, "text/html; charset=utf-8", ARTICLE),
            "/pdf": (200, "application/pdf", b"%PDF-1.7"),
            "/missing": (404, "text/html", b"not here"),
            "/big": (200, "text/html", b"x" * 5000),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, kind, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def drip(self) -> None:
        """A byte every 0.2 s for 20 s: no single read ever waits long."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_article_page_is_read_with_its_outlet(server):
    (source,) = load_sources([f"{server}/moved"], strict=True, allow_private=True)
    assert source.label == "Local Times"
    assert "bridge reopened" in source.text and source.format == "url"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/pdf", "application/pdf is not an article page"),
        ("/missing", "HTTP 404"),
        ("/loop", "redirects"),
        ("/big", "limit"),
    ],
)
def test_bad_urls_give_one_clear_reason(server, path, message):
    with pytest.raises(InputError, match=message):
        fetch(f"{server}{path}", max_bytes=1000, allow_private=True)


def test_unreachable_url_does_not_stop_the_others(server):
    problems = []
    sources = load_sources(
        [f"{server}/article", "http://127.0.0.1:9/nothing"],
        warn=problems.append,
        allow_private=True,
    )
    assert len(sources) == 1
    assert len(problems) == 1 and "cannot fetch" in problems[0]


def test_one_deadline_for_the_whole_download(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="took longer than 1 s in all"):
        fetch(f"{server}/drip", max_bytes=1000, timeout=1.0, allow_private=True)
    assert time.monotonic() - started < 10  # the server would drip for 20 s


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost:9/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://[::1]:9/",
        "http://[::ffff:127.0.0.1]:9/",
        "http://0.0.0.0:9/",
        "http://2130706433:9/",
    ],
)
def test_private_addresses_are_refused_unless_allowed(url):
    with pytest.raises(InputError, match="--allow-private"):
        fetch(url, max_bytes=1000, timeout=5)


def test_local_server_is_refused_without_allow_private(server):
    problems = []
    with pytest.raises(InputError, match="loopback address; give --allow-private"):
        load_sources([f"{server}/article"], warn=problems.append)


def test_redirect_to_a_private_address_is_refused_also_through_a_proxy(server, monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server)  # the test server plays the proxy
    Handler.seen.clear()
    with pytest.raises(InputError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch("http://public.example/story", max_bytes=10_000, timeout=5)
    assert Handler.seen == ["http://public.example/story"]  # the redirect was not followed
    with pytest.raises(InputError, match="--allow-private"):
        fetch(f"{server}/article", max_bytes=10_000, timeout=5)
    assert Handler.seen == ["http://public.example/story"]  # nor sent to the proxy


def test_addresses_are_classified():
    assert private_reason("8.8.8.8") is None
    assert private_reason("2606:4700::1111") is None
    assert private_reason("100.64.0.1") == "not a public address"
    assert private_reason("fe80::1%eth0") == "a link-local address"


def test_a_broken_address_is_one_clear_problem():
    with pytest.raises(InputError, match="not a usable web address"):
        load_sources(["http://[::1"], strict=True)

"""URLs, fetched from a server the test runs on 127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from synth.core import InputError
from synth.read.fetch import fetch
from synth.read.sources import load_sources

ARTICLE = (
    b"<html><head><title>Bridge reopens</title>"
    b'<meta property="og:site_name" content="Local Times"></head><body><article>'
    b"<p>The old bridge reopened on Monday after two years of repairs, the city said.</p>"
    b"<p>Traffic was light in the morning but officials expect queues at the weekend.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
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
    (source,) = load_sources([f"{server}/moved"], strict=True)
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
        fetch(f"{server}{path}", max_bytes=1000)


def test_unreachable_url_does_not_stop_the_others(server):
    problems = []
    sources = load_sources(
        [f"{server}/article", "http://127.0.0.1:9/nothing"], warn=problems.append
    )
    assert len(sources) == 1
    assert len(problems) == 1 and "cannot fetch" in problems[0]

"""The dashboard's stylesheet comes with the page the browser loads (dashboard/stylesheet.py): at the end of
index.html's body, after the frontend's own styles, plain and compressed, once; every other answer untouched; and no run of a page sends it again."""
from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
import urllib.request

import pytest

from components.frame.style import CSS
from dashboard.stylesheet import Stylesheet
from tests.e2e.conftest import running_dashboard


def fetch(url: str, encoding: str | None = None) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=20) as response:
        body = response.read()
        headers = {k.lower(): v for k, v in response.headers.items()}
    return headers, gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body


@pytest.fixture(scope="module")
def served():
    with running_dashboard() as url:
        yield url


@pytest.mark.parametrize("path", ["/", "/?page=benefits&treatments=ocrelizumab", "/benefits"])
@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_the_page_the_browser_loads_carries_the_stylesheet_once_at_the_end(served, path, encoding):
    headers, page = fetch(served + path, encoding)
    _, _, after_head = page.partition(b"</head>")
    assert page.count(CSS.strip().encode()) == 1 and after_head.endswith(CSS.strip().encode() + b"</body>\n</html>\n")
    assert int(headers.get("content-length", 0)) > 0
    assert headers["etag"].endswith(f'-{Stylesheet(None).tag}"')  # a copy from another release is not current


def test_other_answers_pass_untouched(served):
    headers, body = fetch(served + "/_stcore/health")
    assert body == b"ok" and b"<style>" not in body


def run(app, method: str = "GET", path: str = "/") -> tuple[dict, bytes]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    call = Stylesheet(app, css="<style>p{}</style>")({"type": "http", "method": method, "path": path, "headers": []}, receive, send)
    with ThreadPoolExecutor(1) as thread:  # a loop of its own (a browser test may have one running in this thread)
        thread.submit(asyncio.run, call).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return {k.decode(): v.decode() for k, v in start["headers"]}, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def page_app(content_type: str, parts: list[bytes], status: int = 200, extra: tuple = ()):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", content_type.encode()), (b"content-length", str(sum(map(len, parts))).encode()), *extra]})
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})
    return app


def test_a_page_sent_in_parts_gets_the_stylesheet_before_its_body_ends_with_its_new_length():
    headers, body = run(page_app("text/html; charset=utf-8", [b"<html><head><title>x</ti", b"tle></head><body></bo", b"dy></html>"],
                                 extra=((b"etag", b'"abc"'),)))
    assert body == b"<html><head><title>x</title></head><body><style>p{}</style></body></html>"
    assert headers["content-length"] == str(len(body)) and headers["etag"].startswith('"abc-') and headers["etag"].endswith('"')


@pytest.mark.parametrize("case", ["script", "not found", "head request", "static file", "no body"])
def test_anything_else_passes_as_it_came(case):
    content_type, status, method, path, parts = "text/html", 200, "GET", "/", [b"<html><body></body></html>"]
    if case == "script":
        content_type = "text/javascript"
    elif case == "not found":
        status = 404
    elif case == "head request":
        method = "HEAD"
    elif case == "static file":
        path = "/static/index.html"
    else:
        parts = [b"<p>no body</p>"]
    headers, body = run(page_app(content_type, parts, status), method, path)
    assert body == b"".join(parts) and headers["content-length"] == str(len(body))


@pytest.mark.parametrize("path", ["start", "benefits", "values", "pml-infections"])
def test_no_run_of_a_page_sends_the_stylesheet(path):
    from tests.pages.test_pages import open_page

    at = open_page(details=False, **({} if path == "start" else {"page": path, "treatments": "ocrelizumab"}))
    assert not at.exception
    assert not [e for e in at.get("html") if "st-key-menu_" in e.proto.body]

"""The server `scripts/run.sh` starts (dashboard/server.py) sends every static text response of 1 KB or more
gzip-compressed (brotli where the browser accepts it, once made), with the cache headers it had uncompressed, and the
same bytes once unpacked."""
from __future__ import annotations

import gzip
import re
import time
import urllib.request

import brotli
import pytest

from tests.e2e.conftest import running_dashboard


def fetch(url: str, encoding: str | None) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=20) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.fixture(scope="module")
def served():
    with running_dashboard() as url:
        yield url


@pytest.fixture(scope="module")
def static_files(served) -> list[str]:
    """index.html and every script and stylesheet it names."""
    _, page = fetch(served + "/", None)
    found = re.findall(r'(?:src|href)="\./(static/[^"]+\.(?:js|css))"', page.decode())
    assert len(found) > 20 and any(f.endswith(".css") for f in found)  # Streamlit's frontend: scripts and a stylesheet
    return ["", *dict.fromkeys(found)]


def test_every_static_text_response_of_1_kb_or_more_comes_compressed(served, static_files):
    plain_total = packed_total = 0
    for path in static_files:
        plain_headers, plain = fetch(f"{served}/{path}", None)
        headers, packed = fetch(f"{served}/{path}", "gzip")
        assert "content-encoding" not in plain_headers, path
        if len(plain) < 1000:
            continue
        assert headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(packed) == plain, path
        assert len(packed) < len(plain) and int(headers.get("content-length", len(packed))) == len(packed), path
        assert headers["cache-control"] == plain_headers["cache-control"], path
        assert "Accept-Encoding" in headers["vary"], path
        plain_total, packed_total = plain_total + len(plain), packed_total + len(packed)
    assert plain_total > 1_500_000 and packed_total < plain_total / 2.5  # the frontend's scripts: MBs into a third


def test_the_frontend_keeps_its_cache_headers(served, static_files):
    index, _ = fetch(f"{served}/", "gzip")
    script, _ = fetch(f"{served}/{static_files[1]}", "gzip")
    assert index["cache-control"] == "no-cache"  # the page is revalidated: a new release reaches the visitor
    assert script["cache-control"] == "public, immutable, max-age=31536000"  # content-hashed files: kept a year
    assert "content-security-policy" in script  # the security headers still on every response


def test_a_kept_compressed_file_is_sent_again_the_same(served, static_files):
    path = max(static_files[1:], key=len)
    first, body = fetch(f"{served}/{path}", "gzip")
    again, body_again = fetch(f"{served}/{path}", "gzip")
    assert body_again == body and again["content-length"] == first["content-length"] == str(len(body))
    assert again["etag"] == first["etag"] and again["content-encoding"] == "gzip"


def test_browsers_that_accept_brotli_get_the_smaller_brotli_copy_once_it_is_made(served, static_files):
    path = max(static_files[1:], key=len)
    _, plain = fetch(f"{served}/{path}", None)
    _, gzipped = fetch(f"{served}/{path}", "gzip")
    deadline = time.monotonic() + 30  # the brotli copy is made in a worker thread after the first gzip answer
    while True:
        headers, body = fetch(f"{served}/{path}", "gzip, deflate, br, zstd")
        if headers["content-encoding"] == "br" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert headers["content-encoding"] == "br"
    assert brotli.decompress(body) == plain and len(body) < len(gzipped)
    assert headers["cache-control"] == "public, immutable, max-age=31536000" and "Accept-Encoding" in headers["vary"]
    assert fetch(f"{served}/{path}", "gzip")[0]["content-encoding"] == "gzip"  # never br to a browser that did not ask


def test_a_response_cut_short_is_never_kept_for_the_next_visitor():
    """A visitor who leaves while a script downloads ends its response early; that half must not be served to
    everyone after them (a cut script is a SyntaxError in their browser)."""
    import asyncio
    import gzip as gz

    from dashboard.compression import Compression

    text = b"console.log('a whole script');\n" * 400

    def app(stop_after: int | None):
        async def asgi(scope, receive, send):
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/javascript"),
                                    (b"cache-control", b"public, max-age=31536000, immutable")]})
            pieces = [text[i:i + 1000] for i in range(0, len(text), 1000)]
            for number, piece in enumerate(pieces):
                if stop_after is not None and number == stop_after:
                    return  # the visitor left: the response ends without its last part
                await send({"type": "http.response.body", "body": piece, "more_body": number < len(pieces) - 1})
        return asgi

    async def visit(middleware) -> bytes:
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)
        scope = {"type": "http", "method": "GET", "path": "/static/js/main.js", "root_path": "",
                 "headers": [(b"accept-encoding", b"gzip")]}
        await middleware(scope, receive, send)
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    cut = Compression(app(stop_after=3))
    asyncio.run(visit(cut))
    assert cut.kept == {}  # nothing kept from the half
    whole = Compression(app(stop_after=None))
    first = asyncio.run(visit(whole))
    assert ("", "/static/js/main.js", "gzip") in whole.kept
    assert gz.decompress(first) == text and gz.decompress(asyncio.run(visit(whole))) == text

"""Text responses compressed by the app's own server (dashboard/server.py), so that a phone on a slow line downloads
the frontend's 2.3 MB of scripts as about 0.7 MB, with or without nginx in front.

Streamlit's own gzip layer leaves its frontend files (/static/...) and index.html uncompressed on purpose: compressing
them again for every visitor costs the server CPU that a proxy or CDN would spend instead. Without a proxy that
saving is paid by every visitor in seconds. Here Starlette's GZipMiddleware compresses every text response of 1 KB or
more, and a response the server marks as never changing (Cache-Control "immutable": the content-hashed frontend files)
is compressed once per process and kept, so the CPU cost does not recur per visitor. For those kept files a brotli
copy is also made once, in a worker thread (a fifth smaller than gzip: 0.48 MB instead of 0.58 MB for the first
page's scripts, about half a second less on a 1.6 Mbit/s phone line) and sent to browsers that accept it. Cache
headers are not touched.
"""
from __future__ import annotations

import asyncio
import gzip

import anyio.to_thread
import brotli
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.gzip import GZipMiddleware

MINIMUM_SIZE = 1000  # bytes: smaller responses gain less than the gzip header and the CPU cost
KEPT_LIMIT = 32 * 1024 * 1024  # bytes of compressed files kept in memory at most (Streamlit's frontend: about 3 MB)


class Compression:
    """ASGI middleware: gzip for text responses of MINIMUM_SIZE bytes or more (Starlette's GZipMiddleware), and the
    compressed copy of each unchanging (immutable) response kept and sent again to the next visitor."""

    def __init__(self, app, minimum_size: int = MINIMUM_SIZE, compresslevel: int = 9, kept_limit: int = KEPT_LIMIT):
        self.gzip = GZipMiddleware(app, minimum_size=minimum_size, compresslevel=compresslevel)
        self.kept: dict[tuple[str, str, str], tuple[dict, bytes]] = {}  # (root path, path, encoding): start, body
        self.kept_bytes, self.kept_limit = 0, kept_limit
        self.pending: set[asyncio.Task] = set()

    async def __call__(self, scope, receive, send):
        if not self._may_keep(scope):
            return await self.gzip(scope, receive, send)
        path = (scope.get("root_path", ""), scope["path"])
        accepted = Headers(scope=scope).get("accept-encoding", "")
        for encoding in ("br", "gzip") if "br" in accepted else ("gzip",):
            if (*path, encoding) in self.kept:
                start, body = self.kept[(*path, encoding)]
                await send(dict(start, headers=list(start["headers"])))
                await send({"type": "http.response.body", "body": body})
                return
        start, chunks, keeping, finished = {}, [], False, False

        async def send_and_keep(message):
            nonlocal start, keeping, finished
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                keeping = (message["status"] == 200 and "immutable" in headers.get("cache-control", "")
                           and headers.get("content-encoding") == "gzip")
                start = message
            elif keeping and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                finished = not message.get("more_body", False)
            elif keeping:
                keeping = False  # trailers, pathsend: not kept
            await send(message)

        await self.gzip(scope, receive, send_and_keep)
        # Only a response sent to its end is kept: a visitor who leaves while a file downloads ends its response
        # early, and that half would otherwise be served to everyone after them (a script cut short).
        if keeping and finished and (*path, "gzip") not in self.kept and _whole(b"".join(chunks)):
            body = b"".join(chunks)
            self._keep(path, "gzip", start, body)
            task = asyncio.get_running_loop().create_task(self._keep_brotli(path, start, body))
            self.pending.add(task)  # held until done (the loop keeps only a weak reference)
            task.add_done_callback(self.pending.discard)

    async def _keep_brotli(self, path: tuple[str, str], start: dict, gzipped: bytes) -> None:
        """The brotli copy, made after the visitor has the gzip one, off the event loop."""
        self._keep(path, "br", start, await anyio.to_thread.run_sync(_brotli, gzipped))

    def _keep(self, path: tuple[str, str], encoding: str, start: dict, body: bytes) -> None:
        if self.kept_bytes + len(body) > self.kept_limit:
            return
        headers = MutableHeaders(raw=list(start["headers"]))
        headers["content-length"], headers["content-encoding"] = str(len(body)), encoding
        self.kept[(*path, encoding)] = ({"type": "http.response.start", "status": 200, "headers": headers.raw}, body)
        self.kept_bytes += len(body)

    @staticmethod
    def _may_keep(scope) -> bool:
        """A plain GET that accepts gzip: not a range or a revalidation, whose answers differ from the whole file."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        headers = Headers(scope=scope)
        return "gzip" in headers.get("accept-encoding", "") and "range" not in headers and "if-none-match" not in headers \
            and "if-modified-since" not in headers


def _whole(gzipped: bytes) -> bool:
    """Whether this is a whole gzip stream (a cut one raises on decompression)."""
    try:
        gzip.decompress(gzipped)
    except (EOFError, OSError, gzip.BadGzipFile):
        return False
    return True


def _brotli(gzipped: bytes) -> bytes:
    return brotli.compress(gzip.decompress(gzipped), quality=11)

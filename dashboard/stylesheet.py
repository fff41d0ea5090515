"""The dashboard's stylesheet (components/frame/style.py) in the page the browser loads, written there by the app's own
server (dashboard/server.py): the browser has it before the first element is drawn, and no session sends it again
(sent with every run of every page, it cost a new session about a fifth of a minimal Streamlit page). It goes at the
end of the body, after the styles the frontend puts in the head, so that a rule of ours wins a tie with one of
Streamlit's, as it did when a run sent it.

Only Streamlit's own page (index.html, a 200 HTML answer with a body) changes; every other answer passes untouched. The
page's ETag names the stylesheet too, so a browser's copy from a release with other rules is not taken as current.
"""
from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders

from components.frame.style import CSS

BODY_END = b"</body>"


class Stylesheet:
    """ASGI middleware: `css` (a `<style>` block made by the code, never from data) before `</body>` of every HTML
    page the app serves. It must sit inside the compression middleware, which then compresses the page it wrote."""

    def __init__(self, app, css: str = CSS):
        self.app = app
        self.block = css.strip().encode()
        self.tag = hashlib.sha256(self.block).hexdigest()[:12]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or scope["path"].startswith(("/_stcore/", "/static/")):
            return await self.app(scope, receive, send)
        # Streamlit compresses some pages itself (a page path such as /benefits); asked for them plain, it leaves the
        # compressing to the middleware outside this one, after the stylesheet is in.
        scope = dict(scope, headers=[(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"])
        start: dict | None = None
        chunks: list[bytes] = []

        async def send_with_stylesheet(message):
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                if message["status"] == 200 and headers.get("content-type", "").startswith("text/html") \
                        and "content-encoding" not in headers:
                    start = message  # held until the whole page is here
                    return
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await self._send_page(start, b"".join(chunks), send)
                return
            await send(message)

        await self.app(scope, receive, send_with_stylesheet)

    async def _send_page(self, start: dict, page: bytes, send) -> None:
        if BODY_END in page:
            page = page.replace(BODY_END, self.block + BODY_END, 1)
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        headers["content-length"] = str(len(page))
        if "etag" in headers:
            headers["etag"] = headers["etag"].rstrip('"') + f'-{self.tag}"'
        await send(dict(start, headers=headers.raw))
        await send({"type": "http.response.body", "body": page})

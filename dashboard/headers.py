"""Security headers on every response of the dashboard, and what the public may not ask for.

The same headers are sent by nginx in the scale-out setup (scripts/scale-out.sh renders them from here into
deploy/nginx/nginx.conf.template), so they are written once. Embedding in other sites' pages is refused unless
$MS_DASHBOARD_FRAME_ANCESTORS names the origins that may embed it (for example "https://intranet.example.org")."""
from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import streamlit


def _inline_scripts() -> str:
    """The hashes of the inline scripts in Streamlit's own index.html (one line today), read from the installed
    Streamlit so that an upgrade keeps working; no other inline script may run."""
    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, re.S)
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


# What Streamlit's frontend and Plotly need, nothing more: scripts, styles, fonts and data only from this server
# (the styles Streamlit sets inline, images as data: and blob: URLs, web workers from blob: URLs), no plugins,
# no <base>, forms only to this server. Checked in a real browser by tests/e2e/test_browser.py.
CSP = (f"default-src 'self'; script-src 'self' {_inline_scripts()}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
       "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
HSTS = "max-age=31536000"
BLOCKED = ("/_stcore/metrics",)  # server internals: per-session memory and counts, not for the public


def frame_ancestors() -> str:
    return os.environ.get("MS_DASHBOARD_FRAME_ANCESTORS", "").strip() or "'none'"


def headers() -> dict[str, str]:
    """The headers every response carries (HSTS only over https: see `SecurityHeaders`)."""
    return {
        "Content-Security-Policy": f"{CSP}; frame-ancestors {frame_ancestors()}",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }


class SecurityHeaders:
    """ASGI middleware: adds `headers()` to every HTTP response, HSTS when the request came over https, and
    answers 404 to BLOCKED paths."""

    def __init__(self, app):
        self.app = app
        self.raw = [(name.lower().encode(), value.encode()) for name, value in headers().items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["path"].rstrip("/").endswith(BLOCKED):
            return await self._not_found(send)
        forwarded = dict(scope.get("headers") or ()).get(b"x-forwarded-proto", b"")
        extra = self.raw + ([(b"strict-transport-security", HSTS.encode())]
                            if scope.get("scheme") == "https" or forwarded == b"https" else [])

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=[*message.get("headers", ()), *extra])
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _not_found(self, send):
        await send({"type": "http.response.start", "status": 404,
                    "headers": [(b"content-type", b"text/plain"), *self.raw]})
        await send({"type": "http.response.body", "body": b"not found\n"})


def nginx_directives(indent: str = " " * 12) -> dict[str, str]:
    """The same headers for nginx.conf (scripts/scale-out.sh fills them in): @SECURITY_HEADERS@ adds them to every
    response, HSTS only over https ($hsts is empty, so not sent, otherwise); @HIDE_HEADERS@ drops the dashboard
    process's own copies, so that each header is sent once."""
    names = [*headers(), "Strict-Transport-Security"]
    add = [f"add_header {name} \"{value}\" always;" for name, value in headers().items()]
    return {"@SECURITY_HEADERS@": ("\n" + indent).join([*add, "add_header Strict-Transport-Security $hsts always;"]),
            "@HIDE_HEADERS@": ("\n" + indent).join(f"proxy_hide_header {name};" for name in names)}

"""Plotly figures as PNG images, drawn by Plotly's own static export (kaleido) in a headless Chromium.

kaleido drives a Chromium-family browser; we point it at Debian's /usr/bin/chromium (or $MS_DASHBOARD_CHROMIUM)
and give it the plotly.js bundled with the plotly package, with MathJax off: nothing is fetched from the network.
Starting the browser takes seconds, so one browser is kept per process, in a thread of its own with its own event
loop, and started early (`warm()`); each image then takes a few hundred milliseconds. Without kaleido or a browser,
or when the browser fails, `png()` returns None and the caller shows tables instead."""
from __future__ import annotations

import asyncio
import atexit
import logging
import os
import shutil
import threading
from collections import OrderedDict
from concurrent.futures import Future

import plotly.graph_objects as go

log = logging.getLogger(__name__)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 20.0  # one image; a first image also waits for the browser to start
CACHE_SIZE = 256  # images kept, by the caller's key


def browser() -> str | None:
    """The Chromium kaleido is to drive: $MS_DASHBOARD_CHROMIUM, else the first one on PATH."""
    chosen = os.environ.get("MS_DASHBOARD_CHROMIUM")
    if chosen:
        return chosen if os.path.exists(chosen) else None
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def _kaleido():
    try:
        import kaleido
    except ImportError:
        return None
    return kaleido


class _Renderer:
    """One kaleido (one headless browser, two tabs) on a private event loop in a daemon thread."""

    def __init__(self, path: str) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="kaleido", daemon=True).start()
        self.opened: Future = asyncio.run_coroutine_threadsafe(self._open(path), self.loop)

    async def _open(self, path: str):
        kaleido = _kaleido()
        renderer = kaleido.Kaleido(n=2, path=path, mathjax=False, timeout=TIMEOUT_S)
        await renderer.open()
        atexit.register(self.close)
        return renderer

    def close(self) -> None:
        """Close the browser (at exit: no Chromium is left behind)."""
        try:
            renderer = self.opened.result(timeout=1)
            asyncio.run_coroutine_threadsafe(renderer.close(), self.loop).result(timeout=5)
        except Exception:  # noqa: BLE001  closing at exit, nothing to report to
            pass

    def png(self, figure: go.Figure, width: int, height: int, scale: float) -> bytes:
        renderer = self.opened.result(timeout=TIMEOUT_S)
        opts = dict(format="png", width=width, height=height, scale=scale)
        job = asyncio.run_coroutine_threadsafe(renderer.calc_fig(figure, opts=opts), self.loop)
        return job.result(timeout=TIMEOUT_S)


_lock = threading.Lock()
_renderer: _Renderer | None = None
_failed: str | None = None  # why static export is off for this process
_cache: OrderedDict = OrderedDict()


def unavailable() -> str | None:
    """Why chart images cannot be made here, or None when they can."""
    if _failed:
        return _failed
    if os.environ.get("MS_DASHBOARD_CHART_IMAGES", "on").casefold() in ("off", "0", "false", "no"):
        return "chart images are turned off on this server"
    if _kaleido() is None:
        return "the kaleido package is not installed"
    if browser() is None:
        return "no Chromium browser was found (install Debian's chromium, or set MS_DASHBOARD_CHROMIUM)"
    return None


def warm() -> None:
    """Start the browser now, in the background, so the first image does not wait for it."""
    global _renderer, _failed
    with _lock:
        if _renderer is None and unavailable() is None:
            try:
                _renderer = _Renderer(browser())
            except Exception as error:  # noqa: BLE001  no images, tables instead
                _failed = f"the browser for chart images could not start ({type(error).__name__})"


def png(figure: go.Figure, width: int, height: int, scale: float = 2.0, key: tuple | None = None) -> bytes | None:
    """The figure as a PNG of width x height CSS pixels (times `scale`), or None when static export is unavailable."""
    global _failed
    if key is not None and key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    warm()
    if _renderer is None:
        return None
    try:
        image = _renderer.png(figure, width, height, scale)
    except Exception as error:  # noqa: BLE001  a failing browser turns images off for this process
        log.warning("static chart export failed: %r", error)
        _failed = f"static chart export failed ({type(error).__name__})"
        return None
    if key is not None:
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image

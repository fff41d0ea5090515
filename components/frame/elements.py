"""Elements with fixed content (texts already made safe by dashboard.safe_text, the stylesheet, page links, tables),
drawn with Streamlit's public API. One place for the few arguments every page uses the same way."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

import streamlit as st


def _public(name: str):
    def send(body: str, **options: Any) -> None:
        getattr(st, name)(body, **options)
    send.__name__ = send.__qualname__ = name
    send.__doc__ = f"st.{name}(body, **options) for text already made safe (dashboard.safe_text)."
    return send


markdown, caption, info, warning = (_public(name) for name in ("markdown", "caption", "info", "warning"))
title, header, subheader = (_public(name) for name in ("title", "header", "subheader"))


def image(source: str, **options: Any) -> None:
    """st.image for an image given as text (an SVG made by the code, e.g. a QR code): Streamlit inlines it."""
    st.image(source, **options)


def stylesheet(css: str) -> None:
    """st.html(css) for a `<style>` block made by the code (text from data only as escaped CSS strings)."""
    st.html(css)


def page_link(page, label: str, query: tuple[tuple[str, Any], ...] = (), icon: str | None = None) -> None:
    """st.page_link for a declared page object; `query` as (name, value) pairs, a value may be a tuple."""
    st.page_link(page, label=label, icon=icon, query_params={
        key: list(value) if isinstance(value, tuple) else value for key, value in query} or None)


@contextmanager
def details(label: str, key: str) -> Iterator[bool]:
    """st.expander whose contents are drawn only while it is open: `with details(label, key) as opened: if opened:
    ...`. Opening it is a rerun (on_change="rerun"); a section left closed, as most are, is never sent (the PML
    page's 45 KB of risks in detail went to every visitor, opened or not). The keyed expander is a widget, which costs
    a new session about as much as a few KB of text: worth it for a long section, not for a short one."""
    with st.expander(label, key=key, on_change="rerun") as section:
        yield section.open


def kept(knowledge, key: tuple, draw: Callable[[Any], object]) -> None:
    """The one stateless element `draw(st)` makes (e.g. `lambda dg: dg.dataframe(table, hide_index=True)`); `key`
    names it (kept for callers that cache what they draw per knowledge and key)."""
    draw(st)

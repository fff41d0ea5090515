"""Elements with fixed content (texts of the knowledge, the stylesheet, page links) made once and sent as they are.

Every st.markdown, st.info, st.html or st.page_link call builds its element again: it cleans and dedents the text,
checks whether the text names a file, validates icon and width, looks the page up. For a text of the knowledge that is
the same work with the same answer in every session, and it was a good part of a page's server time; so is the hash
Streamlit makes of every message it sends (a deterministic serialization and an MD5 of it). Here the element is made
once per content by Streamlit's own function (on a delta generator that keeps the element instead of sending it), put
in a message as DeltaGenerator._enqueue does and hashed once; later the message is sent again as it is, at the
current place of the current container.
tests/components/test_elements.py compares each kind with the message Streamlit itself sends for the same arguments,
so an upgrade that changes an element fails there, not on screen.

Only elements without state go through here (no widgets: a widget registers itself in the session on every run).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from streamlit.delta_generator import DeltaGenerator
from streamlit.delta_generator_singletons import get_dg_singleton_instance
from streamlit.elements.lib.layout_utils import get_height_config, get_text_alignment_config, get_width_config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.forward_msg_cache import populate_hash_if_needed
from streamlit.runtime.scriptrunner import enqueue_message

KEPT = 8192  # different elements kept (texts per treatment, view and page; a few hundred in the full knowledge)


class _Maker(DeltaGenerator):
    """A delta generator that keeps the element it is asked to send instead of sending it."""

    made: tuple | None = None
    to_event_container = False

    def _enqueue(self, delta_type, element_proto, layout_config=None, has_one_shot_effect=False, agent_props=None):
        self.made = (delta_type, element_proto, layout_config, has_one_shot_effect, agent_props)
        return self

    @property
    def _event_dg(self) -> DeltaGenerator:  # st.html sends a stylesheet to the (invisible) event container
        self.to_event_container = True
        return self


@lru_cache(maxsize=KEPT)
def _made(command: str, args: tuple, options: tuple) -> tuple[ForwardMsg, bool]:
    """The message st.<command>(*args, **options) sends, without its place, with its hash made; and whether it goes
    to the event container."""
    maker = _Maker()
    getattr(maker, command)(*args, **dict(options))
    if maker.made is None:
        raise RuntimeError(f"st.{command} sent nothing to keep")
    return message(*maker.made), maker.to_event_container


def message(delta_type: str, proto, layout=None, one_shot: bool = False, agent_props: str | None = None) -> ForwardMsg:
    """The message DeltaGenerator._enqueue makes of an element, without its place (delta path), with the hash
    Streamlit makes of every message it sends (a deterministic serialization and an MD5 of it) made now, once."""
    kept = ForwardMsg()
    element = kept.delta.new_element
    getattr(element, delta_type).CopyFrom(proto)
    if layout is not None:
        if layout.height is not None:
            element.height_config.CopyFrom(get_height_config(layout.height))
        if layout.width is not None:
            element.width_config.CopyFrom(get_width_config(layout.width))
        if layout.text_alignment is not None:
            element.text_alignment_config.CopyFrom(get_text_alignment_config(layout.text_alignment))
    if one_shot:
        element.has_one_shot_effect = True
    if agent_props is not None:
        kept.metadata.agent_props = agent_props
    populate_hash_if_needed(kept)
    return kept


def send(kept: ForwardMsg, to_event_container: bool = False) -> None:
    """Put a kept message at the current place of the current container, as DeltaGenerator._enqueue does."""
    singletons = get_dg_singleton_instance()
    dg = (singletons.event_dg if to_event_container else singletons.main_dg)._active_dg
    cursor = dg._cursor
    if dg._root_container is None or cursor is None:  # not in a script run: nothing is drawn
        return
    sent = ForwardMsg()
    sent.CopyFrom(kept)
    sent.metadata.delta_path[:] = cursor.delta_path
    cursor.lock_element()
    enqueue_message(sent)


def kept(knowledge, key: tuple, draw: Callable[[DeltaGenerator], object]) -> None:
    """The one stateless element `draw(dg)` makes (e.g. `lambda dg: dg.dataframe(table, hide_index=True)`), made once
    per knowledge and `key` (Knowledge.recent) and sent again: for elements whose arguments are not themselves a
    key, such as a table converted to Arrow."""
    def make() -> tuple[ForwardMsg, bool]:
        maker = _Maker()
        draw(maker)
        if maker.made is None:
            raise RuntimeError(f"nothing to keep for {key!r}")
        return message(*maker.made), maker.to_event_container

    send(*knowledge.recent(("element", *key), make))


def _send(command: str, *args: Any, **options: Any) -> None:
    send(*_made(command, args, tuple(sorted(options.items()))))


def _command(name: str):
    def send(body: str, **options: Any) -> None:
        _send(name, body, **options)
    send.__name__ = send.__qualname__ = name
    send.__doc__ = f"st.{name}(body, **options) for text already made safe (dashboard.safe_text)."
    return send


markdown, caption, info, warning = (_command(name) for name in ("markdown", "caption", "info", "warning"))
title, header, subheader = (_command(name) for name in ("title", "header", "subheader"))


def image(source: str, **options: Any) -> None:
    """st.image for an image given as text (an SVG made by the code, e.g. a QR code): Streamlit inlines it."""
    _send("image", source, **options)


def stylesheet(css: str) -> None:
    """st.html(css) for a `<style>` block made by the code (text from data only as escaped CSS strings)."""
    _send("html", css)


def page_link(page, label: str, query: tuple[tuple[str, Any], ...] = (), icon: str | None = None) -> None:
    """st.page_link for a declared page object; `query` as (name, value) pairs, a value may be a tuple."""
    _send("page_link", page, label=label, icon=icon,
          query_params=_QueryParams(query) if query else None)


class _QueryParams(dict):
    """Query parameters that can be part of a cache key (kept as sorted pairs; lists as tuples)."""

    def __init__(self, pairs: tuple[tuple[str, Any], ...]):
        super().__init__((key, list(value) if isinstance(value, tuple) else value) for key, value in pairs)
        self._key = pairs

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _QueryParams) and self._key == other._key

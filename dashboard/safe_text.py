"""Text from data/ made inert for every place it reaches the screen. No Streamlit here.

Data text is shown as written and never becomes markup: no link, image, heading, emphasis, maths, icon or HTML can
come from a knowledge file, and no address in it becomes clickable. Links from data are drawn only by
components.views.source_link, and only when dashboard.knowledge.links allows them.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Literal

Surface = Literal["markdown", "plotly", "plain"]

# Control characters and the invisible ones that reorder or hide text (bidi overrides, zero-width spaces).
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# Markdown, LaTeX ($) and HTML characters, escaped with a backslash.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~$&])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
# Where Markdown's autolinker, icon and emoji codes would start: "https://", "www.", "user@host", ":name:".
# An invisible word joiner after ":" and "@" and inside "www." breaks them; the text reads and copies the same.
WORD_JOINER = "\u2060"
_LINK_STARTS = re.compile(r"(?<=[:@])(?=\S)|(?i:(?<=\bwww)(?=\.))")


def safe_text(text: str, on: Surface = "markdown") -> str:
    """`text` from data, ready for `on`: Streamlit Markdown (also headings and notices), a Plotly title, label or
    hover text, or a plain-text place (tables, widget options, alt text).

    Texts from data repeat in every session, so the answers are kept (a bounded cache: a text that is not from data
    costs one slot, never more than the cache's size)."""
    return _safe(str(text), on)


@lru_cache(maxsize=16384)
def _safe(text: str, on: Surface) -> str:
    text = _INVISIBLE.sub("", text)
    if on == "plain":
        return text
    text = _LINK_STARTS.sub(WORD_JOINER, _LINE_BREAKS.sub(" ", text))
    if on == "plotly":
        return html.escape(text, quote=False)  # Plotly draws <a href>, <b>, <br>...: entities show as characters
    return _LIST_NUMBER.sub(r"\1\\\2", _MARKDOWN.sub(r"\\\1", text))

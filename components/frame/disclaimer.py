"""The disclaimer, always visible at the top of every page. Its text lives in data/site.yaml.

On a wide screen the whole text; on a phone its first sentence, beside the menu, with the whole text one tap away, so
the page's first chart or table is on the first screen (the stylesheet, components/frame/style.py, shows the one that
fits)."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from components.frame import elements


def _full(knowledge: Knowledge) -> str:
    return knowledge.memo(("disclaimer",), lambda: "**Important:** " + " ".join(safe_text(line) for line in knowledge.site.disclaimer))


def show(knowledge: Knowledge) -> None:
    """The whole text (hidden on a phone, where `short` stands)."""
    with st.container(key="disclaimer_full"):
        elements.info(_full(knowledge), icon=":material/info:")


def short(knowledge: Knowledge) -> None:
    """The first sentence, the whole text on tap (shown on a phone only)."""
    first = knowledge.memo(("disclaimer_short",), lambda: safe_text(knowledge.site.disclaimer[0].split(". ")[0].rstrip(".")))
    with st.expander(f"Important: {first}", icon=":material/info:", key="disclaimer_short", width="stretch"):
        elements.markdown(_full(knowledge))

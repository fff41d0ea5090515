"""The disclaimer, always visible at the top of every page. Its text lives in data/site.yaml.

On a wide screen the whole text; on a phone its first sentence on one line, the rest one tap away, so the page's
first chart or table is on the first screen (the stylesheet, components/style.py, shows the one that fits)."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from . import elements


def show(knowledge: Knowledge) -> None:
    full = knowledge.memo(("disclaimer",), lambda: "**Important:** " + " ".join(safe_text(line) for line in knowledge.site.disclaimer))
    with st.container(key="disclaimer_full"):
        elements.info(full, icon=":material/info:")
    short = knowledge.memo(("disclaimer_short",), lambda: "Important: " + safe_text(knowledge.site.disclaimer[0].split(". ")[0].rstrip(".")))
    with st.expander(short, icon=":material/info:", key="disclaimer_short"):
        elements.markdown(full)

"""The disclaimer, always visible at the top of every page. Its text lives in data/site.yaml.

On a wide screen the whole text beside the menu; on a phone its first sentence, the whole text one tap away, so the
page's first chart or table is on the first screen (the stylesheet, components/frame/style.py, shows the one that
fits; the whole text is drawn in the phone's version only when it is opened)."""
from __future__ import annotations

import streamlit as st

from components.frame import elements
from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text


def _full(knowledge: Knowledge) -> str:
    return knowledge.memo(("disclaimer",), lambda: "**Important:** " + " ".join(safe_text(line) for line in knowledge.site.disclaimer))


def show(knowledge: Knowledge) -> None:
    """The whole text (hidden on a phone, where `short` stands)."""
    elements.info(_full(knowledge), icon=":material/info:")


def short(knowledge: Knowledge, here: str | None) -> None:
    """The first sentence; the whole text when tapped (shown on a phone only)."""
    first = knowledge.memo(("disclaimer_short",), lambda: safe_text(knowledge.site.disclaimer[0].split(". ")[0].rstrip(".")))
    with st.popover(f"Important: {first}", icon=":material/info:", key=f"disclaimer_short_{here}", on_change="rerun",
                    width="stretch") as whole:
        if whole.open:
            elements.markdown(_full(knowledge))

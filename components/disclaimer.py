"""The disclaimer panel, always visible at the top of every page. Its text lives in data/site.yaml."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text


def show(knowledge: Knowledge) -> None:
    st.info(knowledge.memo(("disclaimer",), lambda: "**Important:** " + " ".join(safe_text(line) for line in knowledge.site.disclaimer)),
            icon=":material/info:")

"""The disclaimer panel, always visible at the top of every page. Its text lives in data/site.yaml."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge

from .text import escape


def show(knowledge: Knowledge) -> None:
    st.info("**Important:** " + " ".join(escape(line) for line in knowledge.site.disclaimer), icon=":material/info:")

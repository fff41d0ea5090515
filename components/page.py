"""The top of every page: the knowledge, the always-visible disclaimer, then the page title."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge

from . import disclaimer, knowledge_store


def start(title: str | None = None) -> Knowledge:
    knowledge = knowledge_store.get()
    disclaimer.show(knowledge)
    st.title(title or knowledge.site.title)
    return knowledge

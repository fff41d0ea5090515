"""The knowledge, loaded and validated once per process; a broken file gives a clear page, not a traceback."""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dashboard.knowledge import DATA_DIR, Knowledge, KnowledgeError, load_knowledge


@st.cache_resource(show_spinner=False)
def _load(root: str) -> Knowledge:
    return load_knowledge(Path(root))


def get() -> Knowledge:
    """The knowledge in $MS_DASHBOARD_DATA (default data/), or a page that names every problem, then stop."""
    root = os.environ.get("MS_DASHBOARD_DATA", str(DATA_DIR))
    try:
        return _load(root)
    except KnowledgeError as error:
        st.error("The knowledge files could not be loaded, so nothing is shown. Problems found:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        st.stop()

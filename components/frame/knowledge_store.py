"""The knowledge, loaded and validated once per process; a broken file gives a clear page, not a traceback.

Only a knowledge that loads is kept (st.cache_resource). A failed load is remembered for RETRY_SECONDS, so a surge
of sessions on broken data validates once instead of once per session, and then tried again: a fixed file is
picked up without a restart, and the readiness check (dashboard/readiness.py) turns ready."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import streamlit as st

from dashboard import heap
from dashboard.knowledge import DATA_DIR, Knowledge, KnowledgeError, load_knowledge
from dashboard.knowledge.validate import display_path

RETRY_SECONDS = 5.0
_failed: dict[str, tuple[float, KnowledgeError]] = {}
_served: dict[str, Knowledge] = {}  # a knowledge that loaded is kept for the process (as the cache keeps it), and
# found here without the cache's per-call key hashing and locking, which every run of every session paid
_loading = threading.Lock()


@st.cache_resource(show_spinner=False)
def _load(root: str) -> Knowledge:
    return load_knowledge(Path(root))


def root() -> str:
    """The data folder this process serves: $MS_DASHBOARD_DATA, default data/."""
    return os.environ.get("MS_DASHBOARD_DATA", str(DATA_DIR))


def load(folder: str) -> Knowledge:
    """The knowledge in `folder`, or the KnowledgeError of its last load if that failed under RETRY_SECONDS ago."""
    if (served := _served.get(folder)) is not None:
        return served
    with _loading:  # one load at a time: the sessions of a surge wait for it instead of repeating it
        if (served := _served.get(folder)) is not None:  # loaded while this session waited
            return served
        failed = _failed.get(folder)
        if failed and time.monotonic() - failed[0] < RETRY_SECONDS:
            raise failed[1]
        try:
            knowledge = _load(folder)
        except KnowledgeError as error:
            _failed[folder] = (time.monotonic(), error)
            raise
        _failed.pop(folder, None)
        _served[folder] = knowledge
        heap.settle()  # the knowledge lives as long as the process: out of the collector's way
        return knowledge


def get() -> Knowledge:
    """The knowledge this process serves, or a page that names every problem, then stop."""
    folder = root()
    try:
        return load(folder)
    except KnowledgeError as error:
        # Files named relative to the data folder: the public never sees the server's paths.
        shown = display_path(Path(folder))
        st.error("The knowledge files could not be loaded, so nothing is shown. Problems found:")
        st.code("\n".join(str(p.within(shown)) for p in error.problems), language=None)
        st.stop()

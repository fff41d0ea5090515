"""The top of every page: the knowledge, the always-visible disclaimer, the selection, then the page title (the
stylesheet comes with the page itself: dashboard/stylesheet.py)."""
from __future__ import annotations

import sys
from typing import Callable

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.glossary import explain
from dashboard.safe_text import safe_text

from components.controls import selection
from components.frame import disclaimer, elements, knowledge_store, menu, navigation

OPENED, UNKNOWN_PAGE = "page_opened", "page_unknown"


def opened(path: str, unknown_page: bool) -> None:
    """Called by the entry point before the page runs: which page this is, and whether the link named a page
    that does not exist (said once, without repeating the link's words)."""
    st.session_state[OPENED] = path
    if unknown_page:
        st.session_state[UNKNOWN_PAGE] = True


def start(title: str | None = None, intro: Callable[[Knowledge], str] | None = None) -> tuple[Knowledge, selection.Selection]:
    """Called first by every page file: the page's own path is read from its file name (cheap, and always right).
    `intro(knowledge)`: Markdown made safe by the caller, said under the title in the same element (one message
    fewer for every visitor)."""
    path = navigation.path_of(sys._getframe(1).f_code.co_filename) or st.session_state.get(OPENED)
    knowledge = knowledge_store.get()
    chosen = selection.start(knowledge, path)
    # The menu and the whole disclaimer beside it (the stylesheet places them: a row container would be one more
    # element for every visitor); on a phone the disclaimer's first sentence, the whole text one tap away.
    menu.show(knowledge, chosen, path)
    disclaimer.show(knowledge)
    disclaimer.short(knowledge, path)
    if st.session_state.pop(UNKNOWN_PAGE, False):
        elements.info("The link named a page this dashboard does not have, so this page is shown instead.", icon=":material/info:")
    selection.notice()
    title = title or knowledge.site.title
    if chosen.view == "patient":  # a clinician's word in a title keeps its plain meaning beside it
        title = explain(knowledge, title)
    if intro:
        elements.markdown(knowledge.memo(("titled", title, intro), lambda: f"# {safe_text(title)}\n\n{intro(knowledge)}"))
    else:
        elements.title(title)
    return knowledge, chosen

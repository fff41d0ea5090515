"""The menu: a labelled "Menu" whose links carry the visit's selection, so each page visited is one browser history
entry with the selection it had (Back and Forward walk through them), and a link copied from the address bar
reproduces the screen.

Streamlit's own menu (st.navigation's) changes the page without the selection, then the page writes the selection
into the address: two history entries per page, and Back stopped on the half-made one. Here the links are
st.page_link, drawn when the menu is opened (a rerun): a row of a dozen links on every page cost every visitor's
session more than a minimal Streamlit page does, and most visits open the menu a few times. A new menu on every
page, so it is closed after a choice."""
from __future__ import annotations

import streamlit as st

from components.controls import selection
from components.frame import navigation
from dashboard.knowledge import Knowledge


def show(knowledge: Knowledge, chosen: selection.Selection, here: str | None) -> None:
    with st.popover("Menu", icon=":material/menu:", key=f"menu_{here}", on_change="rerun") as menu:
        if menu.open:
            for _, title, icon, path in navigation.PAGES:
                navigation.link(path, title, query=selection.link_params(knowledge, chosen, path), icon=icon)

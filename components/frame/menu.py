"""The menu: a link to every page that carries the visit's selection, so each page visited is one browser history
entry with the selection it had (Back and Forward walk through them), and a link copied from the address bar
reproduces the screen.

Streamlit's own menu (st.navigation's) changes the page without the selection, then the page writes the selection
into the address: two history entries per page, and Back stopped on the half-made one. Here the menu is drawn with
st.page_link: a row of links on a wide screen, a labelled "Menu" on a phone (a new one on every page, so it is
closed after a choice). The stylesheet (components/frame/style.py) shows the one that fits the screen."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge

from components.controls import selection
from components.frame import navigation


def show(knowledge: Knowledge, chosen: selection.Selection, here: str | None) -> None:
    links = [(path, title, icon, selection.link_params(knowledge, chosen, path))
             for _, title, icon, path in navigation.PAGES]
    with st.container(horizontal=True, key="menu_row", gap="small", width="stretch"):
        _links(links)
    # The phone's menu draws its links when opened (a rerun): most visits never open it, and every element costs
    # every visitor's session.
    with st.popover("Menu", icon=":material/menu:", key=f"menu_phone_{here}", on_change="rerun") as phone:
        if phone.open:
            _links(links)


def _links(links) -> None:
    for path, title, icon, query in links:
        navigation.link(path, title, query=query, icon=icon)

"""The handout: a one-page PDF of the current selection (dashboard.export.handout), in two steps.

"Make a handout" first, then "Download handout". A download button holds a slot in Streamlit's media file manager for
its session, and at the end of every script run Streamlit walks the slots of every open session: with the button on
every overview, each visitor's run cost more the more visitors there were. So only a visitor who asks gets the
download button (it stays for the rest of the visit). The PDF is made when that button is pressed (deferred
download, no rerun). Asking starts, once per process and in the background, the browser that draws chart images,
so the first handout does not wait for it."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit

import streamlit as st

from dashboard.export import handout, images
from dashboard.knowledge import Knowledge

from .selection import Selection, link_params


def link(knowledge: Knowledge, chosen: Selection) -> str:
    """The address that reopens this view on the overview: this server's address, the selection's query string."""
    here = urlsplit(getattr(st.context, "url", None) or "")
    base = f"{here.scheme}://{here.netloc}/" if here.scheme and here.netloc else "/"
    return base + "?" + urlencode(link_params(knowledge, chosen, "overview"), doseq=True)


ASKED = "handout_asked"
HELP = ("The overview, the side-effect charts, the sources, the disclaimer and a link (and QR code) back to this view, "
        "on one A4 page. Nothing about you is in it.")


def _ask() -> None:
    st.session_state[ASKED] = True


def show(knowledge: Knowledge, chosen: Selection) -> None:
    if not st.session_state.get(ASKED):
        st.button("Make a handout (PDF, one page)", key="w_handout_ask", on_click=_ask, disabled=not chosen.treatments,
                  icon=":material/picture_as_pdf:", help=HELP)
        return
    images.warm()
    address = link(knowledge, chosen)
    events = chosen.events_or_default(knowledge)

    def pdf() -> bytes:
        return handout.build(knowledge, chosen.treatments, chosen.view, chosen.priorities, events, address).pdf

    st.download_button("Download handout (PDF, one page)", data=pdf, mime="application/pdf",
                       file_name=f"ms-treatments-handout-{dt.date.today().isoformat()}.pdf", key="w_handout",
                       on_click="ignore", disabled=not chosen.treatments, icon=":material/picture_as_pdf:", help=HELP)

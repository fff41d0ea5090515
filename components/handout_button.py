"""The "Download handout" button: a one-page PDF of the current selection (dashboard.export.handout).

The PDF is made when the button is pressed (deferred download, no rerun). Drawing the button starts, once per
process and in the background, the browser that draws chart images, so the first handout does not wait for it."""
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


def show(knowledge: Knowledge, chosen: Selection) -> None:
    images.warm()
    address = link(knowledge, chosen)
    events = chosen.events_or_default(knowledge)

    def pdf() -> bytes:
        return handout.build(knowledge, chosen.treatments, chosen.view, chosen.priorities, events, address).pdf

    st.download_button("Download handout (PDF, one page)", data=pdf, mime="application/pdf",
                       file_name=f"ms-treatments-handout-{dt.date.today().isoformat()}.pdf", key="w_handout",
                       on_click="ignore", disabled=not chosen.treatments, icon=":material/picture_as_pdf:",
                       help="The overview, the side-effect charts, the sources, the disclaimer and a link (and QR code) "
                            "back to this view, on one A4 page. Nothing about you is in it.")

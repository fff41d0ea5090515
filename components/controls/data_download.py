"""Open data: the figures as CSV or JSON, for the whole knowledge or the treatments chosen now.

The files are made only when a button is pressed (deferred download), so showing the buttons costs a session
nothing; the whole-knowledge files are made once per knowledge and shared."""
from __future__ import annotations

import streamlit as st

from dashboard.export.figures import export
from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from components.controls.selection import Selection
from components.frame import elements

MIME = {"csv": "text/csv", "json": "application/json"}


def _whole(knowledge: Knowledge, fmt: str):
    return lambda: knowledge.memo(("export", fmt), lambda: export(knowledge, fmt)).encode("utf-8")


def _chosen(knowledge: Knowledge, fmt: str, treatments: tuple[str, ...]):
    return lambda: export(knowledge, fmt, treatments).encode("utf-8")


def show(knowledge: Knowledge, chosen: Selection) -> None:
    """Behind a switch: each download button holds memory in Streamlit's media manager for as long as the server
    runs (measured: about 2 MB per session with the four buttons, still held after the sessions closed), so only the
    visitors who want the data pay for it."""
    version = knowledge.site.knowledge_version
    elements.subheader("Take the data away")
    if not st.toggle("Download the figures (CSV or JSON)", key="w_downloads"):
        return
    elements.markdown(f"Every figure with its source, the place in it, its evidence type and the knowledge version "
                f"({version}), as CSV or JSON. The columns are described in `docs/export-format.md` of the project.")
    names = ", ".join(knowledge.treatments[t].name for t in chosen.treatments)
    whole, mine = st.columns(2)
    with whole:
        elements.markdown("**All treatments**")
        for fmt in ("csv", "json"):
            st.download_button(f"All figures ({fmt.upper()})", data=_whole(knowledge, fmt), mime=MIME[fmt],
                               file_name=f"ms-figures-{version}.{fmt}", key=f"w_export_all_{fmt}", on_click="ignore",
                               icon=":material/download:")
    with mine:
        elements.markdown(f"**Chosen now:** {safe_text(names)}" if names else "**Chosen now:** no treatment chosen")
        for fmt in ("csv", "json"):
            st.download_button(f"Chosen treatments ({fmt.upper()})", data=_chosen(knowledge, fmt, chosen.treatments),
                               mime=MIME[fmt], file_name=f"ms-figures-{version}-selection.{fmt}",
                               key=f"w_export_chosen_{fmt}", on_click="ignore", disabled=not chosen.treatments,
                               icon=":material/download:")

"""The handout (dashboard.export.handout): asked for, prepared with a visible status, then downloaded.

"Make a handout" first. A download button holds a slot in Streamlit's media file manager for its session, and at the
end of every script run Streamlit walks the slots of every open session: so only a visitor who asks gets the
download button. Asking prepares the handout of the current selection in that run, under a "being prepared" status
(the process makes at most a few at once; a handout someone else asked for already is served from memory). The
download button then hands over the prepared PDF when pressed (deferred download, no rerun). When the selection
changes, the visitor asks again, unless that handout is ready. Each session may ask for at most ASKS_PER_WINDOW
handouts (and downloads) in WINDOW_S seconds: a script or a stuck key cannot keep the process busy.

"What matters to me" and "Questions to ask your neurologist" lines, when a page has them (the values page), come in
as `matters` and `questions`; without them the overview priorities chosen are what matters."""
from __future__ import annotations

import datetime as dt
import threading
import time
from collections import deque
from urllib.parse import urlencode, urlsplit

import streamlit as st

from dashboard.export import handout
from dashboard.knowledge import Knowledge

from components.controls.selection import Selection, link_params

ASKED = "handout_asked"  # the key of the handout this session last asked for
LIMIT = "handout_limit"
ASKS_PER_WINDOW, WINDOW_S = 20, 600
HELP = ("The overview as questions and answers, the side-effect and benefit charts of every treatment chosen, the "
        "sources, the disclaimer and a link (and QR code) back to this view, in type you can read at arm's length "
        "(A4, up to four pages). Nothing about you is in it.")


def link(knowledge: Knowledge, chosen: Selection) -> str:
    """The address that reopens this view on the overview: this server's address, the selection's query string."""
    here = urlsplit(getattr(st.context, "url", None) or "")
    base = f"{here.scheme}://{here.netloc}/" if here.scheme and here.netloc else "/"
    return base + "?" + urlencode(link_params(knowledge, chosen, "overview"), doseq=True)


class Limit:
    """At most `most` requests in `window` seconds (one per session; used from the script and download threads)."""

    def __init__(self, most: int = ASKS_PER_WINDOW, window: float = WINDOW_S) -> None:
        self.most, self.window, self.times, self.lock = most, window, deque(), threading.Lock()

    def allow(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self.lock:
            while self.times and now - self.times[0] > self.window:
                self.times.popleft()
            if len(self.times) >= self.most:
                return False
            self.times.append(now)
            return True

    def wait_s(self, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self.lock:
            return int(self.window - (now - self.times[0])) + 1 if self.times else 0


def show(knowledge: Knowledge, chosen: Selection, matters: tuple[str, ...] = (), questions: tuple[str, ...] = ()) -> None:
    args = (chosen.treatments, chosen.view, chosen.priorities, chosen.events_or_default(knowledge),
            link(knowledge, chosen), dt.date.today(), tuple(matters), tuple(questions), chosen.matters)
    wanted = handout.key(knowledge, *args)
    state = st.session_state
    made = handout.cached(knowledge, *args) if state.get(ASKED) is not None else None
    if made is None and state.get(ASKED) != wanted:
        st.button("Make a handout (PDF)", key="w_handout_ask", on_click=state.__setitem__, args=(ASKED, wanted),
                  disabled=not chosen.treatments, icon=":material/picture_as_pdf:", help=HELP)
        return
    limit = state.setdefault(LIMIT, Limit())
    if made is None:
        if not limit.allow():
            st.warning(f"You have asked for many handouts in a few minutes. Please try again in about "
                       f"{max(1, round(limit.wait_s() / 60))} minutes.", icon=":material/hourglass_empty:")
            return
        with st.spinner("Your handout is being prepared…"):
            made = handout.get(knowledge, *args)

    def pdf() -> bytes:
        # Pressed again later (or by a script): the same PDF from memory; rebuilt only if it has left the cache.
        if not limit.allow():
            raise RuntimeError("too many handout requests from this session; try again in a few minutes")
        return handout.get(knowledge, *args).pdf

    st.download_button(f"Download handout (PDF, {made.pages} page{'s' if made.pages > 1 else ''})", data=pdf,
                       mime="application/pdf", file_name=f"ms-treatments-handout-{dt.date.today().isoformat()}.pdf",
                       key="w_handout", on_click="ignore", disabled=not chosen.treatments,
                       icon=":material/picture_as_pdf:", help=HELP)

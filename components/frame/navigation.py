"""The app's pages and links between them, with st.navigation and st.Page.

st.Page resolves its file's real path when it is created (a chain of stat calls); done on every run that was a third
of the server's CPU when 200 sessions started at once. So each page is created once per process and every run gets
its own shallow copy: st.navigation marks the page that runs as callable, which must not leak between sessions.
"""
from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path

import streamlit as st

from components.frame import elements

PAGES = (  # (file, title, icon, url path); the first is the landing page
    ("screens/home.py", "Start", ":material/home:", "start"),
    ("screens/overview.py", "Overview", ":material/view_column:", "overview"),
    ("screens/values.py", "What matters", ":material/favorite:", "values"), ("screens/check.py", "Check", ":material/quiz:", "check"),
    ("screens/benefits.py", "Benefits", ":material/trending_down:", "benefits"),
    ("screens/adverse_events.py", "Side effects", ":material/bar_chart:", "side-effects"),
    ("screens/pictures.py", "Out of 100", ":material/grid_view:", "pictures"),
    ("screens/pml_infections.py", "PML and infections", ":material/coronavirus:", "pml-infections"),
    ("screens/pregnancy.py", "Pregnancy", ":material/pregnant_woman:", "pregnancy"),
    ("screens/sources.py", "Sources", ":material/menu_book:", "sources"),
    ("screens/glossary.py", "Words explained", ":material/dictionary:", "glossary"),
    ("screens/presenter.py", "Present", ":material/co_present:", "presenter"),
    ("screens/about.py", "About", ":material/info:", "about"),
)
PATHS = tuple(path for *_, path in PAGES)
_BY_FILE = {file.rsplit("/", 1)[-1]: path for file, *_, path in PAGES}
LANDING = "landing_page"  # session state: the visit's landing page, decided on its first run
ALIASES = {"compare": "overview"}  # url paths of earlier versions, so old links still open the right page
# The favicon as a data URL, read once: a file path would be registered as a media file on every run, and an
# emoji or material icon would make the browser fetch it from a third-party server.
APP_FOLDER = Path(__file__).resolve().parents[2] / "dashboard"  # page files are named from here, not from the running script
TITLE = "MS treatment explorer"  # the browser tab's title
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parents[2] / "dashboard" / "icon.png").read_bytes()).decode()


@lru_cache(maxsize=len(PAGES) + 1)
def _declared(landing: str | None) -> tuple[st.Page, ...]:
    return tuple(st.Page(str(APP_FOLDER / file), title=title, icon=icon, url_path=path, default=path == landing,
                         visibility="visible")
                 for file, title, icon, path in PAGES)


def pages(landing: str) -> list[st.Page]:
    """This run's pages, `landing` (a url path from PATHS) the default one."""
    return [copy.copy(page) for page in _declared(landing)]


def open_page(landing: str) -> st.Page:
    """The page this run shows: the one the session asked for, else `landing`; a page that does not exist is said as
    st.navigation says it."""
    return st.navigation(pages(landing), position="hidden")  # the menu is components/frame/menu.py


def page_config() -> None:
    """st.set_page_config(page_title=TITLE, page_icon=FAVICON, layout="wide")."""
    st.set_page_config(page_title=TITLE, page_icon=FAVICON, layout="wide")


def path_of(filename: str) -> str | None:
    """The url path of the page whose file this is."""
    return _BY_FILE.get(filename.replace("\\", "/").rsplit("/", 1)[-1])


def unknown(requested: str) -> bool:
    """Whether a link named a page this dashboard does not have."""
    return bool(requested) and ALIASES.get(requested, requested) not in PATHS


def landing(requested: str, has_treatments: bool) -> str:
    """The page a visit opens on: the one the link names, else the overview once treatments are chosen."""
    requested = ALIASES.get(requested, requested)
    if requested in PATHS:
        return requested
    return "overview" if has_treatments else "start"


def switch(path: str) -> None:
    st.switch_page(_declared(None)[PATHS.index(path)])


def link(path: str, label: str, query: dict | None = None, icon: str | None = None) -> None:
    """A link to the page at `path` that carries the selection (`query`, selection.link_params), so the next page
    shows the same choice and its address is complete when it opens (one browser history entry per page)."""
    target = _declared(None)[PATHS.index(path)]
    query = {"page": path, **(query or {})}
    elements.page_link(target, label, tuple((key, tuple(value) if isinstance(value, list) else value)
                                          for key, value in query.items()), icon)

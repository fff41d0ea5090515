"""The app's pages and links between them.

st.Page resolves its file's real path when it is created (a chain of stat calls); done on every run that was a third
of the server's CPU when 200 sessions started at once. So each page is created once per process and every run gets
its own shallow copy: st.navigation marks the chosen page as callable, which must not leak between sessions.
"""
from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import elements

PAGES = (  # (file, title, icon, url path); the first is the landing page
    ("pages/home.py", "Start", ":material/home:", "start"),
    ("pages/overview.py", "Overview", ":material/view_column:", "overview"),
    ("pages/benefits.py", "Benefits", ":material/trending_down:", "benefits"),
    ("pages/adverse_events.py", "Side effects", ":material/bar_chart:", "side-effects"),
    ("pages/pictures.py", "Out of 100", ":material/grid_view:", "pictures"),
    ("pages/pml_infections.py", "PML and infections", ":material/coronavirus:", "pml-infections"),
    ("pages/pregnancy.py", "Pregnancy", ":material/pregnant_woman:", "pregnancy"),
    ("pages/sources.py", "Sources", ":material/menu_book:", "sources"),
    ("pages/presenter.py", "Present", ":material/co_present:", "presenter"),
    ("pages/about.py", "About", ":material/info:", "about"),
)
PATHS = tuple(path for *_, path in PAGES)
_BY_FILE = {file.rsplit("/", 1)[-1]: path for file, *_, path in PAGES}
HIDDEN = ("presenter",)  # reached from the start page ("For a talk") and by link, not from the menu
ALIASES = {"compare": "overview"}  # url paths of earlier versions, so old links still open the right page
# The favicon as a data URL, read once: a file path would be registered as a media file on every run, and an
# emoji or material icon would make the browser fetch it from a third-party server.
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parents[1] / "dashboard" / "icon.png").read_bytes()).decode()


def _main_folder() -> str:
    ctx = get_script_run_ctx()
    return str(ctx.pages_manager.main_script_parent) if ctx else ""


@lru_cache(maxsize=64)
def _declared(main_folder: str, landing: str | None) -> tuple[st.Page, ...]:
    return tuple(st.Page(file, title=title, icon=icon, url_path=path, default=path == landing,
                         visibility="hidden" if path in HIDDEN else "visible")
                 for file, title, icon, path in PAGES)


def pages(landing: str) -> list[st.Page]:
    """This run's pages, `landing` (a url path from PATHS) the default one."""
    return [copy.copy(page) for page in _declared(_main_folder(), landing)]


def path_of(filename: str) -> str | None:
    """The url path of the page whose file this is."""
    return _BY_FILE.get(filename.replace("\\", "/").rsplit("/", 1)[-1])


def landing(requested: str, has_treatments: bool) -> str:
    """The page a visit opens on: the one the link names, else the overview once treatments are chosen."""
    requested = ALIASES.get(requested, requested)
    if requested in PATHS:
        return requested
    return "overview" if has_treatments else "start"


def switch(path: str) -> None:
    st.switch_page(_declared(_main_folder(), None)[PATHS.index(path)])


def link(path: str, label: str, query: dict | None = None, icon: str | None = None) -> None:
    """A link to the page at `path` that carries the selection (`query`), so the next page shows the same choice."""
    target = _declared(_main_folder(), None)[PATHS.index(path)]
    elements.page_link(target, label, tuple((key, tuple(value) if isinstance(value, list) else value)
                                          for key, value in (query or {}).items()), icon)

"""The app's pages and links between them.

st.Page resolves its file's real path when it is created (a chain of stat calls); done on every run that was a third
of the server's CPU when 200 sessions started at once. So each page is created once per process and every run gets
its own shallow copy: the page that runs is marked as callable, which must not leak between sessions.

The menu and the page settings are the same messages in every session (one per page that runs): `open_page` and
`page_config` make them once, as st.navigation and st.set_page_config do, and send them again; building the menu of
ten pages was a sixth of the landing page's own cost. tests/components/test_navigation.py compares both with the
messages Streamlit itself sends, so an upgrade that changes them fails there.
"""
from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path

import streamlit as st
from streamlit.commands.navigation import send_page_not_found
from streamlit.commands.page_config import _get_favicon_string
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Navigation_pb2 import Navigation as NavigationProto
from streamlit.proto.PageConfig_pb2 import PageConfig as PageConfigProto
from streamlit.runtime.forward_msg_cache import populate_hash_if_needed
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import elements

PAGES = (  # (file, title, icon, url path); the first is the landing page
    ("pages/home.py", "Start", ":material/home:", "start"),
    ("pages/overview.py", "Overview", ":material/view_column:", "overview"),
    ("pages/values.py", "What matters", ":material/favorite:", "values"), ("pages/check.py", "Check", ":material/quiz:", "check"),
    ("pages/benefits.py", "Benefits", ":material/trending_down:", "benefits"),
    ("pages/adverse_events.py", "Side effects", ":material/bar_chart:", "side-effects"),
    ("pages/pictures.py", "Out of 100", ":material/grid_view:", "pictures"),
    ("pages/pml_infections.py", "PML and infections", ":material/coronavirus:", "pml-infections"),
    ("pages/pregnancy.py", "Pregnancy", ":material/pregnant_woman:", "pregnancy"),
    ("pages/sources.py", "Sources", ":material/menu_book:", "sources"),
    ("pages/glossary.py", "Words explained", ":material/dictionary:", "glossary"),
    ("pages/presenter.py", "Present", ":material/co_present:", "presenter"),
    ("pages/about.py", "About", ":material/info:", "about"),
)
PATHS = tuple(path for *_, path in PAGES)
_BY_FILE = {file.rsplit("/", 1)[-1]: path for file, *_, path in PAGES}
HIDDEN = ("presenter",)  # reached from the start page ("For a talk") and by link, not from the menu
ALIASES = {"compare": "overview"}  # url paths of earlier versions, so old links still open the right page
# The favicon as a data URL, read once: a file path would be registered as a media file on every run, and an
# emoji or material icon would make the browser fetch it from a third-party server.
TITLE = "MS treatment explorer"  # the browser tab's title
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
    """This run's pages, `landing` (a url path from PATHS) the default one (for st.navigation; the app uses
    open_page)."""
    return [copy.copy(page) for page in _declared(_main_folder(), landing)]


@lru_cache(maxsize=64)
def _menu(main_folder: str, landing: str) -> tuple[dict, dict[str, ForwardMsg]]:
    """The pages as the session's page manager holds them, and the menu message for each page that may run (as
    st.navigation(pages, position="top") builds it), hashed."""
    declared = _declared(main_folder, landing)
    infos = {page._script_hash: {"page_script_hash": page._script_hash, "page_name": page.title, "icon": page.icon,
                                 "script_path": str(page._page), "url_pathname": page.url_path, "help": page.help}
             for page in declared}
    messages = {}
    for running in declared:
        message = ForwardMsg()
        menu = message.navigation
        menu.position = NavigationProto.Position.TOP
        menu.expanded = False
        menu.sections[:] = [""]
        for page in declared:
            item = menu.app_pages.add()
            item.page_script_hash, item.page_name, item.icon = page._script_hash, page.title, page.icon
            item.is_default, item.section_header, item.url_pathname = page._default, "", page.url_path
            item.is_hidden, item.help = page._visibility == "hidden", page.help
        menu.page_script_hash = running._script_hash
        populate_hash_if_needed(message)
        messages[running._script_hash] = message
    return infos, messages


def open_page(landing: str) -> st.Page:
    """st.navigation(pages(landing), position="top"): the page this run shows (the one the session asked for, else
    `landing`; a page that does not exist is said to the browser as st.navigation says it), with the menu."""
    PagesManager.uses_pages_directory = False  # as st.navigation: no pages/ folder of the old kind
    folder = _main_folder()
    declared = _declared(folder, landing)
    default = declared[PATHS.index(landing)]
    ctx = get_script_run_ctx()
    if ctx is None:
        page = default
    else:
        infos, messages = _menu(folder, landing)
        found = ctx.pages_manager.set_pages_and_resolve(dict(infos), fallback_page_hash=default._script_hash)
        page = next((p for p in declared if found and p._script_hash == found["page_script_hash"]), None)
        if page is None:
            send_page_not_found(ctx)
            page = default
        ctx.set_mpa_v2_page(page._script_hash)
        sent = ForwardMsg()
        sent.CopyFrom(messages[page._script_hash])
        ctx.enqueue(sent)
    page = copy.copy(page)
    page._can_be_called = True
    return page


@lru_cache(maxsize=1)
def _page_config() -> ForwardMsg:
    message = ForwardMsg()
    config = message.page_config_changed
    config.title, config.favicon, config.layout = TITLE, _get_favicon_string(FAVICON), PageConfigProto.WIDE
    config.initial_sidebar_state = PageConfigProto.SIDEBAR_UNSET
    populate_hash_if_needed(message)
    return message


def page_config() -> None:
    """st.set_page_config(page_title=TITLE, page_icon=FAVICON, layout="wide"), its message made once."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        sent = ForwardMsg()
        sent.CopyFrom(_page_config())
        ctx.enqueue(sent)


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

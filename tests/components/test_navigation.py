"""The menu and the page settings made once are the messages st.navigation and st.set_page_config send, and the page
that runs is the one Streamlit would run: for every landing page, a page asked for by name, and a page that does not
exist."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import streamlit as st
import streamlit.commands.navigation as st_navigation
import streamlit.commands.page_config as st_page_config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.forward_msg_cache import populate_hash_if_needed
from streamlit.runtime.pages_manager import PagesManager

from components import navigation

st_page = importlib.import_module("streamlit.navigation.page")  # `streamlit.navigation` is also st.navigation
APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


class Session:
    """What st.navigation and st.set_page_config use of a script run's context, recording what is sent."""

    def __init__(self, asked: str = "") -> None:
        self.pages_manager = PagesManager(str(APP))
        self.pages_manager.set_script_intent("", asked)  # a page asked for by url path, as a link does
        self.sent: list[ForwardMsg] = []
        self.running = ""

    def enqueue(self, message: ForwardMsg) -> None:
        populate_hash_if_needed(message)
        self.sent.append(message)

    def set_mpa_v2_page(self, page_script_hash: str) -> None:
        self.running = page_script_hash


@pytest.fixture(autouse=True)
def script_run(monkeypatch):
    """Pages are made as in a script run of dashboard/app.py (st.Page resolves its file from the main script)."""
    monkeypatch.setattr(st_page, "get_script_run_ctx", lambda: Session())
    navigation._declared.cache_clear()
    navigation._menu.cache_clear()
    yield
    navigation._declared.cache_clear()
    navigation._menu.cache_clear()


def as_sent(session: Session) -> list[bytes]:
    return [message.SerializeToString(deterministic=True) for message in session.sent]


@pytest.mark.parametrize("landing", ["start", "overview", "pictures"])
@pytest.mark.parametrize("asked", ["", "benefits", "presenter", "no-such-page"])
def test_menu_is_the_one_streamlit_sends(monkeypatch, landing, asked):
    theirs, ours = Session(asked), Session(asked)
    monkeypatch.setattr(st_navigation, "get_script_run_ctx", lambda: theirs)
    monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: theirs)
    expected = st_navigation._navigation(navigation.pages(landing), position="top", expanded=False)
    monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: ours)
    page = navigation.open_page(landing)

    assert as_sent(ours) == as_sent(theirs)
    assert [m.WhichOneof("type") for m in ours.sent] == (["page_not_found", "navigation"] if asked == "no-such-page"
                                                         else ["navigation"])
    shown = asked if asked in navigation.PATHS and asked != landing else landing
    assert page.title == expected.title == navigation.PAGES[navigation.PATHS.index(shown)][1]
    assert page.url_path == expected.url_path
    assert ours.running == theirs.running == page._script_hash
    assert ours.pages_manager.get_pages() == theirs.pages_manager.get_pages()
    assert page._can_be_called


def test_the_page_that_runs_is_this_sessions_own(monkeypatch):
    """Marking the page as callable must not mark it for every session: each run gets its own copy."""
    monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: Session("benefits"))
    first, second = navigation.open_page("start"), navigation.open_page("start")
    assert first is not second and first._can_be_called and second._can_be_called
    declared = navigation._declared(str(APP.parent), "start")
    assert not any(page._can_be_called for page in declared)


def test_page_config_is_the_one_streamlit_sends(monkeypatch):
    theirs, ours = Session(), Session()
    monkeypatch.setattr(st_page_config, "get_script_run_ctx", lambda: theirs)
    st.set_page_config(page_title=navigation.TITLE, page_icon=navigation.FAVICON, layout="wide")
    monkeypatch.setattr(navigation, "get_script_run_ctx", lambda: ours)
    navigation.page_config()
    navigation.page_config()
    assert as_sent(ours) == as_sent(theirs) * 2
    assert ours.sent[0].page_config_changed.title == "MS treatment explorer"

"""The handout: asked for on the Overview page, then downloaded; off without a treatment; its link reopens the same view."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def button(treatments: tuple[str, ...], view: str = "patient") -> AppTest:
    def app(treatments, view):
        import streamlit as st

        from components import handout_button, knowledge_store
        from components.selection import Selection

        knowledge = knowledge_store.get()
        chosen = Selection(treatments=treatments, view=view, priorities=("pregnancy",))
        handout_button.show(knowledge, chosen)
        st.text(handout_button.link(knowledge, chosen))

    at = AppTest.from_function(app, args=(treatments, view), default_timeout=30)
    at.run()
    assert not at.get("download_button")  # no download slot until the visitor asks for a handout
    asked = at.button(key="w_handout_ask")
    assert asked.label == "Make a handout (PDF, one page)"
    if not asked.disabled:
        asked.click().run()
    return at


def test_the_button_and_the_link_back_to_the_same_view():
    at = button(("ocrelizumab", "natalizumab"), "clinician")
    assert not at.exception
    found = at.get("download_button")
    assert [b.proto.label for b in found] == ["Download handout (PDF, one page)"]
    assert not found[0].proto.disabled
    assert at.text[0].value.endswith("?page=overview&treatments=ocrelizumab&treatments=natalizumab&view=Clinician"
                                     "&priorities=pregnancy")


def test_no_handout_without_a_treatment():
    at = button(())
    assert at.button(key="w_handout_ask").disabled and not at.get("download_button")


def test_the_overview_page_offers_the_handout():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["treatments"] = ["Ocrelizumab", "Natalizumab"]
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    at.button(key="w_handout_ask").click().run()
    assert not at.exception
    assert "Download handout (PDF, one page)" in [b.proto.label for b in at.get("download_button")]
    at.switch_page("pages/benefits.py").run()
    at.switch_page("pages/overview.py").run()  # asked once: the download button stays for the visit
    assert "Download handout (PDF, one page)" in [b.proto.label for b in at.get("download_button")]

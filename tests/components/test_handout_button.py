"""The handout on the Overview page: asked for, prepared, then downloaded; asked again for another selection unless
that one is ready; off without a treatment; limited per session; its link reopens the same view."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.controls.handout_button import Limit

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
ASK = "Make a handout (PDF)"


def button(treatments: tuple[str, ...], view: str = "patient", limit: int | None = None) -> AppTest:
    def app(treatments, view, limit):
        import streamlit as st

        from components.controls import handout_button
        from components.frame import knowledge_store
        from components.controls.selection import Selection

        if limit is not None and handout_button.LIMIT not in st.session_state:
            st.session_state[handout_button.LIMIT] = handout_button.Limit(most=limit)
        knowledge = knowledge_store.get()
        chosen = Selection(treatments=st.session_state.get("chosen", treatments), view=view, priorities=("pregnancy",))
        handout_button.show(knowledge, chosen)
        st.text(handout_button.link(knowledge, chosen))

    at = AppTest.from_function(app, args=(treatments, view, limit), default_timeout=60)
    at.run()
    assert not at.get("download_button")  # no download slot until the visitor asks for a handout
    asked = at.button(key="w_handout_ask")
    assert asked.label == ASK
    if not asked.disabled:
        asked.click().run()
    return at


def labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_asked_prepared_then_offered_with_its_pages_and_the_link_back():
    at = button(("ocrelizumab", "natalizumab"), "clinician")
    assert not at.exception
    assert labels(at) and labels(at)[0].startswith("Download handout (PDF, ")
    assert not at.get("download_button")[0].proto.disabled
    assert at.text[0].value.endswith("?page=overview&treatments=ocrelizumab&treatments=natalizumab&view=Clinician"
                                     "&priorities=pregnancy")


def test_another_selection_is_asked_for_again_unless_ready():
    from dashboard.export import handout

    at = button(("ocrelizumab",))
    assert labels(at)
    builds = handout.stats["builds"]
    at.session_state["chosen"] = ("ocrelizumab", "cladribine")  # not made yet: asked for again
    at.run()
    assert not labels(at) and at.button(key="w_handout_ask").label == ASK
    at.button(key="w_handout_ask").click().run()
    assert labels(at) and handout.stats["builds"] == builds + 1
    at.session_state["chosen"] = ("ocrelizumab",)  # made already: offered at once, not built again
    at.run()
    assert labels(at) and handout.stats["builds"] == builds + 1


def test_no_handout_without_a_treatment():
    at = button(())
    assert at.button(key="w_handout_ask").disabled and not at.get("download_button")


def test_requests_per_session_are_limited():
    at = button(("natalizumab",), limit=0)
    assert not labels(at)
    assert "many handouts" in at.warning[0].value


def test_limit_counts_requests_in_a_window():
    limit = Limit(most=2, window=60)
    assert limit.allow(0) and limit.allow(1) and not limit.allow(2)
    assert limit.wait_s(2) == 59
    assert limit.allow(61)  # the first one has left the window


def test_the_overview_page_offers_the_handout():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["treatments"] = ["Ocrelizumab", "Natalizumab"]
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    at.button(key="w_handout_ask").click().run()
    assert not at.exception
    assert any(label.startswith("Download handout") for label in labels(at))
    at.switch_page("screens/benefits.py").run()
    at.switch_page("screens/overview.py").run()  # the same selection: the download button stays
    assert any(label.startswith("Download handout") for label in labels(at))

"""The open-data buttons: whole knowledge and current selection, CSV and JSON, the selection's buttons off without one."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def buttons(treatments: tuple[str, ...]) -> AppTest:
    def app(treatments):
        from components.controls import data_download
        from components.frame import knowledge_store
        from components.controls.selection import Selection

        data_download.show(knowledge_store.get(), Selection(treatments=treatments))

    at = AppTest.from_function(app, args=(treatments,), default_timeout=30)
    at.run()
    assert not at.get("download_button")  # behind a switch: a session that does not ask holds no download
    at.toggle(key="w_downloads").set_value(True).run()
    return at


def download_buttons(at: AppTest) -> dict[str, object]:
    return {b.proto.label: b.proto for b in at.get("download_button")}


def test_four_buttons_for_the_whole_knowledge_and_the_selection():
    at = buttons(("ocrelizumab", "natalizumab"))
    assert not at.exception
    found = download_buttons(at)
    assert set(found) == {"All figures (CSV)", "All figures (JSON)", "Chosen treatments (CSV)", "Chosen treatments (JSON)"}
    assert not any(b.disabled for b in found.values())
    assert "Ocrelizumab, Natalizumab" in "\n".join(m.value for m in at.markdown)


def test_without_a_selection_only_the_whole_knowledge_can_be_taken():
    found = download_buttons(buttons(()))
    assert [label for label, b in found.items() if not b.disabled] == ["All figures (CSV)", "All figures (JSON)"]


def test_the_sources_page_offers_the_data(knowledge):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["treatments"] = ["Ocrelizumab"]
    at.run()
    at.switch_page("screens/sources.py").run()
    assert not at.exception
    at.toggle(key="w_downloads").set_value(True).run()
    assert "Chosen treatments (CSV)" in download_buttons(at)
    assert any(knowledge.site.knowledge_version in m.value for m in at.markdown)

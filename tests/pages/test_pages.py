"""Every page and control in AppTest, asserting on what a user would check: content, numbers, links."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.safe_text import safe_text
from dashboard.knowledge import KnowledgeError, load_knowledge
from dashboard.knowledge.links import is_allowed

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = {
    "pages/home.py": "MS treatment explorer",
    "pages/compare.py": "Compare treatments",
    "pages/adverse_events.py": "Side effects seen in the trials",
    "pages/pml_infections.py": "PML and infection risks",
    "pages/pregnancy.py": "Pregnancy and breastfeeding",
    "pages/sources.py": "Sources",
    "pages/about.py": "About this dashboard",
}


def open_page(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # the first run registers the pages of st.navigation
    if page:
        at.switch_page(page).run()
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_opens_with_the_disclaimer(knowledge, page, title):
    at = open_page(page, treatments=["Ocrelizumab", "Natalizumab"])
    assert not at.exception
    assert at.title[0].value == title
    assert knowledge.site.disclaimer[0].split(",")[0].replace(".", r"\.") in texts(at)


def test_home_links_to_every_page():
    at = open_page()
    assert [link.proto.page for link in at.get("page_link")] == [
        "compare", "side-effects", "pml-infections", "pregnancy", "sources", "about"]


def test_deep_link_opens_the_encoded_side_effects_view(knowledge):
    at = open_page("pages/adverse_events.py", treatments=["Natalizumab", "Ofatumumab"], view="Clinician",
                   events=["Headache"])
    assert not at.exception
    assert at.multiselect(key="treatments").value == ["natalizumab", "ofatumumab"]
    assert at.segmented_control(key="view").value == "Clinician"
    assert at.multiselect(key="events").value == ["headache"]
    expected = knowledge.trial_events(["natalizumab", "ofatumumab"], ["headache"])
    charts = specs(at)
    assert len(charts) == len(expected) >= 2
    for spec, te in zip(charts, expected):
        assert spec["data"][0]["x"] == [r.treatment_pct for r in te.rows]
        assert spec["data"][1]["x"] == [r.comparator_pct for r in te.rows]
        assert te.trial.name in spec["layout"]["title"]["text"]


def test_charts_show_every_chosen_events_numbers_from_data(knowledge):
    at = open_page("pages/adverse_events.py", treatments=["Natalizumab", "Alemtuzumab", "Ublituximab"])
    chosen = at.multiselect(key="events").value
    expected = knowledge.trial_events(["natalizumab", "alemtuzumab", "ublituximab"], chosen)
    got = [(s["data"][0]["x"], s["data"][1]["x"]) for s in specs(at)]
    assert got == [([r.treatment_pct for r in te.rows], [r.comparator_pct for r in te.rows]) for te in expected]
    assert "Not a head-to-head comparison" in texts(at)


@pytest.mark.parametrize("path, title", [("side-effects", "Side effects seen in the trials"), ("pregnancy", "Pregnancy and breastfeeding"),
                                          ("sources", "Sources"), ("no-such-page", "MS treatment explorer")])
def test_a_shared_link_names_its_page_in_the_query_string(path, title):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = path
    at.query_params["treatments"] = ["Ofatumumab"]
    at.run()
    assert not at.exception
    assert at.title[0].value == title
    assert ("1 value for the page" in texts(at)) == (path == "no-such-page")  # an unknown page gets a notice


def test_unknown_ids_in_a_link_are_ignored_with_a_notice_that_does_not_repeat_them():
    crafted = "URGENT: Ocrelizumab recalled. Rebook at https://evil.example/rebook"
    at = open_page("pages/compare.py", treatments=["Ocrelizumab", "Snake oil", crafted, "Natalizumab"], view="Wizard")
    assert not at.exception
    assert "The link holds 2 values for treatments that this dashboard does not know, so they are ignored." in texts(at)
    assert "Snake oil" not in texts(at) and "evil.example" not in texts(at) and "recalled" not in texts(at)
    assert at.multiselect(key="treatments").value == ["ocrelizumab", "natalizumab"]
    assert at.segmented_control(key="view").value == "Patient"


def test_choosing_treatments_by_clicking_updates_the_comparison(knowledge):
    at = open_page("pages/compare.py")
    at.multiselect(key="treatments").set_value(["ofatumumab", "rituximab", "alemtuzumab"]).run()
    assert not at.exception
    headers = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert [h.split("\n")[0] for h in headers] == [
        f"### {safe_text(t.name + ' (' + ', '.join(t.brands) + ')')}" for t in knowledge.pick(["ofatumumab", "rituximab", "alemtuzumab"])]
    assert "Off-label in MS" in texts(at)


def test_compare_needs_two_treatments():
    at = open_page("pages/compare.py", treatments=["Ocrelizumab"])
    assert "Choose at least 2 treatments" in texts(at)


def test_switching_view_shows_the_clinician_text(knowledge):
    at = open_page("pages/compare.py", treatments=["Ocrelizumab", "Natalizumab"])
    patient = texts(at)
    at.segmented_control(key="view").set_value("Clinician").run()
    clinician = texts(at)
    ocrelizumab = knowledge.treatments["ocrelizumab"]
    assert ocrelizumab.identity.schedule.split(" ")[0] in clinician
    assert patient != clinician


def test_choosing_events_redraws_the_charts(knowledge):
    at = open_page("pages/adverse_events.py", treatments=["Ocrelizumab"])
    at.multiselect(key="events").set_value(["headache"]).run()
    for spec in specs(at):
        assert len(spec["data"][0]["x"]) == 1


def test_show_as_table_gives_the_same_numbers(knowledge):
    at = open_page("pages/adverse_events.py", treatments=["Ofatumumab"], events=["Headache"])
    te = knowledge.trial_events(["ofatumumab"], ["headache"])[0]
    at.toggle(key=f"table_ae_ofatumumab_{te.trial.id}").set_value(True).run()
    table = at.dataframe[0].value
    assert table.iloc[0, 1] == te.rows[0].treatment_pct
    assert table.iloc[0, 2] == te.rows[0].comparator_pct


def test_pml_page_charts_the_natalizumab_stratification(knowledge):
    at = open_page("pages/pml_infections.py", treatments=["Natalizumab"])
    assert not at.exception
    strata = knowledge.treatments["natalizumab"].pml_risk
    plotted = sorted(v for spec in specs(at) for trace in spec["data"] for v in trace["y"])
    assert plotted == sorted(s.per_1000 for s in strata)
    assert "PML" in texts(at)


def test_pregnancy_page_shows_both_label_regions(knowledge):
    at = open_page("pages/pregnancy.py", treatments=["Ocrelizumab"], view="Clinician")
    shown = texts(at)
    assert "US label \\(FDA\\)" in shown and "EU label \\(EMA\\)" in shown
    assert "Limits:" in shown  # the single-infant case report carries its limits


def test_sources_page_lists_every_source_and_where_it_is_used(knowledge):
    at = open_page("pages/sources.py")
    table = at.dataframe[0].value
    assert len(table) == len(knowledge.sources)
    assert all(is_allowed(u) for u in table["Link"].dropna())
    label_source = knowledge.treatments["ocrelizumab"].identity.source
    at.selectbox(key="source").set_value(label_source).run()
    used = at.dataframe[1].value
    assert len(used) >= 2
    assert knowledge.treatments["ocrelizumab"].identity.locator in used["Place in the source"].tolist()


def test_about_page_states_update_policy_and_review_dates(knowledge):
    at = open_page("pages/about.py")
    shown = texts(at)
    assert safe_text("Trials of different drugs are not head-to-head") in shown
    dates = at.dataframe[0].value
    assert set(knowledge.treatments[i].name for i in knowledge.treatments) <= set(dates["Treatment"])


def test_broken_knowledge_gives_a_clear_page_not_a_traceback(tmp_path, monkeypatch):
    shutil.copytree(Path(__file__).resolve().parents[1] / "knowledge" / "minimal", tmp_path / "data")
    bad = tmp_path / "data" / "treatments" / "exampleumab.yaml"
    bad.write_text(bad.read_text().replace("treatment_pct: 7", "treatment_pct: 170"))
    monkeypatch.setenv("MS_DASHBOARD_DATA", str(tmp_path / "data"))
    at = open_page("pages/compare.py")
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    # FILE:LINE relative to the data folder: the public never sees the server's paths.
    assert at.code[0].value.startswith("treatments/exampleumab.yaml:43: adverse_events.1.treatment_pct")
    assert str(tmp_path) not in at.code[0].value


def test_a_failed_load_is_remembered_briefly_then_tried_again(tmp_path, monkeypatch):
    from components import knowledge_store

    shutil.copytree(Path(__file__).resolve().parents[1] / "knowledge" / "minimal", tmp_path / "data")
    bad = tmp_path / "data" / "treatments" / "exampleumab.yaml"
    good = bad.read_text()
    bad.write_text(good.replace("treatment_pct: 7", "treatment_pct: 170"))
    loads = []
    monkeypatch.setattr(knowledge_store, "load_knowledge", lambda root: loads.append(root) or load_knowledge(root))
    folder = str(tmp_path / "data")
    for _ in range(20):  # a surge on broken data validates once, not once per session
        with pytest.raises(KnowledgeError):
            knowledge_store.load(folder)
    assert len(loads) == 1
    bad.write_text(good)  # fixed: after the retry time the next session gets the knowledge (no exception kept)
    monkeypatch.setattr(knowledge_store, "RETRY_SECONDS", 0)
    assert knowledge_store.load(folder).treatments["exampleumab"].name == "Exampleumab"
    assert len(loads) == 2 and knowledge_store.load(folder) is knowledge_store.load(folder)

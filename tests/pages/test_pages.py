"""Every page and control in AppTest, asserting on what a user would check: content, numbers, links."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from components.frame import navigation
from streamlit.testing.v1 import AppTest

from dashboard.charts.adverse_events import CHOOSE_EVENTS
from dashboard.knowledge import KnowledgeError, load_knowledge
from dashboard.knowledge.glossary import explain
from dashboard.knowledge.links import is_allowed
from dashboard.safe_text import safe_text

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = {
    "screens/home.py": "MS treatment explorer",
    "screens/overview.py": "Overview",
    "screens/benefits.py": "What the trials showed as benefit",
    "screens/adverse_events.py": "Side effects seen in the trials",
    "screens/pictures.py": "Side effects out of 100 people",
    "screens/pml_infections.py": "PML, infections and other serious risks",
    "screens/pregnancy.py": "Pregnancy and breastfeeding",
    "screens/sources.py": "Sources",
    "screens/presenter.py": "Presenter mode",
    "screens/about.py": "About this dashboard",
}


def open_page(path: str | None = None, details: bool = True, **params) -> AppTest:
    """`path`: a page file to switch to after the first run; `page=` in `params`: the page a link names. `details`:
    open every section drawn on demand (components.frame.elements.details), as a reader opening them all sees it."""
    page = path
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # the first run registers the pages of st.navigation
    if page:
        at.switch_page(page).run()
    if details:
        open_details(at)
    return at


PICKERS = ("w_events_open",)  # popovers whose chooser is drawn when they are opened


def open_details(at: AppTest) -> AppTest:
    """Open every section drawn when opened (a keyed expander) and every chooser drawn when its popover is opened,
    then run: what a reader who opens them all sees."""
    for _ in range(3):  # an opened section may hold another
        keys = [e.key for e in at.expander if e.key] + [
            key for key in PICKERS if any(b.proto.popover.id.endswith(f"-{key}") for b in at.get("popover"))]
        closed = [key for key in keys if not (key in at.session_state and at.session_state[key])]
        if not closed:
            break
        for key in closed:
            at.session_state[key] = True
        at.run()
    return at


def param(at: AppTest, key: str) -> list[str]:
    value = at.query_params[key]
    return value if isinstance(value, list) else [value]


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page, key", [("screens/pml_infections.py", "risk_details"),
                                       ("screens/pregnancy.py", "pregnancy_details"),
                                       ("screens/values.py", "other_considerations"), ("screens/about.py", "topic_daily_function"),
                                       ("screens/benefits.py", "benefit_notes")])
def test_a_section_on_demand_is_sent_when_opened(page, key):
    at = open_page(page, details=False, treatments=["Ocrelizumab", "Natalizumab"])
    assert not at.exception
    section = next(e for e in at.expander if e.key == key)
    assert not section.children  # closed: nothing of it went to the browser
    at.session_state[key] = True
    at.run()
    section = next(e for e in at.expander if e.key == key)
    assert len(section.markdown) >= 1 and all(m.value.strip() for m in section.markdown)


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_opens_with_the_disclaimer(knowledge, page, title):
    at = open_page(page, treatments=["Ocrelizumab", "Natalizumab"])
    assert not at.exception
    if page == "screens/home.py":  # the title and what the tool does, in one element
        assert not at.title and any(m.value.startswith(f"# {title}\n\n**") for m in at.markdown)
    else:
        assert at.title[0].value == explain(knowledge, title)  # the patient view (the default) explains a word like PML
    assert knowledge.site.disclaimer[0].split(",")[0].replace(".", r"\.") in texts(at)


def test_start_page_offers_three_ways_in_and_the_trust_panel(knowledge):
    at = open_page(treatments=["Ocrelizumab"])
    at.switch_page("screens/home.py").run()
    links = at.get("page_link")  # the menu's links are drawn only when it is opened
    assert [link.proto.page for link in links] == ["overview", "overview", "presenter"]
    assert [link.proto.query_string for link in links][:2] == ["page=overview&treatments=ocrelizumab&view=Clinician",
                                                               "page=overview&treatments=ocrelizumab&view=Patient"]
    shown = texts(at)
    assert f"knowledge version {safe_text(knowledge.site.knowledge_version)}" in shown
    assert "conflicts of interest" in shown
    for item in knowledge.site.trust:  # each item's title ends its sentence once ("Found an error?", not "?.")
        assert f"**{safe_text(item.title.rstrip('.?!'))}" in shown and "?.**" not in shown and "..**" not in shown


def test_a_link_followed_inside_the_visit_sets_what_it_names_and_keeps_the_rest():
    at = open_page(treatments=["Ocrelizumab", "Natalizumab"])  # a session with a selection
    at.query_params.clear()
    at.query_params.update(view="Clinician")  # what the "With my clinician" link carries, with the treatments
    at.switch_page("screens/overview.py").run()
    assert not at.exception
    assert at.segmented_control(key="w_view").value == "Clinician"
    assert at.multiselect(key="w_treatments").value == ["ocrelizumab", "natalizumab"]
    assert param(at, "view") == ["Clinician"] and param(at, "treatments") == ["ocrelizumab", "natalizumab"]


def test_the_default_view_needs_no_word_in_the_link():
    at = open_page(treatments=["ocrelizumab"])  # a link without a view: patient, as it says nothing
    assert not at.exception
    assert at.segmented_control(key="w_view").value == "Patient"
    assert "view" not in at.query_params and param(at, "treatments") == ["ocrelizumab"]
    at.segmented_control(key="w_view").set_value("Clinician").run()
    assert param(at, "view") == ["Clinician"]
    at.segmented_control(key="w_view").set_value("Patient").run()  # once named, the URL keeps saying it
    assert param(at, "view") == ["Patient"]


def test_the_selection_follows_the_user_from_page_to_page():
    at = open_page("screens/overview.py")
    at.multiselect(key="w_treatments").set_value(["ublituximab", "alemtuzumab"]).run()
    at.segmented_control(key="w_view").set_value("Clinician").run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, page
        assert param(at, "treatments") == ["ublituximab", "alemtuzumab"], page
        assert param(at, "view") == ["Clinician"], page
        if at.multiselect:
            assert at.multiselect(key="w_treatments").value == ["ublituximab", "alemtuzumab"], page


@pytest.mark.parametrize("given, expected", [
    (["natalizumab", "KESIMPTA"], ["natalizumab", "ofatumumab"]),
    (["Ocrevus", "lemtrada", "MabThera"], ["ocrelizumab", "alemtuzumab", "rituximab"]),
])
def test_links_name_treatments_by_id_generic_or_brand_name_in_any_case(given, expected):
    at = open_page("screens/overview.py", treatments=given, view="clinician")
    assert at.multiselect(key="w_treatments").value == expected
    assert at.segmented_control(key="w_view").value == "Clinician"


def test_unknown_values_in_a_link_are_counted_never_echoed():
    hostile = "URGENT: Ocrelizumab recalled. Rebook at https://evil.example/rebook"
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="overview", treatments=["Ocrelizumab", hostile, "Natalizumab"], view="Doctor")
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "2 value(s) this dashboard does not know" in shown
    assert "evil.example" not in shown and "Doctor" not in shown
    assert at.multiselect(key="w_treatments").value == ["ocrelizumab", "natalizumab"]
    assert at.segmented_control(key="w_view").value == "Patient"


@pytest.mark.parametrize("path, title", [("side-effects", "Side effects seen in the trials"), ("pregnancy", "Pregnancy and breastfeeding"),
                                          ("compare", "Overview"), ("no-such-page", "Overview")])
def test_a_shared_link_names_its_page_in_the_query_string(path, title):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = path
    at.query_params["treatments"] = ["Ofatumumab"]
    at.run()
    assert not at.exception
    assert at.title[0].value == title
    assert ("page this dashboard does not have" in texts(at)) == (path == "no-such-page")
    assert "no-such-page" not in texts(at)


def overview_markdown(at: AppTest) -> str:
    """The overview table's Markdown (the notes above it cut off)."""
    found = next(m.value for m in at.markdown if "\n| |" in m.value or m.value.startswith("| |"))
    return found[found.index("| |"):]


def test_overview_cells_carry_the_numbers_in_data(knowledge):
    at = open_page("screens/overview.py", treatments=["Ocrelizumab", "Natalizumab"], view="Clinician")
    assert not at.exception
    table = overview_markdown(at)
    for t in knowledge.pick(["ocrelizumab", "natalizumab"]):
        benefit = next(b for b in t.benefits if b.treatment_value is not None and b.comparator_value is not None)
        assert f"{benefit.treatment_value * 100:g} vs {benefit.comparator_value * 100:g} per 100 people a year" in table
        top = sorted((r for r in t.adverse_events), key=lambda r: -r.treatment_pct)[0]
        assert f"{top.treatment_pct:g} vs {top.comparator_pct:g}" in table
    ocr = knowledge.treatments["ocrelizumab"]
    for s in ocr.pregnancy.contraception:
        months = next(f for f in s.figures if f.unit == "months")
        assert f"{s.region}: {months.value:g} months" in table
    assert len(table.split("\n")) == 2 + 7  # header, rule, one line per consideration


def test_overview_puts_the_chosen_priorities_first_and_marks_them():
    at = open_page("screens/overview.py", treatments=["Ocrelizumab", "Natalizumab"], priorities=["pregnancy", "Fewest relapses"])
    lines = overview_markdown(at).split("\n")
    assert lines[2].startswith("| **★ [Pregnancy") and lines[3].startswith("| **★ [What it did")
    assert "★" not in "".join(lines[4:])
    assert "the treatments stay in the order you chose" in texts(at)


def test_the_overview_says_what_matters_and_links_to_the_values_page():
    at = open_page("screens/overview.py", treatments=["Ocrelizumab"], priorities=["pregnancy"])
    assert [w.key for w in at.get("button_group")] == ["w_view"]  # the questions are on the values page (issue 23)
    assert any("What matters to me" in m.value for m in at.markdown)
    assert [e.proto.page for e in at.get("page_link") if e.proto.label == "Change what matters to me"] == ["values"]


def test_side_effect_cards_share_one_x_range_and_equal_data(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Natalizumab", "Alemtuzumab", "Ublituximab"])
    chosen = at.multiselect(key="w_events").value
    expected = knowledge.trial_events(["natalizumab", "alemtuzumab", "ublituximab"], chosen)
    charts = specs(at)
    got = [(s["data"][0]["x"], s["data"][1]["x"]) for s in charts]
    assert got == [([r.treatment_pct for r in te.rows], [r.comparator_pct for r in te.rows]) for te in expected]
    assert len({tuple(s["layout"]["xaxis"]["range"]) for s in charts}) == 1
    first = next(m.value for m in at.markdown if "Not a head-to-head comparison" in m.value)
    assert "**Not a head-to-head comparison:**" in first.split("\n\n")[0]  # said first, above the first card


@pytest.mark.parametrize("path, extra", [("screens/adverse_events.py", {}), ("screens/benefits.py", {}),
                                         ("screens/pictures.py", {"events": ["Headache"]})])
def test_chart_pages_say_not_head_to_head_above_their_first_card(path, extra):
    at = open_page(path, treatments=["Ocrelizumab", "Natalizumab"], **extra)
    assert not at.exception and specs(at)
    first = next(m.value for m in at.markdown if "Not a head-to-head comparison" in m.value)
    assert first.startswith(":small[:material/compare_arrows: **Not a head-to-head comparison:**")
    assert "**" in first.split("]", 1)[1]  # the first card's heading, in the same element


def test_the_head_to_head_notice_is_said_even_when_no_card_is_drawn():
    at = open_page("screens/adverse_events.py", treatments=["Rituximab"])  # no side-effect rates with both arms
    assert not at.exception and not specs(at)
    assert "Not a head-to-head comparison" in texts(at)


def test_default_events_include_signature_harms(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Alemtuzumab"])
    chosen = at.multiselect(key="w_events").value
    signature = [e for e in knowledge.treatments["alemtuzumab"].signature_events
                 if e in {r.event for r in knowledge.treatments["alemtuzumab"].adverse_events}]
    assert set(signature[:6]) <= set(chosen)


def test_a_treatment_without_trial_rows_says_so_where_its_chart_would_be(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Rituximab", "Ocrelizumab"])
    assert not at.exception
    assert any(i.value.startswith("**Rituximab:**") for i in at.info)
    assert specs(at)


def test_the_side_effect_picker_is_drawn_when_opened_and_a_choice_keeps_it_open():
    at = open_page("screens/adverse_events.py", details=False, treatments=["Natalizumab", "Ofatumumab"])
    assert [m.key for m in at.multiselect] == ["w_treatments"]  # closed: the picker is not sent

    def picker_id() -> str:
        return next(b.proto.popover.id for b in at.get("popover") if b.proto.popover.id.endswith("-w_events_open"))

    closed = picker_id()
    assert [b.proto.popover.label for b in at.get("popover") if b.proto.popover.id == closed] == [CHOOSE_EVENTS]
    open_details(at).multiselect(key="w_events").set_value(["headache"]).run()
    assert param(at, "events") == ["headache"] and len(specs(at)) == 2
    # The same popover (its label does not change with the choice), so the browser keeps it open; still drawn.
    assert picker_id() == closed and at.multiselect(key="w_events").value == ["headache"]


def test_deep_link_opens_the_encoded_side_effects_view(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Natalizumab", "Ofatumumab"], view="Clinician",
                   events=["Headache"])
    assert at.multiselect(key="w_events").value == ["headache"]
    expected = knowledge.trial_events(["natalizumab", "ofatumumab"], ["headache"])
    charts = specs(at)
    assert len(charts) == len(expected) >= 2
    for spec, te in zip(charts, expected):
        assert spec["data"][0]["x"] == [r.treatment_pct for r in te.rows]
        assert spec["data"][1]["x"] == [r.comparator_pct for r in te.rows]


def test_patient_view_names_the_comparator_in_plain_words(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Natalizumab"], events=["Headache"])
    names = [trace["name"] for trace in specs(at)[0]["data"]]
    assert "Placebo (a dummy treatment)" in names[1]


def test_benefit_charts_show_both_arms_per_100_people(knowledge):
    at = open_page("screens/benefits.py", treatments=["Ocrelizumab", "Ublituximab"], view="Clinician")
    assert not at.exception
    assert len(specs(at)) == 2  # the pivotal trial of each at once; the other trials on demand
    at.toggle(key="more_benefits").set_value(True).run()  # one switch for the page
    charted = [b for t in knowledge.pick(["ocrelizumab", "ublituximab"]) for b in t.benefits
               if b.treatment_value is not None and b.comparator_value is not None]
    plotted = sorted(v for s in specs(at) for v in s["data"][0]["x"])
    expected = sorted(b.treatment_value * 100 if "patient-year" in b.unit else b.treatment_value for b in charted)
    assert plotted == pytest.approx(expected)
    # what else the trials showed: one section on demand, each treatment with notes under its name
    more = [e for e in at.expander if e.label.startswith("More on what the trials showed")]
    noted = [t for t in knowledge.pick(["ocrelizumab", "ublituximab"])
             if t.benefit_notes or [b for b in t.benefits if b.treatment_value is None or b.comparator_value is None]]
    assert len(more) == 1 and noted
    shown = more[0].markdown[0].value
    assert [f"#### {t.name}" in shown for t in noted] == [True] * len(noted)


def test_show_as_table_gives_the_same_numbers(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Ofatumumab"], events=["Headache"])
    te = knowledge.trial_events(["ofatumumab"], ["headache"])[0]
    at.toggle(key="as_tables").set_value(True).run()  # one switch for every chart on the page
    table = at.dataframe[0].value
    assert table.iloc[0, 1] == te.rows[0].treatment_pct
    assert table.iloc[0, 2] == te.rows[0].comparator_pct


def test_pml_page_charts_the_natalizumab_stratification(knowledge):
    at = open_page("screens/pml_infections.py", treatments=["Natalizumab"])
    assert not at.exception
    strata = knowledge.treatments["natalizumab"].pml_risk
    plotted = sorted(v for spec in specs(at) for trace in spec["data"] if trace["type"] == "bar" for v in trace["y"])
    assert plotted == sorted(s.per_1000 for s in strata)
    details = [e for e in at.expander if not e.label.startswith("Important:")]  # not the phone's disclaimer
    assert details[0].label.startswith("Serious risks in detail: PML")
    # the tests before, during and after are in the same section, after the risks
    assert details[0].label.endswith("tests before, during and after") and len(details) == 1
    shown = "\n".join(m.value for m in details[0].markdown)
    burden = knowledge.treatments["natalizumab"].monitoring.burden
    assert shown.index("#### PML") < shown.index("#### Tests and monitoring") < shown.index(safe_text(burden.patient)[:30])


def test_pml_page_details_of_every_treatment_are_one_section_each_under_its_name(knowledge):
    at = open_page("screens/pml_infections.py", treatments=["Ocrelizumab", "Natalizumab"])
    details = [e for e in at.expander if e.label.startswith("Serious risks in detail")]
    assert len(details) == 1 and details[0].label.endswith("tests before, during and after, for each treatment")
    shown = details[0].markdown[0].value
    assert shown.index("### Ocrelizumab") < shown.index("### Natalizumab")
    for t in knowledge.pick(["ocrelizumab", "natalizumab"]):  # as the patient view says them (glossary.explain)
        assert safe_text(explain(knowledge, t.monitoring.burden.patient))[:30] in shown
        assert all(safe_text(explain(knowledge, r.patient))[:30] in shown for r in t.risks)


def test_pregnancy_page_shows_both_regions(knowledge):
    at = open_page("screens/pregnancy.py", treatments=["Ocrelizumab"], view="Clinician")
    shown = texts(at)
    assert "**US**" in shown and "**EU**" in shown
    assert "Limits:" in shown  # the single-infant case report carries its limits


def test_pregnancy_details_of_every_treatment_are_one_section_each_under_its_name(knowledge):
    at = open_page("screens/pregnancy.py", treatments=["Ocrelizumab", "Natalizumab"])
    lines = next(m.value for m in at.markdown if "### Ocrelizumab" in m.value)
    assert lines.index("### Ocrelizumab") < lines.index("### Natalizumab")  # both short answers, one element
    details = [e for e in at.expander if e.label.startswith("Contraception, exposure in pregnancy")]
    assert len(details) == 1 and "for each treatment; what the relapse studies found" in details[0].label
    assert lines.index("### Natalizumab") < lines.index(safe_text(knowledge.topics["pregnancy_relapses"].patient_title))  # the curve's heading, same element
    shown = details[0].markdown[0].value
    for t in knowledge.pick(["ocrelizumab", "natalizumab"]):
        assert f"#### {t.name}" in shown
        assert safe_text(t.pregnancy.summary.patient)[:40] in shown
    assert shown.index("#### Ocrelizumab") < shown.index("#### Natalizumab")


def test_sources_page_lists_every_source_and_where_it_is_used(knowledge):
    at = open_page("screens/sources.py")
    table = at.dataframe[0].value
    assert len(table) == len(knowledge.sources)
    assert all(is_allowed(u) for u in table["Link"].dropna())
    label_source = knowledge.treatments["ocrelizumab"].identity.source
    assert not at.selectbox  # the lookup lists every source: drawn when asked for
    at.toggle(key="w_find_source").set_value(True).run()
    at.selectbox(key="source").set_value(label_source).run()
    used = at.dataframe[1].value
    assert len(used) >= 2
    assert knowledge.treatments["ocrelizumab"].identity.locator in used["Place in the source"].tolist()
    shared = open_page(page="sources", source=label_source)  # a link naming a source opens the lookup at once
    assert not shared.exception and shared.selectbox(key="source")
    assert "w_find_source" not in [t.key for t in shared.toggle]


def test_about_page_states_update_policy_and_review_dates(knowledge):
    at = open_page("screens/about.py")
    shown = texts(at)
    assert safe_text("Trials of different drugs are not head-to-head") in shown
    dates = at.dataframe[0].value
    assert set(knowledge.treatments[i].name for i in knowledge.treatments) <= set(dates["Treatment"])


def test_broken_knowledge_gives_a_clear_page_not_a_traceback(tmp_path, monkeypatch):
    shutil.copytree(Path(__file__).resolve().parents[1] / "knowledge" / "minimal", tmp_path / "data")
    bad = tmp_path / "data" / "treatments" / "exampleumab.yaml"
    bad.write_text(bad.read_text().replace("treatment_pct: 7", "treatment_pct: 170"))
    monkeypatch.setenv("MS_DASHBOARD_DATA", str(tmp_path / "data"))
    at = open_page("screens/overview.py")
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    # FILE:LINE relative to the data folder: the public never sees the server's paths.
    assert at.code[0].value.startswith("treatments/exampleumab.yaml:43: adverse_events.1.treatment_pct")
    assert str(tmp_path) not in at.code[0].value


def test_a_failed_load_is_remembered_briefly_then_tried_again(tmp_path, monkeypatch):
    from components.frame import knowledge_store

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


@pytest.mark.parametrize("view", ["Patient", "Clinician"])
def test_icon_arrays_open_from_a_link_with_as_many_filled_icons_as_data(knowledge, view):
    from dashboard.charts import icon_array

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="pictures", treatments=["Ocrelizumab", "Natalizumab"], events=["Headache"], view=view)
    at.run()
    assert not at.exception
    expected = knowledge.trial_events(["ocrelizumab", "natalizumab"], ["headache"])
    charts = specs(at)
    assert len(charts) == len(expected) >= 1
    for spec, te in zip(charts, expected):
        row = te.rows[0]
        per = icon_array.denominator(row.treatment_pct, row.comparator_pct)
        for axis, pct in (("x", row.treatment_pct), ("x2", row.comparator_pct)):
            filled = sum(len(t["x"]) for t in spec["data"] if t.get("xaxis", "x") == axis and t["marker"]["symbol"] in ("circle", "x"))
            assert filled == round(pct * per / 100)
    sentences = [m.value for m in at.markdown if m.value.startswith("Over ")]
    assert sentences and all("in 100" in s or "in 1,000" in s for s in sentences)


def test_icon_array_switch_shows_the_difference_and_the_relative_risk():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="pictures", treatments=["Natalizumab"], events=["Headache"], mode="difference")
    at.run()
    assert any("more out of 100 people on Natalizumab" in m.value for m in at.markdown)
    at.segmented_control(key="mode").set_value("relative").run()
    assert any("times as likely" in m.value for m in at.markdown)


def test_out_of_100_says_tables_in_its_own_switch_and_the_choice_carries_to_the_other_chart_pages(knowledge):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="pictures", treatments=["Natalizumab"], events=["Headache"])
    at.run()
    assert not at.toggle and specs(at)  # one control for how to show the numbers, no separate table switch
    at.segmented_control(key="mode").set_value("table").run()
    assert not specs(at) and at.dataframe
    te = knowledge.trial_events(["natalizumab"], ["headache"])[0]
    assert list(at.dataframe[0].value["Had the event (%)"]) == [te.rows[0].treatment_pct, te.rows[0].comparator_pct]
    assert any("in 100" in m.value for m in at.markdown if m.value.startswith("Over "))  # the absolute sentence
    at.switch_page("screens/adverse_events.py").run()
    assert at.toggle(key="as_tables").value and not specs(at)  # tables on the next chart page too


def test_pml_estimator_answers_every_situation_with_the_figure_in_data(minimal, monkeypatch):
    from dashboard.knowledge import pml

    monkeypatch.setenv("MS_DASHBOARD_DATA", str(Path(__file__).resolve().parents[1] / "knowledge" / "minimal"))
    treatment = minimal.treatments["exampleumab"]
    situations = list(pml.situations(treatment))
    assert len(situations) == len(treatment.pml_risk)  # one estimate per situation, none invented
    for (region, antibody, prior, exposure), stratum in situations:
        at = open_page("screens/pml_infections.py", treatments=["Exampleumab"])
        for key, value in (("antibody", antibody), ("prior", prior), ("time", exposure)):
            controls = [c for c in at.segmented_control if c.key == f"pml_{key}_exampleumab"]
            if controls:
                controls[0].set_value(value).run()
        answer = next(m.value for m in at.markdown if m.value.startswith("### "))
        assert answer.startswith("### " + safe_text(pml.words(stratum))), (antibody, prior, exposure)
        assert "population estimate" in answer
        spec = specs(at)[0]
        filled = sum(len(t["x"]) for t in spec["data"] if t["marker"]["symbol"] == "circle")
        partial = sum(len(t["x"]) for t in spec["data"] if t["marker"]["symbol"] == "circle-open-dot")
        if stratum.less_than:
            assert partial == 1 and filled == max(int(-(-stratum.per_1000 // 1)) - 1, 0)  # "fewer than 1" is not a whole icon
        else:
            assert filled == round(stratum.per_1000) and partial == 0


def test_pml_estimator_situation_opens_from_a_link_and_stays_in_it(minimal, monkeypatch):
    from components.controls.pml_estimator import link_word
    from dashboard.knowledge import pml

    monkeypatch.setenv("MS_DASHBOARD_DATA", str(Path(__file__).resolve().parents[1] / "knowledge" / "minimal"))
    treatment = minimal.treatments["exampleumab"]
    situations = list(pml.situations(treatment))
    (region, antibody, prior, exposure), stratum = situations[-1]  # not the first answers, so the link must set them
    for view in ("Patient", "Clinician"):
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(page="pml-infections", treatments=["Exampleumab"], view=view,
                               pml_antibody_exampleumab=link_word(antibody), pml_prior_exampleumab=link_word(prior),
                               pml_time_exampleumab=link_word(exposure))
        at.run()
        assert not at.exception
        answer = next(m.value for m in at.markdown if m.value.startswith("### "))
        assert answer.startswith("### " + safe_text(pml.words(stratum))), view
    assert (antibody, prior, exposure) == ("Antibody positive", True, "25-48 months")  # every answer is a non-default
    next(c for c in at.segmented_control if c.key == "pml_time_exampleumab").set_value("1-24 months").run()
    assert param(at, "pml_time_exampleumab") == ["1-24 months"] and param(at, "pml_prior_exampleumab") == ["yes"]
    answer = next(m.value for m in at.markdown if m.value.startswith("### "))
    assert answer.startswith("### " + safe_text(pml.words(situations[3][1])))  # antibody positive, prior IS, 1-24 months

    at = AppTest.from_file(APP, default_timeout=60)  # a link's answer that does not fit: the first answer, not its words
    at.query_params.update(page="pml-infections", treatments=["Exampleumab"], pml_antibody_exampleumab="<b>no such</b>")
    at.run()
    assert not at.exception and "no such" not in texts(at)
    assert param(at, "pml_antibody_exampleumab") == [link_word(situations[0][0][1])]


def test_natalizumab_without_a_readable_stratified_table_says_so(knowledge):
    at = open_page("screens/pml_infections.py", treatments=["Natalizumab"])
    assert not at.exception
    assert any(i.value.startswith("**Natalizumab:** Your own PML risk is not given here. The natalizumab label has a "
                                  "table") for i in at.info)
    assert not [c for c in at.get("button_group") if "pml_" in (c.proto.id or "")]  # no estimator questions asked


def test_pregnancy_page_draws_the_timeline_and_the_relapse_curve_from_data(knowledge):
    at = open_page("screens/pregnancy.py", treatments=["Ocrelizumab", "Cladribine"], view="Clinician")
    assert not at.exception
    timeline, relapses = specs(at)[:2]
    windows = [x for trace in timeline["data"] for x in trace["x"]]
    expected = [f.value for t in knowledge.pick(["ocrelizumab", "cladribine"]) for s in t.pregnancy.contraception
                for f in s.figures[:1] if f.unit == "months"]
    assert sorted(windows) == sorted(expected)
    # the timeline's sources come first in the details on demand: every label it draws from, linked
    details = next(e for e in at.expander if e.label.startswith("Contraception, exposure in pregnancy")).markdown[0].value
    assert details.startswith("#### Sources of the birth-control chart\n\n")
    under = details.split("#### Ocrelizumab")[0]
    for s in (s for t in knowledge.pick(["ocrelizumab", "cladribine"]) for s in t.pregnancy.contraception[:1]):
        assert f"]({knowledge.sources[s.source].url}" in under, s.source
    topic = knowledge.topics["pregnancy_relapses"]
    plotted = sorted(v for trace in relapses["data"] if trace["type"] == "bar" for v in trace["y"])
    assert plotted == sorted(f.value for s in topic.statements for f in s.figures if f.unit == "per patient-year")
    research = knowledge.topics["pregnancy_research"]  # on demand under the curve, in the same section
    section = next(e for e in at.expander if research.title in e.label)
    assert "what the relapse studies found" in section.label
    shown = "\n".join(m.value for m in section.markdown)
    assert all(safe_text(s.clinician)[:40] in shown for s in topic.statements + research.statements)


def test_presenter_steps_through_one_idea_per_screen_from_a_short_link(knowledge):
    from components.views import presenter
    from components.controls.selection import Selection

    all_steps = presenter.steps(knowledge, Selection(("ocrelizumab", "cladribine")))
    step = next(i for i, s in enumerate(all_steps, 1) if s.kind == "side_effects")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(page="presenter", treatments=["ocrelizumab", "cladribine"], step=str(step))
    at.run()
    assert not at.exception
    titles = lambda: [m.value for m in at.markdown if m.value.startswith("## ")]  # noqa: E731
    assert titles() == ["## Side effects of Ocrelizumab beside its comparator"]
    assert len(at.get("plotly_chart")) == 1 and at.get("image")  # one chart, and the QR code of this step's link
    assert f"**Step {step} of {len(all_steps)}**" in texts(at)
    next(b for b in at.button if b.label == "Next").click().run()
    assert param(at, "step") == [str(step + 1)] and len(titles()) == 1
    assert knowledge.site.disclaimer[0].split(",")[0] in texts(at).replace("\\", "")


def test_presenter_charts_have_text_of_at_least_24_px(knowledge):
    from components.views import presenter
    from components.controls.selection import Selection

    all_steps = presenter.steps(knowledge, Selection(("ocrelizumab", "natalizumab")))
    charted = [str(i) for i, s in enumerate(all_steps, 1) if s.kind != "overview"]
    assert len(charted) >= 5
    at = AppTest.from_file(APP, default_timeout=60)
    for step in charted:
        at.query_params.update(page="presenter", treatments=["ocrelizumab", "natalizumab"], step=step)
        at.session_state["presenter_step"] = int(step)
        at.run()
        spec = specs(at)[0]
        assert spec["layout"]["font"]["size"] >= 24
        for axis in ("xaxis", "yaxis"):
            assert spec["layout"].get(axis, {}).get("tickfont", {}).get("size", 24) >= 24
        alt = at.get("plotly_chart")[0].proto.alt  # every chart says its numbers to a screen reader too
        assert len(alt) > 40 and any(ch.isdigit() for ch in alt), (step, alt)


MIXED = ["Kesimpta", "teriflunomide", "Copaxone"]  # an antibody, a tablet, an injectable


@pytest.mark.parametrize("page", list(PAGES))
def test_a_mixed_selection_of_classes_works_on_every_page(knowledge, page):
    at = open_page(page, treatments=MIXED, view="Clinician")
    assert not at.exception, page
    assert param(at, "treatments") == ["ofatumumab", "teriflunomide", "glatiramer_acetate"]
    shown = texts(at)
    if page == "screens/overview.py":
        head = overview_markdown(at).split("\n")[0]
        assert all(knowledge.treatments[t].name in head for t in ("ofatumumab", "teriflunomide", "glatiramer_acetate"))
    if page == "screens/adverse_events.py":
        drawn = {te.treatment.id for te in knowledge.trial_events(["ofatumumab", "teriflunomide", "glatiramer_acetate"],
                                                                     at.multiselect(key="w_events").value)}
        assert len(specs(at)) >= len(drawn) >= 2
    if page == "screens/pregnancy.py":
        rows = [y for trace in specs(at)[0]["data"] for y in trace["y"]]
        assert all(any(name in y for y in rows) for name in ("Ofatumumab", "Teriflunomide", "Glatiramer"))
    if page in ("screens/benefits.py", "screens/adverse_events.py"):
        assert "Not a head" in shown


def test_a_comparator_that_is_a_treatment_links_to_it(knowledge):
    at = open_page("screens/adverse_events.py", treatments=["Ofatumumab"], events=["Headache"])
    heading = next(m.value for m in at.markdown if "as a treatment" in m.value)
    assert "[Teriflunomide as a treatment ›](?page=overview&treatments=ofatumumab&treatments=teriflunomide" in heading


def test_every_treatment_has_pregnancy_advice_for_both_regions_or_says_what_is_missing(knowledge):
    for t in knowledge.treatments.values():
        p = t.pregnancy
        regions = {s.region for group in (p.contraception, p.exposure, p.infant, p.breastfeeding) for s in group}
        regions |= {p.summary.region}
        missing = {"US", "EU"} - regions
        if "all" in regions:
            missing = set()
        gaps = {g.topic for g in t.gaps}
        assert not missing or gaps & {"pregnancy", "breastfeeding", "approvals"}, (t.id, missing)
        assert t.monitoring.screening or t.monitoring.ongoing or t.monitoring.administration, t.id


def test_every_gap_is_said_on_screen(knowledge):
    with_gaps = [t for t in knowledge.treatments.values() if t.gaps]
    assert with_gaps
    plain = [t for t in with_gaps if any(g.patient for g in t.gaps)]
    for t in with_gaps[:6] + plain[:2]:
        for view in ("Patient", "Clinician"):
            at = open_page("screens/overview.py", treatments=[t.id], view=view)
            shown = texts(at)
            assert "What this dashboard cannot tell you" in shown
            for gap in t.gaps:
                said = gap.text(view.lower())  # the patient view says a clinician's word with its meaning beside it
                assert safe_text(explain(knowledge, said) if view == "Patient" else said) in shown, (t.id, gap.topic, view)


def test_a_gap_reads_in_plain_words_in_the_patient_view_and_in_full_in_the_clinician_view(knowledge):
    gap = next(g for g in knowledge.treatments["natalizumab"].gaps if g.topic == "pml")
    assert gap.patient and gap.patient != gap.note
    for view, said, not_said in (("Patient", gap.patient, gap.note), ("Clinician", gap.note, gap.patient)):
        at = open_page("screens/pml_infections.py", treatments=["natalizumab"], view=view)
        notices = [i.value for i in at.info]
        assert any(safe_text(said) in n for n in notices), view
        assert not any(safe_text(not_said) in n for n in notices), view

"""The adverse-event chart: both arms of one trial, numbers equal to data/, trial named, not colour alone."""
from __future__ import annotations

import pytest

from dashboard.charts import adverse_events
from dashboard.charts.palette import OKABE_ITO


def every_trial(knowledge):
    for treatment in knowledge.treatments.values():
        yield from knowledge.trial_events([treatment.id], knowledge.events_for([treatment.id]))


def test_traces_equal_the_minimal_data(minimal):
    te = minimal.trial_events(["exampleumab"], ["headache", "cough"])[0]
    fig = adverse_events.figure(minimal, te, "clinician")
    treatment, comparator = fig.data
    assert list(treatment.y) == ["Headache<br><i>difference +10 points</i>", "Cough<br><i>difference +2 points</i>"]
    assert list(treatment.x) == [20, 7]
    assert list(comparator.x) == [10, 5]
    assert treatment.name == "Exampleumab (n = 200)"
    assert comparator.name == "Placebo (n = 100)"
    assert adverse_events.title(te) == "TRIAL-A (RMS, 96 weeks): Exampleumab vs Placebo"
    assert not fig.layout.title.text  # the page draws the title above the chart, where it wraps on a phone
    assert "Difference: +10 percentage points" in treatment.hovertext[0]
    assert "Section 6.1, Table 1, row Headache" in treatment.hovertext[0]


def test_arms_differ_by_pattern_and_okabe_ito_colour(minimal):
    te = minimal.trial_events(["exampleumab"], ["headache"])[0]
    treatment, comparator = adverse_events.figure(minimal, te, "patient").data
    assert {treatment.marker.color, comparator.marker.color} <= set(OKABE_ITO)
    assert treatment.marker.pattern.shape != comparator.marker.pattern.shape
    assert list(treatment.text) == ["20%"]  # the value is written on the bar too


def test_patient_view_uses_plain_event_names(knowledge):
    te = next(every_trial(knowledge))
    fig = adverse_events.figure(knowledge, te, "patient")
    assert [y.split("<br><i>")[0].replace("<br>", " ") for y in fig.data[0].y] == [knowledge.events[r.event].patient_label for r in te.rows]


def test_table_and_alt_text_carry_the_same_numbers(minimal):
    te = minimal.trial_events(["exampleumab"], ["headache", "cough"])[0]
    table = adverse_events.table(minimal, te, "clinician")
    assert table["Exampleumab (%)"].tolist() == [20, 7]
    assert table["Placebo (%)"].tolist() == [10, 5]
    assert table["Difference (percentage points)"].tolist() == [10, 2]
    assert "Headache: 20 in 100 with Exampleumab, 10 in 100 with Placebo (difference +10 points)" in adverse_events.alt(minimal, te, "clinician")


def test_long_names_are_wrapped_and_one_x_range_serves_every_card(knowledge):
    cards = knowledge.trial_events(["alemtuzumab", "natalizumab"], knowledge.events_for(["alemtuzumab", "natalizumab"]))
    x_range = adverse_events.x_max(cards)
    top = max(max(r.treatment_pct, r.comparator_pct) for te in cards for r in te.rows)
    assert x_range >= top * 1.2  # the value label after the longest bar stays inside the plot
    for te in cards:
        fig = adverse_events.figure(knowledge, te, "patient", x_range)
        assert list(fig.layout.xaxis.range) == [0, x_range]
        for label in (*fig.data[0].y, fig.data[0].name, fig.data[1].name):
            assert all(len(line) <= 40 for line in label.replace("<i>", "").replace("</i>", "").split("<br>")), label


def test_every_shipped_trial_chart_equals_its_data(knowledge):
    checked = 0
    for te in every_trial(knowledge):
        treatment, comparator = adverse_events.figure(knowledge, te, "clinician").data
        assert list(treatment.x) == [r.treatment_pct for r in te.rows]
        assert list(comparator.x) == [r.comparator_pct for r in te.rows]
        assert te.trial.name in adverse_events.title(te)
        checked += 1
    assert checked >= 6


def test_default_events_show_every_chosen_treatment(knowledge):
    chosen = ["ocrelizumab", "natalizumab", "ublituximab"]
    events = knowledge.default_events(chosen, 6)
    assert len(events) == len(set(events)) == 6
    shown = {te.treatment.id for te in knowledge.trial_events(chosen, events)}
    assert shown == set(chosen)


def test_charts_carry_our_small_template_not_plotlys_default(minimal):
    te = minimal.trial_events(["exampleumab"], ["headache"])[0]
    fig = adverse_events.figure(minimal, te, "patient")
    assert list(fig.layout.template.layout.colorway) == list(OKABE_ITO)
    assert fig.layout.template.data.to_plotly_json() == {}  # no per-trace defaults: every browser gets less to load
    assert len(fig.to_json()) < 6000


# --- A card that leaves out a side effect its treatment has figures for says so -------------------------------------

def test_a_card_says_which_chosen_side_effect_is_in_another_chart_and_how_many_more_there_are(knowledge):
    events = ["headache", "injection_reaction_systemic", "any_infection"]
    cards = knowledge.trial_events(["ofatumumab"], events)
    by_trial = {te.trial.id: te for te in cards}
    pooled, subgroup = by_trial["asclepios_pooled"], by_trial["asclepios_rdtn"]
    assert "headache" not in {r.event for r in pooled.rows}  # the whole-trial chart has no headache row
    note = adverse_events.left_out(knowledge, pooled, cards, events, "patient")
    assert note.startswith("Not in this chart: Headache, in the chart of " + subgroup.trial.name)
    assert "a later look at part of the trial" in note
    charted = {r.event for r in knowledge.treatments["ofatumumab"].adverse_events if r.comparator_pct is not None}
    more = len(charted - {r.event for te in cards for r in te.rows})
    last = adverse_events.left_out(knowledge, cards[-1], cards, events, "patient")
    assert f"{more} more side effects with trial figures for Ofatumumab" in last and more > 0
    assert last.endswith(f"add them with '{adverse_events.CHOOSE_EVENTS}' above.")  # the button's own words


def test_a_card_that_shows_everything_its_treatment_has_says_nothing(minimal):
    events = [r.event for r in minimal.treatments["exampleumab"].adverse_events]
    cards = minimal.trial_events(["exampleumab"], events)
    assert all(adverse_events.left_out(minimal, te, cards, events, "patient") == "" for te in cards)


def test_the_side_effects_page_says_under_each_card_what_it_leaves_out(knowledge):
    import json
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=90)
    at.query_params.update(page="side-effects", treatments=["alemtuzumab"], events=["headache"])
    at.run()
    assert not at.exception
    charted = {r.event for r in knowledge.treatments["alemtuzumab"].adverse_events if r.comparator_pct is not None}
    captions = [c.value for c in at.caption]
    assert any(f"{len(charted) - 1} more side effects with trial figures for Alemtuzumab" in c for c in captions), captions
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["data"]  # the card itself is drawn


# --- The same trial arm shows the same n on every page ----------------------------------------------------------------

def _ns(text: str) -> set[int]:
    import re

    return {int(n.replace(",", "")) for n in re.findall(r"\b[nN] ?= ?([0-9][0-9,]*)", text)}


def test_every_chart_builder_shows_each_trial_arm_with_the_n_in_data(knowledge):
    """The side-effect cards, the Out of 100 arrays, the benefit cards and their tables (also used by the handout,
    the static edition and the presenter) all give an arm the n of its trial in data/."""
    from components.views import icon_arrays
    from dashboard.charts import benefits

    def said(n):
        return f"n = {n}" if n else "n not reported"

    checked = 0
    for te in every_trial(knowledge):
        trial, t = te.trial, te.treatment
        for view in ("patient", "clinician"):
            treatment_arm, comparator_arm = adverse_events.figure(knowledge, te, view).data
            assert treatment_arm.name.replace("<br>", " ").endswith(f"({said(trial.n_treatment)})")
            assert comparator_arm.name.replace("<br>", " ").endswith(f"({said(trial.n_comparator)})")
        assert set(adverse_events.table(knowledge, te, "clinician")["n per arm"]) == {
            f"{trial.n_treatment or 'not reported'} vs {trial.n_comparator or 'not reported'}"}
        row = te.rows[0]
        fig, _, table, _, _ = icon_arrays.card(knowledge, t.id, trial.id, row.event, "clinician", "absolute")
        titles = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
        assert titles[0].endswith(f"({said(trial.n_treatment)})") and titles[1].endswith(f"({said(trial.n_comparator)})")
        assert list(table["Arm"].str[-len(said(trial.n_comparator)) - 1:-1])[1] == said(trial.n_comparator)
        checked += 1
    for t in knowledge.treatments.values():
        for tb in benefits.by_trial(t):
            names = [trace.name.replace("<br>", " ") for trace in benefits.figure(knowledge, tb, "clinician").data]
            assert names[0].endswith(f"({said(tb.trial.n_treatment)})") and names[1].endswith(f"({said(tb.trial.n_comparator)})")
            checked += 1
    assert checked > 40


def test_a_text_in_data_gives_a_trial_arm_its_n_in_data_or_names_the_other_population(knowledge):
    """Where a statement, a benefit or a figure label names a trial and an n in brackets, the n is one of that
    trial's arms in data, or the text says which other population it counts (as randomised, full analysis set...)."""
    import re

    from dashboard.knowledge.knowledge import statements_of

    other_population = re.compile(r"randomi[sz]ed|full analysis set|intention|efficacy population|pooled|clinical programme",
                                  re.IGNORECASE)
    checked = 0
    for t in knowledge.treatments.values():
        arms: dict[str, set[int]] = {}
        for trial in t.trials:
            short = re.split(r"[ (,/]", trial.name)[0]
            if len(short) >= 4:
                arms.setdefault(short, set()).update(n for n in (trial.n_treatment, trial.n_comparator) if n)
        texts = [text for s in statements_of(t) for text in (s.clinician, s.patient, *(f.label for f in s.figures))]
        texts += [text for b in t.benefits for text in (b.clinician, b.patient, *(f.label for f in b.figures))]
        for text in texts:
            named = [short for short in arms if short in text]  # "DEFINE and CONFIRM": the arms of either
            if named and (ns := set().union(*(arms[short] for short in named))):
                for n in _ns(text) - ns:
                    assert other_population.search(text), (t.id, named, n, text)
                checked += 1
    assert checked > 10


def test_affirm_placebo_arm_is_312_treated_and_315_randomised_as_the_sources_say(knowledge):
    """The arm the charts draw (safety population, US label table) and the randomised arm the efficacy texts cite."""
    affirm = knowledge.treatments["natalizumab"].trial("affirm")
    assert (affirm.n_treatment, affirm.n_comparator) == (627, 312)
    assert "Placebo n=312" in affirm.locator and "627 vs 315" in affirm.locator
    texts = [b.clinician for b in knowledge.treatments["natalizumab"].benefits if "n=315" in b.clinician]
    assert texts and all("n=315 as randomised" in text for text in texts)


def test_default_side_effects_never_come_from_a_later_look_at_a_trial(knowledge):
    """The side-effect page's first choice (and the Out of 100 page's order) skips figures that only a post hoc or
    subgroup analysis gives, for every treatment that has main results."""
    for t in knowledge.treatments.values():
        main = {r.event for r in t.adverse_events if r.comparator_pct is not None and not t.trial(r.trial).analysis}
        if main:
            assert set(knowledge.default_events([t.id], 1000)) == main, t.id
    later_only = {r.event for r in knowledge.treatments["ofatumumab"].adverse_events
                  if knowledge.treatments["ofatumumab"].trial(r.trial).analysis} - {
        r.event for r in knowledge.treatments["ofatumumab"].adverse_events
        if not knowledge.treatments["ofatumumab"].trial(r.trial).analysis}
    assert later_only and not later_only & set(knowledge.default_events(["ofatumumab"], 1000))

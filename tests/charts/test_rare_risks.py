"""The rare-risk picture: the dots are the figures of data/ on one base, the shape tells how each was made, the
scale is logarithmic with the labels' words over it, and the alt text and table say the same numbers."""
from __future__ import annotations

import pytest

from dashboard.charts import rare_risks as chart
from dashboard.knowledge import rare_risks

CHOSEN = ["natalizumab", "ocrelizumab", "ofatumumab", "dimethyl_fumarate", "fingolimod"]


@pytest.fixture
def items(knowledge):
    return [rare_risks.primary(t, "people") for t in knowledge.pick(CHOSEN)]


def test_dots_are_the_figures_on_one_base(items):
    fig = chart.figure(items, "people")
    drawn = {y.replace("<br>", " "): x for trace in fig.data for x, y in zip(trace.x, trace.y)}
    assert drawn == pytest.approx({"Natalizumab": 53 / 6148 * 1e4, "Ocrelizumab": 16 / 350_000 * 1e4,
                                   "Ofatumumab": 3 / 1969 * 1e4, "Dimethyl fumarate": 12 / 560_000 * 1e4,
                                   "Fingolimod": 0.069 * 10})
    assert fig.layout.xaxis.type == "log"
    assert "in every 10,000 people treated" in fig.layout.xaxis.title.text


def test_how_a_figure_was_made_is_a_shape_not_only_a_colour(items):
    fig = chart.figure(items, "people")
    symbols = {trace.name: trace.marker.symbol for trace in fig.data}
    assert len(set(symbols.values())) == len(symbols) == 4
    assert symbols[chart.KINDS["none_seen"][0]] == "triangle-left-open"
    # no case seen: a dotted line from the left edge up to the bound
    assert [s.x1 for s in fig.layout.shapes if s.type == "line"] == pytest.approx([3 / 1969 * 1e4])


def test_the_labels_frequency_words_stand_over_the_scale(items):
    words = [a.text for a in chart.figure(items, "people").layout.annotations]
    assert words == ["<b>very rare</b>", "<b>rare</b>", "<b>uncommon</b>", "<b>common</b>"]


def test_intervals_are_drawn_where_the_source_gives_them(items):
    fig = chart.figure(items, "people")
    own = next(t for t in fig.data if t.name == chart.KINDS["own_rate"][0])
    assert own.error_x.visible and own.error_x.array[0] == pytest.approx(1.14 - 0.69)


def test_alt_and_table_say_the_same_numbers(knowledge, items):
    alt = chart.alt(items, "people", "clinician")
    table = chart.table(knowledge, items, "people", "clinician")
    for s, (_, row) in zip(items, table.iterrows()):
        assert rare_risks.headline(s, "clinician") in alt
        assert row["Treatment"] == s.treatment.name and row.iloc[1] == chart.label(s)
        assert rare_risks.number(s.per_10000) in row.iloc[1]
        assert all(knowledge.source(f.source).title in row["Sources"] for _, f in s.citations)
    assert list(table.iloc[:, 1]) == ["86", "0.46", "none seen; ≤15", "0.21", "0.69"]


def test_patient_years_is_its_own_scale(knowledge):
    items = [s for t in knowledge.pick(CHOSEN) if (s := rare_risks.primary(t, "patient-years"))]
    fig = chart.figure(items, "patient-years", "clinician")
    assert "per 10,000 patient-years" in fig.layout.xaxis.title.text
    assert "Ocrelizumab" not in {y for trace in fig.data for y in trace.y}  # it has no patient-years figure

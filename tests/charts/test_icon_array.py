"""Icon arrays: as many filled icons as the source's percentage says, one denominator for both arms, the sentence
and the alt text with the same numbers, fewer than one drawn as fewer than one."""
from __future__ import annotations

import pytest

from dashboard.charts import icon_array


@pytest.mark.parametrize("t_pct, c_pct, per, t_filled, c_filled", [
    (40, 33, 100, 40, 33),
    (58, 52, 100, 58, 52),
    (14.3, 15.6, 100, 14, 16),
    (2.9, 5.0, 1000, 29, 50),   # rare: out of 1,000 so 2.9% is not rounded to 3 in 100
    (0.04, 0.2, 1000, 0, 2),    # 0.4 in 1,000: no whole icon, one part-filled icon
])
def test_filled_icons_equal_the_percentages(t_pct, c_pct, per, t_filled, c_filled):
    panels = icon_array.arms("Drug (n = 100)", "Placebo (n = 100)", t_pct, c_pct)
    assert [p.per for p in panels] == [per, per]
    fig = icon_array.figure(panels)
    assert icon_array.filled_icons(fig, 1) == t_filled
    assert icon_array.filled_icons(fig, 2) == c_filled
    total = sum(len(trace.x) for trace in fig.data if trace.xaxis == "x")
    assert total == per  # every person of the denominator is one icon
    assert panels[0].partial == (0 < t_pct * per / 100 < 1)


def test_fewer_than_one_is_said_and_drawn_as_fewer_than_one():
    panels = icon_array.arms("Drug", "Placebo", 0.04, 0.2)
    fig = icon_array.figure(panels)
    assert [t.marker.symbol for t in fig.data if t.xaxis == "x"][0] == "circle-open-dot"
    text = icon_array.sentence("PML", "Drug", "Placebo", 0.04, 0.2, "2 years", "absolute")
    assert text == "Over 2 years, fewer than 1 in 1,000 people on Drug and 2 in 1,000 on Placebo had PML (0.04% vs 0.2%)."


@pytest.mark.parametrize("mode, expected", [
    ("absolute", "Over 96 weeks, 40 in 100 people on Drug and 33 in 100 on Comparator had headache (40% vs 33%)."),
    ("difference", "Over 96 weeks, 7 more out of 100 people on Drug than on Comparator had headache (40% vs 33%)."),
    ("relative", "Over 96 weeks, people on Drug were 1.2 times as likely as people on Comparator to have headache (40% vs 33%)."),
])
def test_the_sentence_says_the_same_numbers_in_each_way(mode, expected):
    assert icon_array.sentence("Headache", "Drug", "Comparator", 40, 33, "96 weeks", mode).startswith(expected)


def test_difference_marks_the_extra_icons_and_never_relies_on_colour_alone():
    panels = icon_array.arms("Drug", "Comparator", 40, 33)
    fig = icon_array.figure(panels, highlight=7)
    symbols = {t.marker.symbol: len(t.x) for t in fig.data if t.xaxis == "x"}
    assert symbols == {"circle": 33, "x": 7, "circle-open": 60}
    assert "40 filled" in icon_array.alt(panels, "") and "33 filled" in icon_array.alt(panels, "")


# --- Arrays of 1,000 on a phone: ten blocks of 100, square cells, icons smaller than a cell -------------------------

def test_a_thousand_icons_are_ten_separate_blocks_of_a_hundred():
    cells = icon_array._grid(1000)
    assert len(set(cells)) == 1000
    blocks = {}
    for x, y in cells:
        blocks.setdefault((x // (icon_array.BLOCK + 1), -y // (icon_array.BLOCK + 1)), []).append((x, y))
    assert len(blocks) == 10 and all(len(b) == 100 for b in blocks.values())
    gap_columns = {icon_array.BLOCK}  # the column between two blocks holds no icon
    assert not any(x in gap_columns for x, _ in cells)


def test_every_icon_is_smaller_than_its_cell_at_390_px():
    """At 390 px the chart is about 350 px wide (tests/e2e measures the drawn icons): two panels of 0.47 of it."""
    panel_px = 350 * (1 - 0.06) / 2
    for per in (100, 1000):
        fig = icon_array.figure(icon_array.arms("A", "B", 1 if per == 1000 else 40, 2 if per == 1000 else 30))
        x_range = fig.layout.xaxis.range
        cell = panel_px / (x_range[1] - x_range[0])
        size, line = icon_array.ICON[per]
        assert size >= 4 and size + line < cell, (per, size, line, cell)
        assert fig.layout.xaxis.scaleanchor == "y" and fig.layout.xaxis2.scaleanchor == "y2"  # square cells


def test_the_heading_names_the_denominator_drawn(knowledge):
    from components.views import icon_arrays

    for treatment in knowledge.treatments.values():
        rows = {(r.trial, r.treatment_pct < 5 or r.comparator_pct < 5): r for r in treatment.adverse_events}
        for row in rows.values():  # one of each denominator per trial
            fig, _, _, heading, _ = icon_arrays.card(knowledge, treatment.id, row.trial, row.event, "patient", "absolute")
            per = icon_array.denominator(row.treatment_pct, row.comparator_pct)
            assert heading.endswith(f"out of {per:,} people in each group"), heading
            assert sum(len(t.x) for t in fig.data if t.xaxis == "x") == per


# --- The first side effect for any pair of treatments ---------------------------------------------------------------

def _main_trial_events(knowledge, treatment_id):
    """Read from data/ directly: events with both arms in a trial that is not marked as a later analysis."""
    t = knowledge.treatments[treatment_id]
    later = {trial.id for trial in t.trials if trial.analysis}
    return {r.event for r in t.adverse_events if r.comparator_pct is not None and r.trial not in later}


def test_default_event_has_both_arms_for_every_pair_or_the_screen_says_so(knowledge):
    from itertools import combinations

    from components.views import icon_arrays
    from dashboard.safe_text import safe_text

    pairs = list(combinations(sorted(knowledge.treatments), 2))
    assert len(pairs) == 190
    without = 0
    for pair in pairs:
        found = icon_arrays.default_event(knowledge, pair)
        common = set.intersection(*(_main_trial_events(knowledge, t) for t in pair))
        notice = icon_arrays._missing(knowledge, pair, found.event, "patient")
        if common:
            assert found.every and found.event in common, pair
            assert notice == "", pair
        else:
            without += 1
            assert not found.every, pair
            assert notice.startswith("No side effect has trial figures for both groups for every treatment chosen") or (
                found.event is None and notice.count("no side effect here has trial figures for both groups") == 2), pair
            best = max(sum(e in _main_trial_events(knowledge, t) for t in pair) for e in knowledge.events)
            assert len(found.covered) == best, pair
            for t in pair:
                if t not in found.covered:
                    assert f"**{safe_text(knowledge.treatments[t].name)}:**" in notice, pair
    assert 0 < without < 190  # both cases are exercised by the shipped data


def test_a_later_look_at_part_of_a_trial_is_never_the_default_and_is_said_in_plain_words(knowledge):
    from components.views import icon_arrays

    later = [(t, trial) for t in knowledge.treatments.values() for trial in t.trials if trial.analysis]
    assert {trial.analysis for _, trial in later} == {"post_hoc", "post_hoc_subgroup"}
    for t, trial in later:
        only_later = {r.event for r in t.adverse_events if r.trial == trial.id} - _main_trial_events(knowledge, t.id)
        for event in only_later:  # a side effect this treatment has only from the later look
            assert icon_arrays.default_event(knowledge, (t.id,)).event != event
        row = next(r for r in t.adverse_events if r.trial == trial.id)
        for view in ("patient", "clinician"):
            heading, text = icon_arrays.card(knowledge, t.id, trial.id, row.event, view, "absolute")[3:]
            words = "A later look at part of the trial" if trial.analysis == "post_hoc_subgroup" \
                else "A later look at the trial's results"
            assert heading.startswith(words) and words.lower() in text
    ofatumumab = icon_arrays.default_event(knowledge, ("ofatumumab",))
    assert ofatumumab.every and ofatumumab.event in _main_trial_events(knowledge, "ofatumumab")


def test_every_trial_called_post_hoc_or_subgroup_in_data_is_marked_as_a_later_analysis(knowledge):
    import re

    for t in knowledge.treatments.values():
        for trial in t.trials:
            said = f"{trial.name} {knowledge.source(trial.source).note or ''}"
            if re.search(r"post[ -]?hoc|subgroup", said, re.IGNORECASE):
                assert trial.analysis, (t.id, trial.id)


# --- The page: opens on the default, says what it cannot show, offers a side effect that has them all ---------------

def _open_pictures(**params):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=90)
    at.query_params.update(page="pictures", **params)
    at.run()
    assert not at.exception
    return at


def test_the_page_opens_on_the_side_effect_every_chosen_treatment_has(knowledge):
    from components.views import icon_arrays

    pair = ("ofatumumab", "teriflunomide")
    found = icon_arrays.default_event(knowledge, pair)
    assert found.every
    at = _open_pictures(treatments=list(pair))
    assert at.selectbox(key="w_event").value == found.event
    headings = [m.value for m in at.markdown if "out of 1" in m.value and "people in each group" in m.value]
    assert len(headings) >= 2  # one card per treatment, each naming its denominator
    assert not [i for i in at.info if "No side effect has trial figures" in i.value]


def test_the_page_says_when_no_side_effect_has_figures_for_every_treatment_and_offers_one(knowledge):
    from components.views import icon_arrays

    from itertools import combinations

    from dashboard.safe_text import safe_text

    with_figures = [t for t in sorted(knowledge.treatments) if _main_trial_events(knowledge, t)]
    pair = next(p for p in combinations(with_figures, 2) if not icon_arrays.default_event(knowledge, p).every)
    found = icon_arrays.default_event(knowledge, pair)
    left = next(t for t in pair if t not in found.covered)
    at = _open_pictures(treatments=list(pair))
    notice = next(i.value for i in at.info if "No side effect has trial figures" in i.value)
    assert "The first one shown is the nearest" in notice
    assert f"**{safe_text(knowledge.treatments[left].name)}:**" in notice
    # a side effect chosen that leaves one out: the notice links to one that has figures for both
    picked = _open_pictures(treatments=["ofatumumab", "teriflunomide"], events=["headache"])
    offer = next(i.value for i in picked.info if "**Ofatumumab:**" in i.value)
    assert "later look" in offer and "With figures for every treatment chosen: " in offer and "[show it ›](?" in offer


def test_a_duration_the_source_does_not_give_is_not_read_as_a_period():
    text = icon_array.sentence("Headache", "Drug", "Placebo", 16, 15, "Not stated in the source cited", "absolute")
    assert text.startswith("In the trial (duration not stated in the source cited), 16 in 100 people on Drug")

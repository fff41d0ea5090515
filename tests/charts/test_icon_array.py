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

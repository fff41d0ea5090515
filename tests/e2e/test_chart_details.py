"""Chart details a user sees, measured in the drawn charts of a real browser: the 1,000-icon arrays on a 390 px
phone (every icon at least 4 px, no two touching) and the pregnancy relapse chart (no value label over an error bar,
at 390, 1280 and 1920 px; each legend entry names its study, uncut)."""
from __future__ import annotations

import pytest

from dashboard.charts import icon_array

from .conftest import charts, screenshot, settle

PHONE = {"width": 390, "height": 844}
WIDTHS = {390: 844, 1280: 900, 1920: 1080}

# The drawn icons of every array: one box per marker path (its stroke included), per subplot.
ICON_BOXES = """(root) => {
  const found = [];
  for (const path of root.querySelectorAll('g.scatterlayer g.trace path.point')) {
    const r = path.getBoundingClientRect();
    const stroke = parseFloat(getComputedStyle(path).strokeWidth || '0') / 2;
    found.push({left: r.left - stroke, right: r.right + stroke, top: r.top - stroke, bottom: r.bottom + stroke,
                width: r.width, height: r.height});
  }
  return found;
}"""

# The relapse chart: each value label (text of a text-only trace), each error bar (its whisker and caps) and the
# legend entries' texts.
RELAPSE_BOXES = """(root) => {
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
  const labels = [...root.querySelectorAll('g.scatterlayer g.trace g.textpoint text')]
    .filter((t) => t.textContent.trim()).map((t) => ({text: t.textContent, ...box(t)}));
  const errors = [...root.querySelectorAll('g.errorbar path')].map(box).filter((b) => b.width > 0);
  const legend = [...root.querySelectorAll('g.legend g.traces')].map((g) =>
    ({text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '), ...box(g)}));
  const paper = box(root);
  return {labels, errors, legend, paper};
}"""


def overlaps(a, b) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("event, per", [("malignancy", 1000), ("injection_reaction_systemic", 100)])
def test_icon_arrays_on_a_phone_have_icons_of_4_px_that_never_touch(browser, dashboard_url, event, per):
    """Ofatumumab in ASCLEPIOS: malignancy 0.5% vs 0.4% (drawn out of 1,000), injection reactions 20.6% vs 15.3%."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page=pictures&treatments=ofatumumab&events={event}")
        settle(page)
        drawn = charts(page, at_least=1)
        assert page.get_by_text(f"out of {per:,} people in each group").first.is_visible()
        measured = 0
        for index in range(drawn.count()):
            icons = drawn.nth(index).evaluate(ICON_BOXES)
            if len(icons) != 2 * per:
                continue
            measured += 1
            assert min(min(i["width"], i["height"]) for i in icons) >= 4
            # no two icons touch: sort by left edge and compare each with its neighbours in reach
            icons.sort(key=lambda i: i["left"])
            for a_index, a in enumerate(icons):
                for b in icons[a_index + 1:]:
                    if b["left"] >= a["right"]:
                        break
                    assert not overlaps(a, b), (a, b)
            rows: dict[int, list] = {}
            for i in icons:
                rows.setdefault(round(i["top"]), []).append(i)
            gap = min(b["left"] - a["right"] for row in rows.values() for a, b in zip(row, row[1:]))
            print(f"{per:,}-icon array at 390 px: smallest gap between neighbours (outlines included) {gap:.2f} px")
        assert measured >= 1
        smallest = min(min(i["width"], i["height"]) for i in drawn.first.evaluate(ICON_BOXES))
        print(f"{per:,}-icon array at 390 px: smallest icon {smallest:.2f} px")
        screenshot(page, f"pictures-{per}-390")
    finally:
        context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_relapse_chart_labels_never_touch_an_error_bar_and_legends_name_their_studies(browser, dashboard_url,
                                                                                   knowledge, width):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page=pregnancy&treatments=ocrelizumab")
        settle(page)
        drawn = charts(page, at_least=2)
        found = None
        for index in range(drawn.count()):
            boxes = drawn.nth(index).evaluate(RELAPSE_BOXES)
            if boxes["errors"] and boxes["labels"]:
                found = boxes
        assert found is not None, "the relapse chart with its error bars was not drawn"
        topic = knowledge.topics["pregnancy_relapses"]
        values = sorted(f"{f.value:g}" for s in topic.statements for f in s.figures if f.label in _periods())
        assert sorted(label["text"] for label in found["labels"]) == values  # every value has its label
        for label in found["labels"]:
            for error in found["errors"]:
                assert not overlaps(label, error), (width, label, error)
        gap = min(error["top"] - label["bottom"] for label in found["labels"] for error in found["errors"]
                  if label["left"] < error["right"] and error["left"] < label["right"] and error["top"] >= label["bottom"])
        print(f"relapse chart at {width} px: nearest label {gap:.1f} px above an error bar")
        paper = found["paper"]
        for entry in found["legend"]:  # each legend entry is inside the chart and names its study
            assert paper["left"] <= entry["left"] and entry["right"] <= paper["right"] + 0.5, (width, entry)
        legend = " | ".join(entry["text"] for entry in found["legend"])
        for statement in topic.statements:
            if any(f.label in _periods() for f in statement.figures):
                source = knowledge.source(statement.source)
                assert str(source.year) in legend and "…" not in legend, legend
        screenshot(page, f"pregnancy-relapses-{width}")
    finally:
        context.close()


def _periods():
    from dashboard.charts.pregnancy import PERIODS

    return PERIODS


def test_icon_sizes_the_browser_test_relies_on():
    """The measured arrays are the builder's: 2 x 1,000 points per chart at the sizes the chart module sets."""
    fig = icon_array.figure(icon_array.arms("A", "B", 0.5, 0.4))
    assert sum(len(t.x) for t in fig.data) == 2000 and icon_array.ICON[1000][0] >= 4

"""Rare risks on one scale in a real browser, on a phone (390 px) and a laptop (1280 px): the overview's PML row says
each figure on its base, and the PML page's picture draws the same numbers with no text clipped or overlapping.
Screenshots: tests/e2e/artifacts/rare-risk-row-<width>.png and rare-risk-picture-<width>.png."""
from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, charts, settle
from .test_browser import TEXT_BOXES, overlaps

CHOSEN = "&".join(f"treatments={t}" for t in ("natalizumab", "ocrelizumab", "ofatumumab", "dimethyl_fumarate"))
WIDTHS = {390: dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True),
          1280: dict(viewport={"width": 1280, "height": 900}, device_scale_factor=1)}


@pytest.fixture(params=list(WIDTHS), ids=lambda w: f"{w}px")
def sized(request, browser):
    context = browser.new_context(**WIDTHS[request.param])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield request.param, page, errors
    context.close()


def test_overview_rare_risk_row(sized, dashboard_url):
    width, page, errors = sized
    page.goto(f"{dashboard_url}/?page=overview&{CHOSEN}")
    settle(page)
    row = page.locator("tr", has_text="PML (a rare, serious brain infection)").first
    row.scroll_into_view_if_needed()
    assert row.is_visible()
    text = row.inner_text()
    assert "About 86 in every 10,000 people treated (uncommon" in text  # natalizumab
    assert "About 0.46 in every 10,000 people treated (very rare" in text  # ocrelizumab, reported cases
    assert "No case among 1,969 people in the studies; at most about 15 in every 10,000 people treated" in text
    assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth") <= width
    ARTIFACTS.mkdir(exist_ok=True)
    row.screenshot(path=str(ARTIFACTS / f"rare-risk-row-{width}.png"))
    assert errors == []


def test_rare_risk_picture(sized, dashboard_url):
    width, page, errors = sized
    page.goto(f"{dashboard_url}/?page=pml-infections&{CHOSEN}")
    settle(page)
    chart = charts(page, at_least=1).first
    heading = page.get_by_text("PML on one scale: cases in every 10,000 people treated").first
    assert heading.is_visible()
    found = chart.evaluate(TEXT_BOXES)
    box, items = found["box"], found["texts"]
    shown = " ".join(t["text"] for t in items)
    for number in ("86", "0.46", "none seen; ≤15", "0.21", "very rare", "uncommon"):
        assert number in shown
    for t in items:  # nothing clipped ...
        assert box["left"] - 1 <= t["left"] and t["right"] <= box["right"] + 1, t
        assert box["top"] - 1 <= t["top"] and t["bottom"] <= box["bottom"] + 1, t
    for i, a in enumerate(items):  # ... and nothing written over anything else
        for b in items[i + 1:]:
            assert not overlaps(a, b), (a, b)
    assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth") <= width
    # the picture, its sentence and the not-head-to-head note, as one screenshot
    note = page.locator('[data-testid="stMarkdownContainer"]', has_text="Not a head-to-head comparison.").first
    top = heading.bounding_box()["y"]
    bottom = note.bounding_box()["y"] + note.bounding_box()["height"]
    page.set_viewport_size({"width": width, "height": int(bottom + 200)})
    page.wait_for_timeout(400)
    heading.scroll_into_view_if_needed()
    top, bottom = heading.bounding_box()["y"], note.bounding_box()["y"] + note.bounding_box()["height"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"rare-risk-picture-{width}.png"),
                    clip={"x": 0, "y": max(top - 8, 0), "width": width, "height": bottom - top + 16})
    assert errors == []

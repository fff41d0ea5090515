"""Readable for everyone (issue 28.4): axe-core (bundled by axe-playwright-python) scans every page in both views in
a real browser; no serious or critical rule fails. Then the overview and the PML page as a patient sees them on a
phone (390 px), saved for the README."""
from __future__ import annotations

import pytest

from .conftest import screenshot, settle

PAIR = "treatments=Ocrelizumab&treatments=Natalizumab"
PAGES = ("start", "overview", "benefits", "side-effects", "pictures", "pml-infections", "pregnancy", "sources",
         "glossary", "presenter", "about")
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def tab(browser):
    """A page whose content security policy lets the test add axe's script (the app's own policy is unchanged)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


def blocking(results: dict) -> list[str]:
    """Each serious or critical violation: rule, impact, and the first elements it names."""
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("chosen", [PAIR, ""], ids=["two-treatments", "none-chosen"])
@pytest.mark.parametrize("view", ["Patient", "Clinician"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violation(tab, axe, dashboard_url, path, view, chosen):
    """Every page, both views, with two treatments and with none (disabled controls have their own colours)."""
    tab.goto(f"{dashboard_url}/?page={path}&{chosen}&view={view}")
    settle(tab)
    tab.wait_for_timeout(500)  # charts drawn
    found = blocking(axe.run(tab).response)
    assert not found, "\n".join(found)


def test_axe_finds_a_contrast_failure_when_there_is_one(tab, axe, dashboard_url):
    """The scan can fail: light grey text on white is reported as a serious colour-contrast violation."""
    tab.goto(f"{dashboard_url}/?page=start")
    settle(tab)
    tab.evaluate("() => { document.querySelector('h1').style.color = '#CCCCCC'; }")
    assert any(line.startswith("color-contrast (serious)") for line in blocking(axe.run(tab).response))


@pytest.mark.parametrize("path", ["overview", "pml-infections"])
def test_patient_view_on_a_phone(browser, dashboard_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page={path}&{PAIR}&view=Patient")
        settle(page)
        page.wait_for_timeout(800)
        assert page.get_by_text("a rare, serious brain infection").first.is_visible()  # PML said with its meaning
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # no sideways scroll
        screenshot(page, f"patient-phone-{path}")
    finally:
        context.close()

"""The dashboard in a real browser: every page loads clean, shows the disclaimer and draws its charts."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.pages.test_hostile_data import NAME, hostile_copy

from .conftest import charts, running_dashboard, screenshot, settle

DISCLAIMER = "This is educational information, not medical advice"
PAIR = "treatments=Ocrelizumab&treatments=Natalizumab"
NAV = {"compare": "Compare", "side-effects": "Side effects", "pml-infections": "PML and infections",
       "pregnancy": "Pregnancy", "sources": "Sources", "about": "About"}
PAGES = [
    ("", "MS treatment explorer", 0),
    ("compare", "Compare treatments", 0),
    ("side-effects", "Side effects seen in the trials", 2),
    ("pml-infections", "PML and infection risks", 1),
    ("pregnancy", "Pregnancy and breastfeeding", 0),
    ("sources", "Sources", 0),
    ("about", "About this dashboard", 0),
]


@pytest.mark.parametrize("path, title, charts_at_least", PAGES, ids=[p[0] or "start" for p in PAGES])
def test_page_loads_clean(page, dashboard_url, path, title, charts_at_least):
    response = page.goto(f"{dashboard_url}/{path}?{PAIR}")
    assert "script-src 'self'" in response.headers["content-security-policy"]  # and nothing below broke under it
    settle(page)
    assert page.get_by_role("heading", name=title, exact=True).first.is_visible()
    assert page.get_by_text(DISCLAIMER).is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert charts(page, at_least=charts_at_least).count() >= charts_at_least
    screenshot(page, path or "start")
    assert page.console_errors == []
    assert page.foreign_requests == []  # the public instance sends nothing about its users to third parties


def test_deep_link_opens_the_view_it_encodes(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=side-effects&treatments=Ofatumumab&view=Clinician&events=Headache")
    settle(page)
    chosen = page.locator(".st-key-treatments")
    assert "Ofatumumab" in chosen.inner_text()
    assert "Ocrelizumab" not in chosen.inner_text()
    assert page.locator(".st-key-view").get_by_role("radio", name="Clinician").is_checked() or \
        page.locator(".st-key-view button[kind*='Active']").inner_text() == "Clinician"
    chart = charts(page, at_least=1).first
    assert "ASCLEPIOS" in chart.inner_text()
    assert "Headache" in chart.inner_text()
    assert page.get_by_role("heading", name="Side effects seen in the trials").is_visible()


def test_clicking_through_every_page(page, dashboard_url):
    page.goto(f"{dashboard_url}/?{PAIR}")
    settle(page)
    for path, title, _ in PAGES[1:]:
        page.get_by_role("link", name=NAV[path], exact=True).first.click()
        settle(page)
        assert page.get_by_role("heading", name=title, exact=True).first.is_visible()
        assert page.get_by_text(DISCLAIMER).is_visible()
        assert page.url.split("?")[0].endswith("/" + path)


def test_unknown_id_in_a_link_shows_a_notice_that_does_not_repeat_it(page, dashboard_url):
    crafted = "URGENT%3A%20Ocrelizumab%20recalled.%20Rebook%20at%20https%3A%2F%2Fevil.example%2Frebook"
    page.goto(f"{dashboard_url}/compare?treatments=Ocrelizumab&treatments=Snakeoil&treatments={crafted}")
    settle(page)
    assert page.get_by_text("The link holds 2 values for treatments that this dashboard does not know").is_visible()
    assert page.get_by_text("Snakeoil").count() == 0 and page.get_by_text("recalled").count() == 0
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_keyboard_alone_reaches_the_treatment_picker(page, dashboard_url):
    page.goto(f"{dashboard_url}/compare?{PAIR}")
    settle(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.st-key-treatments')"):
            break
    else:
        pytest.fail("Tab never reached the treatment picker")
    page.keyboard.press("ArrowDown")  # opens the list of treatments
    page.keyboard.press("Enter")      # chooses the first one offered
    settle(page)
    assert page.locator(".st-key-treatments").inner_text().count("\n") >= 2


@pytest.mark.parametrize("width, height, scale, mobile, path, name", [
    (390, 844, 2, True, "compare", "phone-compare"),          # a phone
    (640, 450, 2, False, "side-effects", "zoom-200-side-effects"),  # 200% zoom of a 1280 px window
], ids=["phone-390px", "zoom-200-percent"])
def test_readable_without_sideways_scroll(browser, dashboard_url, width, height, scale, mobile, path, name):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                  is_mobile=mobile, has_touch=mobile)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/{path}?{PAIR}")
        settle(page)
        assert page.get_by_text(DISCLAIMER).is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width + 1
        screenshot(page, name)
    finally:
        context.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    with running_dashboard(hostile_copy(tmp_path_factory.mktemp("hostile") / "data")) as url:
        yield url


@pytest.mark.parametrize("path", ["side-effects", "pml-infections", "pregnancy", "compare"])
def test_hostile_data_shows_as_text_without_links_or_markup(page, hostile_url, path):
    page.goto(f"{hostile_url}/?page={path}&treatments={quote(NAME)}&view=Patient")
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    charts(page)
    body = page.locator("body")
    assert body.get_by_text("Exampleumab", exact=False).count() >= 1
    # (a heading's own in-page anchor, href="#...", may carry its words)
    assert page.locator('a[href*="evil"]:not([href^="#"]), img[src*="evil"], [data-testid="stMain"] b').count() == 0
    assert page.foreign_requests == [] and page.console_errors == []
    if path == "pregnancy":  # the bare address and e-mail read as written, but are not links
        assert "https://evil.example/call" in body.inner_text().replace("\u2060", "")

"""The dashboard in a real browser: every page loads clean, shows the disclaimer and draws its charts; one selection
for the whole visit; charts readable on a phone; the overview on one screen; pages short with details closed."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.pages.test_hostile_data import NAME, hostile_copy

from .conftest import charts, running_dashboard, screenshot, settle

DISCLAIMER = "This is educational information, not medical advice"
PAIR = "treatments=Ocrelizumab&treatments=Natalizumab"
TRIPLE = "treatments=Ocrelizumab&treatments=Natalizumab&treatments=Alemtuzumab"
NAV = {"overview": "Overview", "benefits": "Benefits", "side-effects": "Side effects", "pictures": "Out of 100",
       "pml-infections": "PML and infections", "pregnancy": "Pregnancy", "sources": "Sources", "about": "About",
       "presenter": "Present"}
PAGES = [
    ("start", "MS treatment explorer", 0),
    ("overview", "Overview", 0),
    ("benefits", "What the trials showed as benefit", 2),
    ("side-effects", "Side effects seen in the trials", 2),
    ("pictures", "Side effects out of 100 people", 1),
    ("pml-infections", "infections and other serious risks", 0),
    ("pregnancy", "Pregnancy and breastfeeding", 2),
    ("sources", "Sources", 0),
    ("presenter", "The treatments at a glance", 0),
    ("about", "About this dashboard", 0),
]
CHART_PAGES = ("benefits", "side-effects", "pictures", "pregnancy")

# Every text element of a Plotly chart: title, legend entries, tick labels, axis titles, bar values.
TEXT_BOXES = """(root) => {
  const box = root.getBoundingClientRect();
  const found = [];
  for (const el of root.querySelectorAll('svg text')) {
    if (!el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    found.push({text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                cls: el.getAttribute('class') || el.parentNode.getAttribute('class') || ''});
  }
  return {box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom}, texts: found};
}"""


@pytest.mark.parametrize("path, title, charts_at_least", PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_clean(page, dashboard_url, path, title, charts_at_least):
    response = page.goto(f"{dashboard_url}/?page={path}&{PAIR}")
    assert "script-src 'self'" in response.headers["content-security-policy"]  # and nothing below broke under it
    settle(page)
    assert page.get_by_role("heading", name=title).first.is_visible()  # a title may say more (a step, a word explained)
    assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert charts(page, at_least=charts_at_least).count() >= charts_at_least
    screenshot(page, path)
    assert page.console_errors == []
    assert page.foreign_requests == []  # the public instance sends nothing about its users to third parties


def test_a_visit_keeps_one_selection_on_every_page_and_in_every_url(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=overview")
    settle(page)
    picker = page.locator(".st-key-w_treatments")
    for name in ("Ublituximab", "Alemtuzumab"):
        picker.locator("input").fill(name)
        page.keyboard.press("Enter")
        settle(page)
    page.keyboard.press("Escape")
    page.locator(".st-key-w_view").get_by_text("Clinician", exact=True).click()
    settle(page)
    for path, title, _ in [p for p in PAGES[2:] + PAGES[:2] if p[0] != "presenter"]:
        page.locator('[class*="st-key-menu_"] button').click()  # the menu's links carry the selection
        menu = page.locator('[data-testid="stPopoverBody"]')
        menu.get_by_role("link", name=NAV.get(path, "Start"), exact=True).click()
        settle(page)
        page.wait_for_function("() => location.search.includes('treatments=ublituximab')", timeout=10_000)
        assert page.get_by_role("heading", name=title).first.is_visible(), path
        assert "treatments=ublituximab&treatments=alemtuzumab" in page.url, (path, page.url)
        assert "view=Clinician" in page.url, (path, page.url)
        if page.locator(".st-key-w_treatments").count():
            chosen = page.locator(".st-key-w_treatments").inner_text()
            assert "Ublituximab" in chosen and "Alemtuzumab" in chosen and "Ocrelizumab" not in chosen, path


def test_deep_link_opens_the_view_it_encodes(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=side-effects&treatments=kesimpta&view=clinician&events=Headache")
    settle(page)
    page.locator(".st-key-w_treatments").get_by_text("Ofatumumab", exact=False).first.wait_for(timeout=20_000)
    chosen = page.locator(".st-key-w_treatments").inner_text()
    assert "Ofatumumab" in chosen and "Ocrelizumab" not in chosen
    assert "ASCLEPIOS" in page.locator('[data-testid="stMain"]').inner_text()
    chart = charts(page, at_least=1).first
    assert "Headache" in chart.inner_text()


def test_unknown_values_in_a_link_are_counted_not_shown(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=overview&treatments=Ocrelizumab&treatments=URGENT%3A%20recalled%20https%3A%2F%2Fevil.example"
              "&treatments=Natalizumab")
    settle(page)
    assert page.get_by_text("1 value(s) this dashboard does not know").is_visible()
    assert "evil.example" not in page.locator('[data-testid="stMain"]').inner_text()
    assert page.locator('a[href*="evil.example"]').count() == 0


def test_overview_of_two_treatments_fits_one_screen_with_the_disclaimer(page, dashboard_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{dashboard_url}/?page=overview&{PAIR}&view=Clinician")
    settle(page)
    assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
    table = page.locator('[data-testid="stMarkdownContainer"] table').first
    box = table.bounding_box()
    assert box["y"] + box["height"] <= 800, box
    assert table.locator("th").count() == 3 and table.locator("tbody tr").count() == 7  # read as a table
    page.screenshot(path=str(screenshot(page, "overview-1280x800").with_name("overview-screen.png")))


@pytest.mark.parametrize("path", [p for p, _, _ in PAGES])
def test_no_page_is_taller_than_four_screens_for_three_treatments(page, dashboard_url, path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{dashboard_url}/?page={path}&{TRIPLE}&view=Clinician")
    settle(page)
    charts(page)
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    assert height <= 4 * 800, (path, height)


def test_side_effect_cards_share_one_x_range_at_1280(page, dashboard_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{dashboard_url}/?page=side-effects&{TRIPLE}")
    settle(page)
    drawn = charts(page, at_least=3)
    ranges = {tuple(drawn.nth(i).evaluate("el => el._fullLayout.xaxis.range")) for i in range(drawn.count())}
    assert len(ranges) == 1, ranges


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1


@pytest.mark.parametrize("path", CHART_PAGES)
def test_on_a_phone_no_chart_text_is_clipped_or_overlapping(browser, dashboard_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page={path}&{TRIPLE}")
        settle(page)
        drawn = charts(page, at_least=1)
        assert drawn.count() >= 1
        for index in range(drawn.count()):
            found = drawn.nth(index).evaluate(TEXT_BOXES)
            box, items = found["box"], found["texts"]
            assert items
            for t in items:
                assert box["left"] - 1 <= t["left"] and t["right"] <= box["right"] + 1, (path, index, t)
                assert box["top"] - 1 <= t["top"] and t["bottom"] <= box["bottom"] + 1, (path, index, t)
            for i, a in enumerate(items):
                for b in items[i + 1:]:
                    assert not overlaps(a, b), (path, index, a, b)
        screenshot(page, f"phone-{path}")
    finally:
        context.close()


def test_keyboard_alone_reaches_the_treatment_picker(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=overview&{PAIR}")
    settle(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.st-key-w_treatments')"):
            break
    else:
        pytest.fail("Tab never reached the treatment picker")
    page.keyboard.press("ArrowDown")  # opens the list of treatments
    page.keyboard.press("Enter")      # chooses the first one offered
    settle(page)
    assert page.locator(".st-key-w_treatments").inner_text().count("\n") >= 2


@pytest.mark.parametrize("width, height, scale, mobile, path, name", [
    (390, 844, 2, True, "overview", "phone-overview"),          # a phone
    (640, 450, 2, False, "side-effects", "zoom-200-side-effects"),  # 200% zoom of a 1280 px window
], ids=["phone-390px", "zoom-200-percent"])
def test_readable_without_sideways_scroll(browser, dashboard_url, width, height, scale, mobile, path, name):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                  is_mobile=mobile, has_touch=mobile)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page={path}&{PAIR}")
        settle(page)
        assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width + 1
        if path == "overview":  # the table's rows stack, and each cell names its treatment
            cell = page.evaluate("""() => { const row = document.querySelector('[data-testid=stMain] [data-testid=stMarkdownContainer] tbody tr');
                return [getComputedStyle(row.cells[1]).display, getComputedStyle(row.cells[1], '::before').content]; }""")
            assert cell[0] == "block" and "Ocrelizumab" in cell[1], cell
        screenshot(page, name)
    finally:
        context.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    with running_dashboard(hostile_copy(tmp_path_factory.mktemp("hostile") / "data")) as url:
        yield url


@pytest.mark.parametrize("path", ["side-effects", "pml-infections", "pregnancy", "overview"])
def test_hostile_data_shows_as_text_without_links_or_markup(page, hostile_url, path):
    page.goto(f"{hostile_url}/?page={path}&treatments={quote(NAME)}&view=Patient")
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    charts(page)
    for expander in page.locator('[data-testid="stExpander"] summary').filter(visible=True).all():
        expander.click()  # details on demand: open them all, so every piece of hostile text is on screen
        settle(page)  # a section's contents are drawn when it is opened (a rerun)
    body = page.locator("body")
    assert body.get_by_text("Exampleumab", exact=False).count() >= 1
    # (a heading's own in-page anchor, href="#...", may carry its words)
    found = page.locator('a[href*="evil"]:not([href^="#"]), img[src*="evil"], [data-testid="stMain"] b')
    assert found.count() == 0, [found.nth(i).evaluate("e => e.outerHTML.slice(0, 200)") for i in range(found.count())]
    assert page.foreign_requests == [] and page.console_errors == []
    if path == "pregnancy":  # the bare address and e-mail read as written, but are not links
        assert "https://evil.example/call" in body.inner_text().replace("\u2060", "")


@pytest.mark.parametrize("step", [1, 4, 6, 7])
def test_presenter_mode_reads_from_the_back_of_the_room_at_1920x1080(page, dashboard_url, step):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{dashboard_url}/?page=presenter&{PAIR}&step={step}")
    settle(page)
    assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
    assert page.locator('[data-testid="stHeader"]').is_hidden()  # navigation and toolbar hidden
    page.locator('[data-testid="stImage"] img').first.wait_for(state="visible", timeout=15_000)  # the QR code of this step's link
    drawn = charts(page)
    sizes = [drawn.nth(i).evaluate("el => Array.from(el.querySelectorAll('svg text')).map(t => parseFloat(getComputedStyle(t).fontSize))")
             for i in range(drawn.count())]
    assert all(size >= 24 for found in sizes for size in found), sizes
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    assert height <= 1080 * 1.05, height
    screenshot(page, f"presenter-step-{step}")


MIXED = "treatments=kesimpta&treatments=teriflunomide&treatments=copaxone"  # an antibody, a tablet, an injectable


@pytest.mark.parametrize("path, title, charts_at_least", PAGES, ids=[p[0] for p in PAGES])
def test_a_mixed_selection_draws_every_page(page, dashboard_url, path, title, charts_at_least):
    page.goto(f"{dashboard_url}/?page={path}&{MIXED}&view=Clinician")
    settle(page)
    assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    charts(page)
    assert page.console_errors == []
    if path == "overview":
        header = page.locator('[data-testid="stMarkdownContainer"] table th').all_inner_texts()
        assert [h.split(" (")[0] for h in header[1:]] == ["Ofatumumab", "Teriflunomide", "Glatiramer acetate"]


@pytest.mark.parametrize("path", ["overview", "side-effects", "pregnancy"])
def test_the_browsers_own_print_hides_the_controls_and_keeps_the_content(page, dashboard_url, path):
    page.goto(f"{dashboard_url}/?page={path}&{PAIR}")
    settle(page)
    charts(page)
    page.emulate_media(media="print")
    for control in ('[data-testid="stMultiSelect"]', '[data-testid="stHeader"]', '[data-testid="stSegmentedControl"]'):
        # (waits for the print rules to apply: they come with the page, dashboard/stylesheet.py)
        page.wait_for_function("(selector) => Array.from(document.querySelectorAll(selector)).every("
                               "el => el.getClientRects().length === 0)", arg=control,
                               timeout=10_000)
    assert page.get_by_text(DISCLAIMER).filter(visible=True).first.is_visible()
    assert page.locator('[data-testid="stMain"] h1').first.is_visible()
    pdf = page.pdf(format="A4")  # Chromium's own print: it must come out, controls or not
    assert pdf[:4] == b"%PDF"


def test_on_a_phone_the_pml_page_says_its_gap_in_plain_words(browser, dashboard_url):
    """Natalizumab has no estimator (no readable stratified table): on a phone, in the patient view, the page says so
    in plain words, and nothing is wider than the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page=pml-infections&{PAIR}")
        settle(page)
        notice = page.locator('[data-testid="stAlertContentInfo"]', has_text="Your own PML risk is not given here")
        assert notice.count() == 1
        box = notice.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth") <= 390
        screenshot(page, "phone-pml-infections")
    finally:
        context.close()

"""Behaves like the web (issue 21): Back and Forward walk the pages visited, the search finds what was typed, a
clicker drives presenter mode, and a phone's first screen has content on it."""
from __future__ import annotations

import pytest

from .conftest import charts, screenshot, settle

PAIR = "treatments=ocrelizumab&treatments=natalizumab"
SIX = "&".join(f"treatments={t}" for t in ("ocrelizumab", "natalizumab", "alemtuzumab", "ofatumumab", "cladribine",
                                             "dimethyl_fumarate"))
TITLES = {"overview": "Overview", "benefits": "What the trials showed as benefit",
          "pregnancy": "Pregnancy and breastfeeding", "pml-infections": "PML",
          "pictures": "Side effects out of 100 people"}  # each page's title starts so
LINKS = {"benefits": "Benefits", "pregnancy": "Pregnancy", "overview": "Overview", "pml-infections": "PML and infections",
         "pictures": "Out of 100"}
CONTENT = '.js-plotly-plot, [data-testid="stMarkdownContainer"] table, [data-testid="stDataFrame"], [data-testid="stTable"]'


def heading(page) -> str:
    """The page's title, as far as TITLES names it."""
    title = page.locator("h1").first.inner_text()
    return next((known for known in TITLES.values() if title.startswith(known)), title)


def go(page, path: str) -> None:
    """A page from the menu (a labelled Menu whose links carry the selection)."""
    open_menu(page).get_by_role("link", name=LINKS[path], exact=True).click()
    settle(page)
    page.wait_for_function(f"() => location.search.includes('page={path}')", timeout=15_000)


def open_menu(page):
    page.locator('[class*="st-key-menu_"] button').click()
    body = page.locator('[data-testid="stPopoverBody"]')
    body.get_by_role("link").first.wait_for(timeout=15_000)  # drawn when opened
    return body


def back(page, forward: bool = False) -> None:
    (page.go_forward if forward else page.go_back)()
    settle(page)


def test_from_a_shared_link_back_returns_to_the_shared_page(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=benefits&{PAIR}")
    settle(page)
    assert heading(page) == TITLES["benefits"]
    go(page, "pregnancy")
    assert heading(page) == TITLES["pregnancy"]
    back(page)
    assert heading(page) == TITLES["benefits"]
    assert "treatments=ocrelizumab&treatments=natalizumab" in page.url
    current = open_menu(page).locator("[data-testid='stPageLink'] a[aria-current='page']")
    if current.count():  # the menu marks one page, this one
        assert current.count() == 1 and current.inner_text().strip().endswith("Benefits")


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_three_pages_then_back_three_times_and_forward_once(browser, dashboard_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                  is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page=overview&{PAIR}")
        settle(page)
        for path in ("pml-infections", "pictures", "benefits"):
            go(page, path)
            assert heading(page) == TITLES[path]
        for path in ("pictures", "pml-infections", "overview"):
            back(page)
            assert heading(page) == TITLES[path], path
            assert "treatments=ocrelizumab&treatments=natalizumab" in page.url
        back(page, forward=True)
        assert heading(page) == TITLES["pml-infections"]
    finally:
        context.close()


SEARCHES = [("ofatum", ["Ofatumumab"]), ("ocre", ["Ocrelizumab"]), ("kes", ["Ofatumumab"]), ("tecf", ["Dimethyl fumarate"])]


@pytest.mark.parametrize("typed, added", SEARCHES, ids=[s[0] for s in SEARCHES])
def test_the_search_finds_what_was_typed_and_enter_adds_one(page, dashboard_url, typed, added):
    page.goto(f"{dashboard_url}/?page=overview")
    settle(page)
    page.locator(".st-key-w_treatments input").fill(typed)
    page.keyboard.press("Enter")
    settle(page)
    chosen = [tag.get_attribute("aria-label") for tag in page.locator(".st-key-w_treatments [data-tag]").all()]
    assert len(chosen) == 1 and chosen[0].startswith(added[0]), chosen


def test_inter_lists_the_interferons_and_pml_lists_nothing(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=overview")
    settle(page)
    box = page.locator(".st-key-w_treatments input")
    box.fill("inter")
    options = page.locator('[role="option"]')
    options.first.wait_for(timeout=10_000)
    listed = options.all_inner_texts()
    assert listed and all("nterferon" in o for o in listed) and len(listed) == 4, listed
    assert not any("Select" in o and "match" in o for o in listed)
    box.fill("PML")
    page.wait_for_timeout(500)
    assert not [o for o in page.locator('[role="option"]').all_inner_texts() if "No results" not in o]


def test_for_a_talk_leads_to_choosing_the_treatments_then_the_first_step(page, dashboard_url):
    page.goto(dashboard_url)
    settle(page)
    page.get_by_role("link", name="For a talk").first.click()
    settle(page)
    assert page.locator(".st-key-w_treatments").is_visible()
    assert page.get_by_text("Choose at least").count() == 0
    for name in ("Ocrelizumab", "Natalizumab"):
        page.locator(".st-key-w_treatments input").fill(name)
        page.keyboard.press("Enter")
        settle(page)
    page.keyboard.press("Escape")  # close the picker's list
    page.locator(".st-key-w_start_talk button").click()
    settle(page)
    assert page.get_by_text("Step 1 of").first.is_visible()


def step_number(page) -> int:
    return int(page.get_by_text("Step ").first.inner_text().split()[1])


def test_a_clicker_drives_presenter_mode_and_present_is_in_the_menu(page, dashboard_url):
    page.goto(f"{dashboard_url}/?page=overview&{PAIR}")
    settle(page)
    open_menu(page).get_by_role("link", name="Present", exact=True).click()
    settle(page)
    page.set_viewport_size({"width": 1920, "height": 1080})
    assert step_number(page) == 1
    page.mouse.click(5, 1000)  # focus on the page body, as after a click on a slide
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)):
        page.keyboard.press(key if key != "Space" else " ")
        settle(page)
        page.wait_for_function(f"() => location.search.includes('step={expected}')", timeout=15_000)
        assert step_number(page) == expected, key


def test_every_step_with_six_treatments_fits_1920x1080_with_a_large_qr_and_large_text(page, dashboard_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{dashboard_url}/?page=presenter&{SIX}")
    settle(page)
    total = int(page.get_by_text("Step 1 of").first.inner_text().split()[-1])
    for step in range(1, total + 1):
        if step > 1:
            page.keyboard.press("ArrowRight")
            settle(page)
            page.wait_for_function(f"() => location.search.includes('step={step}')", timeout=15_000)
        charts(page)
        qr = page.locator('.st-key-presenter_body [data-testid="stImage"] img')
        qr.wait_for(state="visible", timeout=15_000)
        assert qr.bounding_box()["height"] >= 1080 / 4, step
        height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        assert height <= 1080, (step, height)
        small = page.evaluate("""() => {
          const small = [];
          const main = document.querySelector('[data-testid=stMain]');
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, el = node.parentElement;
            if (!node.textContent.trim() || !el.checkVisibility()) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < 24) small.push([node.textContent.trim().slice(0, 40), size]);
          }
          return small;
        }""")
        assert small == [], (step, small)
        if step in (1, total):
            screenshot(page, f"presenter-six-step-{step}")


PHONE_PAGES = ["overview", "benefits", "side-effects", "pictures", "pml-infections", "pregnancy", "sources"]


@pytest.mark.parametrize("width, height, scale", [(390, 844, 1), (1280, 1024, 2)], ids=["phone", "zoom-200"])
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_the_first_screen_has_content_on_it(browser, dashboard_url, path, width, height, scale):
    # 200% zoom on a 1280x1024 window is a 640x512 CSS-pixel screen at twice the pixel density.
    context = browser.new_context(viewport={"width": width // scale, "height": height // scale},
                                  device_scale_factor=scale, is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page={path}&{PAIR}")
        settle(page)
        page.locator(CONTENT).first.wait_for(state="attached", timeout=20_000)
        top = page.locator(CONTENT).first.bounding_box()["y"]
        assert top < height // scale, (path, top)
        if width == 390:
            screenshot(page, f"phone-first-screen-{path}")
    finally:
        context.close()


def test_on_a_phone_the_menu_is_labelled_closes_after_a_choice_and_the_picker_shows_every_choice(browser, dashboard_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{dashboard_url}/?page=overview&{SIX}")
        settle(page)
        menu = page.locator('[class*="st-key-menu_"] button')
        assert menu.is_visible() and "Menu" in menu.inner_text().split()  # a word, not an icon alone
        open_menu(page).get_by_role("link", name="Pregnancy", exact=True).click()
        settle(page)
        assert heading(page) == TITLES["pregnancy"]
        assert page.locator('[data-testid="stPopoverBody"]').filter(has_text="Benefits").count() == 0  # closed
        page.goto(f"{dashboard_url}/?page=overview&{SIX}")
        settle(page)
        picker = page.locator(".st-key-w_treatments")
        box = picker.bounding_box()
        tags = picker.locator("[data-tag]")
        assert tags.count() == 6
        for i in range(6):
            tag = tags.nth(i).bounding_box()
            assert box["x"] - 1 <= tag["x"] and tag["x"] + tag["width"] <= box["x"] + box["width"] + 1, i
            assert box["y"] - 1 <= tag["y"] and tag["y"] + tag["height"] <= box["y"] + box["height"] + 1, i
        screenshot(page, "phone-menu-and-picker")
    finally:
        context.close()

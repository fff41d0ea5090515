"""What matters and the knowledge check in a real browser, on a phone (390 px) and a laptop (1280 px): no slider, every
choice reached and chosen with the keyboard alone, answers kept in the link, the overview's summary; screenshots in
docs/screenshots/values-*.png."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from components.controls.values_form import ABOUT_YOU
from dashboard.knowledge.values import CONSIDERATIONS, IMPORTANCE, SITUATIONS

from .conftest import screenshot, settle

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAIR = "treatments=Ocrelizumab&treatments=Natalizumab"
WIDTHS = {"phone": 390, "laptop": 1280}
FOCUSED = """() => {
  const el = document.activeElement;
  const group = el.closest('[role=radiogroup], [role=toolbar]');
  return {tag: el.tagName, role: el.getAttribute('role') || el.type || '', group: group ? group.getAttribute('aria-label') : '',
          label: el.getAttribute('aria-label') || el.innerText || '', pressed: el.getAttribute('aria-pressed')};
}"""


def choice(page, key: str, words: str):
    """The button of a choice of buttons (keyed `key`) that says `words`."""
    return page.locator(f".st-key-{key} button").filter(has_text=words)


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    shutil.copyfile(screenshot(page, name), SHOTS / f"{name}.png")


def visit(page, url: str, device: str) -> None:
    """Open `url` at the device's width and wait until the app has drawn it."""
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    page.goto(url)
    settle(page)


def no_slider(page) -> None:
    assert page.locator('input[type="range"], [data-testid="stSlider"], [role="slider"]').count() == 0


def press(page, first, keys: list[str]) -> list[dict]:
    """Focus `first`, then press each key: where the focus was before the first key and after each."""
    first.focus()
    seen = [page.evaluate(FOCUSED)]
    for key in keys:
        page.keyboard.press(key)
        seen.append(page.evaluate(FOCUSED))
    return seen


@pytest.mark.parametrize("device", WIDTHS)
def test_every_choice_is_reached_and_chosen_with_the_keyboard_and_kept_in_the_link(page, dashboard_url, device):
    visit(page, f"{dashboard_url}/?page=values&{PAIR}", device)
    assert page.get_by_role("heading", name="What matters to you", exact=True).is_visible()
    no_slider(page)
    # Tab reaches each group of the card sort (a toolbar of buttons, one stop each) and then the situations, in the
    # order of the screen; the arrow keys reach every consideration in a group, every situation in theirs
    within = ["ArrowRight"] * (len(CONSIDERATIONS) - 1)
    keys = (within + ["Tab"]) * len(IMPORTANCE) + ["ArrowRight"] * (len(SITUATIONS) - 1)
    seen = press(page, page.locator(".st-key-w_matters_very button").first, keys)
    choices = list(dict.fromkeys((s["group"], s["label"].strip()) for s in seen if s["tag"] == "BUTTON" and s["group"]))
    assert choices == [(words, c.words) for _, words in reversed(IMPORTANCE) for c in CONSIDERATIONS] + \
        [(ABOUT_YOU, s.words) for s in SITUATIONS]
    # chosen with the keyboard: the answer goes into the link, and the sources' part follows it
    choice(page, "w_matters_very", "Pregnancy and breastfeeding").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('matters=pregnancy.very')", timeout=15_000)
    settle(page)
    choice(page, "w_situations", SITUATIONS[0].words).focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('situations=pregnancy_planned')", timeout=15_000)
    settle(page)
    page.get_by_role("heading", name=SITUATIONS[0].words).wait_for(timeout=15_000)
    # put in another group, it leaves the first
    choice(page, "w_matters_some", "Pregnancy and breastfeeding").click()
    page.wait_for_function("() => location.search.includes('matters=pregnancy.some')", timeout=15_000)
    settle(page)
    assert choice(page, "w_matters_very", "Pregnancy and breastfeeding").get_attribute("aria-pressed") == "false"
    link = page.url
    shot(page, f"values-{device}")
    # the link alone brings every answer back
    page.goto("about:blank")
    page.goto(link)
    settle(page)
    assert choice(page, "w_matters_some", "Pregnancy and breastfeeding").get_attribute("aria-pressed") == "true"
    assert choice(page, "w_situations", SITUATIONS[0].words).get_attribute("aria-pressed") == "true"
    assert page.get_by_role("heading", name="Questions to ask your neurologist").is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []


@pytest.mark.parametrize("device", WIDTHS)
def test_the_check_is_answered_with_the_keyboard(page, dashboard_url, device):
    visit(page, f"{dashboard_url}/?page=check&{PAIR}", device)
    no_slider(page)
    groups = page.locator('[data-testid="stRadioGroup"]')
    groups.nth(2).wait_for(timeout=60_000)  # at least three questions, drawn (under load the first run ends late)
    settle(page)
    count = groups.count()
    assert 3 <= count <= 5
    seen = press(page, groups.first.locator("input").first, ["Tab"] * (count - 1))
    assert [s["group"] for s in seen] == [f"Your answer to question {i + 1}" for i in range(count)]
    options = groups.first.locator("input")
    groups.first.locator("input").first.focus()
    for _ in range(options.count() - 1):  # the arrow keys reach every choice of a question
        page.keyboard.press("ArrowDown")
    answer = page.locator('[data-testid="stAlert"]').filter(has_text=re.compile(r"Right\.|Not quite: the answer is"))
    answer.first.wait_for(timeout=15_000)
    settle(page)
    feedback = answer.first.inner_text()
    assert ("Right." in feedback or "Not quite: the answer is" in feedback) and "Source:" in feedback
    assert "check_" not in page.url and "w_check" not in page.url  # nothing of the answers leaves the session
    shot(page, f"values-check-{device}")
    assert page.console_errors == []


@pytest.mark.parametrize("device", WIDTHS)
def test_the_overview_says_what_matters_to_me_and_keeps_the_treatment_order(page, dashboard_url, device):
    visit(page, f"{dashboard_url}/?page=overview&{PAIR}", device)
    plain_head = page.locator('[data-testid="stMarkdownContainer"] thead').first.text_content()
    page.goto(f"{dashboard_url}/?page=overview&{PAIR}&matters=pregnancy.very&situations=breastfeeding")
    settle(page)
    summary = page.get_by_text("What matters to me").first
    assert summary.is_visible()
    assert page.locator('[data-testid="stMarkdownContainer"] thead').first.text_content() == plain_head
    first_row = page.locator('[data-testid="stMarkdownContainer"] tbody tr').first.inner_text()
    assert "Pregnancy" in first_row, first_row
    no_slider(page)
    shot(page, f"values-overview-{device}")
    page.get_by_role("link", name="Change what matters to me").click()
    page.wait_for_function("() => location.search.includes('page=values')", timeout=15_000)
    settle(page)
    assert choice(page, "w_matters_very", "Pregnancy and breastfeeding").get_attribute("aria-pressed") == "true"
    assert page.console_errors == []

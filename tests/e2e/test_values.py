"""What matters and the knowledge check in a real browser, on a phone (390 px) and a laptop (1280 px): no slider, every
choice reached and chosen with the keyboard alone, answers kept in the link, the overview's summary; screenshots in
docs/screenshots/values-*.png."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dashboard.knowledge.values import CONSIDERATIONS, IMPORTANCE, SITUATIONS

from .conftest import screenshot, settle

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAIR = "treatments=Ocrelizumab&treatments=Natalizumab"
WIDTHS = {"phone": 390, "laptop": 1280}
FOCUSED = """() => {
  const el = document.activeElement;
  const group = el.closest('[role=radiogroup]');
  return {tag: el.tagName, role: el.getAttribute('role') || el.type || '', group: group ? group.getAttribute('aria-label') : '',
          label: el.getAttribute('aria-label') || el.innerText || ''};
}"""


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
    # Tab reaches every question (a group of three choices, as radio buttons are) and then every situation, in the
    # order of the screen; the arrow keys reach every choice of a question
    first = page.locator(f".st-key-w_matters_{CONSIDERATIONS[0].id} button").first
    within = ["ArrowRight"] * (len(IMPORTANCE) - 1)
    seen = press(page, first, (within + ["Tab"]) * len(CONSIDERATIONS) + ["Tab"] * (len(SITUATIONS) + 1))  # +2: a heading's anchor
    choices = [(s["group"], s["label"].strip()) for s in seen if s["role"] == "radio"]
    assert choices == [(c.words, words) for c in CONSIDERATIONS for _, words in IMPORTANCE]
    boxes = list(dict.fromkeys(s["label"] for s in seen if s["role"] == "checkbox"))
    assert boxes == [s.words for s in SITUATIONS]
    # chosen with the keyboard: the answer goes into the link, and the sources' part follows it
    page.locator(".st-key-w_matters_pregnancy button").nth(2).focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('matters=pregnancy.very')", timeout=15_000)
    settle(page)
    page.locator(".st-key-w_situation_pregnancy_planned input").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('situations=pregnancy_planned')", timeout=15_000)
    settle(page)
    page.get_by_role("heading", name=SITUATIONS[0].words).wait_for(timeout=15_000)
    link = page.url
    shot(page, f"values-{device}")
    # the link alone brings every answer back
    page.goto("about:blank")
    page.goto(link)
    settle(page)
    assert page.locator(".st-key-w_matters_pregnancy button").nth(2).get_attribute("aria-checked") == "true"
    assert page.locator(".st-key-w_situation_pregnancy_planned input").is_checked()
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
    assert page.locator(".st-key-w_matters_pregnancy button").nth(2).get_attribute("aria-checked") == "true"
    assert page.console_errors == []

"""The static edition from files with the network off: a page for every treatment and every pair, and the page where
a reader chooses up to six; tables first (no script blocks them, and they show with the chart scripts blocked),
charts drawn from the local Plotly copy, the overview stacked at 390 px, chart text large on a projector."""
from __future__ import annotations

import itertools
import random
import re

import pytest

from dashboard.export.site import FULL_PLOTLY_JS, MOST_CHOSEN, PLOTLY_JS, pair_file, write_site
from dashboard.knowledge import rare_risks
from dashboard.knowledge.overview import rows

from .conftest import ARTIFACTS


@pytest.fixture(scope="module")
def edition(tmp_path_factory, knowledge):
    out = tmp_path_factory.mktemp("static-edition")
    return out, write_site(knowledge, out)


def sample_pairs(knowledge) -> list[tuple[str, str]]:
    """Pairs across classes (natalizumab beside an anti-CD20, Kesimpta with Tecfidera), the first and last, and
    three more drawn with a fixed seed."""
    every = list(itertools.combinations(knowledge.treatment_ids(), 2))
    chosen = [("ocrelizumab", "natalizumab"), ("ofatumumab", "dimethyl_fumarate"), every[0], every[-1]]
    return list(dict.fromkeys(chosen + random.Random(22).sample(every, 3)))


def open_context(browser, width=1280, height=900, blocked=(), **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.set_offline(True)
    requested, errors = [], []

    def route(r):
        url = r.request.url
        if url.startswith("file://") and not url.endswith(blocked or ("\0",)):
            return r.continue_()
        requested.append(url)
        return r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and "ERR_FAILED" not in m.text and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.requested, page.errors = requested, errors
    return context, page


@pytest.fixture
def offline(browser):
    context, page = open_context(browser)
    yield page
    context.close()


def wait_drawn(page, timeout=20_000) -> int:
    charts = page.locator("div.plot")
    for index in range(charts.count()):
        charts.nth(index).locator("g.trace").first.wait_for(state="attached", timeout=timeout)
    assert page.locator("div.plot.js-plotly-plot").count() == charts.count()
    return charts.count()


def words(text: str) -> str:
    return " ".join(text.split())


def cell_texts(page) -> list[list[str]]:
    """The overview's cells, row by row, without the source markers, spaces as a reader sees them."""
    found = page.locator("table.overview tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent.replace(/\\s*\\[\\d+\\]$/, '')))")
    return [[words(cell) for cell in row] for row in found]


def overview_texts(knowledge, ids) -> list[list[str]]:
    """The same cells as the knowledge says them (dashboard/knowledge/overview.py)."""
    return [[words(c.text) for c in row.cells] for row in rows(knowledge, tuple(ids), "patient")]


def test_a_page_for_every_treatment_and_every_pair_with_no_script_that_blocks_rendering(edition, knowledge):
    out, pages = edition
    ids = knowledge.treatment_ids()
    for a, b in itertools.combinations(ids, 2):
        assert (out / "compare" / pair_file(knowledge, (a, b))).is_file(), (a, b)
    assert {p.stem for p in pages if p.parent.name == "treatments"} == set(ids)
    assert len([p for p in pages if p.parent.name == "compare"]) == len(ids) * (len(ids) - 1) // 2
    for page in pages:
        html = page.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            if 'type="application/json"' in tag:
                continue  # a data block: never executed
            assert " defer " in tag and re.search(r'src="(\.\./)?(draw|choose)\.js"', tag), (page, tag)  # own, deferred


def test_every_sampled_page_from_files_offline_has_the_disclaimer_its_table_and_its_charts_drawn(edition, offline, knowledge):
    out, _ = edition
    ids = knowledge.treatment_ids()
    paths = [out / "index.html", out / "sources.html", out / "treatments" / f"{ids[0]}.html",
             out / "treatments" / "natalizumab.html",
             *(out / "compare" / pair_file(knowledge, pair) for pair in sample_pairs(knowledge))]
    drawn = 0
    for path in paths:
        offline.goto(path.as_uri())
        assert offline.get_by_text(knowledge.site.disclaimer[0], exact=False).first.is_visible(), path
        assert f"knowledge version {knowledge.site.knowledge_version}" in offline.locator("footer").inner_text(), path
        drawn += wait_drawn(offline)
        if path.parent.name == "compare":
            a, b = path.stem.split("--")
            assert cell_texts(offline) == overview_texts(knowledge, (a, b)), path  # the numbers on screen are the knowledge's
            text = offline.locator("main").inner_text()
            assert "Side effects out of 100 people" in text and "Birth control after the last dose" in text, path  # pictures
            assert offline.locator('section.chart .plot[aria-label^="Icon arrays"]').count() >= 1, path
            pml = [rare_risks.primary(t, rare_risks.base_for(knowledge.pick([a, b]))) for t in knowledge.pick([a, b])]
            for s in filter(None, pml):  # the rare-risk picture, and its sentences with the same numbers
                assert words(f"{s.treatment.name}: {rare_risks.sentence(s, 'patient')}") in words(text), path
            assert ("PML on one scale" in text) == any(pml), path
    assert drawn > 40
    assert offline.errors == []
    assert offline.requested == []  # nothing but the edition's own files


def test_the_table_shows_with_the_chart_scripts_blocked(edition, browser, knowledge):
    out, _ = edition
    context, page = open_context(browser, blocked=("draw.js", "plotly.min.js"))
    try:
        page.goto((out / "compare" / pair_file(knowledge, ("ocrelizumab", "natalizumab"))).as_uri())
        assert page.locator("table.overview").is_visible()
        assert cell_texts(page) == overview_texts(knowledge, ("ocrelizumab", "natalizumab"))
        assert any(u.endswith("draw.js") for u in page.requested)  # it was asked for, and refused
        assert page.locator("div.plot.js-plotly-plot").count() == 0
    finally:
        context.close()


def test_the_reader_chooses_a_set_and_gets_its_overview(edition, offline, knowledge):
    out, _ = edition
    chosen = ("natalizumab", "ofatumumab", "dimethyl_fumarate")
    offline.goto((out / "choose.html").as_uri())
    for treatment_id in chosen:
        offline.locator(f'input[value="{treatment_id}"]').check()
    assert offline.evaluate("() => location.hash") == "#" + ",".join(sorted(chosen, key=knowledge.treatment_ids().index))
    in_order = tuple(sorted(chosen, key=knowledge.treatment_ids().index))
    heads = offline.locator("table.overview thead th").all_inner_texts()
    assert [h.split(" (")[0] for h in heads] == [knowledge.treatments[i].name for i in in_order]
    assert cell_texts(offline) == overview_texts(knowledge, in_order)
    assert wait_drawn(offline) >= 3
    assert "Sources on this page" in offline.locator("#overview").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    offline.screenshot(path=str(ARTIFACTS / "static-edition-choose.png"), full_page=True)
    # A link keeps the choice; no more than six can be ticked.
    every = knowledge.treatment_ids()
    offline.goto((out / "choose.html").as_uri() + "#" + ",".join(every[:MOST_CHOSEN]))
    offline.reload()
    assert offline.locator("table.overview thead th").count() == MOST_CHOSEN
    assert offline.locator(f'input[value="{every[MOST_CHOSEN]}"]').is_disabled()
    assert "the most this page compares" in offline.locator("#choose-status").inner_text()
    offline.goto((out / "choose.html").as_uri() + "#%E0%A4%A,<b>x</b>")  # a malformed or hostile address
    offline.reload()
    assert offline.locator("table.overview").count() == 0 and "Tick one or more" in offline.locator("#overview").inner_text()
    assert offline.errors == [] and offline.requested == []


def test_at_390_px_the_overview_stacks_and_fits(edition, browser, knowledge):
    out, _ = edition
    context, page = open_context(browser, 390, 844, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page.goto((out / "compare" / pair_file(knowledge, ("ocrelizumab", "natalizumab"))).as_uri())
        table = page.locator("table.overview").bounding_box()
        assert table["x"] >= 0 and table["x"] + table["width"] <= 390
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # no sideways scroll
        label = page.locator("table.overview tbody td").first.evaluate("td => getComputedStyle(td, '::before').content")
        assert "Ocrelizumab" in label  # each stacked cell names its treatment
        assert page.locator("table.overview thead").is_hidden()
        wait_drawn(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "static-edition-phone.png"))
    finally:
        context.close()


def test_on_a_projector_chart_text_is_at_least_18_px(edition, browser, knowledge):
    out, _ = edition
    context, page = open_context(browser, 1920, 1080)
    try:
        page.goto((out / "compare" / pair_file(knowledge, ("ocrelizumab", "natalizumab"))).as_uri())
        wait_drawn(page)
        sizes = page.locator("div.plot svg text").evaluate_all(
            "ts => ts.filter(t => t.textContent.trim()).map(t => parseFloat(getComputedStyle(t).fontSize))")
        assert len(sizes) > 20 and min(sizes) >= 18, sorted(sizes)[:5]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "static-edition-projector.png"))
    finally:
        context.close()


def test_the_smaller_plotly_bundle_is_the_version_of_the_plotly_we_pin():
    version = lambda path: re.search(r"plotly\.js(?: \([^)]*\))? (v[\d.]+)", path.read_text()[:300]).group(1)  # noqa: E731
    assert version(PLOTLY_JS) == version(FULL_PLOTLY_JS)
    assert "(basic - minified)" in PLOTLY_JS.read_text()[:300]

"""The static edition from files with the network off: every page shows the disclaimer and the knowledge version,
and every chart on it is drawn (Plotly from the local copy); nothing but files is requested."""
from __future__ import annotations

import pytest

from dashboard.export.site import write_site

from .conftest import ARTIFACTS


@pytest.fixture(scope="module")
def edition(tmp_path_factory, knowledge):
    out = tmp_path_factory.mktemp("static-edition")
    return out, write_site(knowledge, out)


@pytest.fixture
def offline(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_offline(True)
    requested, errors = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (requested.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.requested, page.errors = requested, errors
    yield page
    context.close()


def test_every_page_from_files_offline_has_the_disclaimer_and_its_charts_drawn(edition, offline, knowledge):
    out, pages = edition
    assert pages[0].name == "index.html" and len(pages) > len(knowledge.treatments)
    disclaimer = knowledge.site.disclaimer[0]
    drawn_total = 0
    for path in pages:
        offline.goto(path.as_uri())
        assert offline.get_by_text(disclaimer, exact=False).first.is_visible(), path
        assert f"knowledge version {knowledge.site.knowledge_version}" in offline.locator("footer").inner_text(), path
        charts = offline.locator("div.plot")
        for index in range(charts.count()):
            charts.nth(index).locator("g.trace").first.wait_for(state="attached", timeout=10_000)
        drawn = offline.locator("div.plot.js-plotly-plot").count()
        assert drawn == charts.count(), path
        drawn_total += drawn
    assert drawn_total > 50
    assert offline.errors == []
    assert offline.requested == []  # nothing but the edition's own files


def test_a_pair_page_reads_like_the_dashboard(edition, offline, knowledge):
    out, _ = edition
    offline.goto((out / "compare" / "ocrelizumab--ofatumumab.html").as_uri())
    offline.locator("div.plot g.trace").first.wait_for(state="attached", timeout=10_000)
    text = offline.locator("main").inner_text()
    assert "Ocrelizumab" in text and "Ofatumumab" in text and "Sources on this page" in text
    ARTIFACTS.mkdir(exist_ok=True)
    offline.screenshot(path=str(ARTIFACTS / "static-edition-pair.png"), full_page=True)

"""The static edition's files: every page with the disclaimer and knowledge version, Plotly local, data text escaped,
only allow-listed links."""
from __future__ import annotations

import json
import re

from dashboard.export.site import most_compared_pairs, write_site
from dashboard.knowledge import Knowledge


def hostile(knowledge: Knowledge) -> Knowledge:
    """The shipped knowledge with one source's title made of markup and its URL off the allow-list."""
    source_id = knowledge.treatments["ocrelizumab"].adverse_events[0].source
    source = knowledge.sources[source_id].model_copy(update={
        "title": '<script>alert("x")</script><img src=x onerror=alert(1)>', "url": "https://evil.example/page"})
    return Knowledge(knowledge.site, dict(knowledge.sources, **{source_id: source}), knowledge.events,
                     knowledge.treatments, knowledge.topics)


def test_every_page_is_self_contained_escaped_and_links_only_allowed_urls(knowledge, tmp_path):
    pages = write_site(hostile(knowledge), tmp_path)
    assert (tmp_path / "plotly.min.js").stat().st_size > 1_000_000
    assert {p.name for p in pages} >= {"index.html", "sources.html", "ocrelizumab.html", "ocrelizumab--ofatumumab.html"}
    assert len([p for p in pages if p.parent.name == "treatments"]) == len(knowledge.treatments)
    for page in pages:
        html = page.read_text()
        assert "educational information, not medical advice" in html, page
        assert f"knowledge version {knowledge.site.knowledge_version}" in html, page
        # Chart data sits in script elements as JSON with <, > and & escaped; everywhere else markup is shown as text.
        assert html.count("</script>") == html.count("<script"), page
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert "evil.example" not in " ".join(re.findall(r'href="([^"]*)"', html)), page
        for src in re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html):
            assert src.endswith(("draw.js", "choose.js")) and "//" not in src, (page, src)  # ours; no third party
        assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", html), page  # no inline script
    ocrelizumab = (tmp_path / "treatments" / "ocrelizumab.html").read_text()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in ocrelizumab


def test_the_charts_carry_the_numbers_of_data(knowledge, tmp_path):
    write_site(knowledge, tmp_path, ["ocrelizumab"])
    html = (tmp_path / "treatments" / "ocrelizumab.html").read_text()
    te = knowledge.trial_events(["ocrelizumab"], knowledge.default_events(["ocrelizumab"]))[0]
    block = re.search(r'<script type="application/json" id="chart-1-spec">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)["data"]
    assert data[0]["x"] == [r.treatment_pct for r in te.rows]
    assert data[1]["x"] == [r.comparator_pct for r in te.rows]


def test_most_compared_pairs_are_same_class_and_trial_comparators(knowledge):
    pairs = most_compared_pairs(knowledge)
    assert ("ocrelizumab", "ofatumumab") in pairs  # same class
    assert any(set(p) == {"ocrelizumab", "interferon_beta_1a_sc"} for p in pairs)  # OPERA's comparator
    assert len(pairs) == len(set(pairs))

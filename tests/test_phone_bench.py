"""bench --phone's arithmetic and its table in docs/performance.md (the browser part runs by hand: minutes)."""
from __future__ import annotations

from dashboard import phone_bench
from dashboard.phone_bench import DOC_END, DOC_START, round_order, summarise, table, write_doc

URLS = {"live_overview": "http://127.0.0.1:1/?page=overview&treatments=ocrelizumab&treatments=natalizumab",
        "static_pair": "http://127.0.0.1:2/compare/ocrelizumab--natalizumab.html",
        "minimal_page": "http://127.0.0.1:3/"}


def loads(*seconds: float) -> list[dict]:
    return [{"s": s, "kb": 100, "files": 3} for s in seconds]


def test_every_page_goes_first_once_in_three_rounds():
    names = list(URLS)
    firsts = [round_order(names, r)[0] for r in range(3)]
    assert sorted(firsts) == sorted(names) and all(sorted(round_order(names, r)) == sorted(names) for r in range(3))


def test_medians_ratio_and_goals():
    report = summarise(URLS, {"live_overview": loads(9.0, 7.0, 12.0), "static_pair": loads(0.5, 0.4, 3.0),
                              "minimal_page": loads(16.0, 20.0, 17.0)}, 3, 60.0)
    assert report["pages"]["live_overview"]["median_s"] == 9.0 and report["pages"]["minimal_page"]["median_s"] == 17.0
    assert report["live_ratio"] == 0.53 and report["static_s"] == 0.5
    assert report["goals"]["met"] == {"live_ratio": False, "static_s": True}
    assert report["pages"]["static_pair"]["path"] == "/compare/ocrelizumab--natalizumab.html"
    faster = summarise(URLS, {"live_overview": loads(8.0), "static_pair": loads(2.6), "minimal_page": loads(16.0)}, 1, 1)
    assert faster["goals"]["met"] == {"live_ratio": True, "static_s": False}  # 0.5 x is within the goal; 2.6 s is not


def test_the_phone_table_is_rewritten_between_its_markers_only(tmp_path, monkeypatch):
    report = summarise(URLS, {"live_overview": loads(8.0), "static_pair": loads(0.4), "minimal_page": loads(16.0)}, 1, 1)
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Phone\nbefore\n{DOC_START}\nold figures\n{DOC_END}\nafter\n")
    assert write_doc(report, doc)
    text = doc.read_text()
    assert "old figures" not in text and text.startswith("# Phone\nbefore\n") and text.endswith("after\n")
    assert "| **8.00** |" in text and "**0.50 x** the minimal page (goal <= 0.5 x: met)" in text
    assert table(report) in text
    doc.write_text("no markers")
    assert not write_doc(report, doc) and doc.read_text() == "no markers"
    assert phone_bench.DOC.name == "performance.md"

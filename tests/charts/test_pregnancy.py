"""Pregnancy charts: the contraception windows equal the label figures in data/, by region; the relapse rates equal
the cohort figures, with intervals where the source gives them and none invented where it does not."""
from __future__ import annotations

from dashboard.charts import pregnancy


def test_timeline_bars_equal_each_labels_window(knowledge):
    chosen = knowledge.pick(["ocrelizumab", "cladribine", "natalizumab"])
    found = pregnancy.windows(chosen)
    fig = pregnancy.timeline_figure(knowledge, found)
    plotted = {(y.split(" (")[0], trace.name): (x, text) for trace in fig.data for y, x, text in zip(trace.y, trace.x, trace.text)}
    for t in chosen:
        for s in t.pregnancy.contraception:
            months = next((f for f in s.figures if f.unit == "months"), None)
            if months is not None and s.region in ("US", "EU"):
                x, text = plotted[(t.name, f"{s.region} label")]
                assert x == months.value and text == f"{months.value:g} months"
    assert any(w.treatment.id == "natalizumab" for w in found)  # no window in the labels: shown, not dropped
    assert len(pregnancy.timeline_table(knowledge, found)) == len(found)


def test_relapse_chart_equals_the_cohort_figures_with_their_intervals(knowledge):
    topic = knowledge.topics["pregnancy_relapses"]
    fig = pregnancy.relapse_figure(knowledge, topic)
    series = pregnancy.relapse_series(topic)
    assert len(fig.data) == len(series) >= 2
    for trace, (statement, figures) in zip(fig.data, series):
        assert list(trace.y) == [f.value for f in figures]
        for f, plus, hover in zip(figures, trace.error_y.array, trace.hovertext):
            if f.ci_high is None:
                assert plus == 0 and "no interval reported" in hover
            else:
                assert round(plus, 6) == round(f.ci_high - f.value, 6) and f"95% CI {f.ci_low:g} to {f.ci_high:g}" in hover
    labels = [f.label for _, figures in series for f in figures]
    assert "Trimester 3" in labels and "Year before pregnancy" in labels

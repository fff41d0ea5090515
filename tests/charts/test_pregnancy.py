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
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert len(bars) == len(series) >= 2
    for trace, (statement, figures) in zip(bars, series):
        assert list(trace.y) == [f.value for f in figures]
        for f, plus, hover in zip(figures, trace.error_y.array, trace.hovertext):
            if f.ci_high is None:
                assert plus == 0 and "no interval reported" in hover
            else:
                assert round(plus, 6) == round(f.ci_high - f.value, 6) and f"95% CI {f.ci_low:g} to {f.ci_high:g}" in hover
    labels = [f.label for _, figures in series for f in figures]
    assert "Trimester 3" in labels and "Year before pregnancy" in labels


def test_each_value_label_stands_above_its_own_error_bar(knowledge):
    """The label of a bar is at the bar's centre and above the top of its interval (or of the bar without one);
    tests/e2e/test_chart_details.py measures the drawn boxes at 390, 1280 and 1920 px."""
    topic = knowledge.topics["pregnancy_relapses"]
    fig = pregnancy.relapse_figure(knowledge, topic)
    bars = [t for t in fig.data if t.type == "bar"]
    labels = [t for t in fig.data if t.type == "scatter"]
    assert len(labels) == len(bars)
    for bar, label, (_, figures) in zip(bars, labels, pregnancy.relapse_series(topic)):
        assert list(label.x) == list(bar.x) and label.mode == "text" and not label.showlegend
        assert list(label.text) == [f"{f.value:g}" for f in figures]
        for f, y in zip(figures, label.y):
            assert y > (f.ci_high if f.ci_high is not None else f.value)
        assert max(label.y) < fig.layout.yaxis.range[1]
    centres = sorted(x for bar in bars for x in bar.x)
    assert all(b - a >= bars[0].width for a, b in zip(centres, centres[1:]))  # bars of one period do not overlap


def test_each_legend_names_its_study_in_full_words(knowledge):
    topic = knowledge.topics["pregnancy_relapses"]
    fig = pregnancy.relapse_figure(knowledge, topic)
    names = [t.name.replace("<br>", " ") for t in fig.data if t.type == "bar"]
    for name, (statement, figures) in zip(names, pregnancy.relapse_series(topic)):
        source = knowledge.source(statement.source)
        assert "…" not in name and str(source.year) in name
        assert source.title.split("(")[-1].split(";")[-1].split(",")[0].split()[0] in name  # the first author
        assert all(len(line) <= 34 for line in next(t.name for t in fig.data if t.type == "bar"
                                                      and t.name.replace("<br>", " ") == name).split("<br>"))
    assert names[0].startswith("PRIMS, Confavreux et al. 1998")


def test_a_contraception_window_is_a_waiting_time_never_a_washout_or_a_test_interval(knowledge):
    found = pregnancy.windows(list(knowledge.treatments.values()))
    for window in found:
        if window.figure is not None:
            assert "contracept" in window.figure.label.casefold(), (window.treatment.id, window.figure.label)
    teriflunomide_eu = next(w for w in found if w.treatment.id == "teriflunomide" and w.region == "EU")
    assert teriflunomide_eu.figure is None and teriflunomide_eu.period == "no set period"  # its 11 days is the washout
    siponimod = [w.figure.value for w in found if w.treatment.id == "siponimod"]
    assert siponimod == [10, 10]

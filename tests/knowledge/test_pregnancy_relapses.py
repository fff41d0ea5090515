"""The pregnancy relapse curve: one statement per study, periods from a fixed vocabulary, in time order."""
from __future__ import annotations

PERIODS = [
    "Year before pregnancy", "Trimester 1", "Trimester 2", "Trimester 3", "Months 1-3 after birth",
    "Months 4-6 after birth", "Months 7-9 after birth", "Months 10-12 after birth", "Year after birth",
]


def test_each_study_gives_rates_per_period_in_time_order(knowledge):
    topic = knowledge.topics["pregnancy_relapses"]
    assert len({s.source for s in topic.statements}) == len(topic.statements)  # one statement per study
    for statement in topic.statements:
        labels = [f.label for f in statement.figures]
        assert labels and set(labels) <= set(PERIODS)
        assert labels == sorted(labels, key=PERIODS.index)
        assert {f.unit for f in statement.figures} == {"per patient-year"}
        assert all(f.source == statement.source for f in statement.figures)


def test_prims_and_the_meta_analysis_are_there_with_their_numbers(knowledge):
    topic = knowledge.topics["pregnancy_relapses"]
    by_year = {knowledge.source(s.source).year: s for s in topic.statements}
    prims, meta = by_year[1998], by_year[2020]
    assert "254 women" in prims.clinician and "269 pregnancies" in prims.clinician
    assert [f.value for f in prims.figures] == [0.7, 0.5, 0.6, 0.2, 1.2]
    assert "7,034 pregnancies" in meta.clinician
    assert [(f.value, f.ci_low, f.ci_high) for f in meta.figures] == [(0.36, 0.28, 0.44), (0.29, 0.21, 0.36), (0.16, 0.11, 0.21)]

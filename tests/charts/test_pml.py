"""The natalizumab PML stratification chart: one bar per stratum, values equal to data/."""
from __future__ import annotations

from dashboard.charts import pml


def with_strata(knowledge):
    return [t for t in knowledge.treatments.values() if t.pml_risk]


def test_natalizumab_carries_a_stratification(knowledge):
    assert [t.id for t in with_strata(knowledge)] == ["natalizumab"]


def test_bars_equal_the_strata_of_every_region_recorded(knowledge):
    for treatment in with_strata(knowledge):
        regions = sorted({s.region for s in treatment.pml_risk})
        assert regions
        for region in regions:
            strata = pml.strata(treatment, region)
            fig = pml.figure(knowledge, treatment, region)
            plotted = sorted(v for trace in fig.data for v in trace.y)
            assert plotted == sorted(s.per_1000 for s in strata)
            assert region in pml.title(treatment, region)
            shapes = [trace.marker.pattern.shape for trace in fig.data]
            assert len(set(shapes)) == len(shapes)  # every group has its own pattern, not colour alone
            assert len(pml.table(knowledge, treatment, region)) == len(strata)

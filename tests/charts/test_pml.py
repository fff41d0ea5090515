"""The natalizumab PML stratification chart: one bar per stratum, values equal to data/."""
from __future__ import annotations

from dashboard.charts import pml
from dashboard.knowledge.models import PmlStratum


EXAMPLE = PmlStratum(region="US", antibody="Anti-JCV antibody positive", prior_immunosuppressant=False,
                     exposure="25-48 months", per_1000=3, source="natalizumab_top_2020", locator="test")


def with_strata(knowledge):
    """Treatments with strata in data/, or natalizumab with one example stratum when data/ holds none."""
    found = [t for t in knowledge.treatments.values() if t.pml_risk]
    if found:
        return found
    natalizumab = knowledge.treatments["natalizumab"]
    return [natalizumab.model_copy(update={"pml_risk": (EXAMPLE, EXAMPLE.model_copy(update={"prior_immunosuppressant": True}))})]


def test_natalizumab_has_a_stratification_or_says_why_not(knowledge):
    """Strata only where a source gives them; otherwise a pml gap says on screen what is missing and where it is."""
    natalizumab = knowledge.treatments["natalizumab"]
    assert [t.id for t in knowledge.treatments.values() if t.pml_risk] in ([], ["natalizumab"])
    assert natalizumab.pml_risk or any(g.topic == "pml" and "label holds a table of PML risk" in g.note and g.see
                                       for g in natalizumab.gaps)


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

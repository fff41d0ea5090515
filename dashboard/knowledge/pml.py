"""The PML estimator's questions: which answers a treatment's published strata allow, and the one estimate for a
situation. No Streamlit; an estimate is only ever a stratum in data/, never computed from others."""
from __future__ import annotations

from .models import PmlStratum, Treatment

PRIOR = {True: "Yes, before this treatment", False: "No", None: "Not asked by the source"}


def regions(treatment: Treatment) -> list[str]:
    return sorted({s.region for s in treatment.pml_risk}, reverse=True)  # US first, as the stratified table is


def _unique(values) -> tuple:
    return tuple(dict.fromkeys(values))  # in the source's order


def antibodies(treatment: Treatment, region: str) -> tuple[str, ...]:
    return _unique(s.antibody for s in treatment.pml_risk if s.region == region)


def priors(treatment: Treatment, region: str, antibody: str) -> tuple[bool | None, ...]:
    """The answers about earlier immunosuppressants that the source splits this group by (just None: not asked)."""
    return _unique(s.prior_immunosuppressant for s in treatment.pml_risk if (s.region, s.antibody) == (region, antibody))


def exposures(treatment: Treatment, region: str, antibody: str, prior: bool | None) -> tuple[str, ...]:
    return _unique(s.exposure for s in treatment.pml_risk
                   if (s.region, s.antibody, s.prior_immunosuppressant) == (region, antibody, prior))


def estimate(treatment: Treatment, region: str, antibody: str, prior: bool | None, exposure: str) -> PmlStratum | None:
    """The one stratum for this situation, or None where the source gives none."""
    return next((s for s in treatment.pml_risk
                 if (s.region, s.antibody, s.prior_immunosuppressant, s.exposure) == (region, antibody, prior, exposure)), None)


def situations(treatment: Treatment):
    """Every situation the questions allow, with its answer: what a test walks."""
    for region in regions(treatment):
        for antibody in antibodies(treatment, region):
            for prior in priors(treatment, region, antibody):
                for exposure in exposures(treatment, region, antibody, prior):
                    yield (region, antibody, prior, exposure), estimate(treatment, region, antibody, prior, exposure)


def words(stratum: PmlStratum) -> str:
    if stratum.less_than:
        return f"fewer than {stratum.per_1000:g} in 1,000"
    return f"about {stratum.per_1000:g} in 1,000"

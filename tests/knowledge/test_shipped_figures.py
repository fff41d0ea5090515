"""Figures added beyond the seeds: both arms with their trial, and both regions where both labels were read."""
from __future__ import annotations


def test_oratorio_disability_progression_has_both_arms_from_the_nejm_paper(knowledge):
    ocrelizumab = knowledge.treatments["ocrelizumab"]
    result = next(b for b in ocrelizumab.benefits
                  if b.trial == "oratorio" and b.outcome.startswith("Disability progression confirmed at 12"))
    assert (result.treatment_value, result.comparator_value, result.absolute_difference) == (32.9, 39.3, 6.4)
    assert knowledge.source(result.source).url == "https://doi.org/10.1056/NEJMoa1606468"
    trial = next(t for t in ocrelizumab.trials if t.id == "oratorio")
    assert (trial.population, trial.comparator) == ("PPMS", "Placebo")


def test_rituximab_contraception_shows_the_us_and_the_eu_window(knowledge):
    contraception = knowledge.treatments["rituximab"].pregnancy.contraception
    months = {s.region: [f.value for f in s.figures if f.unit == "months"] for s in contraception}
    assert months == {"US": [12], "EU": [12]}
    assert knowledge.source(next(s for s in contraception if s.region == "EU").source).region == "EU"

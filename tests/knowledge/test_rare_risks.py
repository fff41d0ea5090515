"""Rare risks on one scale: every figure equals the cited cases ÷ exposure (or the source's own rate, converted), and
every PML cell of the overview says a figure on its base, or "no case among N people" with the most that rules out."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dashboard.knowledge import DATA_DIR
from dashboard.knowledge import rare_risks
from dashboard.knowledge.glossary import explain
from dashboard.knowledge.overview import rows

TREATMENT_IDS = sorted(p.stem for p in (DATA_DIR / "treatments").glob("*.yaml"))


def raw_pairs(treatment_id: str) -> list[tuple[str, float, float, str, bool]]:
    """(title, cases, exposure, exposure unit, reported, topic) for every risk of data/ that marks a pair, read with plain
    yaml (not through the knowledge loader)."""
    data = yaml.safe_load(Path(DATA_DIR / "treatments" / f"{treatment_id}.yaml").read_text())
    pairs = []
    for risk in data.get("risks", []):
        figures = risk.get("figures", [])
        cases = [f for f in figures if f.get("role") in ("cases", "reported_cases")]
        for exposure in (f for f in figures if f.get("role") == "exposure"):
            pairs.append((risk["title"], cases[0]["value"], exposure["value"], exposure["unit"],
                          cases[0]["role"] == "reported_cases", risk["topic"]))
    return pairs


PAIRED = [t for t in TREATMENT_IDS if raw_pairs(t)]


PML_PAIRED = [t for t in PAIRED if any(p[-1] == "pml" for p in raw_pairs(t))]


def test_the_shipped_pairs_are_the_ones_the_issue_names():
    assert set(PML_PAIRED) == {"natalizumab", "ocrelizumab", "dimethyl_fumarate", "ofatumumab"}
    assert set(PAIRED) - set(PML_PAIRED) == {"rituximab", "peginterferon_beta_1a"}  # other rare serious risks


@pytest.mark.parametrize("treatment_id", PAIRED)
def test_each_figure_is_cases_divided_by_exposure_from_data(knowledge, treatment_id):
    treatment = knowledge.treatments[treatment_id]
    shown = {(s.risk.title, s.base): s for topic in {r.topic for r in treatment.risks}
             for s in rare_risks.scaled(treatment, topic)}
    for title, cases, exposure, unit, reported, _ in raw_pairs(treatment_id):
        base = "people" if unit == "count" else "patient-years"
        s = shown[(title, base)]
        expected = (3 if cases == 0 else cases) / exposure * 10_000
        assert s.per_10000 == pytest.approx(expected)
        assert s.kind == ("none_seen" if cases == 0 else "reported" if reported else "calculated")
        # the calculation names both numbers as they stand in data/
        calculation = rare_risks.calculation(s)
        assert rare_risks.count(exposure) in calculation and "calculated by us" in calculation
        if cases:
            word = "case" if cases == 1 else "cases"
            assert f"{rare_risks.count(cases)} {'reported ' if reported else ''}{word} ÷" in calculation


def test_natalizumab_everyday_practice_figures(knowledge):
    t = knowledge.treatments["natalizumab"]
    people, years = rare_risks.primary(t, "people"), rare_risks.primary(t, "patient-years")
    assert (people.cases.value, people.exposure.value) == (53, 6148)
    assert rare_risks.number(people.per_10000) == "86" and people.word == "uncommon"
    assert years.exposure.value == 26060.25 and rare_risks.number(years.per_10000) == "20"
    # the study's own rate beside it, converted with its interval: 2.034 per 1,000 patient-years = 20.3 per 10,000
    assert years.rate.value == 2.034 and years.interval == pytest.approx((15.54, 26.62))
    assert "the study's own figure: 2.034 per 1,000 patient-years, 95% CI 15.5 to 26.6 per 10,000" in rare_risks.calculation(years)


def test_no_case_gives_the_rule_of_three_bound(knowledge):
    s = rare_risks.primary(knowledge.treatments["ofatumumab"], "people")
    assert s.kind == "none_seen" and s.cases.value == 0 and s.exposure.value == 1969
    assert s.per_10000 == pytest.approx(3 / 1969 * 10_000)
    assert rare_risks.headline(s, "clinician") == ("No case among 1,969 people in the studies; at most about 15 in "
                                                   "10,000 people treated (calculated by us)")
    assert "3 ÷ 1,969" in rare_risks.calculation(s)


def test_a_source_own_rate_is_converted_and_said_so(knowledge):
    s = rare_risks.primary(knowledge.treatments["fingolimod"], "people")
    assert (s.kind, s.rate.value, s.rate.unit) == ("own_rate", 0.069, "per 1,000 patients")
    assert s.per_10000 == pytest.approx(0.69) and s.word == "very rare"
    assert rare_risks.calculation(s).startswith("the study's own figure, converted: 0.069 per 1,000 patients, 95% CI")


def test_reported_cases_say_why_they_are_approximate(knowledge):
    s = rare_risks.primary(knowledge.treatments["ocrelizumab"], "people")
    assert s.reported and not s.at_most  # reported cases miss cases: never "at most", though people are "more than"
    for view in ("clinician", "patient"):
        text = rare_risks.sentence(s, view)
        assert "reported cases" in text and "not every case is reported" in text
        assert "estimate" in text  # the second reason: exposure is estimated
        assert text.startswith("About 0.46 ") and "at most" not in text.casefold()


@pytest.mark.parametrize("per_10000, word", [(0.46, "very rare"), (0.999, "very rare"), (1, "rare"), (9.9, "rare"),
                                             (10, "uncommon"), (86, "uncommon"), (100, "common")])
def test_frequency_words_are_the_labels(per_10000, word):
    assert rare_risks.frequency(per_10000)[0] == word


NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")


@pytest.mark.parametrize("view", ["patient", "clinician"])
def test_every_overview_pml_cell_has_a_figure_on_its_base_or_says_why_not(knowledge, view):
    row = next(r for r in rows(knowledge, tuple(TREATMENT_IDS), view) if r.id == "pml")
    for treatment_id, cell in zip(TREATMENT_IDS, row.cells):
        treatment = knowledge.treatments[treatment_id]
        found = rare_risks.primary(treatment, "people") or rare_risks.primary(treatment, "patient-years")
        assert not re.search(r"(?<![\d.,])0(?![\d.,])", cell.text), (treatment_id, cell.text)  # never a bare zero
        if found is None:
            said = rare_risks.no_figure(treatment, view)  # the patient view explains a clinician's word beside it
            assert cell.text == (explain(knowledge, said) if view == "patient" else said)
            continue
        assert cell.source in knowledge.sources
        figure = rare_risks.number(found.per_10000)
        on_base = ("in every 10,000 people treated" if view == "patient" else "in 10,000 people treated")
        if found.kind == "none_seen":
            assert cell.text.startswith(f"No case among {rare_risks.count(found.exposure.value)} people")
            assert f"at most about {figure} {on_base}" in cell.text
        else:
            assert f"about {figure} {on_base} ({found.word}" in cell.text.casefold().replace("at most about", "about")
        if view == "clinician" and found.kind != "own_rate":
            assert "calculated by us" in cell.text and found.data_date in cell.text


def test_treatments_with_a_pair_all_reach_the_overview(knowledge):
    row = next(r for r in rows(knowledge, tuple(PML_PAIRED), "clinician") if r.id == "pml")
    assert all("10,000" in cell.text for cell in row.cells)

"""Rare-risk figures in data/: a case count and its exposure in pairs, each with its data date (FILE:LINE errors)."""
from __future__ import annotations

import pytest

from .test_validate import TREATMENT, data, edit, validate  # noqa: F401  (data is a fixture)

# A PML risk with 2 reported cases among 10,000 people, appended to the minimal treatment's risks.
PAIR = """
  - topic: pml
    title: PML
    clinician: Two reported cases.
    patient: Two people got PML.
    source: example_label
    locator: Section 5.2
    figures:
      - label: Reported cases
        value: 2
        unit: count
        role: reported_cases
        data_date: June 2024
        source: example_label
        locator: Section 5.2, paragraph 1
      - label: People treated
        value: 10000
        unit: count
        role: exposure
        more_than: true
        data_date: June 2024
        source: example_label
        locator: Section 5.2, paragraph 1
pregnancy:"""
FILE = "data/treatments/exampleumab.yaml"


def with_pair(data, old: str = "", new: str = "") -> None:
    edit(data, TREATMENT, "\npregnancy:", PAIR.replace(old, new, 1) if old else PAIR)


def test_a_pair_with_its_dates_is_valid(data, capsys):
    with_pair(data)
    assert validate(data, capsys) == (0, ["ok: 1 treatments, 11 figures, 2 sources"])


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("        role: exposure\n", "",
                 f"{FILE}:84: risks.1.figures.0.role: a case count without its exposure, expected a figure with role: exposure (or the source's own rate, role: rate) in the same risk",
                 id="cases-without-exposure"),
    pytest.param("        role: reported_cases\n", "",
                 f"{FILE}:90: risks.1.figures.1.role: an exposure without its case count, expected a figure with role: cases or reported_cases in the same risk",
                 id="exposure-without-cases"),
    pytest.param("        data_date: June 2024\n", "",
                 f"{FILE}:81: risks.1.figures.0.data_date: a figure with a role needs the date its data run to, expected data_date: as the source prints it",
                 id="no-data-date"),
    pytest.param("        unit: count\n        role: exposure", "        unit: days\n        role: exposure",
                 f"{FILE}:90: risks.1.figures.1.unit: a figure with role exposure is in days, expected count or patient-years",
                 id="exposure-in-days"),
    pytest.param("        unit: count\n        role: reported_cases", '        unit: "%"\n        role: reported_cases',
                 f"{FILE}:83: risks.1.figures.0.unit: a figure with role reported_cases is in %, expected count",
                 id="cases-in-percent"),
    pytest.param("        role: reported_cases\n", "        role: reported_cases\n        more_than: true\n",
                 f"{FILE}:85: risks.1.figures.0.more_than: more_than is for an exposure the source gives as 'more than', expected role: exposure",
                 id="more-than-on-cases"),
    pytest.param("        role: reported_cases\n", "        role: guessed\n",
                 f"{FILE}:84: risks.1.figures.0.role: Input should be 'cases', 'reported_cases', 'exposure' or 'rate'",
                 id="unknown-role"),
])
def test_rule(data, capsys, old, new, expected):
    with_pair(data, old, new)
    code, lines = validate(data, capsys)
    assert code == 1 and expected in lines, lines


def test_a_second_exposure_in_people_is_an_error(data, capsys):
    second = PAIR.replace("pregnancy:", "") .split("      - label: People treated")[1]
    edit(data, TREATMENT, "\npregnancy:", PAIR.replace("\npregnancy:", "") + "\n      - label: People treated" + second.rstrip() + "\npregnancy:")
    code, lines = validate(data, capsys)
    assert code == 1 and any("risks.1.figures.2.role: a second exposure in count in one risk" in line for line in lines), lines


def test_a_role_outside_a_risk_is_an_error(data, capsys):
    edit(data, TREATMENT, "    locator: Section 8.1\n", "    locator: Section 8.1\n    figures:\n      - label: Cases\n        value: 2\n"
         "        unit: count\n        role: cases\n        data_date: '2020'\n        source: example_label\n        locator: Section 8.1\n")
    code, lines = validate(data, capsys)
    assert code == 1 and any(line.endswith("pregnancy.summary.figures.0.role: a role is for the figures of a risk, expected it under risks: figures:")
                             for line in lines), lines

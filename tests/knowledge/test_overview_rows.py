"""The overview's PML cell: the same figure in both views, its unit explained in words in the patient view."""
from __future__ import annotations

from dashboard.knowledge.overview import PLAIN_RATE_UNITS, rows


def _pml_cell(knowledge, treatment_id: str, view: str):
    return next(r for r in rows(knowledge, (treatment_id,), view) if r.id == "pml").cells[0]


def test_a_rate_keeps_its_number_and_explains_its_unit_for_patients(knowledge):
    risk = next(r for r in knowledge.treatments["natalizumab"].risks if r.topic == "pml" and r.headline)
    figure = next(f for f in risk.figures if "whole" in f.label.casefold())
    clinician, patient = _pml_cell(knowledge, "natalizumab", "clinician"), _pml_cell(knowledge, "natalizumab", "patient")
    assert clinician.text == f"{figure.label}: {figure.value:g} {figure.unit}"
    assert patient.text == f"{figure.label}: {figure.value:g} {PLAIN_RATE_UNITS[figure.unit]}"
    assert "patient-years" not in patient.text
    assert (clinician.source, clinician.locator) == (patient.source, patient.locator) == (figure.source, figure.locator)

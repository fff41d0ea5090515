"""The overview's PML cell: the same figure in both views, on the stated base, its calculation said in plain words
in the patient view (every treatment: tests/knowledge/test_rare_risks.py); the pregnancy cell's two parts set apart."""
from __future__ import annotations

from dashboard.knowledge.overview import rows


def _pml_cell(knowledge, treatment_id: str, view: str):
    return next(r for r in rows(knowledge, (treatment_id,), view) if r.id == "pml").cells[0]


def test_a_rate_keeps_its_number_and_explains_its_base_for_patients(knowledge):
    risk = next(r for r in knowledge.treatments["natalizumab"].risks if r.topic == "pml" and r.headline)
    cases = next(f for f in risk.figures if f.role == "cases")
    clinician, patient = _pml_cell(knowledge, "natalizumab", "clinician"), _pml_cell(knowledge, "natalizumab", "patient")
    assert clinician.text.startswith("About 86 in 10,000 people treated (uncommon) · calculated by us: 53 cases ÷ 6,148 people")
    assert patient.text.startswith("About 86 in every 10,000 people treated (uncommon: between 1 in 1,000 and 1 in 100)")
    assert "patient-years" not in patient.text and "÷" not in patient.text
    assert (clinician.source, clinician.locator) == (patient.source, patient.locator)
    assert clinician.source == cases.source and cases.locator in clinician.locator


def test_the_pregnancy_cell_parts_are_set_apart_like_other_cells(knowledge):
    """"Contraception: ..." and "Breastfeeding: ..." are two parts of one cell, joined by " · " as other cells' parts."""
    for treatment_id in knowledge.treatment_ids():
        for view in ("patient", "clinician"):
            cell = next(r for r in rows(knowledge, (treatment_id,), view) if r.id == "pregnancy").cells[0]
            contraception, separator, breastfeeding = cell.text.partition(" · Breastfeeding: ")
            assert contraception.startswith("Contraception: ") and separator and breastfeeding, (treatment_id, cell.text)
            assert "Breastfeeding:" not in contraception, (treatment_id, cell.text)

"""Where the last label check found a newer US label, the pages say so beside the figures from it, in both views;
with no check recorded, or none newer, nothing is said."""
from __future__ import annotations

import pytest

from dashboard.knowledge.labels import NEWER, UNCHANGED, Result, State, write_state

from .test_pages import open_page

LABEL = "ocrelizumab_us_pi_dailymed"  # cited by ocrelizumab's risk statements on the PML and infections page


def _state(status: str) -> State:
    return State("2026-12-01T06:00:00Z", (Result('openfda.brand_name:"Ocrevus"', (LABEL,), status, "version 8/2025",
                                                 version=99, effective="2026-11-20", brand="OCREVUS",
                                                 changes=("Warnings and Precautions ( 5.2 ) 11/2026",)),))


def _texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("status, said", [(None, False), (UNCHANGED, False), (NEWER, True)])
def test_the_pml_page_says_so_beside_figures_from_a_newer_label(tmp_path, monkeypatch, status, said):
    path = tmp_path / "labels.json"
    monkeypatch.setenv("DASHBOARD_LABEL_STATE", str(path))
    if status:
        write_state(_state(status), path)
    clinician = _texts(open_page("screens/pml_infections.py", treatments=["ocrelizumab"], view="clinician"))
    patient = _texts(open_page("screens/pml_infections.py", treatments=["ocrelizumab"], view="patient"))
    assert ("**Newer US label:** openFDA lists OCREVUS effective 2026-11-20 (version 99)" in clinician) is said
    assert ("Warnings and Precautions \\( 5.2 \\) 11/2026" in clinician) is said
    assert ("earlier version of the US label of OCREVUS. A newer version took effect on 2026-11-20" in patient) is said
    assert "OCREVUS effective" not in patient  # the patient's words, not the clinician's

"""Every `patient` text in data/ is written at a reading level a general audience reads (issue 28.1).

Measured with textstat's Flesch-Kincaid grade (the US school grade a reader needs): the median of all patient
texts at most 8, none above 12. A text over the limit is named with its FILE:LINE, its grade and its start, so
whoever rewrites it finds it at once: shorter sentences and everyday words, the same meaning as the clinician
text (not softer, not vaguer), numbers unchanged.
"""
from __future__ import annotations

import statistics
from pathlib import Path
import textstat

from dashboard.knowledge.validate import DATA_DIR, _walk, display_path
from dashboard.knowledge.yaml_lines import read

MEDIAN_AT_MOST = 8
NONE_ABOVE = 12


def patient_texts(root: Path = DATA_DIR) -> list[tuple[str, str]]:
    """(FILE:LINE, text) for every `patient` text under `root`, in file order."""
    found = []
    for path in sorted(root.rglob("*.yaml")):
        document = read(path, display_path(path))
        for location, mapping in _walk(document.data):  # every mapping, with where it stands
            text = mapping.get("patient")
            if isinstance(text, str):
                found.append((f"{document.name}:{document.line(location + ('patient',))}", text))
    return found


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def over(texts: list[tuple[str, str]], limit: float) -> list[str]:
    """Each text above `limit`, as 'FILE:LINE: grade G: start of the text'."""
    return [f"{where}: grade {grade(text):.1f}: {text[:90]}" for where, text in texts if grade(text) > limit]


def test_every_patient_text_is_measured():
    texts = patient_texts()
    assert len(texts) > 700  # every statement, benefit and gap in the patient's words
    assert all(where.startswith("data/") and int(where.rsplit(":", 1)[1]) > 0 for where, _ in texts)


def test_no_patient_text_is_above_grade_12():
    too_hard = over(patient_texts(), NONE_ABOVE)
    assert not too_hard, f"{len(too_hard)} patient texts above grade {NONE_ABOVE}:\n" + "\n".join(too_hard)


def test_most_patient_texts_read_at_grade_8_or_below():
    grades = [grade(text) for _, text in patient_texts()]
    median = statistics.median(grades)
    hardest = over(patient_texts(), MEDIAN_AT_MOST)
    assert median <= MEDIAN_AT_MOST, (f"median grade {median:.1f} over {len(grades)} texts, expected at most "
                                      f"{MEDIAN_AT_MOST}; the {len(hardest)} texts above it:\n" + "\n".join(hardest))


def test_a_hard_text_is_named_with_its_file_and_line(tmp_path, monkeypatch):
    """The measure can fail: a clinician's sentence put in a patient field is caught, and found by its line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yaml").write_text(
        "statements:\n"
        "  - clinician: Short.\n"
        "    patient: >-\n"
        "      Progressive multifocal leukoencephalopathy, an opportunistic infection of oligodendrocytes, is associated\n"
        "      with prolonged immunosuppression and anti-JCV antibody seropositivity in natalizumab-treated patients.\n"
        "  - patient: You take one tablet a day. It is a pill.\n")
    texts = patient_texts(tmp_path / "data")
    assert [where for where, _ in texts] == ["data/x.yaml:3", "data/x.yaml:6"]
    named = over(texts, NONE_ABOVE)
    assert len(named) == 1 and named[0].startswith("data/x.yaml:3: grade ")
    assert grade(texts[1][1]) <= MEDIAN_AT_MOST

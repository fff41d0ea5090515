"""A gap's words per view: the plain form in the patient view where the data gives one, else the full note."""
from __future__ import annotations

from dashboard.knowledge.models import Gap


def test_plain_words_for_patients_and_the_full_note_for_clinicians():
    gap = Gap(topic="pml", note="No stratified table (US label 5.1) could be read.", patient="We could not read the table.")
    assert gap.text("patient") == "We could not read the table."
    assert gap.text("clinician") == "No stratified table (US label 5.1) could be read."


def test_without_plain_words_both_views_show_the_note():
    gap = Gap(topic="pml", note="No stratified table could be read.")
    assert gap.text("patient") == gap.text("clinician") == "No stratified table could be read."


def test_every_plain_gap_text_is_not_empty_and_differs_from_its_note(knowledge):
    plain = [g for t in knowledge.treatments.values() for g in t.gaps if g.patient]
    assert len(plain) >= 6
    assert all(g.patient.strip() and g.patient != g.note for g in plain)

"""Evidence words describe the study behind the figure: small trials are not called strong, copies name their primary."""
from __future__ import annotations

from dashboard.knowledge import statements_of
from dashboard.knowledge.links import is_primary

STRONG = {"randomised_trial", "pooled_trials", "systematic_review"}


def all_statements(knowledge):
    for treatment in knowledge.treatments.values():
        yield from statements_of(treatment)
    for topic in knowledge.topics.values():
        yield from topic.statements


def test_trials_of_a_few_dozen_people_are_graded_small(knowledge):
    for statement in all_statements(knowledge):
        sizes = [f.value for f in statement.figures  # whole-study sizes, not one arm
                 if f.unit == "count" and ("randomised" in f.label or f.label.startswith("Participants")) and " arm" not in f.label]
        if knowledge.evidence_of(statement) == "randomised_trial" and sizes:
            assert min(sizes) > 40, statement.clinician[:80]


def test_strong_evidence_from_a_secondary_copy_names_what_it_copies(knowledge):
    for statement in all_statements(knowledge):
        source = knowledge.source(statement.source)
        if knowledge.evidence_of(statement) in STRONG and not is_primary(source.url):
            assert source.copy_of, source.id

"""Headings by what the source is: "US label" / "EU label" only for a regulator's label, the kind of evidence for
everything else (a cohort of 12 mothers is never shown as "EU label")."""
from __future__ import annotations

from components.views import statement
from dashboard.knowledge import statements_of


def test_every_label_heading_belongs_to_a_label_source(knowledge):
    checked = labelled = 0
    for treatment in knowledge.treatments.values():
        for s in statements_of(treatment):
            for view in ("patient", "clinician"):
                heading = statement.kind(knowledge, s, view)
                checked += 1
                if heading.endswith("label") or heading == "Label":
                    labelled += 1
                    assert knowledge.sources[s.source].type == "label", (treatment.id, s.source, heading)
                else:
                    assert knowledge.sources[s.source].type != "label", (treatment.id, s.source, heading)
    assert checked > 1000 and 0 < labelled < checked


def test_a_cohort_statement_with_a_region_is_named_by_its_evidence(knowledge):
    cohort = next(s for t in knowledge.treatments.values() for s in t.pregnancy.breastfeeding
                  if s.region != "all" and knowledge.sources[s.source].type != "label")
    heading = statement.kind(knowledge, cohort, "patient")
    assert "label" not in heading.lower() and f"({cohort.region})" in heading

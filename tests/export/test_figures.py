"""Open data: every figure exported with its source, read back equal to the knowledge's own figures."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.export.figures import COLUMNS, Record, read, records
from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import AdverseEvent, Benefit, Figure, PmlStratum

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"


def expected(knowledge: Knowledge, item) -> dict:
    """The numbers a record must carry, read straight from the knowledge's own figure."""
    if isinstance(item, AdverseEvent):
        return dict(kind="adverse_event", value=item.treatment_pct, comparator_value=item.comparator_pct,
                    count=item.treatment_count, comparator_count=item.comparator_count, unit="%")
    if isinstance(item, Benefit):
        return dict(kind="benefit", value=item.treatment_value, comparator_value=item.comparator_value,
                    ci_low=item.ci_low, ci_high=item.ci_high, relative_reduction_pct=item.relative_reduction_pct)
    if isinstance(item, PmlStratum):
        return dict(kind="pml_stratum", value=item.per_1000, less_than=item.less_than, ci_low=item.ci_low,
                    ci_high=item.ci_high, region=item.region)
    assert isinstance(item, Figure)
    return dict(kind="figure", label=item.label, value=item.value, high=item.high, unit=item.unit, count=item.count,
                n=item.n, ci_low=item.ci_low, ci_high=item.ci_high)


def with_pml_strata(knowledge: Knowledge) -> Knowledge:
    """The shipped knowledge plus two natalizumab PML strata (none are shipped now, the format still carries them)."""
    natalizumab = knowledge.treatments["natalizumab"]
    source = natalizumab.trials[0].source if natalizumab.trials else next(iter(knowledge.sources))
    strata = (PmlStratum(region="US", antibody="anti-JCV antibody positive", prior_immunosuppressant=False,
                         exposure="25-48 months", per_1000=2.5, ci_low=1.9, ci_high=3.2, source=source, locator="Table 1"),
              PmlStratum(region="EU", antibody="anti-JCV antibody negative", exposure="any", per_1000=0.1,
                         less_than=True, source=source, locator="Section 4.4"))
    treatments = dict(knowledge.treatments, natalizumab=natalizumab.model_copy(update={"pml_risk": strata}))
    return Knowledge(knowledge.site, knowledge.sources, knowledge.events, treatments, knowledge.topics)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_reloads_to_the_same_figures_as_the_knowledge(knowledge, tmp_path, fmt):
    knowledge = with_pml_strata(knowledge)
    path = tmp_path / f"figures.{fmt}"
    from dashboard.export.figures import export

    path.write_text(export(knowledge, fmt), encoding="utf-8")
    reloaded = read(path)
    figures = list(knowledge.figures())
    assert len(reloaded) == len(figures) == knowledge.figure_count
    assert reloaded == records(knowledge)
    kinds = set()
    for record, (owner, item) in zip(reloaded, figures):
        assert record.treatment == owner.id
        assert {k: getattr(record, k) for k in expected(knowledge, item)} == expected(knowledge, item), (owner.id, item)
        source = knowledge.sources[item.source]
        assert (record.source_id, record.source_title, record.source_url, record.source_type, record.source_version,
                record.source_copy_of, record.locator) == (source.id, source.title, source.url, source.type,
                                                           source.version, source.copy_of, item.locator)
        assert record.knowledge_version == knowledge.site.knowledge_version
        assert record.released == knowledge.site.released.isoformat()
        kinds.add(record.kind)
    assert kinds == {"adverse_event", "benefit", "pml_stratum", "figure"}


def test_adverse_event_rows_carry_both_arms_with_their_n(knowledge):
    row = next(r for r in records(knowledge, ["ocrelizumab"]) if r.kind == "adverse_event")
    treatment = knowledge.treatments["ocrelizumab"]
    item = next(a for a in treatment.adverse_events if a.event == row.event and a.trial == row.trial)
    trial = treatment.trial(row.trial)
    assert (row.value, row.comparator_value, row.n, row.comparator_n) == (
        item.treatment_pct, item.comparator_pct, trial.n_treatment, trial.n_comparator)
    assert row.comparator == trial.comparator and row.absolute_difference == item.difference


def test_a_figure_takes_the_evidence_type_of_its_statement(knowledge):
    for treatment in knowledge.treatments.values():
        from dashboard.knowledge import statements_of

        for statement in statements_of(treatment):
            for figure in statement.figures:
                if statement.evidence and figure.source == statement.source:
                    row = next(r for r in records(knowledge, [treatment.id])
                               if r.kind == "figure" and r.label == figure.label and r.locator == figure.locator)
                    assert row.evidence_type == statement.evidence
                    return
    pytest.skip("no statement with its own evidence type holds a figure")


def test_selection_export_holds_only_the_chosen_treatments(knowledge):
    chosen = records(knowledge, ["ofatumumab", "natalizumab"])
    assert {r.treatment for r in chosen} == {"ofatumumab", "natalizumab"}
    assert len(chosen) == sum(1 for owner, _ in knowledge.figures() if owner.id in ("ofatumumab", "natalizumab"))


def test_command_line_writes_csv_and_json_by_name_or_brand(tmp_path, capsys, knowledge):
    out = tmp_path / "kesimpta.json"
    assert main(["export", "--format", "json", "--treatments", "Kesimpta", "--out", str(out)]) == 0
    document = json.loads(out.read_text())
    assert document["format"] == "ms-dashboard-figures" and document["treatments"] == ["ofatumumab"]
    assert document["knowledge_version"] == knowledge.site.knowledge_version
    assert {f["treatment"] for f in document["figures"]} == {"ofatumumab"}
    assert main(["export", "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == ",".join(COLUMNS)
    assert main(["export", "--treatments", "nonsense"]) == 2
    assert "unknown treatment(s): nonsense" in capsys.readouterr().err


def test_the_format_document_names_every_column_with_its_type():
    text = DOC.read_text().split("## Columns", 1)[1].split("\n## ", 1)[0]
    documented = dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", text, re.M))
    assert list(documented) == list(COLUMNS)
    for field in dataclasses.fields(Record):
        kind = {"str": "string", "float": "number", "int": "integer", "bool": "boolean"}[field.type.split(" |")[0]]
        assert documented[field.name].startswith(kind), field.name
        assert ("or empty" in documented[field.name]) == ("None" in field.type), field.name

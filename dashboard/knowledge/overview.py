"""The at-a-glance overview: one row per consideration, one short cell per treatment, each cell with its source.

Plain text only (no Markdown): the screen, the handout and the export each render it their own way. Every number in
a cell is read from a field in data/, never computed into a new claim: per-100 figures are the source's own
percentages, and relapse rates per 100 people a year are the annualised rates times 100."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .glossary import explain
from .knowledge import Knowledge
from .models import Benefit, Statement, Treatment


def event_name(knowledge: Knowledge, event_id: str, view: str) -> str:
    event = knowledge.events[event_id]
    return event.patient_label if view == "patient" else event.label

VIEWS = ("patient", "clinician")
# A comparator's name without its dose and route: "Interferon beta-1a 44 µg subcutaneously ..." -> "Interferon beta-1a"
_SHORT_COMPARATOR = re.compile(r"^(.+?)(?=\s+\d|\s+(?:intravenous|subcutaneous|intramuscular|oral|orally|infusion|injection)\b|[,(;]|$)", re.I)


@dataclass(frozen=True)
class Cell:
    text: str
    source: str | None = None  # source id
    locator: str = ""


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    patient_title: str
    page: str  # the detail page's url path
    cells: tuple[Cell, ...]

    def heading(self, view: str) -> str:
        return self.patient_title if view == "patient" else self.title


def _route(t: Treatment) -> str:
    route = t.identity.route.casefold()
    for words, name in ((("infusion", "intravenous"), "Infusion (drip)"), (("tablet", "capsule", "oral"), "Taken by mouth"),
                        (("subcutaneous", "intramuscular", "injection"), "Injection")):
        if any(w in route for w in words):
            return name
    return t.identity.route


def _given(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    i = t.identity
    visits = i.clinic_visits_per_year
    parts = [_route(t), i.short or i.schedule]
    if visits is not None:
        parts.append(f"{visits:g} clinic visit{'s' if visits != 1 else ''} a year for doses" if visits else "no clinic visits for doses")
    return Cell(" · ".join(parts), i.source, i.locator)


def comparator_name(knowledge: Knowledge, t: Treatment, trial_id: str) -> str:
    """The comparator in a few words: its own treatment's name, or the trial's words up to the first detail."""
    trial = t.trial(trial_id)
    if trial.comparator_treatment in knowledge.treatments:
        return knowledge.treatments[trial.comparator_treatment].name
    return _SHORT_COMPARATOR.match(trial.comparator).group(1)


def benefit_text(knowledge: Knowledge, t: Treatment, b: Benefit, view: str) -> str:
    """A benefit in absolute terms first, comparator named, relative figure beside it."""
    trial = t.trial(b.trial)
    versus = comparator_name(knowledge, t, b.trial)
    relative = f"; {b.relative_reduction_pct:g}% lower (relative)" if b.relative_reduction_pct is not None else ""
    where = f" in {trial.name}, {trial.duration}" if view == "clinician" else f" over {trial.duration[:1].lower()}{trial.duration[1:]}"
    if b.treatment_value is None or b.comparator_value is None:
        return f"{b.outcome}: only a relative figure was reported{relative.replace(';', ',')} vs {versus}{where}"
    if "patient-year" in b.unit or "per year" in b.unit:
        return (f"Relapses: {b.treatment_value * 100:g} vs {b.comparator_value * 100:g} per 100 people a year "
                f"with {versus}{where}{relative}")
    if b.unit.strip() == "%":
        return f"{b.outcome}: {b.treatment_value:g} vs {b.comparator_value:g} in 100 with {versus}{where}{relative}"
    return f"{b.outcome}: {b.treatment_value:g} vs {b.comparator_value:g} {b.unit} with {versus}{where}{relative}"


def _benefit(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    benefit = next((b for b in t.benefits if b.treatment_value is not None and b.comparator_value is not None),
                   t.benefits[0] if t.benefits else None)
    if benefit is None:
        gap = next((g.text(view) for g in t.gaps if g.topic == "benefits"), "No trial benefit figures recorded.")
        return Cell(gap)
    return Cell(benefit_text(knowledge, t, benefit, view), benefit.source, benefit.locator)


def _side_effects(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    charted = [r for r in t.adverse_events if r.charted]
    if not charted:
        gap = next((g.text(view) for g in t.gaps if g.topic == "adverse_events"), "No trial side-effect rates with both arms recorded.")
        return Cell(gap)
    trial_id = max({r.trial for r in charted}, key=lambda i: sum(r.trial == i for r in charted))
    rows = sorted((r for r in charted if r.trial == trial_id), key=lambda r: -r.treatment_pct)[:3]
    event = lambda r: event_name(knowledge, r.event, view).split(" (")[0]  # noqa: E731  short: no examples in brackets
    listed = "; ".join(f"{event(r)} {r.treatment_pct:g} vs {r.comparator_pct:g}" for r in rows)
    return Cell(f"{listed} in 100 (vs {comparator_name(knowledge, t, trial_id)})", rows[0].source, rows[0].locator)


def _serious(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    risks = [r for r in t.risks if r.headline and r.topic != "pml"] or [r for r in t.risks if r.topic != "pml"][:3]
    if not risks:
        return Cell("No serious risks recorded.")
    return Cell("; ".join(r.title for r in risks), risks[0].source, risks[0].locator)


def _pml(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    """PML on the rare-risk scale (dashboard.knowledge.rare_risks): about N in 10,000 people treated with its
    frequency word, or "no case among N people" with the most that can rule out; the clinician view shows the
    calculation (cases ÷ exposure, data date), the patient view the same in plain words. A treatment with figures only
    per patient-years says that base in its cell. Never a bare count: without a case count and its exposure, the
    risk's own short words or the gap."""
    from . import rare_risks  # here, so that this shared module's imports stay as they are

    found = rare_risks.primary(t, "people") or rare_risks.primary(t, "patient-years")
    if found is None:
        risk = rare_risks.worded(t) or next((r for r in t.risks if r.topic == "pml"), None)
        return Cell(rare_risks.no_figure(t, view), *((risk.source, risk.locator) if risk else ()))
    text = rare_risks.cell(found, view)
    if found.base != "people":
        text += " (per years of treatment: no figure per people treated is given for this treatment)"
    cited = found.cases if found.cases is not None and found.kind != "own_rate" else found.rate
    locator = cited.locator
    if found.exposure is not None and found.exposure.locator != cited.locator:
        locator = f"cases: {cited.locator}; exposure: {found.exposure.locator}"
    return Cell(text, cited.source, locator)


RATE_UNITS = ("per 1,000 patients", "per 1,000 patient-years", "per 100 patient-years", "per patient-year")
# The same units in words for the patient view (the number is not changed, only its unit explained).
PLAIN_RATE_UNITS = {
    "per 1,000 patients": "in every 1,000 people treated",
    "per 1,000 patient-years": "for every 1,000 years of treatment (for example 1,000 people each treated for a year)",
    "per 100 patient-years": "for every 100 years of treatment (for example 100 people each treated for a year)",
    "per patient-year": "per person per year of treatment",
}


NOT_GIVEN = "not given here: ask your neurologist"  # never "see details" alone: the answer, or who has it


def contraception_window(statement: Statement):
    """The time to keep using contraception after the last dose that a contraception statement gives: a figure in
    months, weeks or days whose label says it is about contraception (a washout's length or the gap between two
    blood tests is not a waiting time), or None."""
    return next((f for f in statement.figures
                 if f.unit in ("months", "weeks", "days") and "contracept" in f.label.casefold()), None)


def _period(statement: Statement) -> str | None:
    figure = contraception_window(statement)
    if figure is None:
        return None
    return f"{figure.value:g}{'-' + format(figure.high, 'g') if figure.high is not None else ''} {figure.unit}"


def _regions(items: tuple[Statement, ...], say) -> Cell:
    parts, first = [], None
    for region in ("US", "EU", "all"):
        mine = [s for s in items if s.region == region]
        if mine:
            first = first or mine[0]
            parts.append(f"{'' if region == 'all' else region + ': '}{say(mine[0])}")
    if not parts:
        return Cell(NOT_GIVEN)
    return Cell(" · ".join(parts), first.source, first.locator)


def _contraception(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    cell = _regions(t.pregnancy.contraception, lambda s: _period(s) or s.short or NOT_GIVEN)
    summary = t.pregnancy.summary
    return cell if t.pregnancy.contraception else Cell(summary.short or f"no set waiting time given; {NOT_GIVEN}",
                                                       summary.source, summary.locator)


def _breastfeeding(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    labels = tuple(s for s in t.pregnancy.breastfeeding if knowledge.sources[s.source].type == "label") or t.pregnancy.breastfeeding
    return _regions(labels, lambda s: s.short or NOT_GIVEN)


def _pregnancy(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    contraception, breastfeeding = _contraception(knowledge, t, view), _breastfeeding(knowledge, t, view)
    return Cell(f"Contraception: {contraception.text} · Breastfeeding: {breastfeeding.text}",
                contraception.source or breastfeeding.source, contraception.locator if contraception.source else breastfeeding.locator)


def _monitoring(knowledge: Knowledge, t: Treatment, view: str) -> Cell:
    m = t.monitoring
    burden = m.burden
    return Cell(f"{burden.level.capitalize()} burden" + (f": {burden.short}" if burden.short else ""), burden.source, burden.locator)


ROWS = (  # id, clinician title, patient title, detail page, cell builder
    ("given", "How it is given", "How you take it", "overview", _given),
    ("benefit", "What the pivotal trial showed", "What it did in the main trial", "benefits", _benefit),
    ("side_effects", "Most common side effects (per 100)", "Most common side effects (out of 100 people)", "side-effects", _side_effects),
    ("serious", "Serious risks", "Serious risks", "pml-infections", _serious),
    ("pml", "PML (rare brain infection)", "PML (a rare, serious brain infection)", "pml-infections", _pml),
    ("pregnancy", "Pregnancy: contraception after the last dose; breastfeeding", "Pregnancy: birth control after the last dose; breastfeeding", "pregnancy", _pregnancy),
    ("monitoring", "Monitoring", "Tests and check-ups", "pml-infections", _monitoring),
)
ROW_IDS = tuple(r[0] for r in ROWS)

# "What matters to you": a priority moves its rows to the top of the overview and marks them. It never ranks
# treatments. (id, words, rows)
PRIORITIES = (
    ("fewest_visits", "Fewest clinic visits", ("given", "monitoring")),
    ("no_needles", "No needles at home", ("given",)),
    ("pregnancy", "Planning a pregnancy soon", ("pregnancy",)),
    ("serious_infection", "Lowest risk of serious infection", ("serious", "pml")),
    ("fewest_relapses", "Fewest relapses", ("benefit",)),
    ("everyday_side_effects", "Fewest everyday side effects", ("side_effects",)),
)
PRIORITY_WORDS = {pid: words for pid, words, _ in PRIORITIES}


def rows_for(priorities: tuple[str, ...]) -> tuple[str, ...]:
    """The overview rows the chosen priorities bring to the top, in the order chosen."""
    named = {pid: rows for pid, _, rows in PRIORITIES}
    return tuple(dict.fromkeys(r for p in priorities for r in named.get(p, ())))


def _worded(knowledge: Knowledge, cell: Cell, view: str) -> Cell:
    """In the patient view, a clinician's word in a cell has its plain meaning beside it (glossary.explain)."""
    return replace(cell, text=explain(knowledge, cell.text)) if view == "patient" else cell


def rows(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str, first: tuple[str, ...] = ()) -> tuple[Row, ...]:
    """The overview of these treatments (see _rows), made once per knowledge and selection and shared: the overview,
    the values page, presenter mode and the handout all ask for it (Row and Cell are frozen)."""
    return knowledge.recent(("overview_rows", tuple(treatment_ids), view, tuple(first)),
                            lambda: _rows(knowledge, tuple(treatment_ids), view, tuple(first)))


def _rows(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str, first: tuple[str, ...] = ()) -> tuple[Row, ...]:
    """The overview of these treatments; rows named in `first` (the user's priorities) come first, in that order."""
    chosen = knowledge.pick(list(treatment_ids))
    built = {rid: Row(rid, title, plain, page, tuple(_worded(knowledge, build(knowledge, t, view), view) for t in chosen))
             for rid, title, plain, page, build in ROWS}
    order = [r for r in first if r in built] + [r for r in ROW_IDS if r not in first]
    return tuple(built[r] for r in order)

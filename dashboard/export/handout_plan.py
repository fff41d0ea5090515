"""What the handout says, as plain data, before anything is laid out.

`plan()` asks the same builders as the screen once per handout: the overview rows (`knowledge.overview.rows`), the
side-effect cards (`Knowledge.trial_events`, `charts.adverse_events`), the benefit cards (`charts.benefits`). It
returns the grid's questions and answers in the view's words, a chart card per chosen treatment and kind (or the
reason there is none and where to see it), the numbered sources with every place used in each, and the person's
"What matters to me" and "Questions to ask" lines when given. The layout (`handout.py`) only draws this; it never
goes back to the knowledge. Every data text here has passed `safe_text(..., "plain")`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.charts import adverse_events, arms, benefits
from dashboard.knowledge import Knowledge, TrialEvents
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.overview import PRIORITY_WORDS, event_name, rows
from dashboard.knowledge.values import first_rows
from dashboard.knowledge.models import Treatment
from dashboard.safe_text import safe_text

VERSIONS = {"patient": "Patient version", "clinician": "Clinician version"}
# The overview's rows asked as the questions people bring to a consultation (Option Grid style): (patient, clinician).
QUESTIONS = {
    "given": ("How is it given, and how often?", "How is it given, and how often?"),
    "benefit": ("What did its main trial show?", "What did the pivotal trial show?"),
    "side_effects": ("Which side effects are common? (out of 100 people)", "Which adverse events are common? (per 100)"),
    "serious": ("What serious risks are there?", "What serious risks are there?"),
    "pml": ("What is the risk of PML (a rare, serious brain infection)?", "What is the risk of PML?"),
    "pregnancy": ("What if I plan a pregnancy or breastfeed?", "Pregnancy: contraception after the last dose; "
                  "breastfeeding?"),
    "monitoring": ("Which tests and check-ups will I need?", "Which tests and monitoring are needed?"),
}
SEE_LABEL = {"patient": "Ask your neurologist, or see the side-effects section of the medicine's label.",
             "clinician": "See the adverse reactions section of the label (US section 6, EU SmPC section 4.8)."}
SEE_BENEFITS = {"patient": "Ask your neurologist what its trials showed, or see the medicine's label.",
                "clinician": "See the clinical studies section of the US label (section 14) or the EU SmPC."}


def plain(text: str) -> str:
    return safe_text(text, "plain")


@dataclass(frozen=True)
class Answer:
    text: str
    sources: tuple[int, ...]  # numbers in Plan.sources


@dataclass(frozen=True)
class GridRow:
    id: str
    question: str
    matters: bool  # brought to the top by what matters to the person
    answers: tuple[Answer, ...]  # one per chosen treatment, in the order chosen


@dataclass(frozen=True)
class Bar:
    label: str
    treatment: float
    comparator: float
    note: str  # the relative figure beside the absolute ones, where the source gives one


@dataclass(frozen=True)
class ChartCard:
    kind: str  # "side_effects" or "benefits"
    heading: str  # "Natalizumab: side effects"
    trial: str  # the trial and its duration (and population for a clinician); the arms name the comparator
    measure: str  # what the bars count
    treatment_arm: str  # with n
    comparator_arm: str
    unit: str  # after each value: "%" or ""
    x_range: float  # shared by every card of the same kind and measure, as on the screen
    bars: tuple[Bar, ...]
    sources: tuple[int, ...]
    more: str = ""  # the treatment's other trials or measures, on the dashboard
    trial_id: str = ""


@dataclass(frozen=True)
class TreatmentCharts:
    treatment_id: str
    name: str
    cards: tuple[ChartCard, ...]
    notes: tuple[str, ...]  # why a chart is not here and where to see it


@dataclass(frozen=True)
class SourceEntry:
    number: int
    title: str
    year: int
    host: str  # printed only for allowed links
    url: str  # "" unless the allow-list lets it be a link
    evidence: str  # the kind of source in the view's words
    places: tuple[str, ...]  # every locator used, in order of use


@dataclass(frozen=True)
class Plan:
    view: str
    heading: str
    version: str  # "Patient version · printed ... · knowledge version ..."
    knowledge_version: str
    printed: dt.date
    link: str
    disclaimer: tuple[str, ...]
    not_head_to_head: str
    treatments: tuple[str, ...]  # names, in the order chosen
    reviewed: tuple[str, ...]  # "Brand, Brand · last reviewed date" per treatment, under its name
    matters: tuple[str, ...]
    questions: tuple[str, ...]
    grid: tuple[GridRow, ...]
    charts: tuple[TreatmentCharts, ...]
    sources: tuple[SourceEntry, ...]
    evidence_key: tuple[tuple[str, str], ...]  # (kind, plain words) of the kinds of source listed, patient view


class _Numbers:
    """Sources numbered in order of first use; each keeps the places (locators) used in it."""

    def __init__(self) -> None:
        self.places: dict[str, dict[str, None]] = {}

    def cite(self, source: str | None, locator: str) -> tuple[int, ...]:
        if not source:
            return ()
        self.places.setdefault(source, {})[plain(locator)] = None
        return (list(self.places).index(source) + 1,)

    def many(self, pairs) -> tuple[int, ...]:
        return tuple(dict.fromkeys(n for source, locator in pairs for n in self.cite(source, locator)))


def plan(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...] = (),
         events: tuple[str, ...] | None = None, link: str = "", printed: dt.date | None = None,
         matters: tuple[str, ...] = (), questions: tuple[str, ...] = (), answers: tuple[str, ...] = ()) -> Plan:
    """The handout of this selection. `events` None: the dashboard's default events. `matters` and `questions`: the
    person's own lines (the values page); without `matters`, the chosen overview priorities are what matters.
    `answers`: what matters as the link says it ("pml.very", Selection.matters); with the priorities, it puts the
    rows first that the screen puts first (values.first_rows)."""
    treatments = tuple(dict.fromkeys(t for t in treatments if t in knowledge.treatments))
    events = tuple(events) if events is not None else tuple(knowledge.default_events(list(treatments)))
    printed = printed or dt.date.today()
    site, numbers = knowledge.site, _Numbers()
    chosen = knowledge.pick(list(treatments))
    first = first_rows(answers, priorities)
    grid = tuple(GridRow(row.id, QUESTIONS.get(row.id, (row.heading(view),) * 2)[view == "clinician"],
                         row.id in first, tuple(Answer(plain(c.text), numbers.cite(c.source, c.locator))
                                                for c in row.cells))
                 for row in rows(knowledge, treatments, view, first))
    charts = _charts(knowledge, chosen, events, view, numbers)
    sources, kinds = [], {}
    for number, (source_id, places) in enumerate(numbers.places.items(), start=1):
        source = knowledge.source(source_id)
        words = site.evidence[source.type]
        kinds[words.name] = words.plain
        allowed = is_allowed(source.url)
        sources.append(SourceEntry(number, plain(source.title), source.year,
                                   (urlsplit(source.url).hostname or "") if allowed else "",
                                   source.url if allowed else "", plain(words.name), tuple(places)))
    mine = tuple(plain(m) for m in matters if m.strip()) or tuple(PRIORITY_WORDS.get(p, p) for p in priorities
                                                                   if p in PRIORITY_WORDS)
    return Plan(
        view=view,
        heading=f"{plain(site.title)}: {'your' if view == 'patient' else 'treatment'} overview",
        version=f"{VERSIONS[view]} · printed {printed.isoformat()} · knowledge version {site.knowledge_version} "
                f"(released {site.released.isoformat()})",
        knowledge_version=site.knowledge_version, printed=printed, link=link,
        disclaimer=tuple(plain(line) for line in site.disclaimer), not_head_to_head=plain(site.not_head_to_head),
        treatments=tuple(plain(t.name) for t in chosen),
        reviewed=tuple(plain(f"{', '.join(t.brands[:2]) + ' · ' if t.brands else ''}last reviewed "
                             f"{t.last_reviewed.isoformat()}") for t in chosen),
        matters=mine, questions=tuple(plain(q) for q in questions if q.strip()),
        grid=grid, charts=charts, sources=tuple(sources),
        evidence_key=tuple(sorted(kinds.items())) if view == "patient" else (),
    )


def _charts(knowledge: Knowledge, chosen: list[Treatment], events: tuple[str, ...], view: str,
            numbers: _Numbers) -> tuple[TreatmentCharts, ...]:
    """Per treatment: its first trial with the chosen side effects and its first benefit measure, as on the screen
    (the side-effect page shows every trial; the benefits page the first at once), or why not and where to look."""
    found = knowledge.trial_events([t.id for t in chosen], list(events))
    side = {t.id: [te for te in found if te.treatment.id == t.id] for t in chosen}
    shown = [cards[0] for cards in side.values() if cards]
    side_range = round(adverse_events.x_max(shown), 1) if shown else 0.0
    groups = {t.id: benefits.by_trial(t) for t in chosen}
    tops: dict[str, float] = {}
    for tb in (g[0] for g in groups.values() if g):
        values = [benefits.per_100(b, v) for b in tb.rows for v in (b.treatment_value, b.comparator_value)]
        tops[benefits.measure(tb.rows[0])] = max(tops.get(benefits.measure(tb.rows[0]), 0), *values)
    out = []
    for t in chosen:
        cards, notes = [], []
        if side[t.id]:
            more = len(side[t.id]) - 1
            cards.append(_side_effect_card(knowledge, side[t.id][0], view, side_range, numbers,
                                           f"{more} more trial{'s' if more > 1 else ''} on the Side effects page"
                                           if more else ""))
        elif any(r.charted for r in t.adverse_events):
            notes.append("Side effects: none of the side effects chosen on the dashboard was reported in its trials. "
                         "Choose others on the Side effects page (link and QR code on page 1).")
        else:
            notes.append(f"No side-effect chart: no trial rates with both arms are recorded for it (why: "
                         f"“{QUESTIONS['side_effects'][view == 'clinician']}” on page 1). {SEE_LABEL[view]}")
        if groups[t.id]:
            tb = groups[t.id][0]
            more = len(groups[t.id]) - 1
            cards.append(_benefit_card(knowledge, tb, view, arms.x_max([tops[benefits.measure(tb.rows[0])]],
                                                                        ceiling=10_000), numbers,
                                       f"{more} more result{'s' if more > 1 else ''} on the Benefits page" if more else ""))
        else:
            notes.append(f"No benefit chart: no trial result with both arms is recorded for it (what is known: "
                         f"“{QUESTIONS['benefit'][view == 'clinician']}” on page 1). {SEE_BENEFITS[view]}")
        out.append(TreatmentCharts(t.id, plain(t.name), tuple(cards), tuple(notes)))
    return tuple(out)


def _trial(trial, view: str) -> str:
    """'In the FREEDOMS trial, over 24 months'; a duration that is not a length reads as what it is."""
    if view == "clinician":
        return plain(f"{trial.name} ({trial.population}, {trial.duration})")
    name = trial.name if "trial" in trial.name.lower() else f"{trial.name} trial"
    duration = trial.duration.strip()
    if duration[:1].isdigit():
        return plain(f"In the {name}, over {duration}")
    return plain(f"In the {name} ({duration[:1].lower() + duration[1:]})")


def _arm(name: str, n: int | None) -> str:
    return plain(f"{name} ({'n = ' + str(n) if n else 'n not reported'})")


def _side_effect_card(knowledge: Knowledge, te: TrialEvents, view: str, x_range: float, numbers: _Numbers,
                      more: str) -> ChartCard:
    trial = te.trial
    bars = tuple(Bar(plain(event_name(knowledge, r.event, view)), r.treatment_pct, r.comparator_pct, "")
                 for r in te.rows)
    return ChartCard("side_effects", plain(f"{te.treatment.name}: side effects"), _trial(trial, view),
                     "out of 100 people in each arm",
                     _arm(te.treatment.name, trial.n_treatment),
                     _arm(adverse_events.comparator_words(knowledge, te.treatment, trial, view), trial.n_comparator),
                     "%", x_range, bars, numbers.many((r.source, r.locator) for r in te.rows), more, trial.id)


def _benefit_card(knowledge: Knowledge, tb: benefits.TrialBenefits, view: str, x_range: float, numbers: _Numbers,
                  more: str) -> ChartCard:
    trial = tb.trial
    bars = []
    for b in tb.rows:
        treated, compared = benefits.per_100(b, b.treatment_value), benefits.per_100(b, b.comparator_value)
        relative = f"{b.relative_reduction_pct:g}% lower (relative)" if b.relative_reduction_pct is not None else ""
        bars.append(Bar(plain(b.outcome), treated, compared, relative))
    return ChartCard("benefits", plain(f"{tb.treatment.name}: benefit"), _trial(trial, view),
                     plain(benefits.measure(tb.rows[0]) + ", fewer is better"), _arm(tb.treatment.name, trial.n_treatment),
                     _arm(adverse_events.comparator_words(knowledge, tb.treatment, trial, view), trial.n_comparator),
                     "", x_range, tuple(bars), numbers.many((b.source, b.locator) for b in tb.rows), more, trial.id)

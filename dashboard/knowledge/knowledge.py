"""The validated knowledge and the questions the screens ask of it."""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import wraps
from typing import Callable, Iterator, TypeVar

from .models import AdverseEvent, Event, GlossaryEntry, Site, Source, Statement, Topic, Treatment, Trial

T = TypeVar("T")
RECENT = 4096  # texts and plans kept per knowledge for keys from an unbounded set (selections)

# Treatment classes in the order pickers and tables show them, with their names.
GROUPS = {
    "anti_cd20": "anti-CD20 antibody", "anti_cd52": "anti-CD52 antibody", "anti_integrin": "anti-integrin antibody",
    "s1p_modulator": "S1P receptor modulator", "fumarate": "fumarate",
    "pyrimidine_synthesis_inhibitor": "pyrimidine synthesis inhibitor", "purine_analogue": "purine analogue",
    "interferon": "interferon", "glatiramer": "glatiramer",
}


@dataclass(frozen=True)
class TrialEvents:
    """One trial of one treatment with the adverse-event rows chosen from it."""

    treatment: Treatment
    trial: Trial
    rows: tuple[AdverseEvent, ...]


@dataclass(frozen=True)
class Knowledge:
    site: Site
    sources: dict[str, Source]
    events: dict[str, Event]
    treatments: dict[str, Treatment]
    topics: dict[str, Topic] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)  # data/glossary.yaml, in file order
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _recent: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False, compare=False)
    _recent_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def memo(self, key: tuple, build: Callable[[], T]) -> T:
        """What `build()` returns, built once per knowledge for `key`: the knowledge never changes, so texts and
        tables derived from it can be shared by every session. Keys must come from a bounded set."""
        try:
            return self._memo[key]
        except KeyError:
            return self._memo.setdefault(key, build())

    def recent(self, key: tuple, build: Callable[[], T]) -> T:
        """Like `memo`, for keys from an unbounded set (a selection of treatments, a view, a page's options): the
        RECENT most recently used are kept, so a surge on one link builds its page's texts once."""
        with self._recent_lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        value = build()
        with self._recent_lock:
            self._recent[key] = value
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return value

    def treatment_ids(self) -> list[str]:
        """Every treatment id, grouped by class (in GROUPS order), then by name."""
        order = {group: index for index, group in enumerate(GROUPS)}
        return list(self.memo(("treatment_ids",), lambda: tuple(
            sorted(self.treatments, key=lambda i: (order[self.treatments[i].group], self.treatments[i].name)))))

    def find_treatment(self, value: str) -> str | None:
        """The id of the treatment a person or a link names: its id, generic name or a brand, in any case."""
        wanted = " ".join(value.replace("_", " ").split()).casefold()
        for treatment in self.treatments.values():
            names = (treatment.id.replace("_", " "), treatment.name, *treatment.brands)
            if wanted in (n.casefold() for n in names):
                return treatment.id
        return None

    def find_event(self, value: str) -> str | None:
        """The id of the event a link names: its id, label or plain label, in any case."""
        wanted = " ".join(value.replace("_", " ").split()).casefold()
        for event in self.events.values():
            if wanted in (event.id.replace("_", " ").casefold(), event.label.casefold(), event.patient_label.casefold()):
                return event.id
        return None

    def pick(self, ids: list[str]) -> list[Treatment]:
        """The treatments with these ids, in the order given; unknown ids are skipped."""
        return [self.treatments[i] for i in ids if i in self.treatments]

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    def evidence_of(self, item: Statement) -> str:
        """The evidence type of a statement: its own, or its source's."""
        return item.evidence or self.sources[item.source].type

    def events_for(self, treatment_ids: list[str]) -> list[str]:
        """Event ids with trial rows for any of these treatments, most frequent first."""
        counts: dict[str, int] = {}
        for treatment in self.pick(treatment_ids):
            for row in treatment.adverse_events:
                if not row.charted:
                    continue
                counts[row.event] = counts.get(row.event, 0) + 1
        return sorted(counts, key=lambda e: (-counts[e], self.events[e].label))

    def default_events(self, treatment_ids: list[str], how_many: int = 6) -> list[str]:
        """A first choice of events that shows every chosen treatment: each one's signature harms first (so an
        uncommon but characteristic harm is not hidden by common ones), then its most frequent events, in turn. A
        later look at a trial (trials[].analysis) gives no default, unless it is all a treatment has."""
        queues = []
        for t in self.pick(treatment_ids):
            rows = [r for r in t.adverse_events if r.charted and t.trial(r.trial).analysis is None] \
                or [r for r in t.adverse_events if r.charted]
            charted = {r.event for r in rows}
            signature = [e for e in t.signature_events if e in charted]
            frequent = [r.event for r in sorted(rows, key=lambda r: -r.treatment_pct)]
            queues.append(signature + [e for e in frequent if e not in signature])
        chosen: list[str] = []
        while len(chosen) < how_many and any(queues):
            for queue in queues:
                while queue and queue[0] in chosen:
                    queue.pop(0)
                if queue and len(chosen) < how_many:
                    chosen.append(queue.pop(0))
        return chosen

    def trial_events(self, treatment_ids: list[str], event_ids: list[str]) -> list[TrialEvents]:
        """For each chosen treatment's trial, the rows of the chosen events, in the order chosen."""
        found = []
        for treatment in self.pick(treatment_ids):
            for trial in treatment.trials:
                rows = [r for e in event_ids for r in treatment.adverse_events
                        if r.trial == trial.id and r.event == e and r.charted]
                if rows:
                    found.append(TrialEvents(treatment, trial, tuple(rows)))
        return found

    def figures(self) -> Iterator[tuple[Treatment | Topic, object]]:
        """Every sourced number: adverse-event rows, benefits, PML strata and statement figures."""
        for treatment in self.treatments.values():
            for group in (treatment.adverse_events, treatment.benefits, treatment.pml_risk):
                for item in group:
                    yield treatment, item
            for statement in (*statements_of(treatment), *treatment.benefits):
                for figure in statement.figures:
                    yield treatment, figure
        for topic in self.topics.values():
            for statement in topic.statements:
                for figure in statement.figures:
                    yield topic, figure

    def citations(self, source_id: str) -> list[tuple[str, str]]:
        """(what on the dashboard, place in the source) for every use of one source."""
        found: list[tuple[str, str]] = []
        for t in self.treatments.values():
            found += [(f"{t.name}: {r.name}", r.locator) for r in t.trials if r.source == source_id]
            found += [(f"{t.name}: {r.event}", r.locator) for r in t.adverse_events if r.source == source_id]
            found += [(f"{t.name}: {r.outcome}", r.locator) for r in t.benefits if r.source == source_id]
            found += [(f"{t.name}: PML risk", r.locator) for r in t.pml_risk if r.source == source_id]
            for s in statements_of(t):
                if s.source == source_id:
                    found.append((f"{t.name}: {s.clinician[:80]}", s.locator))
                found += [(f"{t.name}: {f.label}", f.locator) for f in s.figures if f.source == source_id]
        for topic in self.topics.values():
            found += [(f"{topic.title}: {s.clinician[:80]}", s.locator) for s in topic.statements if s.source == source_id]
        return found

    @property
    def figure_count(self) -> int:
        return sum(1 for _ in self.figures())


def statements_of(treatment: Treatment) -> Iterator[Statement]:
    """Every statement of a treatment, wherever it stands."""
    yield treatment.identity
    yield from treatment.approvals
    yield from treatment.benefit_notes
    yield from treatment.risks
    pregnancy, monitoring = treatment.pregnancy, treatment.monitoring
    yield pregnancy.summary
    for group in (pregnancy.contraception, pregnancy.exposure, pregnancy.infant, pregnancy.breastfeeding):
        yield from group
    yield monitoring.burden
    for group in (monitoring.contraindications, monitoring.screening, monitoring.administration,
                  monitoring.ongoing, monitoring.vaccines):
        yield from group


__all__ = ["GROUPS", "Knowledge", "TrialEvents", "statements_of"]


def per_knowledge(build: Callable[..., T]) -> Callable[..., T]:
    """`build(knowledge, *args)` (hashable args) made once per knowledge and arguments, and shared by every session
    (Knowledge.recent). For pure functions only: what they return must never be changed by a caller."""
    name = f"{build.__module__}.{build.__qualname__}"

    @wraps(build)
    def cached(knowledge: Knowledge, *args):
        return knowledge.recent((name, *args), lambda: build(knowledge, *args))

    return cached

"""What matters to a person, what the sources say about it, questions for the visit, and a check of the key numbers.

No Streamlit here. Nothing in this module ranks, scores or prefers a treatment: answers only change the order of the
considerations (which rows come first) and which statements are shown; the treatments always stay in the order the
person chose them. Every text shown about a treatment is a statement, a figure or an overview cell from data/, with
its source and locator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import Knowledge, per_knowledge
from .models import Figure, Gap, Statement, Treatment
from .overview import PRIORITIES, ROWS, Cell, comparator_name, event_name, rows

# --- What matters: the considerations and how much each one matters ------------------------------------------------

@dataclass(frozen=True)
class Consideration:
    id: str
    words: str  # how the values page asks about it
    row: str | None = None  # the overview row it stands for, if any


CONSIDERATIONS = (
    Consideration("given", "How it is given, and how often", "given"),
    Consideration("benefit", "What it did in the main trial (relapses, disability)", "benefit"),
    Consideration("side_effects", "Common side effects", "side_effects"),
    Consideration("serious", "Rare but serious risks", "serious"),
    Consideration("pml", "PML, a rare and serious brain infection", "pml"),
    Consideration("pregnancy", "Pregnancy and breastfeeding", "pregnancy"),
    Consideration("monitoring", "Tests and check-ups", "monitoring"),
    Consideration("vaccines", "Vaccines before and during treatment"),
    Consideration("approvals", "Whether it is approved for my kind of MS, in the US and the EU"),
)
CONSIDERATION_WORDS = {c.id: c.words for c in CONSIDERATIONS}

# Three choices, in neutral words; no answer at all is a fourth state (the question stays open).
IMPORTANCE = (("not", "Not important to me"), ("some", "Somewhat important"), ("very", "Very important"))
IMPORTANCE_WORDS = dict(IMPORTANCE)
ORDER = {"very": 0, "some": 1, None: 2, "not": 3}  # the values page: what matters most first, what does not last


@dataclass(frozen=True)
class Situation:
    id: str
    words: str  # what the person says about themselves (a checkbox label)
    about: str  # the summary's words (shorter, same meaning)


SITUATIONS = (
    Situation("pregnancy_planned", "I am planning a pregnancy in the next two years", "I am planning a pregnancy in the next two years"),
    Situation("breastfeeding", "I am breastfeeding, or plan to", "I am breastfeeding, or plan to"),
    Situation("no_injections", "I would rather not have injections", "I would rather not have injections"),
    Situation("hard_to_travel", "It is hard for me to travel to an infusion centre", "It is hard for me to travel to an infusion centre"),
    Situation("jcv_positive", "I have had a positive anti-JCV antibody test (a blood test for the JC virus)",
              "I have had a positive anti-JCV antibody test"),
    Situation("vaccines_soon", "I need vaccines soon (for example before travelling)", "I need vaccines soon"),
    Situation("hepatitis_b", "I have had hepatitis B, or a test showed it", "I have had hepatitis B"),
)
SITUATION_WORDS = {s.id: s.words for s in SITUATIONS}

# Links of earlier versions named "priorities"; each still means what it said.
# priority id -> (considerations now marked very important, situations now stated)
FROM_PRIORITY = {
    "fewest_visits": (("given", "monitoring"), ()),
    "no_needles": (("given",), ("no_injections",)),
    "pregnancy": (("pregnancy",), ("pregnancy_planned",)),
    "serious_infection": (("serious", "pml"), ()),
    "fewest_relapses": (("benefit",), ()),
    "everyday_side_effects": (("side_effects",), ()),
}
assert set(FROM_PRIORITY) == {p for p, _, _ in PRIORITIES}


def read_answer(value: str) -> str | None:
    """A link's answer, "consideration.level" (e.g. "pml.very"), in any case; None when it is not one we ask."""
    consideration, _, level = value.strip().casefold().partition(".")
    return f"{consideration}.{level}" if consideration in CONSIDERATION_WORDS and level in IMPORTANCE_WORDS else None


def read_situation(value: str) -> str | None:
    wanted = value.strip().casefold()
    return wanted if wanted in SITUATION_WORDS else None


def answers(matters: tuple[str, ...], priorities: tuple[str, ...] = ()) -> dict[str, str]:
    """consideration id -> level, from the link's answers (the first answer for a consideration counts), then from
    the priorities of an older link (as "very important") where the consideration has no answer."""
    found: dict[str, str] = {}
    for answer in matters:
        if (valid := read_answer(answer)) is not None:
            consideration, level = valid.split(".")
            found.setdefault(consideration, level)
    for priority in priorities:
        for consideration in FROM_PRIORITY.get(priority, ((), ()))[0]:
            found.setdefault(consideration, "very")
    return found


def encode(found: dict[str, str]) -> tuple[str, ...]:
    """The answers as a link says them, in the order of the questions."""
    return tuple(f"{c.id}.{found[c.id]}" for c in CONSIDERATIONS if c.id in found)


def stated(situations: tuple[str, ...], priorities: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The situations a person stated (and those an older link's priorities said), in the order of SITUATIONS."""
    named = set(situations) | {s for p in priorities for s in FROM_PRIORITY.get(p, ((), ()))[1]}
    return tuple(s.id for s in SITUATIONS if s.id in named)


def first_rows(matters: tuple[str, ...], priorities: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The overview rows that come first: those of an older link's priorities in the order it named them, then every
    consideration marked very important. Only rows move; treatments never do."""
    older = [r for p in priorities for r in FROM_PRIORITY.get(p, ((), ()))[0]]
    found = answers(matters, priorities)
    very = [c.row for c in CONSIDERATIONS if c.row and found.get(c.id) == "very"]
    return tuple(dict.fromkeys([*older, *very]))


def in_order(found: dict[str, str]) -> tuple[Consideration, ...]:
    """Every consideration, what matters most to this person first (very, somewhat, not answered, not important); the
    order of the questions within each group."""
    return tuple(sorted(CONSIDERATIONS, key=lambda c: ORDER[found.get(c.id)]))


def summary(matters: tuple[str, ...], situations: tuple[str, ...], priorities: tuple[str, ...] = ()) -> tuple[str, ...]:
    """'What matters to me' in a few plain lines (empty when nothing was said)."""
    found = answers(matters, priorities)
    lines = []
    for level, words in reversed(IMPORTANCE):
        chosen = [c.words for c in CONSIDERATIONS if found.get(c.id) == level]
        if chosen:
            lines.append(f"{words}: {'; '.join(chosen)}.")
    about = [s.about for s in SITUATIONS if s.id in stated(situations, priorities)]
    if about:
        lines.append(f"About me: {'; '.join(about)}.")
    return tuple(lines)


# --- What the sources say: per consideration and per situation -------------------------------------------------------

@dataclass(frozen=True)
class Said:
    """What the sources say about one consideration or situation for one treatment: statements (with their sources),
    an overview cell (with its source), and what cannot be learned here."""
    treatment: str
    cell: Cell | None = None
    statements: tuple[Statement, ...] = ()
    gaps: tuple[Gap, ...] = ()

    @property
    def empty(self) -> bool:
        return self.cell is None and not self.statements and not self.gaps


def _gaps(t: Treatment, *topics: str) -> tuple[Gap, ...]:
    return tuple(g for g in t.gaps if g.topic in topics)


def consideration_said(knowledge: Knowledge, consideration: str, treatment_ids: tuple[str, ...], view: str) -> tuple[Said, ...]:
    """For each chosen treatment, in the order chosen: its overview cell for this consideration, or (for the
    considerations the overview has no row for) its statements."""
    chosen = knowledge.pick(list(treatment_ids))
    row = next((c.row for c in CONSIDERATIONS if c.id == consideration), None)
    if row:
        cells = next(r.cells for r in rows(knowledge, treatment_ids, view) if r.id == row)
        return tuple(Said(t.id, cell=cell) for t, cell in zip(chosen, cells))
    if consideration == "vaccines":
        return tuple(Said(t.id, statements=t.monitoring.vaccines, gaps=_gaps(t, "vaccines")) for t in chosen)
    return tuple(Said(t.id, statements=t.approvals, gaps=_gaps(t, "approvals")) for t in chosen)


_JC = re.compile(r"\bJCV?\b|JC virus|\bPML\b|leukoencephalopathy", re.I)


def _labels_first(knowledge: Knowledge, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """A regulator's label first (in the order of the data), then the other sources."""
    return tuple(sorted(statements, key=lambda s: knowledge.sources[s.source].type != "label"))


def situation_statements(knowledge: Knowledge, situation: str, t: Treatment) -> tuple[tuple[Statement, ...], tuple[Gap, ...]]:
    """The statements of data/ that speak to a stated situation for one treatment, and the gaps on the topic.

    planning a pregnancy: the pregnancy summary and the contraception periods after the last dose (by label region);
    breastfeeding: the breastfeeding statements, labels first; injections and travel: how and where it is given
    (and the burden of visits); a positive anti-JCV test: the PML and JC virus statements among the risks and the
    tests before starting; vaccines: the vaccine statements; hepatitis B: the hepatitis B risks."""
    pregnancy, monitoring = t.pregnancy, t.monitoring
    if situation == "pregnancy_planned":
        return (pregnancy.summary, *_labels_first(knowledge, pregnancy.contraception)), _gaps(t, "pregnancy")
    if situation == "breastfeeding":
        return _labels_first(knowledge, pregnancy.breastfeeding), _gaps(t, "breastfeeding")
    if situation == "no_injections":
        return (t.identity,), ()
    if situation == "hard_to_travel":
        return (t.identity, monitoring.burden), ()
    if situation == "jcv_positive":
        risks = tuple(r for r in t.risks if r.topic == "pml" or _JC.search(r.title))
        tests = tuple(s for s in (*monitoring.screening, *monitoring.ongoing) if _JC.search(s.clinician))
        return (*risks, *tests), _gaps(t, "pml")
    if situation == "vaccines_soon":
        return monitoring.vaccines, _gaps(t, "vaccines")
    if situation == "hepatitis_b":
        return tuple(r for r in t.risks if r.topic == "hbv"), ()
    raise KeyError(situation)


def situation_said(knowledge: Knowledge, situation: str, treatment_ids: tuple[str, ...], view: str) -> tuple[Said, ...]:
    """For each chosen treatment, in the order chosen, what the sources say about this situation. For injections and
    travel the overview's "how it is given" cell (route, schedule, clinic visits a year for doses) leads."""
    chosen = knowledge.pick(list(treatment_ids))
    given = next(r.cells for r in rows(knowledge, treatment_ids, view) if r.id == "given")
    said = []
    for t, cell in zip(chosen, given):
        statements, gaps = situation_statements(knowledge, situation, t)
        said.append(Said(t.id, cell=cell if situation in ("no_injections", "hard_to_travel") else None,
                         statements=statements, gaps=gaps))
    return tuple(said)


# --- Questions to ask your neurologist -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    text: str
    source: str | None = None  # where a figure in the question comes from
    locator: str = ""


# What to do after a missed dose: "a missed dose", "miss a dose", "doses are missed", "If you forget to take ..."
# (not a device that "can cause missed or partial doses").
_MISSED = re.compile(r"\bmiss(?:ed)? (?:a |titration |\d+ )?doses?\b|\bdoses? (?:are|is) missed|\bif you forget|\bmissed days?\b",
                     re.I)


def missed_dose(t: Treatment) -> Statement | None:
    """The statement that says what to do after a missed dose, where data/ has one."""
    from .knowledge import statements_of
    return next((s for s in statements_of(t) if _MISSED.search(s.clinician) or _MISSED.search(s.locator)), None)


def period(figure: Figure) -> str:
    value = f"{figure.value:g}" + (f" to {figure.high:g}" if figure.high is not None else "")
    unit = figure.unit[:-1] if figure.value == 1 and figure.high is None and figure.unit.endswith("s") else figure.unit
    return f"{value} {unit}"


TIME_UNITS = ("days", "weeks", "months", "years")


def contraception_periods(knowledge: Knowledge, t: Treatment, region: str | None = None) -> tuple[tuple[str, Statement, Figure], ...]:
    """(label region, statement, period figure) for each contraception statement whose source is a regulator's label
    and that gives a period of contraception (its first figure in days, weeks, months or years whose label speaks of
    contraception: a statement may also give, say, the days of an elimination procedure, which is not the period)."""
    found = []
    for s in t.pregnancy.contraception:
        source = knowledge.sources[s.source]
        if source.type != "label":
            continue
        where = source.region or (s.region if s.region != "all" else None)
        figure = next((f for f in s.figures if f.unit in TIME_UNITS and "contracept" in f.label.casefold()), None)
        if figure is not None and where and (region is None or where == region):
            found.append((where, s, figure))
    return tuple(found)


@per_knowledge  # the same for every session with this choice: made once, shared (tuples, never changed)
def questions(knowledge: Knowledge, treatment_ids: tuple[str, ...], situations: tuple[str, ...]) -> tuple[Question, ...]:
    """Questions to bring to the visit, made from the chosen treatments and the stated situations; a question that
    carries a figure names its label region and source."""
    found: list[Question] = []
    for t in knowledge.pick(list(treatment_ids)):
        name = t.name
        if t.monitoring.screening:
            found.append(Question(f"Which tests would I need before starting {name}, and how often during treatment?"))
        if "pregnancy_planned" in situations:
            periods = contraception_periods(knowledge, t)
            for region, statement, figure in periods:
                found.append(Question(f"The {region} label for {name} says to keep using contraception for {period(figure)} "
                                      "after the last dose. How would that fit with my plans for a pregnancy?",
                                      figure.source, figure.locator))
            if not periods:
                found.append(Question(f"If I plan a pregnancy, when should I stop {name}, and how long should I wait "
                                      "after the last dose?"))
        if "breastfeeding" in situations:
            found.append(Question(f"Can I breastfeed while taking {name}, or how long after a dose should I wait?"))
        if "jcv_positive" in situations and (t.pml_risk or any(r.topic == "pml" for r in t.risks)):
            found.append(Question(f"What does my positive JC virus antibody test mean for my risk of PML on {name}, "
                                  "and how often would it be tested again?"))
        if "hard_to_travel" in situations and t.identity.clinic_visits_per_year:
            found.append(Question(f"{name} needs about {t.identity.clinic_visits_per_year:g} clinic visits a year for doses. "
                                  "Where would they be given, and how long does each visit take?",
                                  t.identity.source, t.identity.locator))
        if "no_injections" in situations and re.search(r"inject|infusion|intravenous|subcutaneous|intramuscular",
                                                       t.identity.route, re.I):
            found.append(Question(f"{name} is given as {t.identity.route[:1].lower()}{t.identity.route[1:]}. "
                                  "Who gives it, and what does each dose involve?", t.identity.source, t.identity.locator))
        if "vaccines_soon" in situations:
            found.append(Question(f"Which vaccines should I have before starting {name}, and which should I avoid while on it?"))
        if "hepatitis_b" in situations and any(r.topic == "hbv" for r in t.risks):
            found.append(Question(f"I have had hepatitis B: what does that mean for {name}, and which tests would I need?"))
        if (missed := missed_dose(t)) is not None:
            found.append(Question(f"What should I do if I miss a dose of {name}?", missed.source, missed.locator))
    return tuple(found)


# --- A knowledge check: a few questions made from the chosen treatments' data -----------------------------------------

@dataclass(frozen=True)
class CheckQuestion:
    id: str  # stable within a selection: the widget's key
    treatment: str
    text: str
    choices: tuple[str, ...]  # in a fixed order that does not depend on which one is right
    answer: str
    feedback: str  # the right figure in words, with its context
    source: str
    locator: str


def _choices(right: float, pool: list[float], how_many: int = 3) -> list[float]:
    """The right value and the values of the same kind from data/ nearest to it, each at least a fifth of the right
    value (and 2 points) away from every other choice, in ascending order."""
    apart = max(2.0, right / 5)
    chosen = [right]
    for value in sorted(set(pool), key=lambda v: (abs(v - right), v)):
        if len(chosen) < how_many and all(abs(value - c) >= apart for c in chosen):
            chosen.append(value)
    return sorted(chosen)


def _main_trial_rows(t: Treatment):
    charted = [r for r in t.adverse_events if r.charted]
    if not charted:
        return None, []
    trial_id = max({r.trial for r in charted}, key=lambda i: (sum(r.trial == i for r in charted), i))
    return trial_id, [r for r in charted if r.trial == trial_id]


def _out_of_100(knowledge: Knowledge, t: Treatment, kind: str, trial_id: str, what: str, mine: float, theirs: float,
                pool: list[float], source: str, locator: str) -> CheckQuestion | None:
    """'In the main trial, out of 100 people on X, about how many had <what>?': the right value and the nearest values
    of the same kind from data/, and feedback with both arms and the comparator."""
    choices = _choices(mine, pool)
    if len(choices) < 3:
        return None
    trial = t.trial(trial_id)
    return CheckQuestion(
        f"{kind}.{t.id}", t.id, f"In the main trial, out of 100 people on {t.name}, about how many had {what}?",
        tuple(f"{v:g} in 100" for v in choices), f"{mine:g} in 100",
        f"In the trial ({trial.duration}), {mine:g} in 100 people on {t.name} had {what}, against {theirs:g} in 100 on "
        f"the comparator ({comparator_name(knowledge, t, trial_id)}).", source, locator)


def _side_effect_question(knowledge: Knowledge, t: Treatment) -> CheckQuestion | None:
    trial_id, trial_rows = _main_trial_rows(t)
    if len(trial_rows) < 3:
        return None
    signature = [r for r in trial_rows if r.event in t.signature_events]
    row = (signature or sorted(trial_rows, key=lambda r: -r.treatment_pct))[0]
    event = event_name(knowledge, row.event, "patient").split(" (")[0].lower()
    return _out_of_100(knowledge, t, "side_effects", trial_id, event, row.treatment_pct, row.comparator_pct,
                       [r.treatment_pct for r in trial_rows], row.source, row.locator)


def _benefit_question(knowledge: Knowledge, t: Treatment) -> CheckQuestion | None:
    benefit = next((b for b in t.benefits if b.unit.strip() == "%" and b.treatment_value is not None
                    and b.comparator_value is not None), None)
    if benefit is None:
        return None
    pool = [v for b in t.benefits if b.unit.strip() == "%" for v in (b.treatment_value, b.comparator_value) if v is not None]
    outcome = "this result: " + benefit.outcome[:1].lower() + benefit.outcome[1:]
    return _out_of_100(knowledge, t, "benefit", benefit.trial, outcome, benefit.treatment_value, benefit.comparator_value,
                       pool, benefit.source, benefit.locator)


def _in_days(figure: Figure) -> float:
    return figure.value * {"days": 1, "weeks": 7, "months": 30.4, "years": 365}[figure.unit]


def _pregnancy_question(knowledge: Knowledge, t: Treatment) -> CheckQuestion | None:
    eu = contraception_periods(knowledge, t, "EU")
    if not eu:
        return None
    _, statement, figure = eu[0]
    pool = {period(f): _in_days(f) for other in knowledge.treatments.values()
            for _, _, f in contraception_periods(knowledge, other, "EU")}
    right = period(figure)
    others = sorted((p for p in pool if p != right), key=lambda p: (abs(pool[p] - _in_days(figure)), p))[:2]
    if len(others) < 2:
        return None
    choices = tuple(sorted([right, *others], key=pool.__getitem__))
    return CheckQuestion(
        f"pregnancy.{t.id}", t.id,
        f"In the EU label, how long after the last dose of {t.name} should contraception go on (so a pregnancy waits)?",
        choices, right, f"The EU label says {right} after the last dose of {t.name}. The figure: {figure.label}.",
        figure.source, figure.locator)


def _route_question(knowledge: Knowledge, t: Treatment) -> CheckQuestion | None:
    cell = next(r.cells[0] for r in rows(knowledge, (t.id,), "patient") if r.id == "given")
    route = cell.text.split(" · ")[0]
    choices = ("Infusion (drip)", "Injection", "Taken by mouth")
    if route not in choices:
        return None
    return CheckQuestion(f"given.{t.id}", t.id, f"How is {t.name} given?", choices, route,
                         f"{t.name}: {cell.text}.", cell.source, cell.locator)


def _visits_question(knowledge: Knowledge, t: Treatment) -> CheckQuestion | None:
    """Clinic visits a year for doses: the choices are the numbers data/ gives for every treatment (a few)."""
    visits = t.identity.clinic_visits_per_year
    choices = sorted({o.identity.clinic_visits_per_year for o in knowledge.treatments.values()} - {None})
    if visits is None or not 3 <= len(choices) <= 4:
        return None
    words = lambda v: "None" if v == 0 else f"About {v:g}"  # noqa: E731
    said = "no clinic visits for doses" if not visits else f"about {visits:g} clinic visits a year for doses"
    return CheckQuestion(f"visits.{t.id}", t.id, f"How many clinic visits a year does {t.name} need for its doses, "
                         "once treatment is under way?", tuple(words(v) for v in choices), words(visits),
                         f"{t.name}: {said}, from how and how often it is given.", t.identity.source, t.identity.locator)


CHECK_KINDS = (_side_effect_question, _pregnancy_question, _benefit_question, _visits_question, _route_question)
MOST_CHECKS = 5


@per_knowledge  # the same for every session with this choice: made once, shared (tuples, never changed)
def check(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> tuple[CheckQuestion, ...]:
    """Three to five questions (fewer only when data/ has too little): each kind of question in turn, across the
    chosen treatments in the order chosen, so every treatment gets a question before any gets a second."""
    chosen = knowledge.pick(list(treatment_ids))
    candidates = [[q for kind in CHECK_KINDS if (q := kind(knowledge, t)) is not None] for t in chosen]
    found: list[CheckQuestion] = []
    while len(found) < MOST_CHECKS and any(candidates):
        for queue in candidates:
            if queue and len(found) < MOST_CHECKS:
                found.append(queue.pop(0))
    return tuple(found)

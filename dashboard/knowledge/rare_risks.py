"""Rare serious risks on one scale: every figure said as "about N in 10,000", on one stated base per screen.

No Streamlit. A figure is either calculated by us from a cited case count and its cited exposure (cases ÷ exposure,
both marked with `role` in data/), or a source's own rate converted to the same base; where no case was seen, the
most the data can rule out (the rule of three: about 3 in N for no case among N). Reported post-marketing cases say
why such a figure is approximate. Texts are plain (no Markdown): the screen, the tests and the export render them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from .models import Figure, Risk, Treatment

PER = 10_000
Base = Literal["people", "patient-years"]
BASES: tuple[Base, ...] = ("people", "patient-years")
Kind = Literal["calculated", "reported", "own_rate", "none_seen"]
# What "in 10,000" counts, in each view
BASE_WORDS = {"people": "in 10,000 people treated", "patient-years": "per 10,000 patient-years"}
PLAIN_BASE_WORDS = {"people": "in every 10,000 people treated",
                    "patient-years": "for every 10,000 years of treatment"}
# A source's own rate, as a multiplier to "per 10,000", and the base it is on
RATE_UNITS: dict[str, tuple[float, Base]] = {
    "per 1,000 patients": (10, "people"), "per 1,000 patient-years": (10, "patient-years"),
    "per 100 patient-years": (100, "patient-years"), "per 100,000 patient-years": (0.1, "patient-years"),
}
# The frequency words labels use (per 10,000): very rare < 1; rare 1 to < 10; uncommon 10 to < 100; common 100 to < 1,000
FREQUENCY = ((1, "very rare", "fewer than 1 in 10,000"), (10, "rare", "between 1 in 10,000 and 1 in 1,000"),
             (100, "uncommon", "between 1 in 1,000 and 1 in 100"), (1_000, "common", "between 1 in 100 and 1 in 10"),
             (float("inf"), "very common", "more than 1 in 10"))
APPROXIMATE = ("approximate: not every case is reported, and the number treated is estimated")
PLAIN_APPROXIMATE = ("This is only approximate: not every case is reported, and the number of people treated is an "
                     "estimate.")
NO_FIGURE = "No PML figure is given here for this treatment; its label is the authoritative source."


def frequency(per_10000: float) -> tuple[str, str]:
    """(the label's word, what it means) for a figure per 10,000."""
    return next((word, meaning) for limit, word, meaning in FREQUENCY if per_10000 < limit)


def number(per_10000: float) -> str:
    """A figure per 10,000 as a reader says it: whole numbers from 10, one decimal from 1, two significant figures
    below 1."""
    if per_10000 >= 10:
        return f"{per_10000:,.0f}"
    if per_10000 >= 1:
        return f"{per_10000:.1f}".removesuffix(".0")
    return f"{per_10000:.2g}"


def count(value: float) -> str:
    """A count or an exposure in patient-years, in whole numbers (26,060.25 patient-years: 26,060)."""
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:g}"


def interval(low: float, high: float) -> str:
    return f"{low:.3g} to {high:.3g}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def dated(date: str) -> str:
    """ "data to November 2017" for a date; other wordings (cases to ..., up to ...) as they are."""
    plain_date = date[:1].isdigit() or date.split(" ")[0] in _MONTHS
    return f"data to {date}" if plain_date else f"data: {date}"


@dataclass(frozen=True)
class Scaled:
    """One rare-risk figure of one treatment on one base."""

    treatment: Treatment
    risk: Risk
    base: Base
    kind: Kind
    per_10000: float  # for none_seen: the rule-of-three upper bound
    cases: Figure | None = None
    exposure: Figure | None = None
    rate: Figure | None = None  # the source's own rate on this base, converted (beside a calculated figure, or alone)

    @property
    def at_most(self) -> bool:
        """The exposure is "more than" a number, so the figure is an upper bound (none_seen is one anyway); not for
        reported cases, which miss cases: their true figure may be higher, so "at most" would say less than is known."""
        return self.kind == "none_seen" or bool(self.exposure and self.exposure.more_than and not self.reported)

    @property
    def interval(self) -> tuple[float, float] | None:
        """The source's own 95% CI, per 10,000, where it gives one."""
        r = self.rate
        if r is None or r.ci_low is None or r.ci_high is None:
            return None
        factor = RATE_UNITS[r.unit][0]
        return r.ci_low * factor, r.ci_high * factor

    @property
    def word(self) -> str:
        return frequency(self.per_10000)[0]

    @property
    def reported(self) -> bool:
        return bool(self.cases and self.cases.role == "reported_cases")

    @property
    def data_date(self) -> str:
        dates = dict.fromkeys(f.data_date for f in (self.cases, self.exposure, self.rate) if f is not None and f.data_date)
        if self.cases and self.exposure and len(dates) > 1:
            return f"data: cases to {self.cases.data_date}, exposure to {self.exposure.data_date}"
        return "; ".join(dated(d) for d in dates)

    @property
    def citations(self) -> tuple[tuple[str, Figure], ...]:
        """(what, figure) for each number the figure rests on: cases, exposure, the source's own rate."""
        named = (("cases", self.cases), ("exposure", self.exposure), ("the source's own rate", self.rate))
        return tuple((what, f) for what, f in named if f is not None)


def _scaled(treatment: Treatment, risk: Risk) -> Iterator[Scaled]:
    cases = next((f for f in risk.figures if f.role in ("cases", "reported_cases")), None)
    rates = [f for f in risk.figures if f.role == "rate"]
    calculated: set[Base] = set()
    for exposure in (f for f in risk.figures if f.role == "exposure"):
        base: Base = "people" if exposure.unit == "count" else "patient-years"
        own = next((r for r in rates if RATE_UNITS[r.unit][1] == base), None)
        if cases is None:
            continue
        if cases.value == 0:
            yield Scaled(treatment, risk, base, "none_seen", 3 / exposure.value * PER, cases, exposure, own)
        else:
            kind: Kind = "reported" if cases.role == "reported_cases" else "calculated"
            yield Scaled(treatment, risk, base, kind, cases.value / exposure.value * PER, cases, exposure, own)
        calculated.add(base)
    for rate in rates:
        factor, base = RATE_UNITS[rate.unit]
        if base not in calculated:
            yield Scaled(treatment, risk, base, "own_rate", rate.value * factor, cases, None, rate)


def scaled(treatment: Treatment, topic: str = "pml") -> tuple[Scaled, ...]:
    """Every rare-risk figure of a treatment on this topic, headline risks first, then in the order of data/."""
    risks = [r for r in treatment.risks if r.topic == topic]
    ordered = [r for r in risks if r.headline] + [r for r in risks if not r.headline]
    return tuple(s for risk in ordered for s in _scaled(treatment, risk))


def primary(treatment: Treatment, base: Base, topic: str = "pml") -> Scaled | None:
    """The figure a screen shows for this treatment on this base: the first in `scaled`."""
    return next((s for s in scaled(treatment, topic) if s.base == base), None)


def base_for(treatments: list[Treatment], topic: str = "pml") -> Base:
    """The one base for a screen: people treated, unless only patient-years figures exist for these treatments."""
    have = {s.base for t in treatments for s in scaled(t, topic)}
    return "patient-years" if have == {"patient-years"} else "people"


def other_topics(treatment: Treatment) -> tuple[str, ...]:
    """Topics other than PML with a rare-risk figure (case count and exposure, or a source's own rate)."""
    return tuple(dict.fromkeys(r.topic for r in treatment.risks if r.topic != "pml" and any(_scaled(treatment, r))))


def headline(s: Scaled, view: str) -> str:
    """The figure in a few words: "About 86 in 10,000 people treated (uncommon)"."""
    words = PLAIN_BASE_WORDS[s.base] if view == "patient" else BASE_WORDS[s.base]
    if s.kind == "none_seen":
        bound = f"at most about {number(s.per_10000)} {words} (calculated by us)"
        return f"No case among {count(s.exposure.value)} {_counted(s, view)} in the studies; {bound}"
    lead = "At most about" if s.at_most else "About"
    return f"{lead} {number(s.per_10000)} {words} ({s.word})"


def _cases_word(s: Scaled) -> str:
    word = "case" if s.cases.value == 1 else "cases"
    return f"reported {word}" if s.reported else word


def _counted(s: Scaled, view: str = "clinician") -> str:
    if s.base == "people":
        return "people"
    return "years of treatment" if view == "patient" else "patient-years"


def _exposure(s: Scaled, view: str = "clinician") -> str:
    more = "more than " if s.exposure.more_than else ""
    return f"{more}{count(s.exposure.value)} {_counted(s, view)}"


def calculation(s: Scaled) -> str:
    """How the figure was made, with its numbers and data date (clinician view)."""
    date = f"; {s.data_date}" if s.data_date else ""
    if s.kind == "none_seen":
        return (f"{s.exposure.label}: no case among {_exposure(s)}; the rule of three gives the most this can rule "
                f"out: 3 ÷ {count(s.exposure.value)} = about {number(s.per_10000)} {BASE_WORDS[s.base]} (calculated by us){date}")
    if s.kind == "own_rate":
        r, ci = s.rate, s.interval
        ci_text = f", 95% CI {r.ci_low:g} to {r.ci_high:g} ({interval(*ci)} per 10,000)" if ci else ""
        reported = f"; from {count(s.cases.value)} reported cases, {APPROXIMATE}" if s.reported else ""
        return f"the study's own figure, converted: {r.value:g} {r.unit}{ci_text}{reported}{date}"
    cases = _cases_word(s)
    text = (f"calculated by us: {count(s.cases.value)} {cases} ÷ {_exposure(s)} ({s.exposure.label}) "
            f"= {s.per_10000:.3g} per 10,000{date}")
    if s.rate is not None:
        ci = s.interval
        ci_text = f", 95% CI {interval(*ci)} per 10,000" if ci else ""
        text += f"; the study's own figure: {s.rate.value:g} {s.rate.unit}{ci_text}"
    if s.reported:
        text += f"; {APPROXIMATE}"
    return text


def plain(s: Scaled) -> str:
    """The same meaning in plain words (patient view)."""
    date = f"; {s.data_date}" if s.data_date else ""
    if s.kind == "none_seen":
        return (f"The studies: {s.exposure.label}{date}. Seeing no case cannot rule out a rare risk; the most it "
                f"can rule out was worked out by us with the 'rule of three' (3 divided by "
                f"{count(s.exposure.value)}).")
    if s.kind == "own_rate":
        text = f"This is the study's own figure ({s.rate.value:g} {s.rate.unit}), said here out of 10,000{date}."
        return text + (f" It comes from {count(s.cases.value)} reported cases. {PLAIN_APPROXIMATE}" if s.reported else "")
    cases = _cases_word(s)
    text = (f"Worked out by us from {count(s.cases.value)} {cases} among {_exposure(s, 'patient')} "
            f"({s.exposure.label}{date}).")
    return text + (f" {PLAIN_APPROXIMATE}" if s.reported else "")


def sentence(s: Scaled, view: str) -> str:
    """The figure and how it was made, in the view's words: one line per treatment under a chart, or a cell."""
    if view == "patient":
        return f"{lead(s)}. {plain(s)}"
    return f"{headline(s, view)} · {calculation(s)}"


def lead(s: Scaled) -> str:
    """The patient view's headline, its frequency word explained ("uncommon: between 1 in 1,000 and 1 in 100")."""
    head = headline(s, "patient")
    if s.kind == "none_seen":
        return head
    return head.replace(f" ({s.word})", f" ({s.word}: {frequency(s.per_10000)[1]})")


def worded(treatment: Treatment, topic: str = "pml") -> Risk | None:
    """The risk whose short words stand for the topic where there is no figure: a headline one first."""
    risks = [r for r in treatment.risks if r.topic == topic]
    return next((r for r in [r for r in risks if r.headline] + risks if r.short), None)


def cell(s: Scaled, view: str) -> str:
    """The figure in an overview cell: a short phrase and the numbers it rests on, with its data date; the
    clinician view names the calculation, the patient view says it in words."""
    date = s.data_date
    approximate = (f"; reported cases, {APPROXIMATE}" if view != "patient" else f" {PLAIN_APPROXIMATE}") if s.reported else ""
    if view == "patient":
        if s.kind == "none_seen":
            return (f"{headline(s, view)}; {date}. Seeing no case cannot rule out a rare risk: the 'at most' is 3 "
                    f"divided by {count(s.exposure.value)} (the 'rule of three').")
        if s.kind == "own_rate":
            cases = f" from {count(s.cases.value)} reported cases" if s.reported else ""
            return f"{lead(s)}. The study's own figure{cases}, said out of 10,000; {date}.{approximate}"
        cases = _cases_word(s)
        return f"{lead(s)}. Worked out by us from {count(s.cases.value)} {cases} among {_exposure(s, view)}; {date}.{approximate}"
    if s.kind == "none_seen":
        return f"{headline(s, view)} · rule of three: 3 ÷ {count(s.exposure.value)}; {date}"
    if s.kind == "own_rate":
        return f"{headline(s, view)} · the study's own figure, converted: {s.rate.value:g} {s.rate.unit}; {date}{approximate}"
    cases = _cases_word(s)
    return (f"{headline(s, view)} · calculated by us: {count(s.cases.value)} {cases} ÷ {_exposure(s)}; {date}"
            f"{approximate.replace('; reported cases, ', '; ')}")


def no_figure(treatment: Treatment, view: str, topic: str = "pml") -> str:
    """What a screen says for a treatment without a figure on the scale: the risk's short words, its gap, or that
    none is given."""
    risks = [r for r in treatment.risks if r.topic == topic]
    if (risk := worded(treatment, topic)) is not None:
        return risk.short
    gap = next((g.text(view) for g in treatment.gaps if g.topic == topic), None)
    if gap:
        return gap
    if risks:
        return f"{risks[0].title}: named in the label, with no count of cases and people treated, so no figure on this scale"
    return NO_FIGURE

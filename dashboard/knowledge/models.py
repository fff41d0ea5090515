"""Typed knowledge: the shape of every YAML file in data/.

No Streamlit here. Field rules that concern one object live on the model; rules that
cross objects or files (unknown ids, duplicates, counts against a trial's n) live in
`checks.py`.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import links

EvidenceType = Literal[
    "label", "randomised_trial", "small_trial", "pooled_trials", "open_label_extension", "observational_cohort",
    "registry", "case_report", "case_series", "laboratory_study", "review", "systematic_review",
    "guideline", "database",
]
SMALL_STUDY_TYPES = frozenset({"case_report", "case_series", "laboratory_study", "small_trial"})
Region = Literal["US", "EU", "all"]
LabelRegion = Literal["US", "EU"]
Population = Literal["RMS", "RRMS", "PPMS", "CIS", "SPMS"]
TreatmentGroup = Literal[
    "anti_cd20", "anti_cd52", "anti_integrin", "s1p_modulator", "fumarate", "pyrimidine_synthesis_inhibitor",
    "purine_analogue", "interferon", "glatiramer",
]
EventKind = Literal["infection", "reaction", "autoimmune", "cancer", "laboratory", "heart_and_vessels", "other"]
GapTopic = Literal[
    "adverse_events", "benefits", "pml", "pregnancy", "breastfeeding", "monitoring", "vaccines", "approvals", "other",
]
RiskTopic = Literal[
    "boxed_warning", "infusion_reactions", "injection_reactions", "infections", "hbv", "herpes", "pml",
    "immunoglobulins", "malignancy", "autoimmunity", "liver", "other",
]
PERCENT_TOLERANCE = 0.55  # a rounded percentage may differ from count/n by half a point

Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
Count = Annotated[int, Field(gt=0)]
Percent = Annotated[float, Field(ge=0, le=100)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


def percent_disagreement(pct: float, count: int | None, n: int | None) -> str | None:
    """Why a percentage disagrees with its own count and n, or None when it agrees."""
    if count is None or n is None:
        return None
    if count > n:
        return f"count {count} is larger than n {n}, expected count <= n"
    exact = 100 * count / n
    if abs(exact - pct) > PERCENT_TOLERANCE:
        return f"{pct}% disagrees with {count}/{n} = {exact:.1f}%, expected the two to match"
    return None


class Source(Model):
    id: Id
    title: Text
    publisher: Text
    year: Annotated[int, Field(ge=1900, le=2100)]
    url: Text
    type: EvidenceType
    region: LabelRegion | None = None
    accessed: dt.date
    version: str | None = None  # a label's version or revision date as printed on it
    copy_of: str | None = None  # for a web page, copy or database: the label or study it reproduces
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _safe_https(cls, url: str) -> str:
        reason = links.problem(url)
        if reason:
            raise ValueError(reason)
        return url


class Event(Model):
    id: Id
    label: Text
    patient_label: Text
    kind: EventKind = "other"
    same_as: Id | None = None  # a near-duplicate names the event it overlaps with (shown as a note)


class Figure(Model):
    label: Text
    value: float
    unit: Literal[
        "%", "per 1,000 patients", "count", "days", "weeks", "months", "years", "patient-years", "ratio",
        "per patient-year", "per 100 patient-years", "per 1,000 patient-years", "per 100,000 patient-years", "g/L", "mg",
        "mg/L", "µg/L", "mg/kg per day", "µg/kg per day",
    ]
    count: Count | None = None
    n: Count | None = None
    high: float | None = None  # the upper end, where the figure is a range (value is the lower end)
    ci_low: float | None = None  # 95% confidence interval, where the source gives one
    ci_high: float | None = None
    source: Id
    locator: Text
    # Rare risks (docs/knowledge-format.md, "Rare risks on one scale"): what the figure is in a case count ÷ exposure
    # pair, the date its data run to, and whether the source says "more than" (an exposure given as a lower bound).
    role: Literal["cases", "reported_cases", "exposure", "rate"] | None = None
    data_date: str | None = None
    more_than: bool = False

    @model_validator(mode="after")
    def _percent(self) -> Figure:
        if self.unit == "%":
            if not 0 <= self.value <= 100:
                raise ValueError(f"percentage {self.value} is outside 0-100, expected 0 to 100")
            problem = percent_disagreement(self.value, self.count, self.n)
            if problem:
                raise ValueError(problem)
        return self


class Statement(Model):
    clinician: Text
    patient: Text
    short: Annotated[str, Field(min_length=1, max_length=90)] | None = None  # a few words for the overview cell
    source: Id
    locator: Text
    region: Region = "all"
    evidence: EvidenceType | None = None
    limits: str | None = None
    figures: tuple[Figure, ...] = ()


class Identity(Statement):
    drug_class: Text
    mechanism: Text
    route: Text
    schedule: Text
    at_home: str | None = None  # what the patient does at home (tablets, self-injection)
    in_clinic: str | None = None  # what happens in a clinic (infusions, first-dose observation)
    clinic_visits_per_year: float | None = None  # routine dosing visits a year after the first, from the schedule


class Approval(Statement):
    region: LabelRegion  # type: ignore[assignment]
    status: Literal["approved", "off_label", "not_approved", "withdrawn"]
    indications: tuple[Text, ...] = ()


class Trial(Model):
    id: Id
    name: Text
    population: Population
    comparator: Text
    duration: Text
    n_treatment: Count | None = None
    n_comparator: Count | None = None
    comparator_treatment: Id | None = None  # the treatment file of the comparator, where it has one
    # Figures from a later look at the trial's results (post hoc) or at part of its patients (post hoc subgroup):
    # said in plain words on screen and never a page's default.
    analysis: Literal["post_hoc", "post_hoc_subgroup"] | None = None
    source: Id
    locator: Text


class AdverseEvent(Model):
    event: Id
    trial: Id
    treatment_pct: Percent
    comparator_pct: Percent | None = None  # the comparator arm of the same trial; None only with `comparator`
    treatment_count: Count | None = None
    comparator_count: Count | None = None
    comparator: Literal["none reported"] | None = None  # a deliberate single-arm rate (never charted)
    reason: str | None = None  # why no comparator value is given, required with `comparator: none reported`
    source: Id
    locator: Text

    @property
    def charted(self) -> bool:
        """Only rows with both arms of the same trial are charted."""
        return self.comparator_pct is not None

    @property
    def difference(self) -> float | None:
        """Absolute difference in percentage points, treatment minus comparator (None without a comparator)."""
        if self.comparator_pct is None:
            return None
        return round(self.treatment_pct - self.comparator_pct, 1)


class Benefit(Model):
    outcome: Text
    trial: Id
    treatment_value: float | None  # None where the source gives only a relative figure
    comparator_value: float | None
    unit: Text
    relative_reduction_pct: float | None = None
    absolute_difference: float | None = None
    ci_low: float | None = None  # 95% CI of the relative figure the source gives (hazard or rate ratio)
    ci_high: float | None = None
    ci_of: str | None = None  # what the interval belongs to, e.g. "rate ratio" or "hazard ratio"
    clinician: Text
    patient: Text
    source: Id
    locator: Text
    figures: tuple[Figure, ...] = ()


class Risk(Statement):
    topic: RiskTopic
    title: Text
    headline: bool = False


class PmlStratum(Model):
    region: LabelRegion
    antibody: Text
    prior_immunosuppressant: bool | None = None
    exposure: Text
    per_1000: Annotated[float, Field(ge=0, le=1000)]
    less_than: bool = False  # the source gives "fewer than per_1000"
    ci_low: float | None = None  # 95% confidence interval per 1,000, where the source gives one
    ci_high: float | None = None
    source: Id
    locator: Text


class Pregnancy(Model):
    summary: Statement
    contraception: tuple[Statement, ...] = ()
    exposure: tuple[Statement, ...] = ()
    infant: tuple[Statement, ...] = ()
    breastfeeding: tuple[Statement, ...] = ()


class Burden(Statement):
    level: Literal["low", "moderate", "high"]


class Monitoring(Model):
    burden: Burden
    contraindications: tuple[Statement, ...] = ()
    screening: tuple[Statement, ...] = ()
    administration: tuple[Statement, ...] = ()
    ongoing: tuple[Statement, ...] = ()
    vaccines: tuple[Statement, ...] = ()


class Pointer(Model):
    """Where the authoritative text is: a source and the place in it."""

    source: Id
    locator: Text


class Gap(Model):
    """What could not be sourced, said on screen where the content would have been."""

    topic: GapTopic
    note: Text
    patient: Text | None = None  # the same gap in plain words, for the patient view; without it the note is shown
    see: tuple[Pointer, ...] = ()  # where the reader finds it instead (a label section), shown as links with the gap

    def text(self, view: str) -> str:
        return self.patient if view == "patient" and self.patient else self.note


class Treatment(Model):
    id: Id
    name: Text
    brands: tuple[Text, ...] = ()
    group: TreatmentGroup
    last_reviewed: dt.date
    signature_events: tuple[Id, ...] = ()  # the harms this treatment is known for, shown by default
    gaps: tuple[Gap, ...] = ()
    identity: Identity
    approvals: tuple[Approval, ...] = Field(min_length=1)
    trials: tuple[Trial, ...] = ()
    adverse_events: tuple[AdverseEvent, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    benefit_notes: tuple[Statement, ...] = ()
    risks: tuple[Risk, ...] = ()
    pml_risk: tuple[PmlStratum, ...] = ()
    pregnancy: Pregnancy
    monitoring: Monitoring

    @property
    def off_label(self) -> bool:
        return all(a.status != "approved" for a in self.approvals)

    def trial(self, trial_id: str) -> Trial:
        return next(t for t in self.trials if t.id == trial_id)


class Topic(Model):
    id: Id
    title: Text
    patient_title: Text
    last_reviewed: dt.date
    statements: tuple[Statement, ...] = Field(min_length=1)


class GlossaryEntry(Model):
    """A word a clinician will use, in plain words: `plain` is said beside it, `definition` on the glossary page."""

    id: Id
    kind: Literal["learn", "jargon"]  # learn: explained at its first use on a screen; jargon: at every use
    term: Text
    also: tuple[Text, ...] = ()  # other forms of the same word met on screens (plural, long form, abbreviation)
    plain: Text
    definition: Text
    source: Id | None = None  # where the definition states a fact
    locator: str | None = None

    @model_validator(mode="after")
    def _cited(self) -> GlossaryEntry:
        if (self.source is None) != (self.locator is None):
            raise ValueError("a source needs its locator and a locator its source, expected both or neither")
        return self


class EvidenceWords(Model):
    name: Text
    plain: Text


class TrustItem(Model):
    title: Text
    text: Text


class Site(Model):
    title: Text
    tagline: Text
    knowledge_version: Annotated[str, Field(pattern=r"^\d{4}\.\d{1,2}(\.\d+)?$")]
    released: dt.date
    start: tuple[Text, ...] = Field(min_length=1, max_length=3)  # what the tool does, in three lines
    trust: tuple[TrustItem, ...] = Field(min_length=1)  # who made it, review, funding and conflicts, errors
    disclaimer: tuple[Text, ...] = Field(min_length=1)
    not_head_to_head: Text
    update_policy: Text
    about: tuple[Text, ...] = Field(min_length=1)
    reading_trials: tuple[Text, ...] = Field(min_length=1)
    evidence: dict[EvidenceType, EvidenceWords]
    last_reviewed: dt.date

    @model_validator(mode="after")
    def _every_evidence_type_worded(self) -> Site:
        missing = sorted(set(EvidenceType.__args__) - set(self.evidence))
        if missing:
            raise ValueError(f"no words for evidence types {', '.join(missing)}, expected one entry each")
        return self

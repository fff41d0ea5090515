"""PML for the chosen treatments on one scale: the dot chart (or its table), a sentence per treatment under it with
the same numbers, what has no figure on this base, the not-head-to-head note; then, for a treatment with further
published figures (natalizumab), what can be cited, each on the same base, and where its label holds the rest."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import rare_risks as chart
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.knowledge import rare_risks
from dashboard.knowledge.glossary import explain
from dashboard.knowledge.models import Treatment
from dashboard.knowledge.rare_risks import BASE_WORDS, BASES, PLAIN_BASE_WORDS, RATE_UNITS, Base
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import chart_card, review_status, source_link, statement

BASE_KEY = "rare_risk_base"
BASE_CHOICES = {"people": "Out of 10,000 people treated", "patient-years": "Per 10,000 years of treatment"}
NOT_HEAD_TO_HEAD = ("**Not a head-to-head comparison.** Each figure comes from its own study or count of reports, with "
                    "its own people, time on treatment and way of counting cases; reported cases miss some cases.")


def _base(treatments: list[Treatment]) -> Base:
    """People treated, unless the user asks for years of treatment (offered only when both exist here)."""
    have = {s.base for t in treatments for s in rare_risks.scaled(t)}
    default = rare_risks.base_for(treatments)
    if have != set(BASES):
        return default
    picked = st.segmented_control("Count PML cases", options=list(BASES), format_func=BASE_CHOICES.get, default=default,
                                  key=BASE_KEY, help="10,000 years of treatment: for example, 10,000 people each "
                                                     "treated for one year, or 1,000 people each treated for ten.")
    return picked or default


def _elsewhere(treatment: Treatment, base: Base, view: str) -> str:
    """What a treatment without a figure on this base says instead."""
    other = next((s for s in rare_risks.scaled(treatment) if s.base != base), None)
    if other is not None:
        return f"no figure {BASE_WORDS[base]}; {rare_risks.headline(other, view)} (a different base)"
    return rare_risks.no_figure(treatment, view)


def _cited(knowledge: Knowledge, treatment: Treatment, base: Base, view: str) -> str:
    """Further published PML rates of one treatment (not on the scale above), each converted to the same kind of
    "in 10,000" as its own base, with its label (which says what it is: one factor alone, a whole period...), its
    interval and its source; then the headline PML statements without figures (the label's risk factors)."""
    risks = [r for r in treatment.risks if r.topic == "pml"]
    risks = [r for r in risks if r.headline] + [r for r in risks if not r.headline]
    lines = []
    for risk in risks:
        # a source's own rate on the other base first (the scale above shows this base), then the rates of groups
        for f in sorted(risk.figures, key=lambda f: f.role != "rate"):
            if f.unit not in RATE_UNITS or f.role not in (None, "rate") or (f.role and RATE_UNITS[f.unit][1] == base):
                continue
            factor, own_base = RATE_UNITS[f.unit]
            words = (PLAIN_BASE_WORDS if view == "patient" else BASE_WORDS)[own_base]
            ci = (f", 95% CI {rare_risks.interval(f.ci_low * factor, f.ci_high * factor)}"
                  if f.ci_low is not None and f.ci_high is not None else "")
            label = explain(knowledge, f.label) if view == "patient" else f.label  # a clinician's word, with its meaning
            lines.append(f"- {safe_text(label)}: **about {rare_risks.number(f.value * factor)} {words}**{ci} "
                         f"(the source's {f.value:g} {safe_text(f.unit)}) · "
                         f":small[{source_link.markdown(knowledge, f.source, f.locator)}]")
    if not lines:
        return ""
    worded = [r for r in risks if r.headline and not any(f.role for f in r.figures)]
    text = f"**{safe_text(treatment.name)}: what else can be cited (for groups of people, not a personal risk)**\n\n"
    text += "\n".join(lines)
    if worded:
        text += "\n\n" + statement.group(knowledge, worded, view)
    return text


def _see(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    """Links to where a PML gap's answer is (the label section); the gap itself is said with the estimator."""
    gap = next((g for g in treatment.gaps if g.topic == "pml" and g.see), None)
    if gap is None:
        return ""
    links = " · ".join(source_link.full(knowledge, p.source, p.locator, view=view) for p in gap.see)
    return f":material/menu_book: **{safe_text(treatment.name)}: where the label gives the rest:** {links}"


def _others(treatments: list[Treatment], base: Base, view: str) -> str:
    """Other rare serious risks of the chosen treatments where data holds cases and exposure, on the same base."""
    lines = [f"- **{safe_text(t.name)}, {safe_text(s.cases.label if s.cases else s.risk.title)}:** "
             f"{safe_text(rare_risks.sentence(s, view))}"
             for t in treatments for topic in rare_risks.other_topics(t) for s in rare_risks.scaled(t, topic)
             if s.base == base]
    return ("**Other serious risks on the same scale**\n\n" + "\n".join(lines)) if lines else ""


def show(knowledge: Knowledge, treatments: list[Treatment], view: str) -> None:
    card, texts = _made(knowledge, tuple(t.id for t in treatments), view, _base(treatments),  # the base: a widget
                        review_status.checked())
    if card:
        figure, alt, table, heading = card
        chart_card.show(figure, alt, table, key="rare_risks", heading=heading)
    if texts:
        elements.markdown("\n\n".join(texts))  # one element: each is a message to every visitor


@per_knowledge
def _made(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str, base: Base,
          _checked: str) -> tuple[tuple | None, tuple[str, ...]]:
    """The picture (figure, alt text, table, heading) and the texts under it, made once per selection, view and label
    check and shared by every session (building the figure was most of the page's cost). Nothing here is changed
    later."""
    treatments = knowledge.pick(list(treatment_ids))
    items = [s for t in treatments if (s := rare_risks.primary(t, base)) is not None]
    card = (chart.figure(items, base, view), safe_text(chart.alt(items, base, view), "plain"),
            chart.table(knowledge, items, base, view), chart.title(base, view)) if items else None
    lines = [f"- **{safe_text(s.treatment.name)}:** {safe_text(rare_risks.sentence(s, view))}" for s in items]
    lines += [f"- **{safe_text(t.name)}:** {safe_text(_elsewhere(t, base, view))}"
              for t in treatments if rare_risks.primary(t, base) is None]
    others = _others(treatments, base, view)
    texts = ["\n".join(lines) + f"\n\n:small[:material/compare_arrows: {NOT_HEAD_TO_HEAD}]"
             + (f"\n\n{others}" if others else "")]
    for treatment in treatments:
        extra = "\n\n".join(part for part in (_cited(knowledge, treatment, base, view), _see(knowledge, treatment, view))
                            if part)
        if extra:
            texts.append(extra)
    return card, tuple(texts)

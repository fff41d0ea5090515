"""Statements in the chosen view, each headed by what its source is, with its limits, figures and a compact citation.

A group of statements is drawn as one Markdown element (every element is a message to the browser). Each statement
carries a small numbered marker; the group ends with its numbered sources: title, year, place in the source, kind
of evidence, and for a label its region and version. "US label" / "EU label" heads only statements whose source is a
regulator's label; any other source is named by its kind of evidence (cohort study, review, database...).
"""
from __future__ import annotations


from dashboard.knowledge import Knowledge
from dashboard.knowledge.glossary import explain
from dashboard.knowledge.models import Statement

from components.frame import elements
from components.views import review_status, source_link
from dashboard.safe_text import safe_text

NOTHING = "Nothing on this is given here; the label and your neurologist can tell you more."
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def marker(number: int) -> str:
    return f"⁽{str(number).translate(SUPERSCRIPT)}⁾"


def kind(knowledge: Knowledge, statement: Statement, view: str) -> str:
    """What the statement rests on, as its heading says it: "US label" / "EU label" only when its source is a
    regulator's label; otherwise the kind of evidence (cohort study, review, database...) and its region."""
    source = knowledge.source(statement.source)
    if source.type == "label":
        region = source.region or (statement.region if statement.region != "all" else "")
        return f"{region} label" if region else "Label"
    words = knowledge.site.evidence[statement.evidence or source.type].name
    return f"{words} ({statement.region})" if statement.region != "all" else words


class Citations:
    """Numbers the sources cited in one group, in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str, str | None], int] = {}

    def mark(self, source: str, locator: str, evidence: str | None = None) -> str:
        return marker(self.numbers.setdefault((source, locator, evidence), len(self.numbers) + 1))

    @classmethod
    def sources_only(cls, knowledge: Knowledge, statements, view: str) -> str:
        """Just the numbered sources of these statements (for a chart whose numbers they back)."""
        cite = cls()
        for s in statements:
            cite.mark(s.source, s.locator, s.evidence)
        return cite.markdown(knowledge, view)

    def markdown(self, knowledge: Knowledge, view: str) -> str:
        if not self.numbers:
            return ""
        lines = [f"{marker(n)} {source_link.full(knowledge, source, locator, evidence, view)}"
                 for (source, locator, evidence), n in self.numbers.items()]
        return ":small[" + "  \n".join(lines) + "]"


def markdown(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None,
             cite: Citations | None = None) -> str:
    if cite is None:  # a statement with its own sources: the same text for every session, made once
        return (_kept(knowledge, (statement,), ("markdown", view, title), lambda: _markdown(knowledge, statement, view, title))
                + newer_label(knowledge, (statement,), view))
    return _markdown(knowledge, statement, view, title, cite)


def newer_label(knowledge: Knowledge, statements: tuple, view: str) -> str:
    """Beside statements and figures from a US label that the last label check found newer: says so ("" when none
    is newer, or no check has run)."""
    if not review_status.checked():  # the usual case on every run: no check on file, nothing to gather
        return ""
    sources = [s.source for s in statements] + [f.source for s in statements for f in s.figures]
    text = review_status.label_notice(knowledge, sources, view)
    return f"\n\n:material/update: {text}" if text else ""


def _kept(knowledge: Knowledge, statements: tuple, args: tuple, build) -> str:
    """Text made from `statements` of the knowledge, kept by their identity (the kept value holds them, so no
    other object can take their id while it is kept)."""
    held, text = knowledge.recent(("statement", tuple(map(id, statements)), *args), lambda: (statements, build()))
    return text if all(a is b for a, b in zip(held, statements)) else build()


def _markdown(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None,
              cite: Citations | None = None) -> str:
    own = cite is None
    cite = cite or Citations()
    head = " · ".join(p for p in (title, kind(knowledge, statement, view)) if p)
    text = statement.patient if view == "patient" else statement.clinician
    if view == "patient":  # a clinician's word keeps its plain meaning beside it
        head, text = explain(knowledge, head), explain(knowledge, text)
    parts = [f"**{safe_text(head)}:** {safe_text(text)} {cite.mark(statement.source, statement.locator, statement.evidence)}"]
    if statement.limits:
        limits = explain(knowledge, statement.limits) if view == "patient" else statement.limits
        parts.append(f"*Limits:* {safe_text(limits)}")
    if view == "clinician" and statement.figures:
        parts.append("\n".join(f"- {source_link.figure_text(f)} {cite.mark(f.source, f.locator)}" for f in statement.figures))
    if own:
        parts.append(cite.markdown(knowledge, view))
    return "\n\n".join(parts)


def group(knowledge: Knowledge, statements, view: str, heading: str = "", empty: str = NOTHING) -> str:
    """Several statements (titled by `statement.title` where they have one) under an optional heading, then their
    numbered sources."""
    statements = tuple(statements)
    return (_kept(knowledge, statements, ("group", view, heading, empty), lambda: _group(knowledge, statements, view, heading, empty))
            + newer_label(knowledge, statements, view))


def _group(knowledge: Knowledge, statements: tuple, view: str, heading: str, empty: str) -> str:
    cite = Citations()
    parts = [heading] if heading else []
    parts += [_markdown(knowledge, s, view, title=getattr(s, "title", None), cite=cite) for s in statements] or [f":small[{empty}]"]
    parts.append(cite.markdown(knowledge, view))
    return "\n\n".join(p for p in parts if p)


def show(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None) -> None:
    elements.markdown(markdown(knowledge, statement, view, title))


def show_all(knowledge: Knowledge, statements, view: str, heading: str = "", empty: str = NOTHING) -> None:
    elements.markdown(group(knowledge, statements, view, heading, empty))

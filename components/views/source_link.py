"""Where a statement or figure comes from: the source, the exact place in it, and what kind of evidence it is."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.models import Figure

from dashboard.safe_text import safe_text


def markdown(knowledge: Knowledge, source_id: str, locator: str) -> str:
    source = knowledge.source(source_id)
    title = safe_text(f"{source.title} ({source.year})")
    linked = f"[{title}]({source.url})" if is_allowed(source.url) else title
    return f"{linked}, {safe_text(locator)}"


def evidence_words(knowledge: Knowledge, evidence: str, view: str) -> str:
    words = knowledge.site.evidence[evidence]
    return words.plain if view == "patient" else words.name


def what(knowledge: Knowledge, source_id: str) -> str:
    """A label's region and version, or what a copy reproduces."""
    source = knowledge.source(source_id)
    parts = []
    if source.type == "label":
        parts.append(f"{source.region + ' ' if source.region else ''}label, {source.version or 'version not recorded'}")
    if source.copy_of:
        parts.append(f"a copy of: {source.copy_of}")
    return safe_text("; ".join(parts))


def full(knowledge: Knowledge, source_id: str, locator: str, evidence: str | None = None, view: str = "patient") -> str:
    """One numbered source line: title, year and link, the place in it, its kind of evidence, label version or copy."""
    evidence = evidence or knowledge.source(source_id).type
    extra = what(knowledge, source_id)
    return (f"{markdown(knowledge, source_id, locator)} · {safe_text(evidence_words(knowledge, evidence, view))}"
            + (f" · {extra}" if extra else ""))


def line(knowledge: Knowledge, source_id: str, locator: str, evidence: str | None = None, view: str = "patient") -> str:
    """The source line in small type, as Markdown to join with the text it supports."""
    return f":small[Source: {full(knowledge, source_id, locator, evidence, view)}]"


def figure_text(figure: Figure) -> str:
    """A figure with its range, count and n, and its interval (or that none was reported)."""
    value = f"{figure.value:,g}" + (f" to {figure.high:,g}" if figure.high is not None else "")
    count = f" ({figure.count}/{figure.n})" if figure.count and figure.n else (f" (n = {figure.n})" if figure.n else "")
    interval = (f", 95% CI {figure.ci_low:g} to {figure.ci_high:g}" if figure.ci_low is not None and figure.ci_high is not None
                else "")
    unit = "" if figure.unit == "count" else f" {safe_text(figure.unit)}"  # a count is its number: "350,000"
    return f"{safe_text(figure.label)}: **{value}{unit}**{count}{interval}"

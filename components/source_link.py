"""Where a statement or figure comes from: the source, the exact place in it, and how strong that evidence is."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.links import is_allowed
from dashboard.safe_text import safe_text


def markdown(knowledge: Knowledge, source_id: str, locator: str) -> str:
    source = knowledge.source(source_id)
    title = safe_text(f"{source.title} ({source.year})")
    linked = f"[{title}]({source.url})" if is_allowed(source.url) else title
    return f"Source: {linked}, {safe_text(locator)}"


def evidence_words(knowledge: Knowledge, evidence: str, view: str) -> str:
    words = knowledge.site.evidence[evidence]
    return words.plain if view == "patient" else words.name


def line(knowledge: Knowledge, source_id: str, locator: str, evidence: str | None = None, view: str = "patient") -> str:
    """The source line in small type, as Markdown to join with the text it supports."""
    evidence = evidence or knowledge.source(source_id).type
    return f":small[{markdown(knowledge, source_id, locator)} · Evidence: {safe_text(evidence_words(knowledge, evidence, view))}]"

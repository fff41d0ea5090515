"""The disclaimer panel, always visible at the top of every page. Its text lives in data/site.yaml."""
from __future__ import annotations


from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text
from . import elements


def show(knowledge: Knowledge) -> None:
    elements.info(knowledge.memo(("disclaimer",), lambda: "**Important:** " + " ".join(safe_text(line) for line in knowledge.site.disclaimer)),
            icon=":material/info:")

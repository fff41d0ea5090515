"""Text from data/ shown as Markdown with every Markdown, LaTeX and HTML character escaped."""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$>])")


def escape(text: str) -> str:
    """Data text rendered literally: no links, emphasis, maths or HTML can come from data."""
    return _SPECIAL.sub(r"\\\1", text)

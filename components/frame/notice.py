"""Short fixed notices drawn from the site texts."""
from __future__ import annotations

from dashboard.knowledge import Knowledge

from dashboard.safe_text import safe_text
from components.frame import elements


HEAD_TO_HEAD_SHORT = ("**Not a head-to-head comparison:** each number comes from that treatment's own trial, with its own "
                      "comparator, patients and duration.")


HEAD_TO_HEAD_LINE = f":small[:material/compare_arrows: {HEAD_TO_HEAD_SHORT}]"  # the compact notice as Markdown, for
# a page that puts it in the same element as the first thing under it (each element is a message)


def not_head_to_head(knowledge: Knowledge, compact: bool = False) -> None:
    """Said wherever the screen puts trials of different drugs side by side; one line on the overview."""
    if compact:
        elements.caption(f":material/compare_arrows: {HEAD_TO_HEAD_SHORT}")
        return
    elements.warning("**Not a head-to-head comparison.** " + safe_text(knowledge.site.not_head_to_head), icon=":material/compare_arrows:")


def need_treatments(chosen, at_least: int = 1) -> bool:
    """True when enough treatments are chosen; otherwise says what to do."""
    if len(chosen) < at_least:
        elements.info(f"Choose at least {at_least} treatment{'s' if at_least > 1 else ''} above to see this page.")
        return False
    return True

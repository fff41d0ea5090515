"""Short fixed notices drawn from the site texts."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge

from dashboard.safe_text import safe_text


def not_head_to_head(knowledge: Knowledge, compact: bool = False) -> None:
    """Said wherever the screen puts trials of different drugs side by side; one line on the overview."""
    if compact:
        st.caption(":material/compare_arrows: **Not a head-to-head comparison:** each number comes from that treatment's own "
                   "trial, with its own comparator, patients and duration.")
        return
    st.warning("**Not a head-to-head comparison.** " + safe_text(knowledge.site.not_head_to_head), icon=":material/compare_arrows:")


def need_treatments(chosen, at_least: int = 1) -> bool:
    """True when enough treatments are chosen; otherwise says what to do."""
    if len(chosen) < at_least:
        st.info(f"Choose at least {at_least} treatment{'s' if at_least > 1 else ''} above to see this page.")
        return False
    return True

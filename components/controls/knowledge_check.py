"""A short check of the key numbers: questions made from the chosen treatments' data, choices computed from data/,
and feedback with the right figure and its source. The answers stay in this session's widgets; nothing is stored."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge import values
from dashboard.safe_text import safe_text

from components.frame import elements, navigation
from components.views import source_link
from components.controls.selection import Selection, link_params


INTRO = ("A few questions about the numbers for the treatments you chose, to see whether they came across. It is not a "
         "test of you: a number that surprises you is a good question for your neurologist. Your answers are not stored.")
HEADING = "## Did the numbers make sense?"  # above the link: the caller draws it in the element before


def intro(_knowledge: Knowledge) -> str:
    """What the check is, said under the page's title (in the title's element)."""
    return INTRO


def link(knowledge: Knowledge, chosen: Selection) -> None:
    """A link to the check for the same treatments, in this visit (under HEADING, drawn by the caller)."""
    navigation.link("check", "Check the key numbers for these treatments (3 to 5 short questions)",
                    link_params(knowledge, chosen), icon=":material/quiz:")


def _key(question: values.CheckQuestion) -> str:
    return f"w_check_{question.id}"


def show(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> int:
    """Every question with its choices (none chosen at first) and, once answered, the feedback. Returns how many were
    answered right."""
    found = values.check(knowledge, treatment_ids)
    if not found:
        elements.info("The chosen treatments have too few figures here for a check. Choose another treatment above.")
        return 0
    right = 0
    for number, q in enumerate(found, 1):
        # The question (it names data: treatments, events) as Markdown made safe; the choices' label is ours alone.
        elements.markdown(f"**{number}.** {safe_text(q.text)}")
        picked = st.radio(f"Your answer to question {number}", options=list(q.choices), index=None, key=_key(q),
                          format_func=safe_text, label_visibility="collapsed")  # radio options are Markdown
        if picked is None:
            continue
        source = f"  \n:small[Source: {source_link.markdown(knowledge, q.source, q.locator)}]"
        if picked == q.answer:
            right += 1
            st.success(f"**Right.** {safe_text(q.feedback)}{source}", icon=":material/check_circle:")
        else:
            st.warning(f"**Not quite: the answer is {safe_text(q.answer)}.** {safe_text(q.feedback)}{source}",
                             icon=":material/info:")
    answered = sum(1 for q in found if st.session_state.get(_key(q)) is not None)
    if answered == len(found):
        elements.markdown(f"**You answered {right} of {len(found)} as the sources say.** Numbers that surprised you are "
                          "good questions for your neurologist.")
    return right

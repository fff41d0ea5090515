"""What matters to you: the considerations sorted into very, somewhat and not important (a card sort: one tap puts a
consideration in a group) and the situations a person can state, all on one screen; the answers in the selection (so
in the link); then what the sources say about them, and a short summary for other pages. Four choices of buttons,
not one question per consideration: a widget costs every new session about a tenth of a minimal Streamlit page, and
sixteen of them made this page cost almost four.

Nothing here ranks or prefers a treatment: answers order the considerations, never the treatments.
"""
from __future__ import annotations

from dataclasses import replace
import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge import values
from dashboard.knowledge.values import CONSIDERATIONS, IMPORTANCE, IMPORTANCE_WORDS, SITUATIONS
from dashboard.safe_text import safe_text

from components.controls import selection
from components.frame import elements, navigation, notice
from components.views import source_link, statement
from components.controls.selection import Selection, link_params

QUESTION = "How much does this matter to you?"
NOTHING_HERE = ("The sources here say nothing specific about this for {name}. The product label (its pregnancy, "
                "warnings and dosing sections) and your neurologist can tell you.")


LEVELS = tuple(reversed(IMPORTANCE))  # very, some, not: the groups as the summary says them
SITUATIONS_KEY = "w_situations"
ABOUT_YOU = ("About you: tap what is true for you. The page then shows what the sources say about it for the treatments "
             "you chose.")
CONSIDERATION_LABELS = {c.id: c.words for c in CONSIDERATIONS}
SITUATION_LABELS = {s.id: s.words for s in SITUATIONS}


def _key(level: str) -> str:
    return f"w_matters_{level}"


def _changed(level: str) -> None:
    """The answers of every group and the situations, into the selection: a consideration just put in `level` leaves
    the group it was in (an older link's priorities are folded in, as the groups showed them)."""
    chosen: Selection = st.session_state[selection.STATE]
    found = {c: other for other, _ in LEVELS if other != level for c in st.session_state.get(_key(other)) or ()}
    found |= {c: level for c in st.session_state.get(_key(level)) or ()}
    situations = tuple(s.id for s in SITUATIONS if s.id in (st.session_state.get(SITUATIONS_KEY) or ()))
    st.session_state[selection.STATE] = replace(chosen, matters=values.encode(found), situations=situations, priorities=())


def form(knowledge: Knowledge) -> Selection:
    """Every consideration sorted into one of three groups (very, somewhat, not important; none at first), and every
    situation, on one screen: four choices of buttons, each consideration in each group, so one tap puts it there."""
    chosen = selection.current(knowledge)
    found = values.answers(chosen.matters, chosen.priorities)
    said = values.stated(chosen.situations, chosen.priorities)
    elements.markdown(f"### {QUESTION}\n\n:small[Put each consideration in the group that fits: tap it under *Very "
                      "important*, *Somewhat important* or *Not important to me*. Tapping it in another group moves it "
                      "there; tapping it again clears it. Your answers change which information comes first, never the "
                      "order of the treatments, and are kept only in this page's link.]")
    for level, words in LEVELS:  # labels and options: our own words (no data), plain so a screen reader hears no escapes
        st.session_state[_key(level)] = [c.id for c in CONSIDERATIONS if found.get(c.id) == level]  # the selection is the truth
        st.pills(words, options=list(CONSIDERATION_LABELS), selection_mode="multi", key=_key(level),
                 format_func=_plain_consideration, on_change=_changed, args=(level,))
    st.session_state[SITUATIONS_KEY] = [s.id for s in SITUATIONS if s.id in said]
    st.pills(ABOUT_YOU, options=list(SITUATION_LABELS), selection_mode="multi", key=SITUATIONS_KEY,  # its label heads it
             format_func=_plain_situation, on_change=_changed, args=("",))
    return selection.current(knowledge)


def _plain_consideration(consideration: str) -> str:
    return safe_text(CONSIDERATION_LABELS[consideration], "plain")


def _plain_situation(situation: str) -> str:
    return safe_text(SITUATION_LABELS[situation], "plain")


def summary_lines(chosen: Selection) -> tuple[str, ...]:
    """'What matters to me' as plain lines (for the handout and other pages)."""
    return values.summary(chosen.matters, chosen.situations, chosen.priorities)


def summary_markdown(chosen: Selection) -> str:
    """The short 'What matters to me' (empty when nothing was said)."""
    lines = summary_lines(chosen)
    if not lines:
        return ""
    return "**:material/favorite: What matters to me**  \n" + "  \n".join(safe_text(line) for line in lines)


def summary(knowledge: Knowledge, chosen: Selection, link: bool = True) -> None:
    """The summary and (with `link`) a link to change it on the values page, in this visit; nothing when nothing was
    said. For the overview, and for presenter mode (`link=False`)."""
    text = summary_markdown(chosen)
    if not text:
        return  # nothing said: nothing drawn (the overview must fit one screen; the menu has the values page)
    elements.markdown(text)
    if link:
        navigation.link("values", "Change what matters to me", link_params(knowledge, chosen), icon=":material/edit:")


def _said_markdown(knowledge: Knowledge, said: values.Said, view: str, heading: str) -> str:
    """One treatment's part: its overview cell with its source, its statements with theirs, and what cannot be learned
    here; or that the sources say nothing specific."""
    name = knowledge.treatments[said.treatment].name
    parts = [heading]
    if said.cell is not None:
        source = f" :small[(Source: {source_link.markdown(knowledge, said.cell.source, said.cell.locator)})]" if said.cell.source else ""
        parts.append(safe_text(said.cell.text) + source)
    if said.statements:
        parts.append(statement.group(knowledge, said.statements, view))
    parts += [f":small[:material/help: {safe_text(g.text(view))}]" for g in said.gaps]
    if said.empty:
        parts.append(f":small[{safe_text(NOTHING_HERE.format(name=name))}]")
    return "\n\n".join(parts)


def what_the_sources_say(knowledge: Knowledge, chosen: Selection) -> None:
    """For the chosen treatments (always in the order chosen): the considerations that matter most first, then each
    stated situation with the statements that apply, each with its source."""
    found = values.answers(chosen.matters, chosen.priorities)
    elements.markdown("## What the sources say about what matters to you\n\n" + notice.HEAD_TO_HEAD_LINE)
    ordered = values.in_order(found)
    shown = [c for c in ordered if found.get(c.id) in ("very", "some")]
    rest = [c for c in ordered if c not in shown]
    names = [knowledge.treatments[t].name for t in chosen.treatments if t in knowledge.treatments]
    for c in shown:
        _consideration(knowledge, chosen, c, found)
    if rest:
        with elements.details("The other considerations" + (" (not answered or not important to you)" if shown else ""),
                              key="other_considerations") as opened:
            for c in rest if opened else ():  # drawn when opened
                _consideration(knowledge, chosen, c, found)
    for s in SITUATIONS:
        if s.id in values.stated(chosen.situations, chosen.priorities):
            parts = [f"### {safe_text(s.words)}"]
            parts += [_said_markdown(knowledge, said, chosen.view, f"#### {safe_text(name)}")
                      for said, name in zip(values.situation_said(knowledge, s.id, chosen.treatments, chosen.view), names)]
            elements.markdown("\n\n".join(parts))


def _consideration(knowledge: Knowledge, chosen: Selection, c: values.Consideration, found: dict[str, str]) -> None:
    level = found.get(c.id)
    parts = [f"### {safe_text(c.words)}" + (f" · :small[{IMPORTANCE_WORDS[level]}]" if level else "")]
    for said in values.consideration_said(knowledge, c.id, chosen.treatments, chosen.view):
        parts.append(_said_markdown(knowledge, said, chosen.view, f"**{safe_text(knowledge.treatments[said.treatment].name)}**"))
    elements.markdown("\n\n".join(parts))

"""Issue 26, "Complete for every treatment", points 1-3: for every treatment, each item is in data/ or a gap in
the treatment's file says, in the reader's words, that it is not given here (topic and the words below)."""
from __future__ import annotations

import re

import pytest

from dashboard.knowledge import DATA_DIR, load_knowledge, statements_of
from dashboard.knowledge.models import Benefit, Treatment

TREATMENTS = sorted(load_knowledge(DATA_DIR).treatments)
NO_OWN_TRIAL = re.compile(r"no (randomised )?trial of its own", re.I)
THRESHOLD = re.compile(r"≥|>=|at least|more than|or more|\d\s*%")


def about(benefit: Benefit, *words: str) -> bool:
    return any(w in benefit.outcome.casefold() for w in words)


RELAPSES, DISABILITY = ("relaps",), ("disabilit", "progression", "worsening")


def both_arms(t: Treatment, words) -> bool:
    return any(about(b, *words) and b.treatment_value is not None and b.comparator_value is not None for b in t.benefits)


def relative_with_interval(t: Treatment, words) -> bool:
    """On a benefit row, or as a ratio with its interval among the figures of a benefit note."""
    on_row = any(about(b, *words) and (b.relative_reduction_pct is not None or b.ci_of)
                 and b.ci_low is not None and b.ci_high is not None for b in t.benefits)
    in_note = any(f.unit == "ratio" and f.ci_low is not None and f.ci_high is not None
                  and any(w in f.label.casefold() for w in words) for n in t.benefit_notes for f in n.figures)
    return on_row or in_note


def charted(t: Treatment, event: str) -> bool:
    return any(r.event == event and r.charted for r in t.adverse_events)


def most_common_list(t: Treatment, knowledge) -> bool:
    return any("most common" in s.clinician.casefold() and knowledge.source(s.source).type == "label"
               and THRESHOLD.search(s.clinician) for s in statements_of(t))


def gap(t: Treatment, topic: str, *words: str) -> bool:
    """A gap of this topic whose note names every one of `words` (any spelling in a tuple)."""
    def names(note: str, word) -> bool:
        return any(w in note for w in ((word,) if isinstance(word, str) else word))
    return any(g.topic == topic and all(names(g.note.casefold(), w) for w in words) for g in t.gaps)


def no_own_trial(t: Treatment) -> bool:
    return any(g.topic == "benefits" and NO_OWN_TRIAL.search(g.note) for g in t.gaps)


INTERVAL = ("interval", "95% ci")
STOPPING = ("stopp", "discontinu")
ITEMS = {  # item -> (present in data?, stated as a gap?)
    "1 relapses, both arms": (lambda t, k: both_arms(t, RELAPSES),
                              lambda t: no_own_trial(t) or gap(t, "benefits", "relaps", ("both arms", "arm"))),
    "1 relapses, relative reduction with interval": (
        lambda t, k: relative_with_interval(t, RELAPSES),
        lambda t: no_own_trial(t) or gap(t, "benefits", "relaps", INTERVAL)),
    "1 disability, both arms": (lambda t, k: both_arms(t, DISABILITY),
                                lambda t: no_own_trial(t) or gap(t, "benefits", "disabilit", ("both arms", "arm"))),
    "1 disability, relative reduction with interval": (
        lambda t, k: relative_with_interval(t, DISABILITY),
        lambda t: no_own_trial(t) or gap(t, "benefits", "disabilit", INTERVAL)),
    "2 stopping because of side effects": (lambda t, k: charted(t, "discontinuation_adverse_event"),
                                           lambda t: gap(t, "adverse_events", STOPPING)),
    "2 serious adverse events": (lambda t, k: charted(t, "serious_adverse_event"),
                                 lambda t: gap(t, "adverse_events", ("serious adverse event", "serious side effect"))),
    "2 serious infections": (lambda t, k: charted(t, "serious_infection"),
                             lambda t: gap(t, "adverse_events", "serious infection")),
    "3 label's most common adverse reactions with threshold": (
        most_common_list, lambda t: gap(t, "adverse_events", "most common")),
}


def missing(knowledge, treatment_id: str) -> list[str]:
    t = knowledge.treatments[treatment_id]
    return [item for item, (present, stated) in ITEMS.items() if not present(t, knowledge) and not stated(t)]


@pytest.mark.parametrize("treatment_id", TREATMENTS)
def test_points_1_to_3_are_present_or_a_gap_says_so(knowledge, treatment_id):
    assert missing(knowledge, treatment_id) == []


def test_twenty_treatments_are_checked():
    assert len(TREATMENTS) == 20


def test_an_item_neither_present_nor_stated_is_found(minimal):
    """The check can fail: the minimal knowledge states no gap for serious infections and charts none."""
    assert "2 serious infections" in missing(minimal, "exampleumab")

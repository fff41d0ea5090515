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


# ---- points 4-6: listed per treatment in CHANGELOG.md, each source it names cited by that treatment ----

CHANGELOG = DATA_DIR.parent / "CHANGELOG.md"
POINTS_4_TO_6 = "**Points 4-6 per treatment**"


def _entries(release: str) -> dict[str, str]:
    """The "- Name: ..." entries (with their indented lines) under the points 4-6 heading of a release."""
    part = release[release.index(POINTS_4_TO_6) + len(POINTS_4_TO_6):].split("\n\n**", 1)[0]
    return {m.group(1): m.group(2) for m in re.finditer(r"^- ([^:\n]+): (.*(?:\n  .*)*)", part, re.M)}


def test_the_newest_release_lists_points_4_to_6_for_every_treatment_with_sources_it_cites():
    from dashboard.knowledge.labels import cited_by

    knowledge = load_knowledge(DATA_DIR)
    newest = CHANGELOG.read_text(encoding="utf-8").split("\n### ")[1]
    assert newest.startswith(f"{knowledge.site.knowledge_version} "), newest[:40]
    entries = _entries(newest)
    assert sorted(entries) == sorted(t.name for t in knowledge.treatments.values())
    users = cited_by(knowledge)
    by_name = {t.name: t.id for t in knowledge.treatments.values()}
    named = 0
    for name, text in entries.items():
        for point in ("4", "5", "6"):
            assert re.search(rf"(?:^|;\s+){point} ", text), (name, point)  # every point answered, found or not
        for source_id in re.findall(r"`([a-z0-9_]+)`", text):
            assert by_name[name] in users.get(source_id, []), (name, source_id)
            named += 1
    assert named >= 20


def test_the_entries_are_read_whole_with_their_lines_and_end_at_the_next_heading():
    text = ("x\n\n**Points 4-6 per treatment**\n- Alpha: 4 added `s_one`; 5 none;\n  6 none\n- Beta: 4 `s_two`; 5 x; 6 y\n"
            "\n**Other**\n- Gamma: 4 z\n")
    assert _entries(text) == {"Alpha": "4 added `s_one`; 5 none;\n  6 none", "Beta": "4 `s_two`; 5 x; 6 y"}

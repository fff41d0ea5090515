"""What matters: answers read and written, the order of rows (never of treatments), the statements for each
situation equal to data/, questions and the knowledge check from data/."""
from __future__ import annotations

import re

import pytest

from dashboard.knowledge import values
from dashboard.knowledge.overview import ROW_IDS, rows

WORDS_WE_NEVER_SAY = re.compile(r"\b(best|recommend\w*|top choice|rank\w*|score\w*)\b", re.I)


def test_answers_read_any_case_and_ignore_what_we_do_not_ask():
    assert values.read_answer("PML.Very") == "pml.very"
    assert values.read_answer("pml.extremely") is None
    assert values.read_answer("price.very") is None
    assert values.read_answer("pml") is None
    assert values.answers(("pml.very", "pml.not", "given.some")) == {"pml": "very", "given": "some"}  # first counts


def test_answers_round_trip_through_their_link_form():
    found = {"approvals": "not", "pml": "very", "given": "some"}
    assert values.answers(values.encode(found)) == found
    assert values.encode(found) == ("given.some", "pml.very", "approvals.not")  # the order of the questions


def test_an_older_links_priorities_still_mean_what_they_said():
    assert values.answers((), ("serious_infection",)) == {"serious": "very", "pml": "very"}
    assert values.answers(("pml.not",), ("serious_infection",)) == {"pml": "not", "serious": "very"}  # an answer wins
    assert values.stated((), ("pregnancy", "no_needles")) == ("pregnancy_planned", "no_injections")
    assert values.first_rows((), ("pregnancy", "fewest_relapses")) == ("pregnancy", "benefit")


def test_very_important_rows_come_first_and_somewhat_does_not_move_rows():
    assert values.first_rows(("monitoring.very", "given.some", "pml.very")) == ("pml", "monitoring")
    assert values.first_rows(("given.some", "vaccines.very")) == ()  # the overview has no vaccines row


@pytest.mark.parametrize("matters", [(), ("pml.very", "given.not"), tuple(f"{c}.very" for c in values.CONSIDERATION_WORDS)])
def test_treatments_keep_their_order_whatever_the_answers(knowledge, matters):
    chosen = ("ublituximab", "natalizumab", "cladribine", "ocrelizumab")
    for consideration in values.CONSIDERATIONS:
        said = values.consideration_said(knowledge, consideration.id, chosen, "patient")
        assert [s.treatment for s in said] == list(chosen)
    for situation in values.SITUATIONS:
        assert [s.treatment for s in values.situation_said(knowledge, situation.id, chosen, "patient")] == list(chosen)
    table = rows(knowledge, chosen, "patient", values.first_rows(matters))
    assert sorted(r.id for r in table) == sorted(ROW_IDS)
    assert [len(r.cells) for r in table] == [len(chosen)] * len(ROW_IDS)


def test_considerations_that_matter_most_come_first():
    found = {"approvals": "very", "given": "not", "pml": "some"}
    order = [c.id for c in values.in_order(found)]
    assert order[:2] == ["approvals", "pml"] and order[-1] == "given"


def test_summary_says_what_was_chosen_in_plain_words():
    lines = values.summary(("pml.very", "given.some", "benefit.not"), ("breastfeeding",))
    assert lines == ("Very important: PML, a rare and serious brain infection.",
                     "Somewhat important: How it is given, and how often.",
                     "Not important to me: What it did in the main trial (relapses, disability).",
                     "About me: I am breastfeeding, or plan to.")
    assert values.summary((), ()) == ()


def _texts(statements):
    return [s.clinician for s in statements]


@pytest.mark.parametrize("situation", [s.id for s in values.SITUATIONS])
def test_every_situation_gives_the_statements_of_data_for_every_treatment(knowledge, situation):
    """Written from the data model, not from the module: the groups of data/ each situation speaks to."""
    for t in knowledge.treatments.values():
        statements, gaps = values.situation_statements(knowledge, situation, t)
        p, m = t.pregnancy, t.monitoring
        label_first = lambda group: ([s for s in group if knowledge.sources[s.source].type == "label"]  # noqa: E731
                                     + [s for s in group if knowledge.sources[s.source].type != "label"])
        expected = {
            "pregnancy_planned": [p.summary, *label_first(p.contraception)],
            "breastfeeding": label_first(p.breastfeeding),
            "no_injections": [t.identity],
            "hard_to_travel": [t.identity, m.burden],
            "jcv_positive": [r for r in t.risks if r.topic == "pml" or "PML" in r.title or "JC" in r.title]
                            + [s for s in (*m.screening, *m.ongoing) if re.search(r"\bJCV?\b|JC virus|\bPML\b|leukoencephalopathy", s.clinician, re.I)],
            "vaccines_soon": list(m.vaccines),
            "hepatitis_b": [r for r in t.risks if r.topic == "hbv"],
        }[situation]
        assert _texts(statements) == _texts(expected), t.id
        topic = {"pregnancy_planned": "pregnancy", "breastfeeding": "breastfeeding", "jcv_positive": "pml",
                 "vaccines_soon": "vaccines"}.get(situation)
        assert list(gaps) == [g for g in t.gaps if g.topic == topic], t.id


def test_positive_jcv_test_shows_natalizumabs_boxed_warning(knowledge):
    statements, _ = values.situation_statements(knowledge, "jcv_positive", knowledge.treatments["natalizumab"])
    assert any(getattr(s, "topic", "") == "boxed_warning" for s in statements)


def test_pregnancy_questions_carry_the_label_periods_of_data(knowledge):
    found = values.questions(knowledge, ("siponimod", "ocrelizumab"), ("pregnancy_planned",))
    texts = [q.text for q in found]
    for tid in ("siponimod", "ocrelizumab"):
        t = knowledge.treatments[tid]
        for s in t.pregnancy.contraception:
            source = knowledge.sources[s.source]
            if source.type == "label":
                figure = next(f for f in s.figures if f.unit in ("days", "weeks", "months", "years") and "contracept" in f.label.lower())
                assert any(f"The {source.region} label for {t.name}" in q and f"{figure.value:g} {figure.unit}" in q
                           for q in texts), (tid, source.region)
    assert not any("recommend" in q.casefold() for q in texts)


def test_missed_dose_questions_only_where_data_says_what_to_do(knowledge):
    asked = {t for t in knowledge.treatments
             if any("miss a dose" in q.text for q in values.questions(knowledge, (t,), ()))}
    assert {"fingolimod", "siponimod", "ponesimod", "ozanimod", "dimethyl_fumarate"} <= asked
    assert "glatiramer_acetate" not in asked  # its data mentions missed doses only as a device fault
    for t in asked:
        statement = values.missed_dose(knowledge.treatments[t])
        assert re.search(r"miss|forget", statement.clinician + statement.locator, re.I)


def test_check_right_answers_equal_data(knowledge):
    chosen = tuple(knowledge.treatment_ids())
    for tid in chosen:
        t = knowledge.treatments[tid]
        for q in values.check(knowledge, (tid,)):
            assert q.answer in q.choices and len(set(q.choices)) == len(q.choices) >= 3
            kind = q.id.split(".")[0]
            if kind == "side_effects":
                row = next(r for r in t.adverse_events if r.source == q.source and r.locator == q.locator)
                assert q.answer == f"{row.treatment_pct:g} in 100"
            elif kind == "benefit":
                b = next(b for b in t.benefits if b.locator == q.locator and b.unit.strip() == "%")
                assert q.answer == f"{b.treatment_value:g} in 100"
            elif kind == "pregnancy":
                s = next(s for s in t.pregnancy.contraception if knowledge.sources[s.source].region == "EU"
                         and knowledge.sources[s.source].type == "label")
                f = next(f for f in s.figures if f.unit in ("days", "weeks", "months", "years") and "contracept" in f.label.lower())
                assert q.answer == values.period(f) and q.source == f.source
            elif kind == "visits":
                visits = t.identity.clinic_visits_per_year
                assert q.answer == ("None" if visits == 0 else f"About {visits:g}") and q.source == t.identity.source
            else:
                assert q.answer.split(" ")[0].casefold() in t.identity.route.casefold() or q.answer == "Taken by mouth"


def test_check_has_three_to_five_questions_for_a_usual_choice(knowledge):
    found = values.check(knowledge, ("ocrelizumab", "natalizumab"))
    assert 3 <= len(found) <= 5
    assert {q.treatment for q in found} == {"ocrelizumab", "natalizumab"}


def test_no_word_of_ours_ranks_or_recommends():
    ours = [c.words for c in values.CONSIDERATIONS] + [w for _, w in values.IMPORTANCE] + [s.words for s in values.SITUATIONS]
    assert not [w for w in ours if WORDS_WE_NEVER_SAY.search(w)]


def test_a_period_that_is_not_contraception_is_never_asked_as_one(knowledge):
    """Teriflunomide's EU statement gives the 11 days of its elimination procedure, not a contraception period."""
    teriflunomide = knowledge.treatments["teriflunomide"]
    assert any(f.value == 11 and f.unit == "days" for s in teriflunomide.pregnancy.contraception for f in s.figures)
    assert values.contraception_periods(knowledge, teriflunomide) == ()
    assert not [q for q in values.check(knowledge, ("teriflunomide",)) if q.id.startswith("pregnancy.")]
    asked = values.questions(knowledge, ("teriflunomide",), ("pregnancy_planned",))
    assert not [q for q in asked if "11 days" in q.text]
    assert any("how long should I wait after the last dose" in q.text for q in asked)

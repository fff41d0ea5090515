"""The values page, the knowledge check and the overview's 'What matters to me' in AppTest: answers round-trip through
the link, the statements shown for each situation equal data/, the check's right answers equal data/, the treatments
keep their order, and no page of ours ranks or recommends."""
from __future__ import annotations

import re

import pytest

from dashboard.knowledge import statements_of
from dashboard.knowledge.overview import rows
from dashboard.knowledge.values import CONSIDERATIONS, SITUATIONS
from dashboard.safe_text import safe_text

from .test_pages import open_page, param, texts

PAIR = ["Ocrelizumab", "Natalizumab"]
NEVER = re.compile(r"\b(best|recommend\w*|top choice|rank\w*)\b", re.I)


def bare(text: str) -> str:
    """Markdown text without its bracketed asides: the screen may explain a term where it first appears, e.g.
    "B cells (white blood cells that make antibodies)"; the statement is the same."""
    while (shorter := re.sub(r"\s*\\\([^()]*?\\\)", "", text)) != text:  # innermost first
        text = shorter
    return text


def labels(at, kind: str) -> dict[str, object]:
    return {w.key: w.value for w in at.get(kind)}


def groups(at) -> dict[str, list[str]]:
    """Each group of the card sort (very, some, not) and the situations: what is chosen in it."""
    return {key.removeprefix("w_matters_"): list(value or ()) for key, value in labels(at, "button_group").items()
            if key.startswith("w_matters_") or key == "w_situations"}


def test_answers_come_from_the_link_and_changes_go_back_into_it():
    at = open_page(None, page="values", treatments=PAIR, matters=["pml.very", "Given.Some"], situations=["breastfeeding"])
    assert not at.exception
    assert groups(at) == {"very": ["pml"], "some": ["given"], "not": [], "w_situations": ["breastfeeding"]}
    at.button_group(key="w_matters_not").set_value(["benefit"]).run()
    at.button_group(key="w_situations").set_value(["breastfeeding", "jcv_positive"]).run()
    assert param(at, "matters") == ["given.some", "benefit.not", "pml.very"]
    assert param(at, "situations") == ["breastfeeding", "jcv_positive"]
    # the link alone restores every answer in a new session
    again = open_page(None, page="values", treatments=PAIR, matters=param(at, "matters"), situations=param(at, "situations"))
    assert groups(again) == groups(at)


def test_a_consideration_put_in_another_group_moves_there():
    at = open_page(None, page="values", treatments=PAIR, matters=["pml.very", "given.some"])
    at.button_group(key="w_matters_some").set_value(["given", "pml"]).run()
    assert groups(at)["very"] == [] and groups(at)["some"] == ["given", "pml"]
    assert param(at, "matters") == ["given.some", "pml.some"]


def test_a_cleared_answer_leaves_the_link():
    at = open_page(None, page="values", treatments=PAIR, matters=["pml.very"])
    at.button_group(key="w_matters_very").set_value([]).run()
    assert "matters" not in at.query_params


def test_unknown_answers_are_counted_not_echoed():
    at = open_page(None, details=False, page="values", treatments=PAIR, matters=["price.very", "pml.very"],
                   situations=["<b>x</b>"])  # sections left closed: the notice is said on the visit's first run only
    assert "<b>x</b>" not in texts(at) and "price" not in texts(at)
    assert "2 value(s)" in texts(at)
    assert groups(at)["very"] == ["pml"]


def test_no_sliders_and_every_question_on_one_screen():
    at = open_page(None, page="values", treatments=PAIR)
    assert not at.get("slider") and not at.get("select_slider")
    sort = [w for w in at.get("button_group") if w.key.startswith("w_matters_")]
    assert [w.label for w in sort] == ["Very important", "Somewhat important", "Not important to me"]
    assert all(list(w.options) == [c.words for c in CONSIDERATIONS] for w in sort)  # every one in each
    assert list(at.button_group(key="w_situations").options) == [s.words for s in SITUATIONS]
    assert not [e for e in at.get("expander") if any(w.key and w.key.startswith("w_matters_") for w in e.get("button_group"))]


def _sections(at, heading: str) -> dict[str, str]:
    """The situation's element, cut into its treatments' parts by their '#### name' headings."""
    element = next(m.value for m in at.markdown if m.value.startswith(f"### {safe_text(heading)}"))
    parts = re.split(r"^#### (.+)$", element, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def _expected(knowledge, situation: str, t) -> list:
    """The groups of data/ that speak to each situation, written from the data model."""
    p, m = t.pregnancy, t.monitoring
    return {
        "pregnancy_planned": [p.summary, *p.contraception],
        "breastfeeding": list(p.breastfeeding),
        "no_injections": [t.identity],
        "hard_to_travel": [t.identity, m.burden],
        "jcv_positive": [r for r in t.risks if r.topic == "pml" or "PML" in r.title]
                        + [s for s in (*m.screening, *m.ongoing) if re.search(r"\bJCV?\b|JC virus|\bPML\b", s.clinician)],
        "vaccines_soon": list(m.vaccines),
        "hepatitis_b": [r for r in t.risks if r.topic == "hbv"],
    }[situation]


def _batches(knowledge):
    ids = knowledge.treatment_ids()
    return [ids[i:i + 6] for i in range(0, len(ids), 6)]


@pytest.mark.parametrize("batch", range(4))
def test_every_situation_shows_the_statements_of_data_for_every_treatment(knowledge, batch):
    chosen = _batches(knowledge)[batch]
    at = open_page(None, page="values", treatments=chosen, situations=[s.id for s in SITUATIONS])
    assert not at.exception
    for situation in SITUATIONS:
        parts = _sections(at, situation.words)
        assert list(parts) == [safe_text(knowledge.treatments[t].name) for t in chosen]  # the order chosen
        for tid in chosen:
            t = knowledge.treatments[tid]
            part = bare(parts[safe_text(t.name)])
            expected = _expected(knowledge, situation.id, t)
            for s in expected:
                assert bare(safe_text(s.patient)) in part, (situation.id, tid)
            assert part.count(":** ") == len(expected), (situation.id, tid)  # each statement once, no other
            others = [s for s in statements_of(t) if s not in expected and s.patient not in {e.patient for e in expected}]
            assert not [s for s in others if bare(safe_text(s.patient)) in part], (situation.id, tid)
            gaps = [g for g in t.gaps if g.topic == {"pregnancy_planned": "pregnancy", "breastfeeding": "breastfeeding",
                                                     "jcv_positive": "pml", "vaccines_soon": "vaccines"}.get(situation.id)]
            for g in gaps:
                assert bare(safe_text(g.text("patient"))) in part
            if not expected and not gaps and situation.id not in ("no_injections", "hard_to_travel"):
                assert "say nothing specific about this" in part


def test_what_matters_most_comes_first_and_treatments_keep_their_order(knowledge):
    at = open_page(None, page="values", treatments=PAIR, matters=["monitoring.very", "pml.some", "given.not"])
    headings = [m.value.split("\n")[0] for m in at.markdown if m.value.startswith("### ")]
    considered = [h for h in headings if "·" in h]
    assert considered[0].startswith("### Tests and check") and "Very important" in considered[0]
    assert considered[1].startswith("### PML") and "Somewhat important" in considered[1]
    tests = next(m.value for m in at.markdown if m.value.startswith("### Tests and check"))
    assert tests.index("**Ocrelizumab**") < tests.index("**Natalizumab**")
    cells = next(r.cells for r in rows(knowledge, ("ocrelizumab", "natalizumab"), "patient") if r.id == "monitoring")
    for cell in cells:
        assert safe_text(cell.text) in tests


def overview_head_and_rows(at) -> tuple[str, list[str]]:
    table = next(m.value for m in at.markdown if m.value.count("\n| **") >= 5)
    lines = [line for line in table.split("\n") if line.startswith("|")]
    return lines[0], [line.split("](")[0] for line in lines[2:]]


def test_the_overview_keeps_treatment_order_and_puts_very_important_rows_first():
    plain = open_page(None, page="overview", treatments=["Natalizumab", "Cladribine", "Ocrelizumab"])
    answered = open_page(None, page="overview", treatments=["Natalizumab", "Cladribine", "Ocrelizumab"],
                         matters=["monitoring.very", "pml.very", "benefit.not"], situations=["breastfeeding"])
    head, plain_rows = overview_head_and_rows(plain)
    head_answered, answered_rows = overview_head_and_rows(answered)
    assert head == head_answered  # same treatments, same order
    assert answered_rows[0].startswith("| **★ [PML") and answered_rows[1].startswith("| **★ [Tests")
    assert sorted(r.replace("★ ", "") for r in answered_rows) == sorted(plain_rows)
    summary = next(m.value for m in answered.markdown if "What matters to me" in m.value)
    assert "Very important: PML, a rare and serious brain infection; Tests and check\\-ups." in summary
    assert "About me: I am breastfeeding, or plan to." in summary
    change = [e.proto for e in answered.get("page_link") if e.proto.label == "Change what matters to me"]
    assert [c.page for c in change] == ["values"] and "matters=monitoring.very" in change[0].query_string


def test_an_older_links_priorities_show_in_the_summary_and_on_the_form():
    at = open_page(None, page="overview", treatments=PAIR, priorities=["pregnancy"])
    summary = next(m.value for m in at.markdown if "What matters to me" in m.value)
    assert "Very important: Pregnancy and breastfeeding." in summary and "I am planning a pregnancy" in summary
    form = open_page(None, page="values", treatments=PAIR, priorities=["pregnancy"])
    assert groups(form)["very"] == ["pregnancy"] and groups(form)["w_situations"] == ["pregnancy_planned"]


def test_questions_to_ask_are_on_the_values_page(knowledge):
    at = open_page(None, page="values", treatments=["Siponimod"], situations=["pregnancy_planned"])
    block = next(m.value for m in at.markdown if m.value.startswith("## Questions to ask your neurologist"))
    for s in knowledge.treatments["siponimod"].pregnancy.contraception:
        days = next(f for f in s.figures if f.unit == "days")
        assert f"label for Siponimod says to keep using contraception for {days.value:g} days" in block
    assert "What should I do if I miss a dose of Siponimod?" in block


def _right_answer(knowledge, label: str) -> str:
    """The right answer to a check question, read from data/ by the test itself."""
    name = re.search(r"people on (.+?)(,| had)|dose of (.+?) should", label)
    tname = next(n for n in name.groups() if n and n not in (",", " had"))
    t = next(t for t in knowledge.treatments.values() if safe_text(t.name) == tname)
    if "contraception" in label:
        s = next(s for s in t.pregnancy.contraception if knowledge.sources[s.source].type == "label"
                 and knowledge.sources[s.source].region == "EU")
        f = next(f for f in s.figures if f.unit in ("days", "weeks", "months", "years") and "contracept" in f.label.lower())
        unit = f.unit[:-1] if f.value == 1 else f.unit
        return f"{f.value:g} {unit}"
    if "this result" in label:
        b = next(b for b in t.benefits if b.unit.strip() == "%" and b.treatment_value is not None and b.comparator_value is not None)
        return f"{b.treatment_value:g} in 100"
    event = next(r for r in t.adverse_events if r.charted and safe_text(
        knowledge.events[r.event].patient_label.split(" (")[0].lower()) in label and r.event in t.signature_events
                 or r.charted and safe_text(knowledge.events[r.event].patient_label.split(" (")[0].lower()) + "?" in label)
    return f"{event.treatment_pct:g} in 100"


def test_the_check_asks_from_data_and_answers_with_data(knowledge):
    at = open_page(None, page="check", treatments=PAIR)
    assert not at.exception
    questions = list(at.radio)
    asked = [m.value for m in at.markdown if re.match(r"\*\*\d\.\*\* ", m.value)]
    assert 3 <= len(questions) == len(asked) <= 5
    assert all(r.value is None for r in questions)  # nothing chosen for the reader
    for radio, label in zip(questions, asked):
        if label.split(" ", 1)[1].startswith("How is"):
            continue
        if label.split(" ", 1)[1].startswith("How many clinic visits"):
            name = re.search(r"does (.+?) need", label).group(1)
            visits = next(t for t in knowledge.treatments.values() if safe_text(t.name) == name).identity.clinic_visits_per_year
            radio.set_value("None" if visits == 0 else f"About {visits:g}")
            continue
        right = _right_answer(knowledge, label)
        assert safe_text(right) in radio.options, radio.label  # options are shown as Markdown, made safe
        radio.set_value(right)
    at.run()
    answered = [r for r in at.radio if r.value is not None]
    shown = [s.value for s in at.success]
    assert len(shown) == len(answered) and all(s.startswith("**Right.**") and "Source:" in s for s in shown)
    wrong = at.radio[0]
    wrong.set_value(next(o for o in wrong.options if o != wrong.value)).run()
    assert at.warning and "Not quite: the answer is" in at.warning[-1].value


def test_the_check_stores_nothing_in_the_link():
    at = open_page(None, page="check", treatments=PAIR)
    at.radio[0].set_value(at.radio[0].options[0]).run()
    assert set(at.query_params) <= {"page", "treatments", "view", "events", "priorities", "matters", "situations"}


def _data_texts(knowledge) -> list[str]:
    """Every text of data/ a page may quote, made safe as the pages show it (a label may itself say 'recommended')."""
    found = set()
    for t in knowledge.treatments.values():
        for s in statements_of(t):
            found |= {s.patient, s.clinician, s.short or "", getattr(s, "title", "") or "", s.limits or ""}
            found |= {f.label for f in s.figures}
        found |= {g.text("patient") for g in t.gaps} | {g.note for g in t.gaps}
        found |= {x.locator for x in (*statements_of(t), *t.adverse_events, *t.benefits, *t.trials)}
        found |= {f.locator for s in statements_of(t) for f in s.figures}
        for view in ("patient", "clinician"):
            found |= {c.text for r in rows(knowledge, (t.id,), view) for c in r.cells}
    found |= {f"{s.title} ({s.year})" for s in knowledge.sources.values()} | {s.copy_of or "" for s in knowledge.sources.values()}
    found |= {w for e in knowledge.site.evidence.values() for w in (e.name, e.plain)}  # kinds of evidence, from site.yaml
    site = knowledge.site
    found |= {*site.start, *site.disclaimer, *site.about, *site.reading_trials, site.not_head_to_head, site.update_policy,
              site.tagline, *(i.text for i in site.trust), *(i.title for i in site.trust)}
    for topic in knowledge.topics.values():
        found |= {x for s in topic.statements for x in (s.patient, s.clinician, s.short or "", s.locator)}
    urls = {s.url for s in knowledge.sources.values()}  # a link's address is shown as it is
    return sorted({bare(safe_text(x)) for x in found if x} | urls, key=len, reverse=True)


@pytest.mark.parametrize("page_name", ["values", "check", "overview", "start", "benefits", "side-effects", "pictures", "pml-infections", "pregnancy", "sources", "presenter", "about"])
def test_no_page_of_ours_says_best_recommended_top_choice_or_rank(knowledge, page_name):
    at = open_page(None, page=page_name, treatments=["Ocrelizumab", "Natalizumab", "Siponimod"],
                   matters=["pml.very", "pregnancy.some"], situations=[s.id for s in SITUATIONS])
    shown = texts(at) + "\n".join(str(w.label) for kind in ("radio", "checkbox", "button_group") for w in at.get(kind))
    shown += "\n".join(str(o) for r in at.radio for o in r.options)
    shown = bare(shown)
    for text in _data_texts(knowledge):
        shown = shown.replace(text, "")
    assert not [shown[max(0, m.start() - 80):m.end() + 20] for m in NEVER.finditer(shown)]


def test_the_summary_for_presenter_mode_has_the_lines_and_no_link():
    """What the lead calls in presenter mode: values_form.summary(knowledge, chosen, link=False)."""
    def app():
        from components.controls import values_form
        from components.frame import knowledge_store
        from components.controls.selection import Selection
        values_form.summary(knowledge_store.get(), Selection(("ocrelizumab",), matters=("pml.very",),
                                                             situations=("jcv_positive",)), link=False)

    from streamlit.testing.v1 import AppTest
    at = AppTest.from_function(app, default_timeout=60).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["**:material/favorite: What matters to me**  \nVery important: PML, a rare and "
                                              "serious brain infection.  \nAbout me: I have had a positive anti\\-JCV antibody test."]
    assert not at.get("page_link")


def test_the_handout_carries_the_summary_and_the_questions(knowledge):
    """The overview's handout button gets 'What matters to me' and the questions; the PDF prints both on page 1."""
    import io

    import pdfplumber

    from dashboard.export import handout
    from dashboard.knowledge import values

    at = open_page(None, page="overview", treatments=["Siponimod", "Ocrelizumab"], matters=["pregnancy.very"],
                   situations=["pregnancy_planned"])
    at.button(key="w_handout_ask").click().run()
    assert not at.exception and at.get("download_button")
    mine = values.summary(("pregnancy.very",), ("pregnancy_planned",))
    asks = tuple(q.text for q in values.questions(knowledge, ("siponimod", "ocrelizumab"), ("pregnancy_planned",)))
    made = [entry[1] for key, entry in handout._cache.items() if mine in key and asks in key]
    assert made, "the overview asked for a handout without the person's lines"
    with pdfplumber.open(io.BytesIO(made[-1].pdf)) as document:
        squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
        pages = [squash("".join(c["text"] for c in page.chars)) for page in document.pages]
    assert squash("What matters to me") in pages[0] and squash(mine[0]) in pages[0]
    text = "".join(pages)
    assert squash("Questions to ask your neurologist") in text
    for line in asks:
        assert squash(line) in text

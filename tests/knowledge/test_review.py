"""`python -m dashboard review`: what is due, per treatment, from the dates and versions in data/sources."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.__main__ import main
from dashboard.knowledge.labels import NEWER, UNCHANGED, Result, State, write_state
from dashboard.knowledge.review import REVIEW_EVERY_MONTHS, months_later, review
from tests.conftest import MINIMAL

READ = dt.date(2026, 1, 15)  # the minimal knowledge's sources were read, and its treatment reviewed, on this day


def state(status: str, checked: str = "2026-12-01T06:00:00Z") -> State:
    return State(checked, (Result('openfda.brand_name:"Examplo"', ("example_label",), status, "dated up to 2024-01-31",
                                  effective="2026-04-15", brand="EXAMPLO",
                                  changes=("Warnings and Precautions ( 5.1 ) 4/2026",)),))


def test_the_interval_is_the_update_policy_of_the_site(knowledge):
    assert REVIEW_EVERY_MONTHS == 12 and "at least once a year" in knowledge.site.update_policy


@pytest.mark.parametrize("day, later", [
    (dt.date(2026, 1, 15), dt.date(2027, 1, 15)), (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
    (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
])
def test_twelve_months_later(day, later):
    assert months_later(day) == later


def test_within_twelve_months_nothing_is_overdue_and_the_next_review_is_a_year_after_reading(minimal):
    (r,) = review(minimal, dt.date(2026, 12, 7))
    assert (r.overdue, r.undated, r.newer_labels, r.next_review, r.due) == ((), (), (), months_later(READ), False)


def test_after_twelve_months_every_source_is_overdue(minimal):
    (r,) = review(minimal, dt.date(2027, 1, 16))
    assert [(c.source.id, c.what, c.checked) for c in r.overdue] == [
        ("example_label", "label version", READ), ("example_case", "source", READ)]
    assert r.due


def test_a_label_openfda_found_unchanged_counts_as_checked_on_the_day_of_that_check(minimal):
    (r,) = review(minimal, dt.date(2027, 1, 16), state(UNCHANGED))
    assert [c.source.id for c in r.overdue] == ["example_case"]


def test_a_newer_label_makes_the_review_due_from_the_day_it_was_found(minimal):
    (r,) = review(minimal, dt.date(2026, 12, 7), state(NEWER))
    assert [label.effective for label in r.newer_labels] == ["2026-04-15"]
    assert r.next_review == dt.date(2026, 12, 1) and r.due


def test_figures_from_a_label_without_version_or_date_are_counted(knowledge):
    natalizumab = next(r for r in review(knowledge, dt.date(2026, 12, 7)) if r.treatment.id == "natalizumab")
    undated = {u.source.id: u.figures for u in natalizumab.undated}
    t = knowledge.treatments["natalizumab"]
    expected = sum(item.source == "natalizumab_tysabrihcp_safety" for owner, item in knowledge.figures() if owner is t)
    assert undated["natalizumab_tysabrihcp_safety"] == expected > 0
    assert "natalizumab_us_label_openfda" not in undated  # it records "section 5.8 dated 3/2025"


def test_every_treatment_is_reviewed_once(knowledge):
    assert [r.treatment.id for r in review(knowledge, dt.date(2026, 12, 7))] == knowledge.treatment_ids()


def test_the_command_lists_what_is_overdue_and_exits_1(tmp_path, capsys):
    code = main(["review", "--data", str(MINIMAL), "--today", "2027-01-16", "--state", str(tmp_path / "none.json")])
    out = capsys.readouterr().out
    assert code == 1
    assert "Exampleumab: last reviewed 2026-01-15, next review by 2027-01-15 (due)" in out
    assert "- label version example_label, last checked 2026-01-15" in out
    assert "no openFDA label check recorded" in out


def test_the_command_reads_the_state_file_of_the_last_label_check(tmp_path, capsys):
    write_state(state(NEWER), tmp_path / "labels.json")
    code = main(["review", "--data", str(MINIMAL), "--today", "2026-12-07", "--state", str(tmp_path / "labels.json")])
    out = capsys.readouterr().out
    assert code == 1
    assert "newer US label on openFDA: EXAMPLO, effective 2026-04-15" in out
    assert "changed: Warnings and Precautions ( 5.1 ) 4/2026" in out


# The About page's table and the notice beside figures from a newer label (components/views/review_status.py).

def test_the_about_page_shows_each_treatments_next_review_date(knowledge, tmp_path, monkeypatch):
    from tests.pages.test_pages import open_page, texts

    write_state(State("2026-12-01T06:00:00Z", (Result("q", ("natalizumab_tysabrihcp_safety",), NEWER, "none",
                                                      effective="2026-11-20", brand="TYSABRI"),)), tmp_path / "s.json")
    monkeypatch.setenv("DASHBOARD_LABEL_STATE", str(tmp_path / "s.json"))
    at = open_page("screens/about.py")
    assert not at.exception
    assert "The US labels were last compared with openFDA on 2026-12-01." in texts(at)
    table = at.dataframe[1].value.set_index("Treatment")
    expected = {r.treatment.name: r for r in review(knowledge, dt.date.today(), None)}
    assert set(table.index) == set(expected)
    for name, r in expected.items():
        next_review = table.loc[name, "Next review by"]
        assert next_review.startswith((dt.date(2026, 12, 1) if name == "Natalizumab" else r.next_review).isoformat())
    assert table.loc["Natalizumab", "Newer US label"] == "TYSABRI effective 2026-11-20"
    assert table.loc["Ocrelizumab", "Newer US label"] == "none found"


def test_the_notice_beside_figures_from_a_newer_label_in_both_views(minimal, tmp_path):
    from components.views.review_status import label_notice

    path = tmp_path / "s.json"
    assert label_notice(minimal, ["example_label"], "clinician", path) == ""  # no check recorded
    write_state(state(UNCHANGED), path)
    assert label_notice(minimal, ["example_label"], "clinician", path) == ""
    write_state(state(NEWER), path)
    clinician = label_notice(minimal, ["example_label", "example_case"], "clinician", path)
    assert "openFDA lists EXAMPLO effective 2026-04-15" in clinician
    assert "dated up to 2024\\-01\\-31" in clinician and "Warnings and Precautions \\( 5.1 \\) 4/2026" in clinician
    patient = label_notice(minimal, ["example_label"], "patient", path)
    assert "earlier version of the US label of EXAMPLO" in patient and "2026-04-15" in patient
    assert label_notice(minimal, ["example_case"], "clinician", path) == ""

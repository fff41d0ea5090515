"""`python -m dashboard labels --check` on recorded openFDA answers (tests/fixtures/openfda): no network is used."""
from __future__ import annotations

import datetime as dt
import json
import socket
import urllib.error
import urllib.parse
from pathlib import Path

import pytest

from dashboard import labels_check
from dashboard.__main__ import main
from dashboard.knowledge.labels import (
    MALFORMED, NEWER, UNCHANGED, UNKNOWN, UNRECORDED, Cited, Recorded, cited_labels, dates_in, query, read_state,
    recorded,
)
from tests.conftest import MINIMAL

ANSWERS = Path(__file__).parent / "fixtures" / "openfda"
NOW = dt.datetime(2026, 12, 7, 18, 0, tzinfo=dt.timezone.utc)


def answer(name: str):
    """A fetch that answers every search with one recorded file, and notes what was asked."""
    def get(url: str) -> bytes:
        get.asked.append(urllib.parse.parse_qs(urllib.parse.urlsplit(url).query))
        return (ANSWERS / name).read_bytes()
    get.asked = []
    return get


def offline(*_args, **_kwargs):
    raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))


def test_the_minimal_knowledge_cites_one_us_label_found_by_the_brand_of_its_treatment(minimal):
    (cited,) = cited_labels(minimal)
    assert cited == Cited('openfda.brand_name:"Examplo"', ("example_label",), Recorded(dt.date(2024, 1, 31), None))


@pytest.mark.parametrize("name, status, changes, code", [
    ("changed_label.json", NEWER, ("Warnings and Precautions ( 5.1 ) 4/2026",), labels_check.NEWER_FOUND),
    ("unchanged_label.json", UNCHANGED, (), labels_check.OK),
    ("unknown_set_id.json", UNKNOWN, (), labels_check.NOT_UNDERSTOOD),
    ("malformed_response.json", MALFORMED, (), labels_check.NOT_UNDERSTOOD),
    ("no_effective_time.json", MALFORMED, (), labels_check.NOT_UNDERSTOOD),
])
def test_each_recorded_answer_gives_its_status_changes_and_exit_code(minimal, name, status, changes, code):
    get = answer(name)
    state = labels_check.check(minimal, get, NOW)
    (result,) = state.results
    assert (result.status, result.changes, labels_check.exit_code(state)) == (status, changes, code)
    assert get.asked == [{"search": ['openfda.brand_name:"Examplo"'], "limit": ["1"]}]
    assert result.recorded == "dated up to 2024-01-31"


def test_a_newer_label_names_its_set_id_version_and_date(minimal):
    (result,) = labels_check.check(minimal, answer("changed_label.json"), NOW).results
    assert (result.set_id, result.version, result.effective, result.brand) == (
        "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", 7, "2026-04-15", "EXAMPLO")


def test_the_command_writes_the_state_file_and_prints_the_change(minimal, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(labels_check, "fetch", answer("changed_label.json"))
    state_file = tmp_path / "state" / "labels.json"
    code = main(["labels", "--check", "--data", str(MINIMAL), "--state", str(state_file)])
    out = capsys.readouterr().out
    assert code == labels_check.NEWER_FOUND == 1
    assert "NEWER than recorded" in out and "changed: Warnings and Precautions ( 5.1 ) 4/2026" in out
    state = read_state(state_file)
    assert [(r.sources, r.status, r.effective) for r in state.results] == [(("example_label",), NEWER, "2026-04-15")]
    assert state.checked_on == dt.date.today()


def test_without_network_the_command_says_so_exits_3_and_keeps_the_last_results(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(labels_check.urllib.request, "urlopen", offline)
    state_file = tmp_path / "labels.json"
    state_file.write_text(json.dumps({"checked_at": "2026-11-01T00:00:00Z", "results": []}))
    code = main(["labels", "--check", "--data", str(MINIMAL), "--state", str(state_file)])
    assert code == labels_check.NO_NETWORK == 3
    assert "openFDA could not be reached" in capsys.readouterr().err
    assert read_state(state_file).checked_at == "2026-11-01T00:00:00Z"


def test_after_the_first_failure_no_more_requests_wait_for_their_timeout(knowledge, monkeypatch):
    calls = []
    monkeypatch.setattr(labels_check.urllib.request, "urlopen", lambda *a, **k: calls.append(a) or offline())
    state = labels_check.check(knowledge, now=NOW)
    assert len(calls) == 1 and len(state.results) >= 20
    assert labels_check.exit_code(state) == labels_check.NO_NETWORK


def test_a_404_is_an_answer_and_a_server_error_is_not(monkeypatch):
    def not_found(*_args, **_kwargs):
        raise urllib.error.HTTPError("https://api.fda.gov", 404, "Not Found", {},
                                     open(ANSWERS / "unknown_set_id.json", "rb"))
    monkeypatch.setattr(labels_check.urllib.request, "urlopen", not_found)
    assert json.loads(labels_check.fetch("https://api.fda.gov/x"))["error"]["code"] == "NOT_FOUND"
    monkeypatch.setattr(labels_check.urllib.request, "urlopen", lambda *a, **k: (_ for _ in ()).throw(
        urllib.error.HTTPError("https://api.fda.gov", 503, "Unavailable", {}, None)))
    with pytest.raises(labels_check.Unreachable, match="HTTP 503"):
        labels_check.fetch("https://api.fda.gov/x")


def test_a_label_without_a_recorded_version_is_reported_with_all_its_changes():
    cited = Cited("q", ("s",), Recorded(None, None))
    result = labels_check.check_one(cited, answer("changed_label.json"))
    assert result.status == UNRECORDED and len(result.changes) == 2


def test_an_spl_version_alone_is_compared_by_number():
    assert labels_check.check_one(Cited("q", ("s",), Recorded(None, 7)), answer("changed_label.json")).status == UNCHANGED
    assert labels_check.check_one(Cited("q", ("s",), Recorded(None, 6)), answer("changed_label.json")).status == NEWER


@pytest.mark.parametrize("text, dates", [
    ("SPL version 10, effective 2025-08-18", [dt.date(2025, 8, 18)]),
    ("DailyMed label updated January 25, 2024", [dt.date(2024, 1, 25)]),
    ("Revised 8/2025 (as shown)", [dt.date(2025, 8, 31)]),
    ("recent major changes 2.1 and 2.2 (8/2025) and 5.2 (1/2026)", [dt.date(2025, 8, 31), dt.date(2026, 1, 31)]),
    ("Undated page; year is the year of access", []),
])
def test_dates_in_version_texts(text, dates):
    assert sorted(dates_in(text)) == dates


def test_the_day_a_source_was_read_is_not_a_label_version(knowledge):
    undated = knowledge.source("gilenya_us_hcp_safety")  # "... current when accessed (2026-11-30)"
    assert undated.accessed == dt.date(2026, 11, 30) and not recorded(undated).known
    assert recorded(knowledge.source("ofatumumab_us_pi")) == Recorded(dt.date(2025, 8, 18), 10)


@pytest.mark.parametrize("source_id, search", [
    ("alemtuzumab_us_label_openfda", 'set_id:"6236b0bc-82e9-4447-9a78-f57d94770269"'),  # the search in its address
    ("ocrelizumab_us_pi_dailymed", 'set_id:"9da42362-3bb5-4b83-b4bb-b59fd4e55f0d"'),  # DailyMed setid=
    ("tecfidera_us_pi", 'set_id:"665d7e74-036c-5f68-5b67-ab84b9b49151"'),  # set id named in the version
    ("natalizumab_tysabrihcp_safety", 'openfda.brand_name:"Tysabri"'),  # a maker's page: the brand it names
])
def test_how_each_kind_of_us_label_source_is_found_on_openfda(knowledge, source_id, search):
    source = knowledge.source(source_id)
    brands = tuple(b for t in knowledge.treatments.values() for b in t.brands)
    assert query(source, brands) == search

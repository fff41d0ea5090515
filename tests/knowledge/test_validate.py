"""One small bad file per rule: `python -m dashboard validate` names FILE:LINE, the field and the problem."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dashboard.__main__ import main

MINIMAL = Path(__file__).parent / "minimal"
TREATMENT = "treatments/exampleumab.yaml"
SOURCES = "sources/main.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal valid knowledge; paths print relative to tmp_path."""
    shutil.copytree(MINIMAL, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))


def validate(data: Path, capsys: pytest.CaptureFixture) -> tuple[int, list[str]]:
    code = main(["validate", str(data)])
    return code, capsys.readouterr().out.splitlines()


def test_minimal_knowledge_is_valid(data, capsys):
    assert validate(data, capsys) == (0, ["ok: 1 treatments, 9 figures, 2 sources"])


RULES = [
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: [Examplo]\ncolour: red",
                 "data/treatments/exampleumab.yaml:4: colour: unknown field, expected only the fields in docs/knowledge-format.md",
                 id="unknown-field"),
    pytest.param(TREATMENT, "  schedule: Every 6 months\n", "",
                 "data/treatments/exampleumab.yaml:5: identity.schedule: missing, expected this field to be given",
                 id="missing-field"),
    pytest.param(TREATMENT, "treatment_pct: 7", "treatment_pct: seven",
                 "data/treatments/exampleumab.yaml:43: adverse_events.1.treatment_pct: Input should be a valid number, expected float type",
                 id="wrong-type"),
    pytest.param(TREATMENT, "treatment_pct: 7", "treatment_pct: 107",
                 "data/treatments/exampleumab.yaml:43: adverse_events.1.treatment_pct: Input should be less than or equal to 100, expected less than equal",
                 id="ae-percent-over-100"),
    pytest.param(TREATMENT, "value: 30", "value: -3",
                 "data/treatments/exampleumab.yaml:67: risks.0.figures.0: percentage -3.0 is outside 0-100, expected 0 to 100",
                 id="figure-percent-negative"),
    pytest.param(TREATMENT, "treatment_pct: 20", "treatment_pct: 25",
                 "data/treatments/exampleumab.yaml:35: adverse_events.0.treatment_pct: 25% disagrees with 40/200 = 20.0%, expected the two to match",
                 id="ae-percent-disagrees-with-count"),
    pytest.param(TREATMENT, "count: 60", "count: 70",
                 "data/treatments/exampleumab.yaml:67: risks.0.figures.0: 30.0% disagrees with 70/200 = 35.0%, expected the two to match",
                 id="figure-percent-disagrees-with-count"),
    pytest.param(TREATMENT, "comparator_count: 10", "comparator_count: 0",
                 "data/treatments/exampleumab.yaml:38: adverse_events.0.comparator_count: Input should be greater than 0, expected greater than",
                 id="count-zero"),
    pytest.param(TREATMENT, "        locator: Section 5.1, paragraph 2\n", "",
                 "data/treatments/exampleumab.yaml:67: risks.0.figures.0.locator: missing, expected this field to be given",
                 id="figure-without-locator"),
    pytest.param(TREATMENT, "  locator: Section 8.1", "  locator: ''",
                 "data/treatments/exampleumab.yaml:79: pregnancy.summary.locator: String should have at least 1 character, expected string too short",
                 id="empty-locator"),
    pytest.param(TREATMENT, "source: example_label\n    locator: Section 8.1", "source: no_such_label\n    locator: Section 8.1",
                 "data/treatments/exampleumab.yaml:78: pregnancy.summary.source: unknown source id 'no_such_label', expected an id from data/sources/",
                 id="unknown-source"),
    pytest.param(TREATMENT, "      locator: Section 8.3", "      locator: Section 8.3\n      evidence: case_report",
                 "data/treatments/exampleumab.yaml:81: pregnancy.contraception.0.limits: a case report needs its limits, expected a 'limits' text",
                 id="statement-evidence-case-report-without-limits"),
    pytest.param(SOURCES, "- id: example_case", "- id: unused_review\n  title: Never cited\n  publisher: A journal\n  year: 2020\n  url: https://doi.org/10.1/x\n  type: review\n  accessed: 2026-01-01\n- id: example_case",
                 "data/sources/main.yaml:10: 1.id: source 'unused_review' is never cited, expected every source to back a statement or figure",
                 id="unused-source"),
    pytest.param("events/common.yaml", "- id: cough", "- id: headache\n  label: Headache again\n  patient_label: Headache\n- id: cough",
                 "data/events/common.yaml:4: 1.id: duplicate event id 'headache', expected each id once",
                 id="duplicate-event-id"),
    pytest.param(TREATMENT, "event: cough", "event: sneeze",
                 "data/treatments/exampleumab.yaml:41: adverse_events.1.event: unknown event 'sneeze', expected an id from data/events/",
                 id="unknown-event"),
    pytest.param(TREATMENT, "trial: trial_a\n    treatment_pct: 7", "trial: trial_b\n    treatment_pct: 7",
                 "data/treatments/exampleumab.yaml:42: adverse_events.1.trial: unknown trial 'trial_b', expected an id from this file's trials",
                 id="unknown-trial"),
    pytest.param(TREATMENT, "      limits: One infant, so the result may not generalise.\n", "",
                 "data/treatments/exampleumab.yaml:87: pregnancy.infant.0.limits: a case report needs its limits, expected a 'limits' text",
                 id="case-report-without-limits"),
    pytest.param(SOURCES, "- id: example_case", "- id: example_label\n  title: Copy\n  publisher: Example Pharma\n  year: 2024\n  url: https://www.fda.gov/x\n  type: label\n  accessed: 2026-01-15\n  version: Revised 01/2024\n- id: example_case",
                 "data/sources/main.yaml:10: 1.id: duplicate source id 'example_label', expected each id once",
                 id="duplicate-source-id"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "javascript:alert(1)",
                 "data/sources/main.yaml:14: 1.url: not an https URL, expected https://...",
                 id="javascript-url"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "data:text/html,hi",
                 "data/sources/main.yaml:14: 1.url: not an https URL, expected https://...",
                 id="data-url"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "http://doi.org/10.0000/example",
                 "data/sources/main.yaml:14: 1.url: not an https URL, expected https://...",
                 id="http-url"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "https://evil.example.com/x\n  copy_of: A fictional case report",
                 "data/sources/main.yaml:14: 1.url: host is not on the link allow-list, expected a domain in dashboard/knowledge/links.py",
                 id="host-not-allowed"),
    pytest.param(SOURCES, "  accessed: 2026-01-15\n- id: example_case", "  accessed: 15/01/2026\n- id: example_case",
                 "data/sources/main.yaml:9: 0.accessed: Input should be a valid date, expected date type",
                 id="date-not-iso"),
    pytest.param(TREATMENT, "last_reviewed: 2026-01-15", "last_reviewed: 2999-01-01",
                 "data/treatments/exampleumab.yaml:4: last_reviewed: date 2999-01-01 is in the future, expected {today} or earlier",
                 id="date-in-future"),
    pytest.param(TREATMENT, "    locator: Section 14\nadverse_events:", "    locator: Section 14\n  - id: trial_a\n    name: TRIAL-A again\n    population: RMS\n    comparator: Placebo\n    duration: 1 year\n    n_treatment: 200\n    n_comparator: 100\n    source: example_label\n    locator: Section 14\nadverse_events:",
                 "data/treatments/exampleumab.yaml:32: trials.1.id: duplicate trial id 'trial_a', expected each id once",
                 id="duplicate-trial-id"),
    pytest.param(SOURCES, "  version: Revised 01/2024\n", "",
                 "data/sources/main.yaml:1: 0.version: a label needs its version or revision date, expected version: the date or version printed on it, or what was seen and where",
                 id="label-without-version"),
    pytest.param(SOURCES, "https://www.accessdata.fda.gov/example.pdf", "https://www.drugs.com/pro/exampleumab.html",
                 "data/sources/main.yaml:1: 0.copy_of: a page on a secondary host (not a regulator, registry, PubMed/DOI or journal) is a copy, expected copy_of naming the label or study it reproduces",
                 id="secondary-copy-without-copy-of"),
    pytest.param(TREATMENT, "    comparator_pct: 5\n", "",
                 "data/treatments/exampleumab.yaml:41: adverse_events.1.comparator_pct: a rate without its comparator arm, expected comparator_pct from the same trial, or comparator: none reported with a reason",
                 id="ae-without-comparator"),
    pytest.param(TREATMENT, "    comparator_pct: 5\n", "    comparator: none reported\n",
                 "data/treatments/exampleumab.yaml:41: adverse_events.1.reason: no comparator value needs its reason, expected a 'reason' text",
                 id="ae-none-reported-without-reason"),
    pytest.param(TREATMENT, "    comparator_pct: 5\n", "    comparator_pct: 5\n    comparator: none reported\n    reason: The cited table gives no placebo arm.\n",
                 "data/treatments/exampleumab.yaml:45: adverse_events.1.comparator: says none reported but gives comparator_pct, expected one or the other",
                 id="ae-none-reported-with-comparator-value"),
    pytest.param(TREATMENT, "      - label: Infusion reactions\n", "      - label: Infusion reactions, range across trials\n",
                 "data/treatments/exampleumab.yaml:67: risks.0.figures.0.high: a figure labelled as a range needs both ends, expected value (lower end) and high (upper end)",
                 id="range-without-high"),
    pytest.param(TREATMENT, "      - label: Infusion reactions\n", "      - label: Infusion reactions (range)\n        high: 20\n",
                 "data/treatments/exampleumab.yaml:68: risks.0.figures.0.high: upper end 20 is below the lower end 30, expected high >= value",
                 id="range-high-below-value"),
    pytest.param(TREATMENT, "  drug_class: Fictional antibody", "  drug_class: [Fictional antibody",
                 "data/treatments/exampleumab.yaml:7: (yaml): syntax error: did not find expected ',' or ']', expected valid YAML",
                 id="yaml-syntax-error"),
]


# What a careless editor or an attacker can write in a knowledge file: each is a line, never a traceback or a hang.
HOSTILE = [
    pytest.param(TREATMENT, "treatment_pct: 7", "treatment_pct: 7\n    treatment_pct: 70",
                 "data/treatments/exampleumab.yaml:44: adverse_events.1.treatment_pct: duplicate key 'treatment_pct' (first on line 43), expected each key once",
                 id="duplicate-key"),
    pytest.param(TREATMENT, "benefits:", "adverse_events: []\nbenefits:",
                 "data/treatments/exampleumab.yaml:47: adverse_events: duplicate key 'adverse_events' (first on line 32), expected each key once",
                 id="duplicate-list"),
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: &a [Examplo]\ncolour: *a",
                 "data/treatments/exampleumab.yaml:3: brands: YAML anchor or alias (& or *), expected each value written out",
                 id="anchor"),
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: &b [*b]",
                 "data/treatments/exampleumab.yaml:3: brands: YAML anchor or alias (& or *), expected each value written out",
                 id="self-referencing-alias"),
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: " + "[" * 500 + "]" * 500,
                 "data/treatments/exampleumab.yaml:3: " + ".".join(["brands"] + ["0"] * 16) + ": nested more than 16 levels deep, expected the shape in docs/knowledge-format.md",
                 id="nesting-500-deep"),
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: !!python/object:os.system [Examplo]",
                 "data/treatments/exampleumab.yaml:3: brands: YAML tag tag:yaml.org,2002:python/object:os.system, expected plain data without tags",
                 id="python-tag"),
    pytest.param(TREATMENT, "last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30",
                 "data/treatments/exampleumab.yaml:4: last_reviewed: '2026-02-30' cannot be read (day is out of range for month), expected a real date YYYY-MM-DD or a number",
                 id="impossible-date"),
    pytest.param(SOURCES, "  accessed: 2026-01-15\n- id: example_case", "  accessed: 2026-13-01\n- id: example_case",
                 "data/sources/main.yaml:9: 0.accessed: '2026-13-01' cannot be read (month must be in 1..12), expected a real date YYYY-MM-DD or a number",
                 id="month-13"),
    pytest.param(TREATMENT, "last_reviewed: 2026-01-15", "last_reviewed: 2026-01-15 10:00:00",
                 "data/treatments/exampleumab.yaml:4: last_reviewed: 2026-01-15 10:00:00 is a date with a time, expected a date YYYY-MM-DD",
                 id="datetime-for-a-date"),
    pytest.param(TREATMENT, "value: 30", "value: .nan",
                 "data/treatments/exampleumab.yaml:68: risks.0.figures.0.value: .nan is not a finite number, expected a number",
                 id="figure-nan"),
    pytest.param(TREATMENT, "treatment_value: 0.2", "treatment_value: -.inf",
                 "data/treatments/exampleumab.yaml:50: benefits.0.treatment_value: -.inf is not a finite number, expected a number",
                 id="benefit-infinity"),
    pytest.param(TREATMENT, "trials:\n", "trials:\n  - TRIAL-0\n",
                 "data/treatments/exampleumab.yaml:23: trials.0: Input should be a valid dictionary or instance of Trial, expected model type",
                 id="scalar-for-a-mapping"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "https://[doi.org/10.0000/example",
                 "data/sources/main.yaml:14: 1.url: not a valid URL (Invalid IPv6 URL), expected https://host/path",
                 id="url-the-parser-rejects"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "https://doi.org/10.0000/example)![x](https://evil.example/i.png",
                 "data/sources/main.yaml:14: 1.url: contains ')', expected a URL without ( ) \\ < > quotes or whitespace (percent-encode them)",
                 id="url-with-parenthesis"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "https://evil.example\\@www.ema.europa.eu/y",
                 "data/sources/main.yaml:14: 1.url: contains '\\\\', expected a URL without ( ) \\ < > quotes or whitespace (percent-encode them)",
                 id="url-with-backslash"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "'https://doi.org/10.0000/ex ample'",
                 "data/sources/main.yaml:14: 1.url: contains ' ', expected a URL without ( ) \\ < > quotes or whitespace (percent-encode them)",
                 id="url-with-space"),
    pytest.param(SOURCES, "https://doi.org/10.0000/example", "https://evil.example@doi.org/10.0000/example",
                 "data/sources/main.yaml:14: 1.url: has a user name before the host (user@host), expected https://host/path",
                 id="url-with-userinfo"),
]


@pytest.mark.parametrize("raw, expected", [
    pytest.param(b"id: exampleumab\nname: Exampl\xe9umab\n", "data/treatments/exampleumab.yaml:2: (file): byte 0xe9 is not UTF-8 text, expected the file saved as UTF-8", id="not-utf-8"),
    pytest.param(b"# " + b"x" * (1024 * 1024) + b"\n", "data/treatments/exampleumab.yaml:1: (file): file larger than 1048576 bytes, expected a knowledge file of at most 1 MiB", id="too-large"),
    pytest.param(b"a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n" * 3, "data/treatments/exampleumab.yaml:1: a: YAML anchor or alias (& or *), expected each value written out", id="alias-bomb"),
])
def test_unreadable_file_is_a_line_not_a_hang(data, capsys, raw, expected):
    (data / TREATMENT).write_bytes(raw)
    code, lines = validate(data, capsys)
    assert (code, lines[-1:]) == (1, [expected])


def test_a_number_where_the_list_of_sources_belongs(data, capsys):
    (data / SOURCES).write_text("5\n")
    code, lines = validate(data, capsys)
    assert code == 1
    assert lines[0] == "data/sources/main.yaml:1: (file): Input should be a valid tuple, expected tuple type"


@pytest.mark.parametrize("file, old, new, expected", RULES + HOSTILE)
def test_rule(data, capsys, file, old, new, expected):
    edit(data, file, old, new)
    code, lines = validate(data, capsys)
    assert code == 1
    assert lines == [expected.format(today=dt.date.today())]


def test_every_problem_is_reported_not_just_the_first(data, capsys):
    edit(data, TREATMENT, "treatment_pct: 7", "treatment_pct: 107")
    edit(data, SOURCES, "https://doi.org/10.0000/example", "http://doi.org/10.0000/example")
    edit(data, "topics/daily.yaml", "patient_title: Daily life", "patient_title: 12")
    code, lines = validate(data, capsys)
    assert code == 1
    assert lines == [
        "data/sources/main.yaml:14: 1.url: not an https URL, expected https://...",
        "data/topics/daily.yaml:3: patient_title: Input should be a valid string, expected string type",
        "data/treatments/exampleumab.yaml:43: adverse_events.1.treatment_pct: Input should be less than or equal to 100, expected less than equal",
    ]


def test_single_arm_rate_with_reason_is_valid_and_not_charted(data, capsys):
    from dashboard.knowledge import load_knowledge
    edit(data, TREATMENT, "    comparator_pct: 5\n", "    comparator: none reported\n    reason: The cited table gives no comparator arm.\n")
    assert validate(data, capsys)[0] == 0
    knowledge = load_knowledge(data)
    assert [r.event for r in knowledge.treatments["exampleumab"].adverse_events if r.charted] == ["headache"]
    assert knowledge.events_for(["exampleumab"]) == ["headache"]
    assert [r.event for te in knowledge.trial_events(["exampleumab"], ["headache", "cough"]) for r in te.rows] == ["headache"]


def test_copy_on_a_secondary_host_naming_its_primary_is_valid(data, capsys):
    edit(data, SOURCES, "https://www.accessdata.fda.gov/example.pdf", "https://www.drugs.com/pro/exampleumab.html")
    edit(data, SOURCES, "  version: Revised 01/2024\n", "  version: Revised 01/2024\n  copy_of: Exampleumab US prescribing information, revised 01/2024\n")
    assert validate(data, capsys)[0] == 0


def test_missing_data_folder_is_a_problem_not_a_traceback(tmp_path, capsys):
    code, lines = validate(tmp_path / "nowhere", capsys)
    assert code == 1
    assert lines == [f"{tmp_path}/nowhere/site.yaml:1: (file): file not found, expected the site texts"]


def test_shipped_knowledge_is_valid_and_large_enough(capsys):
    code = main(["validate"])
    line = capsys.readouterr().out.strip()
    assert code == 0, line
    treatments, figures, sources = (int(part.split()[0]) for part in line.removeprefix("ok: ").split(", "))
    assert treatments >= 6 and figures >= 120 and sources >= 20


PROCESS_TALK = "tells how the knowledge was gathered, expected what the reader cannot learn here and where it is (a label section, the neurologist)"


@pytest.mark.parametrize("file, old, new, expected", [
    pytest.param(TREATMENT, "patient: One baby had fewer immune cells at birth.",
                 "patient: The table could not be read in any stored copy.",
                 f"data/treatments/exampleumab.yaml:88: pregnancy.infant.0.patient: 'could not be read' {PROCESS_TALK}", id="patient-text"),
    pytest.param(TREATMENT, "brands: [Examplo]", "brands: [Examplo]\ngaps:\n  - topic: pml\n    note: The label table is beyond the readable part of the label.",
                 f"data/treatments/exampleumab.yaml:6: gaps.0.note: 'readable' {PROCESS_TALK}", id="gap-note"),
    pytest.param(TREATMENT, "clinician: Contraception for 6 months after the last dose.",
                 "clinician: Contraception for 6 months after the last dose (in the sources we hold).",
                 f"data/treatments/exampleumab.yaml:82: pregnancy.contraception.0.clinician: 'we hold' {PROCESS_TALK}", id="clinician-text"),
    pytest.param(SOURCES, "version: Revised 01/2024", "version: Revised 01/2024, seen on a mirror",
                 f"data/sources/main.yaml:8: 0.version: 'mirror' {PROCESS_TALK}", id="source-version-shown-in-citations"),
    pytest.param(SOURCES, "version: Revised 01/2024", "version: Revision date not seen in the part read",
                 f"data/sources/main.yaml:8: 0.version: 'date not seen' {PROCESS_TALK}", id="source-version-part-read"),
])
def test_no_text_a_reader_sees_tells_how_the_knowledge_was_gathered(data, capsys, file, old, new, expected):
    edit(data, file, old, new)
    code, lines = validate(data, capsys)
    assert (code, lines) == (1, [expected])


def test_a_source_note_says_what_is_cited_not_how_it_was_read(data, capsys):
    """A source's note is never shown, yet it too says what the source is, not how it was gathered (tests/knowledge/test_no_process_talk.py)."""
    edit(data, SOURCES, "  version: Revised 01/2024\n", "  version: Revised 01/2024\n  note: Read on a mirror; the table was cut off.\n")
    assert validate(data, capsys) == (1, ["data/sources/main.yaml:9: (line): 'Read on' tells how the knowledge was gathered, expected what the source is and which part is cited (comments and notes too)"])


def test_research_and_a_data_cut_off_are_not_process_talk(data, capsys):
    edit(data, TREATMENT, "patient: One baby had fewer immune cells at birth.",
         "patient: Research found one baby had fewer immune cells at the data cut-off.")
    assert validate(data, capsys)[0] == 0


GLOSSARY = ("- id: pml\n  kind: learn\n  term: PML\n  plain: a rare, serious brain infection\n"
            "  definition: A rare brain infection.\n  source: example_label\n  locator: Section 5.1\n")


def test_a_glossary_is_read_into_typed_entries(data, capsys):
    from dashboard.knowledge import load_knowledge
    (data / "glossary.yaml").write_text(GLOSSARY)
    assert validate(data, capsys)[0] == 0
    entry = load_knowledge(data).glossary["pml"]
    assert (entry.term, entry.plain, entry.source, entry.locator) == ("PML", "a rare, serious brain infection", "example_label", "Section 5.1")


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("  source: example_label\n", "  source: no_such_label\n",
                 "data/glossary.yaml:6: 0.source: unknown source id 'no_such_label', expected an id from data/sources/", id="unknown-source"),
    pytest.param("  locator: Section 5.1\n", "",
                 "data/glossary.yaml:1: 0: a source needs its locator and a locator its source, expected both or neither", id="source-without-locator"),
    pytest.param("  kind: learn\n", "  kind: later\n",
                 "data/glossary.yaml:2: 0.kind: Input should be 'learn' or 'jargon'", id="unknown-kind"),
    pytest.param("  locator: Section 5.1\n", "  locator: Section 5.1\n- id: pml2\n  kind: jargon\n  term: pml\n  plain: x\n  definition: y\n",
                 "data/glossary.yaml:10: 1.term: 'pml' is already explained by 'pml', expected each word once", id="word-twice"),
])
def test_glossary_rules(data, capsys, old, new, expected):
    (data / "glossary.yaml").write_text(GLOSSARY.replace(old, new))
    code, lines = validate(data, capsys)
    assert (code, lines) == (1, [expected])

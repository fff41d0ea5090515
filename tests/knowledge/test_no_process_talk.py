"""Rule 8 over the raw text of data/: no line, comment or source note says how the knowledge was gathered.

`python -m dashboard validate` reads every file under data/ line by line (addresses aside) and names FILE:LINE for a
phrase about search tools, stored copies, excerpts, mirrors, look-ups or what could (not) be read."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.knowledge.validate import DATA_DIR, GATHERING_TALK, PROCESS_TALK, gathering_talk

MINIMAL = Path(__file__).parent / "minimal"
MESSAGE = "tells how the knowledge was gathered, expected what the source is and which part is cited (comments and notes too)"

# Every phrase the rule exists for, as earlier notes and comments wrote them.
PROCESS_PHRASES = [
    "through the stored-copy search tools", "Newest stored revision", "the search tools returned only the opening",
    "the search result gave the address", "not printed in the excerpt read", "a MedPath mirror of EMA data",
    "the readable part stops at the heading", "Sections 5, 6 and 8 were not reachable", "No entry could be read",
    "the Findings were not reachable", "the table could not be read", "Only Table 2 was read", "Highlights were read",
    "it was not read", "the 04/2026 text was not read", "the part read", "in any copy", "in the sources we hold",
    "read on a verbatim copy", "verbatim reproductions of the label", "the article title was not seen",
    "the PubMed id was not seen", "the PDF itself was not opened", "the abstract is cut off", "a look-up in the database",
    "looked up in the register", "a truncated abstract", "read on a proxy mirror", "a proxy reproduction of the record",
    "no confidence interval in the table read", "The US pregnancy section read sets no contraception requirement",
    "the highlights read give no further detail", "not described in the texts read", "stated in the US material read",
    "older label revision read", "no Bafiertam entry in the sources read", "read in a consumer monograph",
    "read via consumer monograph", "wording read in reports of the approval", "read on the prescriberpoint reproduction",
    "Contraindications (newer snapshot)", "35 cases, read on the verbatim restatement",
]
# Words that look alike but say something about medicine or a source itself.
FINE = [
    "The researchers advise checking the baby's B cells.", "mirroring the clinical pattern of improvement",
    "Data cut-off: 285 confirmed PML cases", "(mirrors SmPC section 4.3)", "the search period ends 28 February 2020",
    "Not seen with the MS tablets (EU leaflet)", "steady state not reached", "It was not found in the blood of breastfed babies.",
    "Undated manufacturer page; year given as the year accessed.", "This page reproduces the US label, sections 5 and 8.",
    "url: https://api.fda.gov/drug/label.json?search=openfda.generic_name:stored+excerpt",
    "Abstract as given on www.example.org/readable/excerpt", "Per-arm n not given in the trial report (821 randomised in total)",
    "Drug Trials Snapshot header (approval date)", "title: 'Drug Trials Snapshots: BRIUMVI'",
    "Section 8.1 (DailyMed reproduction of the US label)", "Read the Medication Guide before the first dose.",
    "The cited table gives no confidence interval.", "The label reads: do not stop suddenly.",
]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def validate(data: Path, capsys: pytest.CaptureFixture) -> tuple[int, list[str]]:
    code = main(["validate", str(data)])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("phrase", PROCESS_PHRASES)
def test_each_process_phrase_is_caught_with_its_line(phrase, tmp_path):
    assert GATHERING_TALK.search(phrase), phrase
    (tmp_path / "note.yaml").write_text(f"- id: example\n  note: >-\n    Fine words first.\n    Then {phrase}.\n")
    assert [(Path(problem.file).name, problem.line) for problem in gathering_talk(tmp_path)] == [("note.yaml", 4)]


@pytest.mark.parametrize("text", FINE)
def test_medical_and_bibliographic_words_pass(text, tmp_path):
    (tmp_path / "note.yaml").write_text(f"# {text}\n")
    assert gathering_talk(tmp_path) == []


@pytest.mark.parametrize("text", ["Drug Trials Snapshot header (approval date)", "Read the Medication Guide before the first dose.",
                                  "The label reads: do not stop suddenly.", "The cited table gives no confidence interval."])
def test_reading_words_about_the_reader_or_a_document_name_pass_in_shown_texts(text):
    assert not PROCESS_TALK.search(text)


SHOWN = "tells how the knowledge was gathered, expected what the reader cannot learn here and where it is (a label section, the neurologist)"
LOCATOR = ("tells how the knowledge was gathered, expected the place in the document and, for a reproduction, what it "
           "reproduces (Section 8.1 (DailyMed reproduction of the US label))")


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("clinician: Contraception for 6 months after the last dose.",
                 "clinician: The US pregnancy section read sets no contraception period.",
                 f"data/treatments/exampleumab.yaml:82: pregnancy.contraception.0.clinician: 'section read' {SHOWN}", id="the-x-read"),
    pytest.param("clinician: Contraception for 6 months after the last dose.",
                 "clinician: Contraception for 6 months (read in a consumer monograph).",
                 f"data/treatments/exampleumab.yaml:82: pregnancy.contraception.0.clinician: 'read in a' {SHOWN}", id="read-in-a"),
    pytest.param("locator: Section 8.1\n", "locator: Section 8.1 (read on a label reproduction)\n",
                 f"data/treatments/exampleumab.yaml:79: pregnancy.summary.locator: 'read on' {LOCATOR}", id="locator-read-on"),
    pytest.param("locator: Section 8.3\n", "locator: Contraindications (newer snapshot)\n",
                 f"data/treatments/exampleumab.yaml:85: pregnancy.contraception.0.locator: 'snapshot' {LOCATOR}", id="locator-snapshot"),
    pytest.param("locator: Case presentation\n", "locator: Case presentation (the verbatim restatement)\n",
                 f"data/treatments/exampleumab.yaml:90: pregnancy.infant.0.locator: 'verbatim' {LOCATOR}", id="locator-verbatim"),
    pytest.param("locator: Section 8.3\n", "locator: Section 8.3 (no interval in the text read)\n",
                 f"data/treatments/exampleumab.yaml:85: pregnancy.contraception.0.locator: 'text read' {LOCATOR}", id="locator-the-x-read"),
])
def test_a_shown_text_or_locator_that_says_how_it_was_read_is_named_once(data, capsys, old, new, expected):
    path = data / "treatments" / "exampleumab.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    assert validate(data, capsys) == (1, [expected])


def test_a_locator_naming_what_a_reproduction_reproduces_passes(data, capsys):
    path = data / "treatments" / "exampleumab.yaml"
    path.write_text(path.read_text().replace("locator: Section 8.1\n", "locator: Section 8.1 (DailyMed reproduction of the US label)\n", 1))
    assert validate(data, capsys) == (0, ["ok: 1 treatments, 9 figures, 2 sources"])


def test_shipped_data_has_no_process_talk_in_any_line():
    problems = gathering_talk(DATA_DIR)
    assert problems == [], "\n".join(map(str, problems))


def test_a_yaml_comment_is_caught_with_file_and_line(data, capsys):
    path = data / "sources" / "main.yaml"
    path.write_text("# Every entry was read with the search tools on the day in `accessed`.\n" + path.read_text())
    assert validate(data, capsys) == (1, [f"data/sources/main.yaml:1: (line): 'was read' {MESSAGE}"])


def test_a_folded_source_note_is_caught_on_its_own_line(data, capsys):
    path = data / "sources" / "main.yaml"
    text = path.read_text()
    note = "  note: >-\n    Undated manufacturer page; the year is the year accessed.\n    Label sections were read on verbatim reproductions.\n"
    path.write_text(text.replace("  accessed: 2026-01-15\n", "  accessed: 2026-01-15\n" + note, 1))
    line = path.read_text().splitlines().index("    Label sections were read on verbatim reproductions.") + 1
    assert validate(data, capsys) == (1, [f"data/sources/main.yaml:{line}: (line): 'were read' {MESSAGE}"])


def test_a_file_that_is_not_yaml_is_read_too(data, capsys):
    (data / "domains.txt").write_text("example.org\n# hosts of stored copies\n")
    assert validate(data, capsys) == (1, [f"data/domains.txt:2: (line): 'stored' {MESSAGE}"])


def test_an_address_is_not_read_as_words(data, capsys):
    path = data / "sources" / "main.yaml"
    path.write_text(path.read_text().replace("https://doi.org/10.0000/example", "https://doi.org/10.0000/stored-excerpt-mirror", 1))
    assert validate(data, capsys) == (0, ["ok: 1 treatments, 9 figures, 2 sources"])


def test_a_shown_text_is_named_once(data, capsys):
    """The field rule already names a shown text; the line rule does not repeat it."""
    path = data / "treatments" / "exampleumab.yaml"
    path.write_text(path.read_text().replace("patient: One baby had fewer immune cells at birth.",
                                             "patient: The table could not be read in any stored copy.", 1))
    code, lines = validate(data, capsys)
    assert code == 1 and len(lines) == 1 and lines[0].startswith("data/treatments/exampleumab.yaml:88: pregnancy.infant.0.patient: 'could not be read'")


# One phrase for every alternative of PROCESS_TALK (and of the reads in _HOW_READ): each is caught by the pattern, and
# the cheap word check that runs first lets it through (a word missing from that check would hide the phrase).
EVERY_KIND = ("stored", "an excerpt", "mirrors", "unreadable", "readable", "reachable", "a look-up", "looked up", "searched",
              "cut off", "we hold", "could not be found", "could not read", "cannot be read", "was not read", "were read",
              "we read", "in any copy", "when read", "the copies read", "read via", "read in a", "verbatim", "snapshots",
              "version not seen", "read 2026-01-15", "the summary read", "the paragraphs read", "read in reports")


@pytest.mark.parametrize("phrase", EVERY_KIND)
def test_every_kind_of_process_talk_passes_the_word_check_and_is_caught(phrase):
    from dashboard.knowledge.validate import _may_tell_process

    text = f"Some text, then {phrase.upper()} and more."
    assert PROCESS_TALK.search(text) and _may_tell_process(text)

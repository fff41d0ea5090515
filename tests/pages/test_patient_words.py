"""The patient view's own checks (issues 28.2, 28.3, 28.5 and 20.5), over the rendered text of every page for all 20
treatments, in groups of up to 6 (the picker's limit), and over the patient handout's text.

- A clinician's word (TERMS, the list grows when a reviewer finds a new one) never stands in the patient view without
  its plain meaning beside it: a bracket after it, the word itself in a bracket after plain words, or the meaning's
  words near it. A word to learn (PML, relapse...) needs it at its first use on each screen; jargon at every use.
- No overview cell or line answers only "see details".
- No page, in either view, speaks of how the knowledge was gathered (PROCESS_WORDS).
Citations (a numbered source with its title and place) are left out: a paper's title is its name, not our words.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache

import pytest

from dashboard.knowledge import DATA_DIR, load_knowledge

from .test_pages import open_page

GROUP = 6  # the treatment picker's limit
NEAR = 120  # characters either side of a word in which its meaning counts as beside it
PAGES = ("screens/home.py", "screens/overview.py", "screens/benefits.py", "screens/adverse_events.py", "screens/pictures.py",
         "screens/pml_infections.py", "screens/pregnancy.py", "screens/sources.py", "screens/about.py", "screens/glossary.py")
WITHOUT_TREATMENTS = ("screens/home.py", "screens/sources.py", "screens/about.py", "screens/glossary.py")

# (word as a pattern, every use or first use on a screen, words that say what it means)
TERMS = (
    (r"boxed warnings?", True, ("strongest warning",)),
    (r"hypersensitivity", True, ("allergic",)),
    (r"post hoc", True, ("later look",)),
    (r"sponsor(?:-authored)?", True, ("company", "maker")),
    (r"(?-i:HBV)", True, ("hepatitis B",)),
    (r"(?-i:Ig[GMA]?)", True, ("antibod",)),
    (r"(?-i:JCV)|anti-JCV", True, ("virus",)),
    (r"lymphopenia", True, ("lymphocyte",)),
    (r"neutropenia", True, ("neutrophil",)),
    (r"bradycardia|bradyarrhythmia", True, ("slow heart",)),
    (r"macular o?edema", True, ("swelling at the back of the eye",)),
    (r"(?-i:PPMS)", True, ("primary progressive",)),
    (r"(?-i:RR?MS)", True, ("relapsing",)),
    (r"(?-i:SPMS)", True, ("secondary progressive",)),
    (r"(?-i:CIS)", True, ("first MS-like", "first episode")),
    (r"(?-i:ARR)|annuali[sz]ed relapse rate", True, ("per person per year", "a year", "each year")),
    (r"(?-i:EDSS)", True, ("disability",)),
    (r"open-label", True, ("knew which",)),
    (r"(?-i:SmPC)", True, ("EU label",)),
    (r"(?-i:LactMed)", True, ("database",)),
    (r"(?-i:REMS)", True, ("safety programme", "safety program")),
    (r"anaphyla(?:xis|ctic)", True, ("allergic",)),
    (r"angioedema", True, ("swelling",)),
    (r"hepatotoxicity", True, ("liver",)),
    (r"contraindicat(?:ed|ion|ions)", True, ("must not",)),
    (r"opportunistic", True, ("defences are weak", "body's defences")),
    (r"patient-years?|person-years?", True, ("years of treatment",)),
    (r"(?-i:AFFIRM|ASCLEPIOS|CARE-MS|CLARITY|CONFIRM|DEFINE|EXPAND|FREEDOMS|GALA|OPERA|OPTIMUM|ORATORIO|PRISMS|"
     r"RADIANCE|SUNBEAM|TEMSO|TOWER|TRANSFORMS|ULTIMATE|EVIDENCE|HERMES|OLYMPUS|ADVANCE)", True, ("trial", "study")),
    (r"(?-i:PML)|progressive multifocal leukoencephalopathy", False, ("brain infection",)),
    (r"(?-i:JC virus)", False, ("common virus", "can cause PML")),
    (r"(?-i:B)[- ]cells?", False, ("white blood cell", "make antibodies")),
    (r"immunoglobulins?", False, ("antibod",)),
    (r"relapses?", False, ("attack", "symptoms")),
    (r"placebos?", False, ("dummy",)),
    (r"lesions?", False, ("scan", "MRI", "damage", "inflammation")),
)
SEE_DETAILS_ONLY = re.compile(r"(?:^|[|·:\n])\s*see (?:the )?details\s*(?=$|[|·⁽\n])", re.IGNORECASE | re.MULTILINE)
PROCESS_WORDS = re.compile(
    r"\b(?:stored|excerpts?|mirrors?|unreadable|readable|look-?ups?|looked up|search(?:ed|es|ing)?|cut off|we hold|"
    r"could not (?:be )?read|cannot be read|could not find|(?:was|were) not read|in any copy)\b", re.IGNORECASE)
# A numbered source: marker, [title](link) and the place in it, to the end of its line. Link targets too.
CITATION = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾\s*\[[^\n]*|\[[^\[\]\n]*\((?:19|20)\d\d\)\]?(?:\([^)\s]*\))? ?,[^\n]*|\]\([^)\s]*\)")


SAID = {"markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"}


def _in_order(node):
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _in_order(child)
    elif getattr(node, "type", None) in SAID:
        yield str(node.value)


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, ...], ...]:
    ids = load_knowledge(DATA_DIR).treatment_ids()
    return tuple(tuple(ids[i:i + GROUP]) for i in range(0, len(ids), GROUP))


def screens() -> list[tuple[str, tuple[str, ...]]]:
    return [(page, group) for page in PAGES for group in (_groups()[:1] if page in WITHOUT_TREATMENTS else _groups())]


@lru_cache(maxsize=None)
def shown(page: str, group: tuple[str, ...], view: str) -> str:
    """The words of one screen as a reader sees them (citations and link targets left out)."""
    at = open_page(page, treatments=list(group), view=view)
    assert not at.exception, (page, group, view, at.exception)
    return CITATION.sub(" ", "\n".join(_in_order(at._tree)).replace("\\", ""))  # in the order a reader meets it


def unexplained(text: str, pattern: str, every_use: bool, meanings: tuple[str, ...]) -> list[str]:
    """Each use of the word (or only the first) with no meaning beside it, shown in its context."""
    found = []
    for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text, re.IGNORECASE):
        start, end = match.span()
        after = text[end:end + 4].lstrip(" *")
        near = text[max(0, start - NEAR):end + NEAR].casefold()
        if not (after.startswith("(") or text[max(0, start - 2):start].endswith("(")
                or any(m.casefold() in near for m in meanings)):
            found.append(text[max(0, start - 60):end + 60].replace("\n", " "))
        if not every_use:
            break
    return found


def jargon_problems(text: str) -> list[str]:
    return [f"{pattern[:30]}: ...{context}..." for pattern, every_use, meanings in TERMS
            for context in unexplained(text, pattern, every_use, meanings)]


@pytest.mark.parametrize("page, group", screens(), ids=lambda v: v if isinstance(v, str) else f"{v[0]}+{len(v) - 1}")
def test_every_word_a_patient_may_not_know_has_its_meaning_beside_it(page, group):
    problems = jargon_problems(shown(page, group, "Patient"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page, group", screens(), ids=lambda v: v if isinstance(v, str) else f"{v[0]}+{len(v) - 1}")
def test_no_cell_or_line_answers_only_see_details(page, group):
    for view in ("Patient", "Clinician"):
        said = [m.group(0) for m in SEE_DETAILS_ONLY.finditer(shown(page, group, view))]
        assert not said, (view, said)


@pytest.mark.parametrize("view", ["Patient", "Clinician"])
@pytest.mark.parametrize("page, group", screens(), ids=lambda v: v if isinstance(v, str) else f"{v[0]}+{len(v) - 1}")
def test_no_page_speaks_of_how_the_knowledge_was_gathered(page, group, view):
    said = sorted({m.group(0) for m in PROCESS_WORDS.finditer(shown(page, group, view))})
    assert not said, said


def test_every_glossary_word_is_explained_at_its_first_use_on_a_screen(knowledge):
    """Each glossary entry: on a screen that uses it, its first use has its meaning beside it (the list of words to
    learn comes from data/glossary.yaml; the check is the one above)."""
    used = {entry.id: 0 for entry in knowledge.glossary.values()}
    for page, group in screens():
        text = shown(page, group, "Patient")
        for entry in knowledge.glossary.values():
            words = "|".join(re.escape(w) for w in sorted((entry.term, *entry.also), key=len, reverse=True))
            if re.search(rf"(?<![\w-])(?:{words})(?![\w-])", text, re.IGNORECASE):
                used[entry.id] += 1
                assert not unexplained(text, words, False, (entry.plain,) + _meanings(entry.term)), (page, group, entry.id)
    learn = [e.id for e in knowledge.glossary.values() if e.kind == "learn"]
    assert all(used[i] for i in learn), [i for i in learn if not used[i]]  # every word to learn is met somewhere


def _meanings(term: str) -> tuple[str, ...]:
    return next((meanings for pattern, _, meanings in TERMS if re.fullmatch(pattern, term, re.IGNORECASE)), ())


def test_the_checks_can_fail():
    """A bare word, a 'see details' cell and a word about how the knowledge was gathered are each caught."""
    assert jargon_problems("Serious infections in AFFIRM; HBV tests before.")
    assert not jargon_problems("Serious infections in the AFFIRM trial; HBV (hepatitis B virus) tests before.")
    assert jargon_problems("PML risk." + " Many words." * 12 + " PML (a rare, serious brain infection).")  # first use bare
    assert not jargon_problems("PML (a rare, serious brain infection) is rare. PML is rare.")
    assert SEE_DETAILS_ONLY.search("| Breastfeeding: EU: see details · see details |")
    assert not SEE_DETAILS_ONLY.search("| EU: no set waiting time; see details on the pregnancy page |")
    assert PROCESS_WORDS.search("the table could not be read in any stored copy")
    assert not PROCESS_WORDS.search("research found no difference at the data cut-off")


def _handout_text(knowledge, treatments: tuple[str, ...]) -> str:
    from pypdf import PdfReader

    from dashboard.export import handout

    made = handout.build(knowledge, treatments, "patient")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(made.pdf)).pages)
    return re.split(r"\nSources\b", text)[0]  # its numbered sources (titles and places) are citations


@pytest.mark.parametrize("index", range(4))
def test_the_patient_handout_explains_its_words_and_answers_every_cell(knowledge, index):
    group = _groups()[index]
    text = CITATION.sub(" ", _handout_text(knowledge, group))
    assert knowledge.treatments[group[0]].name in text
    assert not jargon_problems(" ".join(text.split())), group
    assert not SEE_DETAILS_ONLY.search(text)
    assert not PROCESS_WORDS.search(text)

"""Load data/ into a Knowledge object, or raise KnowledgeError listing every problem."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, TypeAdapter, ValidationError

from .knowledge import Knowledge
from . import links
from .models import SMALL_STUDY_TYPES, Event, GlossaryEntry, Site, Source, Topic, Treatment, percent_disagreement
from .yaml_lines import Document, KnowledgeError, Location, Problem, read

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_SOURCES = TypeAdapter(tuple[Source, ...])
_EVENTS = TypeAdapter(tuple[Event, ...])
_GLOSSARY = TypeAdapter(tuple[GlossaryEntry, ...])


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing, expected this field to be given"
    if kind == "extra_forbidden":
        return "unknown field, expected only the fields in docs/knowledge-format.md"
    message = error["msg"].removeprefix("Value error, ")
    if kind in {"literal_error", "enum"} or "," in message:
        return message
    return f"{message}, expected {kind.replace('_', ' ')}"


def _parse(document: Document, shape: type[BaseModel] | TypeAdapter) -> tuple[Any, list[Problem]]:
    validate = shape.validate_python if isinstance(shape, TypeAdapter) else shape.model_validate
    try:
        return validate(document.data), []
    except ValidationError as error:
        return None, [document.problem(tuple(e["loc"]), _message(e)) for e in error.errors()
                      if tuple(e["loc"]) not in document.unread]  # already reported as unreadable


def _entries(data: Any) -> Iterator[tuple[int, dict]]:
    """The mappings of a list, with their index; anything else written where a list belongs has none."""
    for index, item in enumerate(data if isinstance(data, tuple) else ()):
        if isinstance(item, dict):
            yield index, item


def _text(mapping: dict, key: str) -> str | None:
    """An id or reference as written, when it is text (the models report anything else)."""
    value = mapping.get(key)
    return value if isinstance(value, str) else None


def _walk(data: Any, location: Location = ()) -> Iterator[tuple[Location, dict]]:
    """Every mapping in a document, with where it stands."""
    if isinstance(data, dict):
        yield location, data
        for key, value in data.items():
            yield from _walk(value, location + (key,))
    elif isinstance(data, tuple):
        for index, value in enumerate(data):
            yield from _walk(value, location + (index,))


class _Checker:
    """Rules that cross objects or files, run over the raw documents so problems keep their lines."""

    def __init__(self, today: dt.date):
        self.today = today
        self.problems: list[Problem] = []
        self._walked: dict[str, list[tuple[Location, dict]]] = {}

    def mappings(self, document: Document) -> list[tuple[Location, dict]]:
        """Every mapping of a document (_walk), walked once for the rules that each look at all of them."""
        if document.name not in self._walked:
            self._walked[document.name] = list(_walk(document.data))
        return self._walked[document.name]

    def add(self, document: Document, location: Location, message: str) -> None:
        self.problems.append(document.problem(location, message))

    def unique(self, documents: list[Document], what: str) -> set[str]:
        seen: set[str] = set()
        for document in documents:
            for index, item in _entries(document.data):
                ident = _text(item, "id")
                if ident is not None and ident in seen:
                    self.add(document, (index, "id"), f"duplicate {what} id '{ident}', expected each id once")
                seen.add(ident)
        return seen

    def dates(self, document: Document) -> None:
        for location, mapping in self.mappings(document):
            for key in ("accessed", "last_reviewed"):
                value = mapping.get(key)
                if type(value) is dt.date and value > self.today:
                    self.add(document, location + (key,), f"date {value} is in the future, expected {self.today} or earlier")

    def urls(self, document: Document) -> None:
        for index, item in _entries(document.data):
            url = item.get("url")
            if isinstance(url, str) and not links.problem(url) and not links.is_allowed(url):
                self.add(document, (index, "url"), "host is not on the link allow-list, expected a domain in dashboard/knowledge/links.py")

    def source_rules(self, document: Document) -> None:
        """A label names its version; a copy on a secondary host names what it reproduces."""
        for index, item in _entries(document.data):
            if item.get("type") == "label" and not _given(item.get("version")):
                self.add(document, (index, "version"), 'a label needs its version or revision date, expected version: the date or version printed on it, or what was seen and where')
            url = item.get("url")
            if isinstance(url, str) and not links.problem(url) and not links.is_primary(url) and not _given(item.get("copy_of")):
                self.add(document, (index, "copy_of"), "a page on a secondary host (not a regulator, registry, PubMed/DOI or journal) is a copy, expected copy_of naming the label or study it reproduces")

    def process_talk(self, document: Document, notes_shown: bool = True) -> None:
        """Texts readers see say what is known and where it stands, never how the knowledge was gathered."""
        for location, mapping in self.mappings(document):
            for key, value in mapping.items():
                hidden = key in _NOT_SHOWN or (key == "note" and not notes_shown)
                if isinstance(value, str) and not hidden and _may_tell_process(value) and (found := PROCESS_TALK.search(value)):
                    self.add(document, location + (key,), f"'{found.group(0)}' tells how the knowledge was gathered, expected what the reader cannot learn here and where it is (a label section, the neurologist)")
                elif key == "locator" and isinstance(value, str) and (found := GATHERING_TALK.search(value)):
                    self.add(document, location + (key,), f"'{found.group(0)}' tells how the knowledge was gathered, expected {_LOCATOR_EXPECTED}")

    def ranges(self, document: Document) -> None:
        """A figure labelled as a range holds both ends."""
        for location, mapping in self.mappings(document):
            if location[-2:-1] != ("figures",):
                continue
            label, value, high = mapping.get("label"), mapping.get("value"), mapping.get("high")
            if not isinstance(label, str) or not _RANGE.search(label):
                continue
            if high is None:
                self.add(document, location + ("high",), "a figure labelled as a range needs both ends, expected value (lower end) and high (upper end)")
            elif isinstance(high, (int, float)) and isinstance(value, (int, float)) and high < value:
                self.add(document, location + ("high",), f"upper end {high} is below the lower end {value}, expected high >= value")

    def rare_risks(self, document: Document) -> None:
        """A case count and its exposure come in pairs, in the same risk, each with its data date (the rare-risk scale
        divides one by the other); a source's own rate is marked as such."""
        risks = document.data.get("risks") if isinstance(document.data, dict) else None
        marked = [(location, mapping) for location, mapping in self.mappings(document)
                  if location[-2:-1] == ("figures",) and mapping.get("role") is not None]
        for location, figure in marked:
            role, unit = figure.get("role"), figure.get("unit")
            if location[:1] != ("risks",) or len(location) != 4:
                self.add(document, location + ("role",), "a role is for the figures of a risk, expected it under risks: figures:")
            elif role in _ROLE_UNITS and unit not in _ROLE_UNITS[role]:
                self.add(document, location + ("unit",), f"a figure with role {role} is in {unit}, expected {' or '.join(_ROLE_UNITS[role])}")
            if not _given(figure.get("data_date")):
                self.add(document, location + ("data_date",), "a figure with a role needs the date its data run to, expected data_date: as the source prints it")
            if figure.get("more_than") is True and role != "exposure":
                self.add(document, location + ("more_than",), "more_than is for an exposure the source gives as 'more than', expected role: exposure")
        for index, risk in _entries(risks):
            figures = [(i, f) for i, f in _entries(risk.get("figures"))]
            cases = [i for i, f in figures if f.get("role") in ("cases", "reported_cases")]
            exposures = [(i, f.get("unit")) for i, f in figures if f.get("role") == "exposure"]
            rated = any(f.get("role") == "rate" for _, f in figures)
            where = lambda i: ("risks", index, "figures", i, "role")  # noqa: E731
            if cases and not exposures and not rated:
                self.add(document, where(cases[0]), "a case count without its exposure, expected a figure with role: exposure (or the source's own rate, role: rate) in the same risk")
            if exposures and not cases:
                self.add(document, where(exposures[0][0]), "an exposure without its case count, expected a figure with role: cases or reported_cases in the same risk")
            for i in cases[1:]:
                self.add(document, where(i), "a second case count in one risk, expected one (put another count in its own risk)")
            seen: set = set()
            for i, unit in exposures:
                if unit in seen:
                    self.add(document, where(i), f"a second exposure in {unit} in one risk, expected at most one in people and one in patient-years")
                seen.add(unit)

    def references(self, document: Document, sources: dict[str, Source], source_ids: set, events: set, used: set[str]) -> None:
        trials = {_text(t, "id"): t for _, t in _entries(document.data.get("trials"))}
        for location, mapping in self.mappings(document):
            source = _text(mapping, "source")
            if isinstance(source, str):
                used.add(source)
                if source not in source_ids:
                    self.add(document, location + ("source",), f"unknown source id '{source}', expected an id from data/sources/")
                elif source in sources:
                    self._limits(document, location, mapping, sources[source])
            if location[:1] in {("adverse_events",), ("benefits",)} and len(location) == 2:
                self._trial_row(document, location, mapping, trials, events)

    def _limits(self, document: Document, location: Location, mapping: dict, source: Source) -> None:
        evidence = mapping.get("evidence") or source.type
        is_statement = "clinician" in mapping and "patient" in mapping
        if is_statement and evidence in SMALL_STUDY_TYPES and not mapping.get("limits"):
            self.add(document, location + ("limits",), f"a {evidence.replace('_', ' ')} needs its limits, expected a 'limits' text")

    def _trial_row(self, document: Document, location: Location, row: dict, trials: dict, events: set[str]) -> None:
        trial = trials.get(_text(row, "trial"))
        if trial is None:
            self.add(document, location + ("trial",), f"unknown trial '{row.get('trial')}', expected an id from this file's trials")
        event = _text(row, "event")
        if location[0] == "adverse_events" and event not in events:
            self.add(document, location + ("event",), f"unknown event '{event}', expected an id from data/events/")
        if location[0] == "adverse_events":
            self._comparator(document, location, row)
        if trial is None or location[0] != "adverse_events":
            return
        for arm in ("treatment", "comparator"):
            pct, count, n = row.get(f"{arm}_pct"), row.get(f"{arm}_count"), trial.get(f"n_{arm}")
            if isinstance(count, int) and n is None:
                self.add(document, location + (f"{arm}_count",), f"a count needs the trial's n_{arm}, expected n_{arm} on trial '{trial.get('id')}'")
            elif isinstance(pct, (int, float)) and isinstance(count, int) and isinstance(n, int) and count > 0:
                problem = percent_disagreement(pct, count, n)
                if problem:
                    self.add(document, location + (f"{arm}_pct",), problem)


    def _comparator(self, document: Document, location: Location, row: dict) -> None:
        """Every rate has its comparator arm from the same trial, or says deliberately that none was reported."""
        single = row.get("comparator") == "none reported"
        if row.get("comparator_pct") is None and not single:
            self.add(document, location + ("comparator_pct",), "a rate without its comparator arm, expected comparator_pct from the same trial, or comparator: none reported with a reason")
        elif single and row.get("comparator_pct") is not None:
            self.add(document, location + ("comparator",), "says none reported but gives comparator_pct, expected one or the other")
        elif single and not _given(row.get("reason")):
            self.add(document, location + ("reason",), "no comparator value needs its reason, expected a 'reason' text")


_RANGE = re.compile(r"\brange\b", re.IGNORECASE)
# How a place in a document was read, in shown texts, locators and every line alike: "the table read", "the US material
# read", "older label revision read" (a document or part of one, then "read"), "read on/via/in a ...", "(newer snapshot)",
# "the verbatim restatement". FDA's own "Drug Trials Snapshots" is a document's name.
_HOW_READ = (r"(?:part|opening|texts?|cop(?:y|ies)|reproductions?|tables?|sections?|highlights|sources?|abstracts?|labels?"
             r"|leaflets?|information|material|revisions?|pages?|documents?|records?|summar(?:y|ies)|paragraphs?) read"
             r"|read (?:on|via|in (?:an?|reports?))|verbatim|(?<!trials )snapshots?")
# Words about how the knowledge was gathered (issue 20.5): never in a text a reader sees.
PROCESS_TALK = re.compile(
    r"\b(?:stored|excerpts?|mirrors?|unreadable|readable|reachable|look-?ups?|looked up|search(?:ed|es|ing)?|cut off"
    r"|we hold|could not (?:be )?(?:read|found)|could not (?:read|find)|cannot be read|(?:was|were|is|are|be) not read"
    r"|(?:was|were|been) read|we read|in any copy|when read|" + _HOW_READ +
    r"|(?:date|dates|version|name|revision) not seen|read \d{4}-\d\d-\d\d)\b", re.IGNORECASE)
_NOT_SHOWN = frozenset({"id", "source", "url", "locator"})  # never shown as text; a source's note is for maintainers
# The same rule for every line of every file under data/, comments and source notes included, addresses aside: a
# note says what a source is, its version and which part is cited, never how or with what it was found or read.
# A locator (printed with its citation) is held to this rule field by field too: it names the place in the document
# and, for a reproduction, what it reproduces.
GATHERING_TALK = re.compile(
    r"\b(?:stored(?:-copy)?|excerpts?|search (?:tools?|results?|corpora|corpus)|mirror|mirrors of|(?:un)?readable"
    r"|(?:un)?reachable|look-?ups?|looked up|cut off|truncated|could (?:not )?(?:be )?read|could not find"
    r"|cannot be read|(?:was|were|been|is|are) (?:only )?read|(?:was|were|is|are) not read|in any copy"
    r"|we hold|(?:title|date|year|id|version|name|revision) (?:was |were )?not seen"
    r"|not opened|proxy (?:mirror|copy|reproduction)|" + _HOW_READ + r")\b", re.IGNORECASE)
_LOCATOR_EXPECTED = "the place in the document and, for a reproduction, what it reproduces (Section 8.1 (DailyMed reproduction of the US label))"
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
_TALK_WORDS = ("stored", "excerpt", "search", "mirror", "read", "reachable", "look", "cut off", "truncated", "copy", "hold",
               "verbatim", "seen", "opened", "proxy", "snapshot", "found", "find")  # every *_TALK phrase holds one


def _may_tell_process(text: str) -> bool:
    """Whether `text` holds one of _TALK_WORDS: the whole pattern on every text of data/ was half the knowledge's
    load time."""
    lower = text.lower()
    return any(word in lower for word in _TALK_WORDS)


_ROLE_UNITS = {
    "cases": ("count",), "reported_cases": ("count",), "exposure": ("count", "patient-years"),
    "rate": ("per 1,000 patients", "per 1,000 patient-years", "per 100 patient-years", "per 100,000 patient-years"),
}


def _given(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _documents(root: Path, pattern: str, problems: list[Problem]) -> list[Document]:
    documents = []
    for path in sorted(root.glob(pattern)):
        try:
            documents.append(read(path, display_path(path)))
            problems.extend(documents[-1].problems)
        except KnowledgeError as error:
            problems.extend(error.problems)
    return documents


def gathering_talk(root: Path) -> list[Problem]:
    """Each line under `root` that tells how the knowledge was gathered (GATHERING_TALK), as FILE:LINE."""
    problems = []
    for path in sorted(path for path in root.rglob("*") if path.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lower = text.lower()  # only lines holding a key word are matched: the whole pattern on every line is slow
        for start in sorted({lower.rfind("\n", 0, at) + 1 for word in _TALK_WORDS for at in _occurrences(lower, word)}):
            end = text.find("\n", start)
            if found := GATHERING_TALK.search(_ADDRESS.sub(" ", text[start:end if end >= 0 else len(text)])):
                problems.append(Problem(display_path(path), text.count("\n", 0, start) + 1, "(line)", f"'{found.group(0)}' tells how the knowledge was gathered, expected what the source is and which part is cited (comments and notes too)"))
    return problems


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def display_path(path: Path) -> str:
    """`path` relative to the working folder where it lies below it (how problems name their files)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_knowledge(root: Path | str = DATA_DIR, today: dt.date | None = None) -> Knowledge:
    """Read and validate every file under `root`; raise KnowledgeError with all problems."""
    root = Path(root)
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not (root / "site.yaml").is_file():
        raise KnowledgeError([Problem(display_path(root / "site.yaml"), 1, "(file)", "file not found, expected the site texts")])
    site_docs = _documents(root, "site.yaml", problems)
    source_docs = _documents(root, "sources/*.yaml", problems)
    event_docs = _documents(root, "events/*.yaml", problems)
    treatment_docs = _documents(root, "treatments/*.yaml", problems)
    topic_docs = _documents(root, "topics/*.yaml", problems)
    glossary_docs = _documents(root, "glossary.yaml", problems)  # optional: plain words for clinicians' terms
    unreadable = bool(problems)  # a file that did not parse cites nothing: skip the unused-source rule
    check = _Checker(today)

    site = None
    for document in site_docs:
        site, found = _parse(document, Site)
        problems += found
    sources: dict[str, Source] = {}
    for document in source_docs:
        parsed, found = _parse(document, _SOURCES)
        problems += found
        check.urls(document)
        check.source_rules(document)
        sources.update({s.id: s for s in parsed or ()})
    events: dict[str, Event] = {}
    for document in event_docs:
        parsed, found = _parse(document, _EVENTS)
        problems += found
        events.update({e.id: e for e in parsed or ()})
    # Ids as written, so that one bad entry does not make every reference to it unknown too.
    source_ids = {_text(item, "id") for d in source_docs for _, item in _entries(d.data)}
    event_ids = {_text(item, "id") for d in event_docs for _, item in _entries(d.data)}
    check.unique(source_docs, "source")
    check.unique(event_docs, "event")

    used: set[str] = set()
    treatments: dict[str, Treatment] = {}
    topics: dict[str, Topic] = {}
    for documents, shape, into in ((treatment_docs, Treatment, treatments), (topic_docs, Topic, topics)):
        for document in documents:
            parsed, found = _parse(document, shape)
            problems += found
            if isinstance(document.data, dict):
                check.references(document, sources, source_ids, event_ids, used)
                ident = _text(document.data, "id")
                if ident is not None and ident in into:
                    check.add(document, ("id",), f"duplicate id '{ident}', expected each id once")
            if parsed is not None:
                into[parsed.id] = parsed
    for document in treatment_docs:
        _unique_trials(check, document)
        check.rare_risks(document)
    for document in treatment_docs + topic_docs:
        check.ranges(document)
    for document in site_docs + source_docs + treatment_docs + topic_docs:
        check.dates(document)
    for document in site_docs + source_docs + event_docs + treatment_docs + topic_docs:
        check.process_talk(document, notes_shown=document not in source_docs)
    glossary: dict = {}
    for document in glossary_docs:
        glossary = _glossary(check, document, source_ids, used, problems)
    for document in source_docs if not unreadable else ():
        for index, item in _entries(document.data):
            if (ident := _text(item, "id")) and ident not in used:
                check.add(document, (index, "id"), f"source '{ident}' is never cited, expected every source to back a statement or figure")

    problems += check.problems
    shown = {(problem.file, problem.line) for problem in check.problems if "gathered" in problem.message}
    problems += [problem for problem in gathering_talk(root) if (problem.file, problem.line) not in shown]
    if not any((root / "treatments").glob("*.yaml")):
        problems.append(Problem(display_path(root / "treatments"), 1, "(file)", "no treatment files, expected data/treatments/<id>.yaml"))
    if problems:
        raise KnowledgeError(problems)
    return Knowledge(site=site, sources=sources, events=events, treatments=treatments, topics=topics, glossary=glossary)


def _glossary(check: _Checker, document: Document, source_ids: set, used: set[str], problems: list[Problem]) -> dict:
    """data/glossary.yaml: each entry valid, each id and word once, each source known (and so counted as cited)."""
    parsed, found = _parse(document, _GLOSSARY)
    problems += found
    check.unique([document], "glossary")
    seen: dict[str, str] = {}
    for index, item in _entries(document.data):
        source = _text(item, "source")
        if source is not None:
            used.add(source)
            if source not in source_ids:
                check.add(document, (index, "source"), f"unknown source id '{source}', expected an id from data/sources/")
        words = [item.get("term"), *(item.get("also") or ())]
        for word in (w for w in words if isinstance(w, str)):
            if word.casefold() in seen:
                check.add(document, (index, "term"), f"'{word}' is already explained by '{seen[word.casefold()]}', expected each word once")
            seen.setdefault(word.casefold(), _text(item, "id") or "?")
    return {entry.id: entry for entry in parsed or ()}


def _unique_trials(check: _Checker, document: Document) -> None:
    seen: set[str] = set()
    data = document.data if isinstance(document.data, dict) else {}
    for index, trial in _entries(data.get("trials")):
        ident = _text(trial, "id")
        if ident is not None and ident in seen:
            check.add(document, ("trials", index, "id"), f"duplicate trial id '{ident}', expected each id once")
        seen.add(ident)

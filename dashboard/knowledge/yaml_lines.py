"""Read YAML safely and keep, for every field, the line it was written on.

Knowledge files are plain data: mappings, lists, text, numbers, booleans and dates. The reader builds them from
the parser's events itself, so nothing a file says can make it expand (aliases), recurse, or hide a value: aliases,
anchors, tags, duplicate keys, impossible dates, date-times, NaN and infinity, files that are too large or too deep
and bytes that are not UTF-8 are each a problem naming its line, never a traceback or a hang.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Location = tuple[str | int, ...]
MAX_BYTES = 1024 * 1024  # the largest knowledge file is ~60 KB
MAX_DEPTH = 16           # the deepest knowledge field is 5 levels down
_PLAIN_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_TYPED_STARTS = frozenset(_RESOLVER.yaml_implicit_resolvers)  # first characters of numbers, dates, booleans, null
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge, printed as FILE:LINE: field.path: message."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def within(self, folder: str) -> Problem:
        """The same problem with its file named relative to `folder` (no server paths on a public page)."""
        prefix = folder.rstrip("/") + "/"
        file = self.file.removeprefix(prefix) if self.file.startswith(prefix) else Path(self.file).name
        return Problem(file, self.line, self.field, self.message)


class KnowledgeError(Exception):
    """The knowledge in data/ is not valid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Document:
    name: str
    data: Any
    lines: dict[Location, int]
    problems: tuple[Problem, ...] = ()  # values that could not be read (left out) and duplicate keys (first kept)
    unread: frozenset[Location] = frozenset()

    def line(self, location: Location) -> int:
        """The line of the deepest part of `location` that was written in the file."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.name, self.line(location), _field(location), message)


def _field(location: Location) -> str:
    return ".".join(str(part) for part in location) or "(file)"


class _Unreadable(Exception):
    """A problem after which the rest of the file cannot be read."""


class _Builder:
    """Mappings become dicts, sequences tuples (so the frozen, strict models accept them), scalars plain values."""

    def __init__(self, name: str, events: Iterator[yaml.Event]):
        self.name, self.events = name, events
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []
        self.unread: set[Location] = set()

    def problem(self, event: yaml.Event, location: Location, message: str) -> Problem:
        return Problem(self.name, event.start_mark.line + 1, _field(location), message)

    def document(self) -> Any:
        data, documents = None, 0
        for event in self.events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Unreadable(self.problem(event, (), "a second YAML document, expected one document per file"))
                data = self.value(next(self.events), (), 0)
        return data

    def value(self, event: yaml.Event, location: Location, depth: int) -> Any:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Unreadable(self.problem(event, location, "YAML anchor or alias (& or *), expected each value written out"))
        if depth > MAX_DEPTH:
            raise _Unreadable(self.problem(event, location, f"nested more than {MAX_DEPTH} levels deep, expected the shape in docs/knowledge-format.md"))
        self.lines[location] = event.start_mark.line + 1
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, location)
        if isinstance(event, yaml.SequenceStartEvent):
            self.plain_tag(event, location, "seq")
            items = []
            while not isinstance(event := next(self.events), yaml.SequenceEndEvent):
                items.append(self.value(event, location + (len(items),), depth + 1))
            return tuple(items)
        self.plain_tag(event, location, "map")
        return self.mapping(location, depth)

    def mapping(self, location: Location, depth: int) -> dict:
        mapping: dict = {}
        while not isinstance(event := next(self.events), yaml.MappingEndEvent):
            if not isinstance(event, yaml.ScalarEvent) or event.anchor:
                raise _Unreadable(self.problem(event, location, "a key that is not plain text, expected 'name: value'"))
            key = self.scalar(event, location)
            child = location + (key,)
            first = self.lines.get(child) if key in mapping else None
            value = self.value(next(self.events), child, depth + 1)
            self.lines[child] = event.start_mark.line + 1
            if first is not None:
                self.problems.append(self.problem(event, child, f"duplicate key '{key}' (first on line {first}), expected each key once"))
                self.lines[child] = first
                continue
            mapping[key] = value
        return mapping

    def plain_tag(self, event: yaml.Event, location: Location, kind: str) -> None:
        if event.tag not in (None, "!", f"tag:yaml.org,2002:{kind}"):
            raise _Unreadable(self.problem(event, location, f"YAML tag {event.tag}, expected plain data without tags"))

    def scalar(self, event: yaml.ScalarEvent, location: Location) -> Any:
        tag, value = event.tag, event.value
        if tag is None and (not event.implicit[0] or value[:1] not in _TYPED_STARTS) and value:
            return value  # quoted or block text, or plain text no other type can start with: nothing to resolve
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit if tag is None else (False, False))
        if tag == _STR:  # text: nothing to construct
            return value
        if tag not in _PLAIN_TAGS:
            raise _Unreadable(self.problem(event, location, f"YAML tag {tag}, expected plain data without tags"))
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
        try:
            value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError) as error:
            return self.bad(event, location, f"'{event.value[:40]}' cannot be read ({error}), expected a real date YYYY-MM-DD or a number")
        if isinstance(value, float) and not math.isfinite(value):
            return self.bad(event, location, f"{event.value} is not a finite number, expected a number")
        if isinstance(value, dt.datetime):
            return self.bad(event, location, f"{event.value} is a date with a time, expected a date YYYY-MM-DD")
        return value

    def bad(self, event: yaml.Event, location: Location, message: str) -> None:
        self.problems.append(self.problem(event, location, message))
        self.unread.add(location)
        return None


def _text(path: Path, name: str) -> str:
    with path.open("rb") as file:
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise KnowledgeError([Problem(name, 1, "(file)", f"file larger than {MAX_BYTES} bytes, expected a knowledge file of at most 1 MiB")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise KnowledgeError([Problem(name, line, "(file)", f"byte 0x{raw[error.start]:02x} is not UTF-8 text, expected the file saved as UTF-8")]) from None


def read(path: Path, name: str) -> Document:
    """Parse one YAML file; every problem in it becomes a KnowledgeError naming its line."""
    loader = SafeLoader(_text(path, name))
    # The parser's events one by one (yaml.parse wraps the same calls in a generator: a frame per event).
    builder = _Builder(name, iter(loader.get_event, None))
    try:
        data = builder.document()
    except _Unreadable as stop:
        raise KnowledgeError(builder.problems + list(stop.args)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "not valid YAML"
        raise KnowledgeError([Problem(name, line, "(yaml)", f"syntax error: {what}, expected valid YAML")]) from None
    except yaml.YAMLError as error:
        raise KnowledgeError([Problem(name, 1, "(yaml)", f"syntax error: {error}, expected valid YAML")]) from None
    finally:
        loader.dispose()
    return Document(name, data, builder.lines, tuple(builder.problems), frozenset(builder.unread))

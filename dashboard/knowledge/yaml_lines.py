"""Read YAML safely and keep, for every field, the line it was written on."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge, printed as FILE:LINE: field.path: message."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


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

    def line(self, location: Location) -> int:
        """The line of the deepest part of `location` that was written in the file."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1

    def problem(self, location: Location, message: str) -> Problem:
        field = ".".join(str(part) for part in location) or "(file)"
        return Problem(self.name, self.line(location), field, message)


def _lines(node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = location + (key.value,)
            _lines(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, location + (index,), lines)


def _tuples(value: Any) -> Any:
    """Sequences become tuples so that the frozen, strict models accept them."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value


def read(path: Path, name: str) -> Document:
    """Parse one YAML file; a syntax error becomes a KnowledgeError naming its line."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=SafeLoader)
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "not valid YAML"
        raise KnowledgeError([Problem(name, line, "(yaml)", f"syntax error: {what}, expected valid YAML")]) from None
    except yaml.YAMLError as error:
        raise KnowledgeError([Problem(name, 1, "(yaml)", f"syntax error: {error}, expected valid YAML")]) from None
    lines: dict[Location, int] = {}
    if root is not None:
        _lines(root, (), lines)
    return Document(name, _tuples(data), lines)

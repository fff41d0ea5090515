"""Plain words beside a clinician's word, for the patient view (issue 28.2). No Streamlit.

`explain(knowledge, text)` returns the text with the plain meaning in brackets after a word from data/glossary.yaml
(and after a trial's name: "a trial of natalizumab") unless its meaning already stands beside it: the word is
followed by a bracket, stands in one ("low lymphocyte counts (lymphopenia)"), or its plain words are near. A word
to `learn` (PML, relapse...) is explained at its first use in the text, so its first use on any screen is explained;
`jargon` (boxed warning, SmPC...) at every use. Link targets are never touched."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import Knowledge

_TRIAL_NAME = re.compile(r"([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\b")  # a trial's name: its capitals (AFFIRM, CARE-MS, EVOLVE-MS-2)
_NOT_NAMES = {"US", "EU", "MS", "IFNB", "MSCRG"}  # capitals at the start of a trial's description that are not its name
NEAR = 120  # characters either side in which the plain words count as standing beside the word


@dataclass(frozen=True)
class Term:
    pattern: re.Pattern
    plain: str
    every_use: bool


def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words as whole words; case matters only for words written with capitals inside (PML, JC virus, IgG)."""
    exact = [w for w in words if any(c.isupper() for c in w)]
    loose = [w for w in words if w not in exact]
    alternatives = [f"(?-i:{re.escape(w)})" for w in exact] + [re.escape(w) for w in loose]
    longest_first = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(longest_first) + r")(?![\w-])", re.IGNORECASE)


def terms(knowledge: Knowledge) -> tuple[Term, ...]:
    """Every glossary word and every trial name with its plain meaning, made once per knowledge."""
    def build() -> tuple[Term, ...]:
        found = [Term(_pattern((e.term, *e.also)), e.plain, e.kind == "jargon") for e in knowledge.glossary.values()]
        trials: dict[str, str] = {}
        for treatment in knowledge.treatments.values():
            for trial in treatment.trials:
                if (name := _TRIAL_NAME.match(trial.name)) and name.group(1) not in _NOT_NAMES:
                    trials.setdefault(name.group(1), f"a trial of {treatment.name.lower()}")
        found += [Term(re.compile(rf"(?<![\w-]){re.escape(name)}(?: (?:I|II|III)\b)?(?![\w-])"), plain, True)
                  for name, plain in trials.items()]
        return tuple(found)

    return knowledge.memo(("glossary_terms",), build)


def _in_link_target(text: str, start: int) -> bool:
    opened = text.rfind("](", 0, start)
    return opened != -1 and ")" not in text[opened + 2:start]


def _explained(text: str, start: int, end: int, plain: str) -> bool:
    after = text[end:end + 3].lstrip(" *")
    if after.startswith("(") or text[max(0, start - 2):start].endswith("("):
        return True
    return plain.casefold() in text[max(0, start - NEAR):end + NEAR].casefold()


def explain(knowledge: Knowledge, text: str) -> str:
    """`text` with the plain meaning beside every word a patient may not know (see the module's docstring); made
    once per knowledge and text (a few hundred patterns over every text was most of a page's cost)."""
    if not text:
        return text
    return knowledge.recent(("explained", text), lambda: _explain(knowledge, text))


def _explain(knowledge: Knowledge, text: str) -> str:
    for term in terms(knowledge):
        pieces, last = [], 0
        for match in term.pattern.finditer(text):
            if _in_link_target(text, match.start()):
                continue
            if not _explained(text, match.start(), match.end(), term.plain):
                pieces += [text[last:match.end()], f" ({term.plain})"]
                last = match.end()
            if not term.every_use:
                break
        text = "".join(pieces) + text[last:] if pieces else text
    return text

"""Every value a link can carry is parsed defensively: odd digits, huge numbers, empty values, 10 KB and a key
repeated 500 times open the page without an exception (no error box, nothing of the value in a traceback).

The parameters are the ones the code reads (`st.query_params` and widgets bound to the link); a test below finds
them in the source, so a parameter added later without a case here fails it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.controls import selection
from components.controls.link_values import link_number

from .test_pages import open_page

ROOT = Path(__file__).resolve().parents[2]
TREATMENT = "natalizumab"  # has PML strata (the estimator's questions), benefit and side-effect steps
# Parameter -> the page that reads it. The PML estimator's keys end with the treatment id.
READ_ON = {key: "overview" for key in selection.KEYS} | {
    "page": None, "events": "side-effects", "step": "presenter", "mode": "pictures", "source": "sources",
    f"pml_region_{TREATMENT}": "pml-infections", f"pml_antibody_{TREATMENT}": "pml-infections",
    f"pml_prior_{TREATMENT}": "pml-infections", f"pml_time_{TREATMENT}": "pml-infections",
}
VALUES = {
    "superscript digit": "²",
    "Arabic-Indic digits": "١٢",
    "fullwidth digit": "９",
    "5,000 digits": "9" * 5000,
    "negative": "-1",
    "empty": "",
    "10 KB": ("<b>x</b> :red[r] $x$ \u202e" * 400)[:10240],
    "repeated 500 times": ["2"] * 500,
}


def read_in_source() -> set[str]:
    """The query parameters the code reads: st.query_params.get/get_all/[...] with a literal or an f-string key,
    widgets bound to the link, and the selection's keys."""
    found = set(selection.KEYS)
    for path in [*ROOT.glob("components/**/*.py"), *ROOT.glob("dashboard/*.py"), *ROOT.glob("dashboard/screens/*.py")]:
        text = path.read_text()
        found |= set(re.findall(r"query_params(?:\.get(?:_all)?\(|\[)f?\"([^\"]+)\"", text))
        found |= set(re.findall(r"key=\"([^\"]+)\",\s*bind=\"query-params\"", text))
        if "query_params.get(key)" in text:  # the PML estimator's questions: pml_<question>_<treatment id>
            asked = re.findall(r"_choose\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?f\"(pml_\w+?_\{treatment\.id\})\"", text)
            found |= {key.replace("{treatment.id}", TREATMENT) for key in asked}
    return found


def test_every_parameter_the_code_reads_is_fuzzed():
    assert read_in_source() == set(READ_ON)


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
@pytest.mark.parametrize("page", sorted({p for p in READ_ON.values() if p}))
def test_hostile_values_in_every_parameter_raise_nothing(knowledge, page, value):
    hostile = {key: value for key, on in READ_ON.items() if on == page or on == "overview"}
    values = value if isinstance(value, list) else [value]
    at = open_page(page=page, **(hostile | {"treatments": [TREATMENT, *values]}))
    assert not at.exception, at.exception
    assert not at.error  # no error box either (the knowledge loads; the value is simply not understood)


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_a_hostile_page_name_opens_the_start_page(knowledge, value):
    at = open_page(page=value)
    assert not at.exception, at.exception


@pytest.mark.parametrize("text, expected", [("3", 3), ("03", 3), ("²", 1), ("١٢", 1), ("９", 1), ("9" * 5000, 999),
                                            ("", 1), (None, 1), ("-1", 1), (" 2", 1), ("1e3", 1), ("999", 999)])
def test_link_number_takes_plain_digits_only(text, expected):
    assert link_number(text, default=1, most=999) == expected

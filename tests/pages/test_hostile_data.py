"""Hostile text in the knowledge reaches the screen as text: no link, image, heading or HTML can come from data.

The knowledge here passes the validator (text fields may hold any characters); what matters is what each page
sends to the browser: Markdown with every markup character escaped and addresses broken up, Plotly text with
HTML escaped. tests/e2e/test_browser.py opens the same knowledge in a real browser and looks for links."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from components import source_link
from dashboard.knowledge import load_knowledge
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.models import Source
from dashboard.safe_text import WORD_JOINER, safe_text

from .test_pages import open_page, specs, texts

MINIMAL = Path(__file__).resolve().parents[1] / "knowledge" / "minimal"
NAME = 'Exampleumab <a href="https://evil.example/n">win</a>'
EDITS = {  # file: [(written, hostile)]
    "treatments/exampleumab.yaml": [
        ("name: Exampleumab", f"name: '{NAME}'"),
        ("name: TRIAL-A", "name: 'TRIAL-A <a href=\"https://evil.example/t\">prize</a>'"),
        ("patient: Avoid pregnancy while on it.",
         "patient: 'Avoid pregnancy. Call https://evil.example/call, mail help@evil.example or see www.evil.example'"),
        ("clinician: Use contraception.", "clinician: '![x](https://evil.example/i.png) [ok](https://evil.example/l) <b>x</b>'"),
    ],
    "events/common.yaml": [("patient_label: Headache", "patient_label: 'Headache <a href=\"https://evil.example/e\">e</a>'")],
    "topics/daily.yaml": [("id: daily", "id: pregnancy_research"),
                          ("patient_title: Daily life", "patient_title: '# Daily [life](https://evil.example/topic)'")],
}
EVIL = re.compile(r"https?://evil|www\.evil|@evil|(?<!\\)<(?:a |img|b>)")  # an autolink or markup
LINKS = re.compile(r"(?<!\\)\]\(([^)]*)\)")


def hostile_copy(folder: Path, edits_by_file: dict[str, list[tuple[str, str]]] = EDITS) -> Path:
    """The minimal knowledge in `folder`, with each written text replaced by its hostile one (once, where it is)."""
    shutil.copytree(MINIMAL, folder)
    for file, edits in edits_by_file.items():
        path = folder / file
        text = path.read_text()
        for written, hostile in edits:
            assert written in text
            text = text.replace(written, hostile, 1)
        path.write_text(text)
    return folder


@pytest.fixture
def hostile(tmp_path, monkeypatch) -> Path:
    folder = hostile_copy(tmp_path / "data")
    load_knowledge(folder)  # valid knowledge: the validator does not judge what text says
    monkeypatch.setenv("MS_DASHBOARD_DATA", str(folder))
    return folder


@pytest.mark.parametrize("page", ["pages/adverse_events.py", "pages/pml_infections.py", "pages/pregnancy.py",
                                  "pages/overview.py", "pages/benefits.py", "pages/sources.py"])
def test_hostile_text_reaches_the_page_as_text(hostile, page):
    at = open_page(page, treatments=[NAME], view="Clinician")
    assert not at.exception
    if page != "pages/sources.py":
        assert at.multiselect(key="w_treatments").value == ["exampleumab"]
    shown = texts(at)
    assert EVIL.findall(shown) == []
    # the only links: sources on the allow-list, and the overview's links to its own detail pages (?page=...)
    assert all(is_allowed(url) or url.startswith("?page=") for url in LINKS.findall(shown))


def test_hostile_text_in_plotly_titles_labels_and_hover_is_escaped(hostile):
    at = open_page("pages/adverse_events.py", treatments=[NAME], view="Patient", events=["Headache <a href=\"https://evil.example/e\">e</a>"])
    [spec] = specs(at)
    heading = next(m.value for m in at.markdown if "**" in m.value and "TRIAL" in m.value)
    assert "TRIAL\\-A \\<a href=\"https:" + WORD_JOINER + "//evil.example/t\"\\>prize\\</a\\>" in heading
    plotly_text = json.dumps([[t["name"] for t in spec["data"]], spec["data"][0]["y"], spec["data"][0]["hovertext"]])
    assert "<a" not in plotly_text and "&lt;a href" in spec["data"][0]["y"][0]
    assert "&lt;a href" in spec["data"][0]["hovertext"][0]


def test_source_links_only_from_the_allow_list_and_never_with_meaning_changing_characters(minimal):
    hostile_urls = ["https://doi.org/10.1/x)![i](https://evil.example/p.png", "https://evil.example\\@www.ema.europa.eu/y",
                    "https://evil.example@www.ema.europa.eu/y", "https://www.ema.europa.eu/a b", "https://www.ema.europa.eu/<x>",
                    "https://[www.ema.europa.eu/y", "http://www.ema.europa.eu/y", "https://evil.example/y"]
    assert [u for u in hostile_urls if is_allowed(u)] == []
    assert is_allowed("https://www.ema.europa.eu/en/documents/x.pdf")
    for url in hostile_urls:
        # A source that bypassed validation still cannot become a link.
        forged = Source.model_construct(**(minimal.sources["example_label"].model_dump() | {"url": url}))
        knowledge = type(minimal)(site=minimal.site, sources={"example_label": forged}, events=minimal.events,
                                  treatments=minimal.treatments)
        line = source_link.markdown(knowledge, "example_label", "Section 1")
        assert "](" not in line and "evil" not in line


@pytest.mark.parametrize("text, surface, expected", [
    ("see https://evil.example", "markdown", "see https:" + WORD_JOINER + "//evil.example"),
    ("mail a@evil.example", "markdown", "mail a@" + WORD_JOINER + "evil.example"),
    ("www.evil.example", "markdown", "www" + WORD_JOINER + ".evil.example"),
    ("[x](y) <b> $x$ :red[r]", "markdown", "\\[x\\]\\(y\\) \\<b\\> \\$x\\$ :" + WORD_JOINER + "red\\[r\\]"),
    ("1. not a list\n- nor this", "markdown", "1\\. not a list \\- nor this"),
    ("<a href='x'>t</a> & b", "plotly", "&lt;a href='x'&gt;t&lt;/a&gt; &amp; b"),
    ("right\u202eto left\u200b", "plain", "rightto left"),
])
def test_safe_text(text, surface, expected):
    assert safe_text(text, surface) == expected

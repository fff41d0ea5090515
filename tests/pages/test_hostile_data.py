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

from components.frame import navigation
from components.views import source_link
from dashboard.knowledge import load_knowledge
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.models import Source
from dashboard.safe_text import WORD_JOINER, safe_text

from .test_pages import open_page, specs, texts

MINIMAL = Path(__file__).resolve().parents[1] / "knowledge" / "minimal"
NAME = 'Exampleumab <a href="https://evil.example/n">win</a>'
# Markup that widget labels and options render: bold, colour, an icon, KaTeX (a link inside it), a bidi override.
WIDGET_MARKUP = "**B** :red[red] :material/check: $\\href{https://evil.example/k}{x}$ \u202eend"
EDITS = {  # file: [(written, hostile)]
    "treatments/exampleumab.yaml": [
        ("name: Exampleumab", f"name: '{NAME}'"),
        ("name: TRIAL-A", "name: 'TRIAL-A <a href=\"https://evil.example/t\">prize</a>'"),
        ("patient: Avoid pregnancy while on it.",
         "patient: 'Avoid pregnancy. Call https://evil.example/call, mail help@evil.example or see www.evil.example'"),
        ("clinician: Use contraception.", "clinician: '![x](https://evil.example/i.png) [ok](https://evil.example/l) <b>x</b>'"),
        # The PML estimator's answers are buttons (a segmented control renders Markdown, icons and KaTeX).
        ("antibody: Antibody negative", f"antibody: '{WIDGET_MARKUP}'"),
        ("exposure: 1-24 months", "exposure: ':blue[1-24] months **x** :material/check:'"),
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


@pytest.mark.parametrize("page", ["screens/adverse_events.py", "screens/pml_infections.py", "screens/pregnancy.py",
                                  "screens/overview.py", "screens/benefits.py", "screens/sources.py"])
def test_hostile_text_reaches_the_page_as_text(hostile, page):
    at = open_page(page, treatments=[NAME], view="Clinician")
    assert not at.exception
    if page != "screens/sources.py":
        assert at.multiselect(key="w_treatments").value == ["exampleumab"]
    shown = texts(at)
    assert EVIL.findall(shown) == []
    # the only links: sources on the allow-list, and the overview's links to its own detail pages (?page=...)
    assert all(is_allowed(url) or url.startswith("?page=") for url in LINKS.findall(shown))


def test_hostile_text_in_plotly_titles_labels_and_hover_is_escaped(hostile):
    at = open_page("screens/adverse_events.py", treatments=[NAME], view="Patient", events=["Headache <a href=\"https://evil.example/e\">e</a>"])
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


# --- every widget's label and options ---------------------------------------------------------------------------

# Widget texts that Streamlit renders as Markdown (labels, help, the options of button groups and radios, section
# titles): any markup left in them would render. The options and placeholder of a select box are plain text.
PLAIN = {("Selectbox", "options"), ("MultiSelect", "options"), ("Selectbox", "placeholder"), ("MultiSelect", "placeholder")}
WIDGET_TEXTS = ("label", "help", "content", "options", "placeholder")
MARKUP = re.compile(r"(?<!\\)\*\*|:(?:red|blue|material)\b|(?<!\\)\$|(?<!\\)\\href|https?://evil|www\.evil|@evil"
                    r"|(?<!\\)<(?:a |img|b>)|\u202e")
# How each Streamlit call that draws a widget or a titled section appears in the page's messages.
KINDS = {"selectbox": "Selectbox", "multiselect": "MultiSelect", "segmented_control": "ButtonGroup", "pills": "ButtonGroup",
         "radio": "Radio", "toggle": "Checkbox", "checkbox": "Checkbox", "button": "Button",
         "download_button": "DownloadButton", "expander": "Expandable", "popover": "Popover", "page_link": "PageLink",
         "text_input": "TextInput", "number_input": "NumberInput", "tabs": "TabContainer", "link_button": "LinkButton"}
ROOT = Path(__file__).resolve().parents[2]


def _strings(proto, path: str = ""):
    for field, value in proto.ListFields():
        for item in (value if field.is_repeated else [value]):
            if field.message_type is not None:
                yield from _strings(item, f"{path}{field.name}.")
            elif field.type == field.TYPE_STRING:
                yield f"{path}{field.name}", item


def widget_texts(at) -> list[tuple[str, str, str]]:
    """(kind, field, text) of every label, help, option and placeholder of every widget and section on the page."""
    found = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        kind = proto.WhichOneof("type") if proto.DESCRIPTOR.name == "Block" else proto.DESCRIPTOR.name
        inner = getattr(proto, kind) if proto.DESCRIPTOR.name == "Block" and kind else proto
        kind = inner.DESCRIPTOR.name if kind else "Block"
        found += [(kind, path.rsplit(".", 1)[-1], text) for path, text in _strings(inner)
                  if path.rsplit(".", 1)[-1] in WIDGET_TEXTS]
    return found


def widgets_in_code() -> set[str]:
    used = set()
    for path in [*ROOT.glob("components/**/*.py"), *ROOT.glob("dashboard/screens/*.py")]:
        used |= {KINDS[name] for name in re.findall(r"\bst\.(\w+)\(", path.read_text()) if name in KINDS}
    used |= {"PageLink"} if "page_link(" in (ROOT / "components" / "frame" / "elements.py").read_text() else set()
    return used


def open_every_widget(page: str):
    at = open_page(page, treatments=[NAME], view="Clinician", pml_antibody_exampleumab="Antibody positive")
    for key in ("w_downloads", "w_find_source", "more_benefits"):  # switches that show more widgets
        if at.toggle(key=key) if key in [t.key for t in at.toggle] else None:
            at.toggle(key=key).set_value(True).run()
    if [b for b in at.button if b.key == "w_handout_ask"]:
        at.button(key="w_handout_ask").click().run()
    return at


def test_every_widget_label_and_option_is_safe_text(hostile):
    seen: set[str] = set()
    options: list[str] = []
    for page in [file for file, *_ in navigation.PAGES]:  # every page of the menu, and the hidden ones
        at = open_every_widget(page)
        assert not at.exception, page
        for kind, field, text in widget_texts(at):
            seen.add(kind)
            if (kind, field) in PLAIN:
                assert "\u202e" not in text, (page, kind, field, text)  # plain text: invisible characters removed
                options.append(text)
            else:
                assert MARKUP.findall(text) == [], (page, kind, field, text)
            if kind == "ButtonGroup" and field == "content":
                options.append(text)
    assert widgets_in_code() <= seen  # every kind of widget the code draws was on a page here
    # the hostile answers were there, as text: the estimator's answers and a treatment's name in a picker
    assert any("\\*\\*B\\*\\*" in o and "\\$" in o for o in options)
    assert any(":" + WORD_JOINER + "blue\\[1\\-24\\]" in o for o in options)
    assert any(NAME in o for o in options)

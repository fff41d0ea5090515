"""The rare-risk row and picture on screen: every treatment, both views; the numbers on screen equal data/."""
from __future__ import annotations

import re

import pytest

from dashboard.knowledge import rare_risks
from dashboard.knowledge.overview import rows
from dashboard.safe_text import safe_text

from .test_pages import open_page, specs, texts

ALL = "natalizumab,ocrelizumab,ofatumumab,dimethyl_fumarate,fingolimod,alemtuzumab,cladribine,diroximel_fumarate," \
      "glatiramer_acetate,interferon_beta_1a_im,interferon_beta_1a_sc,interferon_beta_1b,monomethyl_fumarate," \
      "ozanimod,peginterferon_beta_1a,ponesimod,rituximab,siponimod,teriflunomide,ublituximab".split(",")
CHUNKS = [ALL[i:i + 5] for i in range(0, len(ALL), 5)]  # the picker takes a few treatments at a time


def test_the_chunks_cover_every_shipped_treatment(knowledge):
    assert sorted(ALL) == sorted(knowledge.treatments)


@pytest.mark.parametrize("view", ["patient", "clinician"])
@pytest.mark.parametrize("chunk", CHUNKS, ids=lambda c: c[0])
def test_overview_pml_cells_on_screen(knowledge, view, chunk):
    at = open_page("screens/overview.py", treatments=chunk, view=view)
    assert not at.exception
    shown = texts(at)
    row = next(r for r in rows(knowledge, tuple(chunk), view) if r.id == "pml")
    line = next(l for l in shown.splitlines() if l.startswith(f"| **[{safe_text(row.heading(view))}]"))  # its row
    for treatment_id, cell in zip(chunk, row.cells):
        assert safe_text(cell.text) in line, (treatment_id, cell.text)
        found = rare_risks.primary(knowledge.treatments[treatment_id], "people")
        if found is not None:  # the figure on its stated base, or no case among N with its bound
            assert f"{rare_risks.number(found.per_10000)} in" in cell.text and "10,000 people treated" in cell.text
    cells = line.split(" | ")[1:]
    assert len(cells) == len(chunk)
    for cell in cells:
        assert not re.search(r"(?<![\d.,\\])0(?![\d.,])", cell), cell  # never a bare zero


@pytest.mark.parametrize("view", ["patient", "clinician"])
def test_pml_page_picture_alt_and_table_have_the_same_numbers(knowledge, view):
    chosen = ["natalizumab", "ocrelizumab", "ofatumumab", "dimethyl_fumarate", "alemtuzumab"]
    at = open_page("screens/pml_infections.py", treatments=chosen, view=view)
    assert not at.exception
    items = [s for t in knowledge.pick(chosen) if (s := rare_risks.primary(t, "people"))]
    chart = next(c for c in at.get("plotly_chart") if "on a log scale" in c.proto.alt)
    spec = specs(at)[[c.proto.alt for c in at.get("plotly_chart")].index(chart.proto.alt)]
    plotted = {y.replace("<br>", " "): x for trace in spec["data"] for x, y in zip(trace["x"], trace["y"])}
    assert plotted == pytest.approx({s.treatment.name: s.per_10000 for s in items})
    assert spec["layout"]["xaxis"]["type"] == "log"
    for s in items:  # the alt text says every number drawn, on the same base
        assert f"{s.treatment.name}: {rare_risks.headline(s, view)}" in chart.proto.alt
    assert "Alemtuzumab" not in plotted and "Alemtuzumab" in texts(at)  # no figure: said in words, not drawn
    assert "Not a head-to-head comparison" in texts(at)
    at.toggle(key="as_tables").set_value(True).run()
    table = next(d.value for d in at.dataframe if "Frequency word" in d.value.columns)
    assert list(table["Treatment"]) == [s.treatment.name for s in items]
    assert list(table.iloc[:, 1]) == ["86", "0.46", "none seen; ≤15", "0.21"]
    assert list(table["Frequency word"]) == ["uncommon", "very rare", "up to uncommon", "very rare"]


def test_pml_page_picture_comes_first_and_years_of_treatment_can_be_chosen(knowledge):
    at = open_page("screens/pml_infections.py", treatments=["natalizumab", "ocrelizumab"], view="clinician")
    first = at.markdown[0].value if at.markdown else ""
    assert "PML on one scale" in texts(at).split("### Natalizumab")[0], first
    at.segmented_control(key="rare_risk_base").set_value("patient-years").run()
    shown = texts(at).replace("\\", "")
    assert "PML on one scale: cases per 10,000 patient-years" in shown
    # ocrelizumab has no figure per patient-years: its people figure is said, with its base named
    assert "no figure per 10,000 patient-years; About 0.46 in 10,000 people treated (very rare) (a different base)" \
        in shown
    years = rare_risks.primary(knowledge.treatments["natalizumab"], "patient-years")
    assert "53 cases ÷ 26,060 patient-years" in shown
    assert years.per_10000 == pytest.approx(53 / 26060.25 * 10_000)


@pytest.mark.parametrize("view", ["patient", "clinician"])
def test_natalizumab_cited_figures_first_then_where_the_label_gives_the_rest(knowledge, view):
    at = open_page("screens/pml_infections.py", treatments=["natalizumab"], view=view)
    shown = texts(at).replace("\\", "")
    cited = shown.index("Natalizumab: what else can be cited")
    assert shown.index("95% CI 15.5 to 26.6") > cited  # the everyday-practice rate with its interval
    assert "about 110 in" in shown  # the FDA 2012 figure for all three risk factors: 11 per 1,000
    block = next(m.value for m in at.markdown if "what else can be cited" in m.value)
    assert block.count("one factor, not a personal estimate") == 5  # the 2012 rows, each one factor alone
    assert "where the label gives the rest" in shown and "SmPC section 4.4" in shown
    gap = next(g for g in knowledge.treatments["natalizumab"].gaps if g.topic == "pml")
    assert safe_text(gap.text(view)).replace("\\", "") in shown
    for words in ("readable", "stored", "could not be read", "excerpt", "cut off", "search"):
        assert words not in gap.text(view).casefold()


def test_other_serious_risks_with_cases_and_exposure_on_the_same_scale(knowledge):
    at = open_page("screens/pml_infections.py", treatments=["rituximab", "peginterferon_beta_1a"], view="clinician")
    shown = texts(at).replace("\\", "")
    assert "Other serious risks on the same scale" in shown
    assert "About 22 in 10,000 people treated (uncommon) · calculated by us: 6 cases ÷ 2,745 people" in shown
    assert "About 6.8 in 10,000 people treated (rare) · calculated by us: 1 case ÷ 1,468 people" in shown

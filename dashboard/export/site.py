"""The static edition: plain HTML files any static host, CDN or laptop can serve, with no Python per visitor.

An index; a page per treatment and per pair of treatments (the overview, the side-effect and benefit charts, the
pictures for patients: icon arrays, the rare-risk picture where the knowledge has one, the pregnancy timeline; the
sources); a page where the reader chooses any set of up to six (static/choose.js reading the knowledge from a JSON
data block); and the list of every source. Every page carries the disclaimer and the knowledge version.

Tables and text come first and need no script: the only script a page names is static/draw.js, with `defer`, which
runs once the page is shown and then loads plotly.min.js from the same folder to draw the charts (the dashboard's own
figures, dashboard/charts) from their JSON data blocks. Nothing is fetched from a third party, so the edition also
works from files with the network off. At 390 px the overview's rows stack, each cell naming its treatment (as the
live overview does); on a screen 1800 px wide or more (a projector) chart text is drawn at the projector's size.
All data text is escaped (html.escape; chart data as JSON data blocks with <, > and & escaped, no inline script) and
only URLs on the link allow-list (knowledge/links.is_allowed) become links."""
from __future__ import annotations

import itertools
import json
import shutil
from html import escape
from pathlib import Path

import pandas as pd
import plotly

from dashboard.charts import adverse_events, benefits, pregnancy, projector
from dashboard.charts import rare_risks as rare_risk_chart
from dashboard.knowledge import GROUPS, Knowledge, statements_of
from dashboard.knowledge import rare_risks
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.models import Treatment
from dashboard.knowledge.overview import event_name, rows
from dashboard.knowledge.rare_risks import BASE_WORDS

from components.views import icon_arrays

# No inline script anywhere: the charts' data sit in JSON data blocks and these files draw them, so the edition runs
# under a Content-Security-Policy of script-src 'self' (the one nginx sends, dashboard/headers.py).
SCRIPTS = Path(__file__).parent / "static"
# Plotly's "basic" bundle (bar, scatter and pie traces: every chart of the edition is bars or scatter), 1.2 MB instead
# of the full bundle's 4.8 MB: the charts of a pair page are drawn in about a quarter of the time on a phone. From the
# npm package plotly.js-basic-dist-min of the same plotly.js version as the Plotly for Python we pin (MIT licence,
# static/plotly-basic.LICENSE; tests/e2e/test_static_edition.py checks the versions agree). Written as plotly.min.js.
PLOTLY_JS = SCRIPTS / "plotly-basic.min.js"
FULL_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"  # the version to agree with
MOST_CHOSEN = 6  # the choose page compares up to six treatments
CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;margin:0 auto;
max-width:72rem;padding:0 1rem 3rem;line-height:1.5}
.disclaimer{background:#e8f1fb;border-left:.35rem solid #0072B2;padding:.6rem .9rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #d9d9d9;padding:.4rem;
text-align:left;vertical-align:top}th{background:#f3f6fa}.chart{border:1px solid #d9d9d9;border-radius:.5rem;
padding:.5rem;margin:.75rem 0}.note{color:#444;font-size:.95rem}nav a{margin-right:1rem;display:inline-block}a{overflow-wrap:anywhere}sup{font-size:.75em}
footer{margin-top:2rem;color:#444;font-size:.9rem}@media print{.chart{break-inside:avoid}tr{break-inside:avoid}}
.scroll{overflow-x:auto}.plot{min-height:2rem}fieldset{border:1px solid #d9d9d9;border-radius:.5rem;margin:.5rem 0}
fieldset label{display:inline-block;margin:.2rem 1rem .2rem 0}
@media (max-width:640px){table.overview,table.overview tbody,table.overview tr,table.overview th,table.overview td
{display:block;width:auto}table.overview thead{display:none}table.overview tr{border-top:1px solid #ccc;padding:.3rem 0}
table.overview th[scope=row]{background:#F0F2F6;border:none}table.overview td{border:none}
table.overview td::before{content:attr(data-label) ": ";font-weight:600}}
@media (min-width:1800px){body{max-width:110rem;font-size:1.5rem}}
"""


def _json(value) -> str:
    """JSON safe inside a <script> element: no raw <, > or & at all (as Django's json_script)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(text)}</a>' if is_allowed(url) else escape(text)


def _page(knowledge: Knowledge, title: str, body: str, depth: int, charts: bool, scripts: tuple[str, ...] = ()) -> str:
    """A page of the edition. Its scripts (draw.js when it has charts) are deferred: they run after the page is
    shown, and none is inline."""
    site, up = knowledge.site, "../" * depth
    named = (("draw.js",) if charts else ()) + scripts
    script = "".join(f'<script defer src="{up}{name}"></script>' for name in named)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · {escape(site.title)}</title><style>{STYLE}</style>{script}</head>
<body data-root="{up}" data-projector-size="{projector.SIZE}"><nav><a href="{up}index.html">{escape(site.title)}</a>
<a href="{up}choose.html">Choose treatments</a><a href="{up}sources.html">Sources</a></nav>
<div class="disclaimer" role="note"><strong>Important:</strong> {escape(" ".join(site.disclaimer))}</div>
<main><h1>{escape(title)}</h1>
{body}
</main><footer>{escape(site.title)}, static edition · knowledge version {escape(site.knowledge_version)} (released
{site.released.isoformat()}) · every number names its source and the place in it · this page stores and sends nothing.
</footer></body></html>
"""


class _Citations:
    """Numbered sources of one page, as the overview on screen numbers them."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge, self.numbers = knowledge, {}

    def mark(self, source: str | None, locator: str) -> str:
        if not source:
            return ""
        number = self.numbers.setdefault((source, locator), len(self.numbers) + 1)
        return f' <sup><a href="#source-{number}">[{number}]</a></sup>'

    def html(self, view: str) -> str:
        if not self.numbers:
            return ""
        words = self.knowledge.site.evidence
        items = []
        for (source_id, locator), number in self.numbers.items():
            source = self.knowledge.source(source_id)
            evidence = words[source.type].plain if view == "patient" else words[source.type].name
            items.append(f'<li id="source-{number}" value="{number}">{_link(source.url, source.title)} '
                         f'({escape(source.publisher)}, {source.year}). {escape(locator)}. <em>{escape(evidence)}</em></li>')
        return "<h2>Sources on this page</h2><ol>" + "\n".join(items) + "</ol>"


def _overview(knowledge: Knowledge, ids: tuple[str, ...], view: str, cite: _Citations) -> str:
    chosen = knowledge.pick(list(ids))
    head = "".join(f"<th scope=\"col\">{escape(t.name)}{' (' + escape(', '.join(t.brands)) + ')' if t.brands else ''}</th>"
                   for t in chosen)
    body = []
    for row in rows(knowledge, ids, view):
        cells = "".join(f'<td data-label="{escape(t.name)}">{escape(c.text)}{cite.mark(c.source, c.locator)}</td>'
                        for t, c in zip(chosen, row.cells))
        body.append(f'<tr><th scope="row">{escape(row.heading(view))}</th>{cells}</tr>')
    reviewed = "; ".join(f"{escape(t.name)}: {t.last_reviewed.isoformat()}" for t in chosen)
    return (f'<h2>Overview</h2><table class="overview"><thead><tr><td></td>{head}</tr></thead><tbody>{"".join(body)}'
            "</tbody></table>"
            f'<p class="note">{escape(knowledge.site.not_head_to_head)} Last reviewed: {reviewed}.</p>')


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else f'{v:g}' if isinstance(v, float) else str(v))}</td>"
                                    for v in values) + "</tr>" for values in frame.itertuples(index=False))
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


Card = tuple[str, str, str, str]  # a chart's heading, alt text, figure as JSON and table as HTML


def _card(cards: dict, key: tuple, build) -> Card:
    """A chart built once per edition: the same chart is on many pages (a treatment's benefits are on its page and
    on each of its pairs'), and building a Plotly figure is most of the edition's generation time."""
    if key not in cards:
        figure, heading, alt, table = build()
        spec = figure.to_plotly_json()
        cards[key] = (heading, alt, _json({"data": spec["data"], "layout": spec["layout"], "config": CONFIG}), _table(table))
    return cards[key]


def _chart(card: Card, key: str, marks: str, after: str = "") -> str:
    """A chart card: the figure as a JSON data block (never executed), drawn by draw.js; its table beside it."""
    heading, alt, spec, table = card
    return (f'<section class="chart"><h3>{escape(heading)}{marks}</h3>'
            f'<div id="{key}" class="plot" role="img" aria-label="{escape(alt)}"></div>'
            f'<script type="application/json" id="{key}-spec">{spec}</script>{after}'
            f"<details><summary>Show as table</summary>{table}</details></section>")


def _charts(knowledge: Knowledge, ids: tuple[str, ...], view: str, cite: _Citations, cards: dict) -> tuple[str, int]:
    parts, count = [], 0
    events = knowledge.default_events(list(ids))
    found = knowledge.trial_events(list(ids), events)
    if found:
        x_range = adverse_events.x_max(found)
        parts.append("<h2>Side effects in the trials</h2>"
                     '<p class="note">Each treatment beside the comparator arm of its own trial, out of 100 people in each arm.</p>')
        for te in found:
            count += 1
            card = _card(cards, ("events", te.treatment.id, te.trial.id, tuple(r.event for r in te.rows), x_range, view),
                         lambda: (adverse_events.figure(knowledge, te, view, x_range), adverse_events.title(te, knowledge, view),
                                  adverse_events.alt(knowledge, te, view), adverse_events.table(knowledge, te, view)))
            parts.append(_chart(card, f"chart-{count}", cite.mark(te.rows[0].source, te.rows[0].locator)))
    groups = [tb for t in knowledge.pick(list(ids)) for tb in benefits.by_trial(t)]
    if groups:
        parts.append("<h2>What the trials showed as benefit</h2>")
        for tb in groups:
            count += 1
            card = _card(cards, ("benefits", tb.treatment.id, tb.trial.id, view),
                         lambda: (benefits.figure(knowledge, tb, view), benefits.title(knowledge, tb, view),
                                  benefits.alt(knowledge, tb, view), benefits.table(knowledge, tb, view)))
            parts.append(_chart(card, f"chart-{count}", cite.mark(tb.rows[0].source, tb.rows[0].locator)))
    for treatment in knowledge.pick(list(ids)):
        for gap in treatment.gaps:
            if gap.topic in ("adverse_events", "benefits"):
                parts.append(f'<p class="note"><strong>{escape(treatment.name)}:</strong> {escape(gap.text(view))}</p>')
    return "\n".join(parts), count


def _pictures(knowledge: Knowledge, ids: tuple[str, ...], view: str, cite: _Citations, cards: dict,
              count: int) -> tuple[str, int]:
    """The patient pictures, from the live app's builders: icon arrays of the first side effect the page charts,
    and the pregnancy timeline."""
    parts = []
    events = knowledge.default_events(list(ids))
    found = knowledge.trial_events(list(ids), events[:1]) if events else []
    if found:
        parts.append(f"<h2>Side effects out of 100 people: {escape(event_name(knowledge, events[0], view))}</h2>"
                     f'<p class="note">{escape(knowledge.site.not_head_to_head)}</p>')
        for te in found:
            count += 1
            key = ("icons", te.treatment.id, te.trial.id, events[0], view)
            if key not in cards:  # figure, alt, table, heading, the sentence that says the same numbers
                fig, alt, table, heading, cards[(*key, "sentence")] = icon_arrays.card(
                    knowledge, te.treatment.id, te.trial.id, events[0], view, "absolute")
                _card(cards, key, lambda: (fig, heading, alt, table))
            parts.append(_chart(cards[key], f"chart-{count}", cite.mark(te.rows[0].source, te.rows[0].locator),
                                after=f"<p>{escape(cards[(*key, 'sentence')])}</p>"))
    parts.append(_rare_risks(knowledge, ids, view, cite, cards, count + 1))
    count += bool(parts[-1])
    windows = pregnancy.windows(knowledge.pick(list(ids)))
    if windows:
        count += 1
        marks = "".join(cite.mark(w.statement.source, w.statement.locator) for w in windows)
        heading = ("Birth control after the last dose: how long each label asks for" if view == "patient"
                   else "Contraception after the last dose, by label region")
        card = _card(cards, ("pregnancy", ids, view), lambda: (pregnancy.timeline_figure(knowledge, windows), heading,
                                                              pregnancy.timeline_alt(windows),
                                                              pregnancy.timeline_table(knowledge, windows)))
        parts.append("<h2>Pregnancy</h2>" + _chart(card, f"chart-{count}", marks))
    return "\n".join(parts), count


def _all_sources(knowledge: Knowledge, treatment: Treatment) -> set[str]:
    used = {t.source for t in treatment.trials} | {r.source for r in treatment.adverse_events}
    used |= {b.source for b in treatment.benefits} | {s.source for s in treatment.pml_risk}
    for statement in (*statements_of(treatment), *treatment.benefits):
        used |= {getattr(statement, "source")} | {f.source for f in statement.figures}
    return used


def _sources_list(knowledge: Knowledge, ids: set[str], view: str) -> str:
    words = knowledge.site.evidence
    items = sorted((knowledge.source(i) for i in ids), key=lambda s: (s.title.casefold(), s.year))
    lines = "".join(
        f"<tr><td>{_link(s.url, s.title)}</td><td>{escape(s.publisher)}</td><td>{s.year}</td>"
        f"<td>{escape(words[s.type].plain if view == 'patient' else words[s.type].name)}</td>"
        f"<td>{escape(s.region or '')}{' ' + escape(s.version) if s.version else ''}</td>"
        f"<td>{s.accessed.isoformat()}</td></tr>" for s in items)
    return ('<div class="scroll"><table><thead><tr><th>Source</th><th>Publisher</th><th>Year</th><th>Evidence</th>'
            "<th>Label region and version</th><th>Accessed</th></tr></thead><tbody>"
            f"{lines}</tbody></table></div>")


def _rare_risks(knowledge: Knowledge, ids: tuple[str, ...], view: str, cite: _Citations, cards: dict, number: int) -> str:
    """PML on one scale, as the live PML page draws it (dashboard/charts/rare_risks.py): the dots, then a sentence per
    treatment with the same numbers, and what has no figure on this base."""
    treatments = knowledge.pick(list(ids))
    base = rare_risks.base_for(treatments)
    items = [s for t in treatments if (s := rare_risks.primary(t, base)) is not None]
    if not items:
        return ""
    marks = "".join(dict.fromkeys(cite.mark(f.source, f.locator) for s in items for _, f in s.citations))
    card = _card(cards, ("rare", ids, view), lambda: (rare_risk_chart.figure(items, base, view),
                                                      rare_risk_chart.title(base, view),
                                                      rare_risk_chart.alt(items, base, view),
                                                      rare_risk_chart.table(knowledge, items, base, view)))
    lines = [f"<li><strong>{escape(s.treatment.name)}:</strong> {escape(rare_risks.sentence(s, view))}</li>" for s in items]
    for t in treatments:
        if rare_risks.primary(t, base) is None:
            other = next((s for s in rare_risks.scaled(t) if s.base != base), None)
            said = (f"no figure {BASE_WORDS[base]}; {rare_risks.headline(other, view)} (a different base)" if other
                    else rare_risks.no_figure(t, view))
            lines.append(f"<li><strong>{escape(t.name)}:</strong> {escape(said)}</li>")
    return ("<h2>Rare risks: PML, a rare brain infection</h2>"
            + _chart(card, f"chart-{number}", marks, after=f"<ul>{''.join(lines)}</ul>"
                     f'<p class="note">{escape(knowledge.site.not_head_to_head)}</p>'))


def comparison_page(knowledge: Knowledge, ids: tuple[str, ...], view: str, cards: dict | None = None) -> tuple[str, int]:
    """The overview, charts, pictures and sources of these treatments as one HTML page, and how many charts it draws
    (`cards`: the charts built so far for this edition, shared by its pages)."""
    cards = {} if cards is None else cards
    cite = _Citations(knowledge)
    overview = _overview(knowledge, ids, view, cite)
    charts, count = _charts(knowledge, ids, view, cite, cards)
    pictures, count = _pictures(knowledge, ids, view, cite, cards, count)
    used = set().union(*(_all_sources(knowledge, t) for t in knowledge.pick(list(ids))))
    body = (overview + charts + pictures + cite.html(view)
            + f"<h2>Every source for {escape(' and '.join(t.name for t in knowledge.pick(list(ids))))}</h2>"
            + _sources_list(knowledge, used, view))
    title = " and ".join(t.name for t in knowledge.pick(list(ids)))
    return _page(knowledge, title, body, depth=1, charts=count > 0), count


def most_compared_pairs(knowledge: Knowledge) -> list[tuple[str, str]]:
    """The pairs people compare most, read from the knowledge (no visitor data exists): treatments of the same class,
    and each treatment with the comparator treatment of its own trials."""
    pairs: dict[tuple[str, str], None] = {}
    order = knowledge.treatment_ids()
    for _, group in itertools.groupby(order, key=lambda i: knowledge.treatments[i].group):
        for a, b in itertools.combinations(list(group), 2):
            pairs[(a, b)] = None
    for treatment in knowledge.treatments.values():
        for trial in treatment.trials:
            other = trial.comparator_treatment
            if other in knowledge.treatments and other != treatment.id:
                pair = tuple(sorted((treatment.id, other), key=order.index))
                pairs[pair] = None
    return list(pairs)


def all_pairs(knowledge: Knowledge, ids: list[str]) -> list[tuple[str, str]]:
    """Every pair of these treatments, each once, in the knowledge's order."""
    order = knowledge.treatment_ids()
    return list(itertools.combinations(sorted(ids, key=order.index), 2))


def pair_file(knowledge: Knowledge, pair: tuple[str, str]) -> str:
    """The file name of a pair's page (below compare/), whichever order the pair is named in."""
    order = knowledge.treatment_ids()
    return "--".join(sorted(pair, key=order.index)) + ".html"


def choose_knowledge(knowledge: Knowledge, ids: list[str], view: str) -> dict:
    """What the choose page's script needs, as JSON: per treatment its overview cells and side-effect charts (the
    same builders as the pages), and the sources they cite. Only allow-listed URLs are given as links."""
    every = rows(knowledge, tuple(ids), view)
    citations: dict[tuple[str, str], int] = {}

    def cite(source: str | None, locator: str) -> int | None:
        return citations.setdefault((source, locator), len(citations)) if source else None

    treatments = {}
    for index, t in enumerate(knowledge.pick(ids)):
        charts = []
        cards = knowledge.trial_events([t.id], knowledge.default_events([t.id]))
        for n, te in enumerate(cards):
            spec = adverse_events.figure(knowledge, te, view).to_plotly_json()
            frame = adverse_events.table(knowledge, te, view)
            charts.append({
                "key": f"{t.id}-{n}", "heading": adverse_events.title(te, knowledge, view),
                "alt": adverse_events.alt(knowledge, te, view), "range": adverse_events.x_max([te]),
                "cite": cite(te.rows[0].source, te.rows[0].locator),
                "spec": {"data": spec["data"], "layout": spec["layout"], "config": CONFIG},
                "table": {"columns": [str(c) for c in frame.columns],
                          "rows": [["" if pd.isna(v) else f"{v:g}" if isinstance(v, float) else str(v) for v in values]
                                   for values in frame.itertuples(index=False)]}})
        treatments[t.id] = {
            "name": t.name, "label": t.name + (f" ({', '.join(t.brands)})" if t.brands else ""),
            "reviewed": t.last_reviewed.isoformat(), "page": f"treatments/{t.id}.html",
            "cells": [[row.cells[index].text, cite(row.cells[index].source, row.cells[index].locator)] for row in every],
            "charts": charts}
    words = knowledge.site.evidence
    sources = []
    for source_id, locator in citations:
        s = knowledge.source(source_id)
        sources.append([s.title, s.url if is_allowed(s.url) else "", s.publisher, s.year, locator,
                        words[s.type].plain if view == "patient" else words[s.type].name])
    return {"rows": [row.heading(view) for row in every], "order": knowledge.treatment_ids(), "most": MOST_CHOSEN,
            "treatments": treatments, "citations": sources, "note": knowledge.site.not_head_to_head}


def choose_page(knowledge: Knowledge, ids: list[str], view: str) -> str:
    """The page where a reader ticks up to six treatments; static/choose.js draws their overview."""
    boxes = []
    for group, name in GROUPS.items():
        mine = [i for i in ids if knowledge.treatments[i].group == group]
        if mine:
            boxes.append(f"<fieldset><legend>{escape(name[:1].upper() + name[1:])}</legend>" + "".join(
                f'<label><input type="checkbox" name="treatment" value="{escape(i)}"> '
                f"{escape(knowledge.treatments[i].name)}</label>" for i in mine) + "</fieldset>")
    body = (f"<p>Tick up to {MOST_CHOSEN} treatments: their overview appears below, with the side effects in their "
            "trials. The address of this page keeps your choice, so you can bookmark or share it.</p>"
            f'<form id="choose">{"".join(boxes)}</form><p id="choose-status" role="status" aria-live="polite"></p>'
            '<div id="overview"><p class="note">This page needs JavaScript to put your choice together. Without it, '
            'every treatment and every pair of treatments has its own page: see the <a href="index.html">start '
            "page</a>.</p></div>"
            f'<script type="application/json" id="knowledge">{_json(choose_knowledge(knowledge, ids, view))}</script>')
    return _page(knowledge, "Choose treatments to compare", body, depth=0, charts=True, scripts=("choose.js",))


def write_site(knowledge: Knowledge, out: Path, treatment_ids: list[str] | None = None, view: str = "patient") -> list[Path]:
    """Write the static edition into `out`; the pages written (index first)."""
    out = Path(out)
    (out / "treatments").mkdir(parents=True, exist_ok=True)
    (out / "compare").mkdir(exist_ok=True)
    shutil.copyfile(PLOTLY_JS, out / "plotly.min.js")
    for script in ("draw.js", "choose.js"):
        shutil.copyfile(SCRIPTS / script, out / script)
    ids = treatment_ids or knowledge.treatment_ids()
    pairs = all_pairs(knowledge, ids)
    most = [p for p in most_compared_pairs(knowledge) if p[0] in ids and p[1] in ids]
    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        written.append(path)

    name = lambda i: escape(knowledge.treatments[i].name)  # noqa: E731
    index = ['<p>' + escape(knowledge.site.tagline) + "</p>",
             '<p class="note">A static copy of the dashboard: the overview, charts and sources for every treatment and '
             "every pair of treatments. It works from files, with no network.</p>",
             f'<p><strong><a href="choose.html">Choose any {MOST_CHOSEN} or fewer to compare</a></strong></p>'
             "<h2>Treatments</h2>"]
    for group, label in GROUPS.items():
        mine = [i for i in ids if knowledge.treatments[i].group == group]
        if mine:
            links = ", ".join(f'<a href="treatments/{i}.html">{name(i)}</a>' for i in mine)
            index.append(f"<p><strong>{escape(label[:1].upper() + label[1:])}:</strong> {links}</p>")
    if most:
        index.append("<h2>Compared most often</h2><ul>" + "".join(
            f'<li><a href="compare/{pair_file(knowledge, (a, b))}">{name(a)} and {name(b)}</a></li>' for a, b in most)
            + "</ul>")
    if pairs:
        index.append("<h2>Every pair</h2>")
        for first in ids:
            mine = [p for p in pairs if p[0] == first]
            if mine:
                links = ", ".join(f'<a href="compare/{pair_file(knowledge, p)}">{name(p[1])}</a>' for p in mine)
                index.append(f"<p><strong>{name(first)}</strong> and {links}</p>")
    index.append('<p><a href="sources.html">Every source</a>, with its evidence type and link.</p>')
    write(out / "index.html", _page(knowledge, knowledge.site.title, "\n".join(index), depth=0, charts=False))
    write(out / "choose.html", choose_page(knowledge, ids, view))
    cards: dict = {}
    for i in ids:
        write(out / "treatments" / f"{i}.html", comparison_page(knowledge, (i,), view, cards)[0])
    for pair in pairs:
        write(out / "compare" / pair_file(knowledge, pair), comparison_page(knowledge, pair, view, cards)[0])
    everything = "<p>Every source the knowledge cites, with its evidence type and link.</p>" + _sources_list(
        knowledge, set(knowledge.sources), view)
    write(out / "sources.html", _page(knowledge, "Sources", everything, depth=0, charts=False))
    return written

"""The static edition: plain HTML files any static host, CDN or laptop can serve, with no Python per visitor.

An index, a page per treatment and per most-compared pair (the overview, the side-effect and benefit charts, the
sources), and the list of every source. Every page carries the disclaimer and the knowledge version. Charts are the
dashboard's own Plotly figures (dashboard/charts), drawn by a copy of plotly.min.js in the same folder: nothing is
fetched from a third party, so it also works from files with the network off. All data text is escaped
(html.escape; chart data as JSON data blocks with <, > and & escaped, no inline script) and only URLs on the link allow-list (knowledge/links.is_allowed) become links."""
from __future__ import annotations

import itertools
import json
import shutil
from html import escape
from pathlib import Path

import pandas as pd
import plotly
import plotly.graph_objects as go

from dashboard.charts import adverse_events, benefits
from dashboard.knowledge import GROUPS, Knowledge, statements_of
from dashboard.knowledge.links import is_allowed
from dashboard.knowledge.models import Treatment
from dashboard.knowledge.overview import rows

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# No inline script anywhere: the charts' data sit in JSON data blocks and this file draws them, so the edition runs
# under a Content-Security-Policy of script-src 'self' (the one nginx sends, dashboard/headers.py).
DRAW_JS = """document.querySelectorAll("div.plot").forEach(function (div) {
  var spec = JSON.parse(document.getElementById(div.id + "-spec").textContent);
  Plotly.newPlot(div, spec.data, spec.layout, spec.config);
});
"""
CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;margin:0 auto;
max-width:72rem;padding:0 1rem 3rem;line-height:1.5}
.disclaimer{background:#e8f1fb;border-left:.35rem solid #0072B2;padding:.6rem .9rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #d9d9d9;padding:.4rem;
text-align:left;vertical-align:top}th{background:#f3f6fa}.chart{border:1px solid #d9d9d9;border-radius:.5rem;
padding:.5rem;margin:.75rem 0}.note{color:#444;font-size:.95rem}nav a{margin-right:1rem}sup{font-size:.75em}
footer{margin-top:2rem;color:#444;font-size:.9rem}@media print{.chart{break-inside:avoid}tr{break-inside:avoid}}
"""


def _json(value) -> str:
    """JSON safe inside a <script> element: no raw <, > or & at all (as Django's json_script)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(text)}</a>' if is_allowed(url) else escape(text)


def _page(knowledge: Knowledge, title: str, body: str, depth: int, charts: bool) -> str:
    site, up = knowledge.site, "../" * depth
    script = f'<script src="{up}plotly.min.js"></script>' if charts else ""
    draw = f'<script src="{up}draw.js"></script>' if charts else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · {escape(site.title)}</title><style>{STYLE}</style>{script}</head>
<body><nav><a href="{up}index.html">{escape(site.title)}</a><a href="{up}sources.html">Sources</a></nav>
<div class="disclaimer" role="note"><strong>Important:</strong> {escape(" ".join(site.disclaimer))}</div>
<main><h1>{escape(title)}</h1>
{body}
</main><footer>{escape(site.title)}, static edition · knowledge version {escape(site.knowledge_version)} (released
{site.released.isoformat()}) · every number names its source and the place in it · this page stores and sends nothing.
</footer>{draw}</body></html>
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
        cells = "".join(f"<td>{escape(c.text)}{cite.mark(c.source, c.locator)}</td>" for c in row.cells)
        body.append(f'<tr><th scope="row">{escape(row.heading(view))}</th>{cells}</tr>')
    reviewed = "; ".join(f"{escape(t.name)}: {t.last_reviewed.isoformat()}" for t in chosen)
    return (f"<h2>Overview</h2><table><thead><tr><td></td>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f'<p class="note">{escape(knowledge.site.not_head_to_head)} Last reviewed: {reviewed}.</p>')


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if pd.isna(v) else f'{v:g}' if isinstance(v, float) else str(v))}</td>"
                                    for v in values) + "</tr>" for values in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _chart(figure: go.Figure, heading: str, alt: str, table: pd.DataFrame, key: str, marks: str) -> str:
    """A chart card: the figure as a JSON data block (never executed), drawn by draw.js; its table beside it."""
    spec = figure.to_plotly_json()
    return (f'<section class="chart"><h3>{escape(heading)}{marks}</h3>'
            f'<div id="{key}" class="plot" role="img" aria-label="{escape(alt)}"></div>'
            f'<script type="application/json" id="{key}-spec">'
            f"{_json({'data': spec['data'], 'layout': spec['layout'], 'config': CONFIG})}</script>"
            f"<details><summary>Show as table</summary>{_table(table)}</details></section>")


def _charts(knowledge: Knowledge, ids: tuple[str, ...], view: str, cite: _Citations) -> tuple[str, int]:
    parts, count = [], 0
    cards = knowledge.trial_events(list(ids), knowledge.default_events(list(ids)))
    if cards:
        x_range = adverse_events.x_max(cards)
        parts.append("<h2>Side effects in the trials</h2>"
                     '<p class="note">Each treatment beside the comparator arm of its own trial, out of 100 people in each arm.</p>')
        for te in cards:
            count += 1
            parts.append(_chart(adverse_events.figure(knowledge, te, view, x_range), adverse_events.title(te, knowledge, view),
                                adverse_events.alt(knowledge, te, view), adverse_events.table(knowledge, te, view),
                                f"chart-{count}", cite.mark(te.rows[0].source, te.rows[0].locator)))
    groups = [tb for t in knowledge.pick(list(ids)) for tb in benefits.by_trial(t)]
    if groups:
        parts.append("<h2>What the trials showed as benefit</h2>")
        for tb in groups:
            count += 1
            parts.append(_chart(benefits.figure(knowledge, tb, view), benefits.title(knowledge, tb, view),
                                benefits.alt(knowledge, tb, view), benefits.table(knowledge, tb, view), f"chart-{count}",
                                cite.mark(tb.rows[0].source, tb.rows[0].locator)))
    for treatment in knowledge.pick(list(ids)):
        for gap in treatment.gaps:
            if gap.topic in ("adverse_events", "benefits"):
                parts.append(f'<p class="note"><strong>{escape(treatment.name)}:</strong> {escape(gap.text(view))}</p>')
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
    return ("<table><thead><tr><th>Source</th><th>Publisher</th><th>Year</th><th>Evidence</th><th>Label region and "
            f"version</th><th>Accessed</th></tr></thead><tbody>{lines}</tbody></table>")


def comparison_page(knowledge: Knowledge, ids: tuple[str, ...], view: str) -> tuple[str, int]:
    """The overview, charts and sources of these treatments as one HTML page, and how many charts it draws."""
    cite = _Citations(knowledge)
    overview = _overview(knowledge, ids, view, cite)
    charts, count = _charts(knowledge, ids, view, cite)
    used = set().union(*(_all_sources(knowledge, t) for t in knowledge.pick(list(ids))))
    body = (overview + charts + cite.html(view)
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


def write_site(knowledge: Knowledge, out: Path, treatment_ids: list[str] | None = None, view: str = "patient") -> list[Path]:
    """Write the static edition into `out`; the pages written (index first)."""
    out = Path(out)
    (out / "treatments").mkdir(parents=True, exist_ok=True)
    (out / "compare").mkdir(exist_ok=True)
    shutil.copyfile(PLOTLY_JS, out / "plotly.min.js")
    (out / "draw.js").write_text(DRAW_JS, encoding="utf-8")
    ids = treatment_ids or knowledge.treatment_ids()
    pairs = [p for p in most_compared_pairs(knowledge) if p[0] in ids and p[1] in ids]
    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        written.append(path)

    index = ['<p>' + escape(knowledge.site.tagline) + "</p>",
             '<p class="note">A static copy of the dashboard: the overview, charts and sources for every treatment and '
             "for the pairs compared most. It works from files, with no network. The live dashboard lets you choose "
             "any combination.</p><h2>Treatments</h2>"]
    for group, name in GROUPS.items():
        mine = [i for i in ids if knowledge.treatments[i].group == group]
        if mine:
            links = ", ".join(f'<a href="treatments/{i}.html">{escape(knowledge.treatments[i].name)}</a>' for i in mine)
            index.append(f"<p><strong>{escape(name[:1].upper() + name[1:])}:</strong> {links}</p>")
    index.append("<h2>Compared most often</h2><ul>" + "".join(
        f'<li><a href="compare/{a}--{b}.html">{escape(knowledge.treatments[a].name)} and '
        f"{escape(knowledge.treatments[b].name)}</a></li>" for a, b in pairs) + "</ul>")
    index.append('<p><a href="sources.html">Every source</a>, with its evidence type and link.</p>')
    write(out / "index.html", _page(knowledge, knowledge.site.title, "\n".join(index), depth=0, charts=False))
    for i in ids:
        write(out / "treatments" / f"{i}.html", comparison_page(knowledge, (i,), view)[0])
    for a, b in pairs:
        write(out / "compare" / f"{a}--{b}.html", comparison_page(knowledge, (a, b), view)[0])
    everything = "<p>Every source the knowledge cites, with its evidence type and link.</p>" + _sources_list(
        knowledge, set(knowledge.sources), view)
    write(out / "sources.html", _page(knowledge, "Sources", everything, depth=0, charts=False))
    return written

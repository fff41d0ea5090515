"""The one-page handout: the overview of the current selection as a PDF to hand over at the end of a consultation.

It holds the treatments compared with their last-reviewed dates, the overview rows (`knowledge.overview.rows`, the
same cells as the screen, each with a numbered source), the side-effect charts as images identical to the screen
(Plotly's static export, `images.png`) or, where that is unavailable, the same numbers as tables with a line saying
so, the numbered sources with the place in each, the disclaimer, the knowledge version, the date of printing and the
link that reopens the same view, also as a QR code. Nothing about the person is in it. The patient and clinician
versions follow the view. Font sizes shrink until everything fits on one A4 page."""
from __future__ import annotations

import datetime as dt
import io
import math
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import segno
from fpdf import FPDF
from fpdf.fonts import FontFace

from dashboard.charts import adverse_events
from dashboard.knowledge import Knowledge, TrialEvents
from dashboard.knowledge.overview import PRIORITY_WORDS, rows, rows_for

from dashboard.knowledge.links import is_allowed
from dashboard.safe_text import safe_text

from . import images

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
LARGEST, SMALLEST = 9.0, 4.5  # body font sizes (pt): the largest that lets the page hold everything is used
CHART_WIDTH_PX = 640  # the width of a chart card on a laptop screen; its height is the figure's own
CHART_MAX_HEIGHT = {False: 62, True: 48}  # mm on paper (portrait, landscape); a taller chart is drawn narrower
MARGIN = 10  # mm
VERSIONS = {"patient": "Patient version", "clinician": "Clinician version"}
NO_IMAGES = "Chart images could not be made here ({why}), so the charts are shown as tables with the same numbers."


@dataclass(frozen=True)
class Handout:
    pdf: bytes
    charts_as_images: bool
    seconds: float
    font_size: float


def _font_files() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


def chart_cards(knowledge: Knowledge, treatments: tuple[str, ...], events: tuple[str, ...], most: int) -> list[TrialEvents]:
    """The side-effect cards on the handout: each chosen treatment's first trial with the chosen events."""
    cards, seen = [], set()
    for card in knowledge.trial_events(list(treatments), list(events)):
        if card.treatment.id not in seen:
            seen.add(card.treatment.id)
            cards.append(card)
    return cards[:most]


def _short(title: str, most: int = 90) -> str:
    return title if len(title) <= most else title[: most - 1].rsplit(" ", 1)[0] + "…"


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _qr(link: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=6, border=2)
    out.seek(0)
    return out


class _Page(FPDF):
    def __init__(self, landscape: bool, fonts: tuple[Path, Path] | None) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        if fonts:
            self.add_font("body", "", str(fonts[0]))
            self.add_font("body", "B", str(fonts[1]))
            self.family_name, self.unicode = "body", True
        else:  # the PDF core font: Latin-1 only, other characters are replaced
            self.family_name, self.unicode = "helvetica", False
        self.set_creator("MS treatment explorer")

    def text(self, value: str) -> str:
        """Data text as the font can show it, without invisible or reordering characters."""
        value = safe_text(value, "plain")
        return value if self.unicode else value.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)

    def para(self, value: str, size: float, bold: bool = False, height: float = 1.25, **kwargs) -> None:
        self.font(size, bold)
        self.multi_cell(0, size * 0.3528 * height, self.text(value), new_x="LMARGIN", new_y="NEXT", align="L", **kwargs)


def build(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...] = (),
          events: tuple[str, ...] | None = None, link: str = "", printed: dt.date | None = None,
          chart_images: bool = True) -> Handout:
    """The handout of this selection as PDF bytes, on one page. `events` None: the dashboard's default events."""
    start = time.perf_counter()
    treatments = tuple(t for t in treatments if t in knowledge.treatments)
    events = tuple(events) if events is not None else tuple(knowledge.default_events(list(treatments)))
    printed = printed or dt.date.today()
    landscape = len(treatments) > 3
    cards = chart_cards(knowledge, treatments, events, most=3 if landscape else 2)
    x_range = adverse_events.x_max(cards) if cards else 0
    why = images.unavailable() if chart_images else "turned off"
    fonts = _font_files()

    def render(size: float, pictures: list[bytes | None] | None) -> _Page:
        shown = cards[:len(pictures)] if pictures is not None else cards
        return _render(knowledge, treatments, view, priorities, events, link, printed, landscape, shown, pictures,
                       why, fonts, size, left_out=len(cards) - len(shown))

    first = _first_guess(knowledge, treatments, view)
    if not cards or why is not None:
        return _done(start, _fit(render, None, first)[1], False)
    # Chromium draws the chart images while the page is fitted here (images reserve their space: their
    # proportions are the figures' own); then the page is drawn once more with them.
    jobs = [_POOL.submit(_chart_png, knowledge, card, view, x_range) for card in cards]
    shown = len(cards)
    size, pdf = _fit(render, [None] * shown, first)
    while pdf.page > 1 and shown > 0:  # still too much at the smallest size: one chart fewer
        shown -= 1
        size, pdf = _fit(render, [None] * shown, size)
    pictures = [job.result() for job in jobs][:shown]
    if any(p is None for p in pictures):
        why = images.unavailable() or "static export failed"
        return _done(start, _fit(render, None, first)[1], False)
    return _done(start, render(size, pictures), True)


_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="handout-chart")


def _chart_png(knowledge: Knowledge, card: TrialEvents, view: str, x_range: float) -> bytes | None:
    figure = adverse_events.figure(knowledge, card, view, x_range)
    key = ("adverse_events", card.treatment.id, card.trial.id, tuple(r.event for r in card.rows), view, x_range)
    return images.png(figure, CHART_WIDTH_PX, int(figure.layout.height), key=key)


def _fit(render, pictures, first: float) -> tuple[float, _Page]:
    """A body font size (in half points) at which the page holds everything, starting from the guess `first`, and
    the page drawn at it."""
    size = first
    pdf = render(size, pictures)
    while pdf.page > 1 and size > SMALLEST:
        # Text height grows about with the square of the font size (taller lines, fewer words a line): a guess
        # from the overflow, at least half a point down.
        used = (pdf.page - 1) * (pdf.h - 2 * MARGIN) + pdf.get_y() - MARGIN
        guess = size * ((pdf.h - 2 * MARGIN) / used) ** 0.5
        size = max(SMALLEST, min(size - 0.5, math.floor(guess * 2) / 2))
        pdf = render(size, pictures)
    return size, pdf


def _first_guess(knowledge: Knowledge, treatments: tuple[str, ...], view: str) -> float:
    """fpdf2 lays out text slowly (about half a second a page here), so start near the answer: the size that fitted
    the overview's amount of text in trials (size x sqrt(characters) was 240-320 for 1-6 treatments)."""
    characters = sum(len(cell.text) for row in rows(knowledge, treatments, view) for cell in row.cells)
    return max(SMALLEST, min(LARGEST, math.floor(2 * 265 / max(characters, 1) ** 0.5) / 2))


def _done(start: float, pdf: _Page, as_images: bool) -> Handout:
    return Handout(bytes(pdf.output()), as_images, time.perf_counter() - start, pdf.body_size)


def _render(knowledge, treatments, view, priorities, events, link, printed, landscape, cards, pictures, why, fonts,
            size, left_out: int = 0) -> _Page:
    site = knowledge.site
    pdf = _Page(landscape, fonts)
    pdf.body_size = size
    pdf.set_title(f"{site.title}: handout")
    pdf.set_creation_date(dt.datetime.combine(printed, dt.time(), tzinfo=dt.timezone.utc))
    pdf.add_page()
    width = pdf.epw
    qr_size = 26
    top = pdf.get_y()

    # Heading and the link, with its QR code at the right.
    pdf.set_right_margin(MARGIN + qr_size + 4)
    pdf.para(f"{site.title}: {'your' if view == 'patient' else 'treatment'} overview", size + 5, bold=True)
    pdf.para(f"{VERSIONS[view]} · printed {printed.isoformat()} · knowledge version {site.knowledge_version} "
             f"(released {site.released.isoformat()})", size)
    if link:
        pdf.para("Open this view again (also the QR code): " + link, size - 0.5, link=link)
    pdf.para("Important: " + " ".join(site.disclaimer), size, bold=True)
    pdf.set_right_margin(MARGIN)
    if link:
        pdf.image(_qr(link), x=pdf.w - MARGIN - qr_size, y=top, w=qr_size, h=qr_size, link=link)
    pdf.set_y(max(pdf.get_y(), top + qr_size) + 1)

    chosen = knowledge.pick(list(treatments))
    reviewed = "; ".join(f"{t.name}{' (' + ', '.join(t.brands[:2]) + ')' if t.brands else ''}, last reviewed "
                         f"{t.last_reviewed.isoformat()}" for t in chosen)
    pdf.para(f"Treatments compared: {reviewed or 'none chosen'}.", size)
    if priorities:
        pdf.para("What matters to you (these rows come first, marked *; nothing is ranked or recommended): "
                 + ", ".join(PRIORITY_WORDS.get(p, p) for p in priorities) + ".", size)
    pdf.para(site.not_head_to_head, size - 0.5)
    pdf.ln(1)

    # The overview: one row per consideration, one column per treatment; [n] is the numbered source below.
    numbers: dict[tuple[str, str], int] = {}
    if chosen:
        first = set(rows_for(priorities))
        heading_width = width * (0.16 if landscape else 0.2)
        column = (width - heading_width) / len(chosen)
        pdf.font(size - 0.5)
        with pdf.table(col_widths=(heading_width, *([column] * len(chosen))), width=width, text_align="LEFT",
                       line_height=(size - 0.5) * 0.3528 * 1.2, padding=0.8, first_row_as_headings=True,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(230, 238, 246)), v_align="TOP",
                       borders_layout="HORIZONTAL_LINES") as table:
            table.row([""] + [pdf.text(t.name) for t in chosen])
            for row in rows(knowledge, treatments, view, rows_for(priorities)):
                line = table.row()
                line.cell(pdf.text(("* " if row.id in first else "") + row.heading(view)), style=FontFace(emphasis="BOLD"))
                for cell in row.cells:
                    mark = ""
                    if cell.source:
                        mark = f" [{numbers.setdefault((cell.source, cell.locator), len(numbers) + 1)}]"
                    line.cell(pdf.text(cell.text + mark))
        pdf.ln(1.5)

    # The side-effect charts: images as on the screen, or tables with the same numbers.
    if cards:
        pdf.para("Side effects in the trials (each treatment beside the comparator arm of its own trial; "
                 "out of 100 people in each arm)", size + 0.5, bold=True)
        if pictures is None:
            pdf.para(NO_IMAGES.format(why=why), size - 0.5)
        gap = 4
        card_width = (width - gap * (len(cards) - 1)) / len(cards)
        y0, bottom = pdf.get_y(), pdf.get_y()
        for index, card in enumerate(cards):
            x = MARGIN + index * (card_width + gap)
            pdf.set_xy(x, y0)
            pdf.set_left_margin(x)
            pdf.set_right_margin(pdf.w - x - card_width)
            for te_row in card.rows:
                source = (te_row.source, te_row.locator)
                numbers.setdefault(source, len(numbers) + 1)
            marks = "".join(f" [{numbers[(r.source, r.locator)]}]" for r in card.rows[:1])
            pdf.para(adverse_events.title(card, knowledge, view) + marks, size - 0.5, bold=True, height=1.15)
            if pictures is not None:  # images, or the space they will take
                figure_height = adverse_events.figure(knowledge, card, view).layout.height
                image_width = min(card_width, CHART_MAX_HEIGHT[landscape] * CHART_WIDTH_PX / figure_height)
                height = image_width * figure_height / CHART_WIDTH_PX
                if pictures[index] is not None:
                    pdf.image(io.BytesIO(pictures[index]), x=x, y=pdf.get_y(), w=image_width, h=height)
                pdf.set_y(pdf.get_y() + height)
            else:
                _chart_table(pdf, knowledge, card, view, size - 0.5)
            bottom = max(bottom, pdf.get_y())
        pdf.set_left_margin(MARGIN)
        pdf.set_right_margin(MARGIN)
        pdf.set_xy(MARGIN, bottom + 1)

    if left_out:
        pdf.para(f"{left_out} side-effect chart{'s' if left_out > 1 else ''} left out for room: see the Side effects "
                 "page of the dashboard (the link above).", size - 0.5)

    # The numbered sources, with the place in each; the title links to the source, the host is printed.
    if numbers:
        pdf.para("Sources (the title is a link; every source is listed on the dashboard's Sources page)", size + 0.5, bold=True)
        words = site.evidence
        pdf.font(size - 1.5)
        with pdf.text_columns(ncols=2, gutter=5, balance=True, l_margin=MARGIN, r_margin=MARGIN) as columns:
            for (source_id, locator), number in numbers.items():
                source = knowledge.source(source_id)
                evidence = words[source.type].plain if view == "patient" else words[source.type].name
                paragraph = columns.paragraph(text_align="LEFT")
                paragraph.write(pdf.text(f"[{number}] "))
                paragraph.write(pdf.text(_short(source.title)), link=source.url if is_allowed(source.url) else "")
                paragraph.write(pdf.text(f" ({source.year}; {_host(source.url)}). {locator}. {evidence}."))
                columns.end_paragraph()
        pdf.ln(1)
    pdf.para(f"{site.title} · knowledge version {site.knowledge_version} · printed {printed.isoformat()} · "
             "This handout holds no personal data.", size - 1.5)
    return pdf


def _chart_table(pdf: _Page, knowledge: Knowledge, card: TrialEvents, view: str, size: float) -> None:
    table = adverse_events.table(knowledge, card, view)
    columns = list(table.columns[:4])
    pdf.font(size - 0.5)
    with pdf.table(text_align="LEFT", line_height=(size - 0.5) * 0.3528 * 1.2, padding=0.6, width=pdf.epw,
                   col_widths=(2.2, 1, 1, 1), borders_layout="HORIZONTAL_LINES",
                   headings_style=FontFace(emphasis="BOLD")) as out:
        out.row([pdf.text(str(c)) for c in columns])
        for _, values in table[columns].iterrows():
            out.row([pdf.text(f"{v:g}" if isinstance(v, float) else str(v)) for v in values])

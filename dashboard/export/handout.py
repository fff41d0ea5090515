"""The handout: the current selection as an A4 PDF to read across the desk at the end of a consultation.

Two steps, one way through: `handout_plan.plan()` asks the knowledge and the chart builders once and returns plain
data; `layout()` draws that plan and never goes back to the knowledge. Page 1 is an Option-Grid-style table (the
chosen treatments as columns, the questions people ask as rows, "What matters to me" above it when said), then the
side-effect and benefit charts of every chosen treatment (or the reason there is none and where to see it), then the
numbered sources with the place in each, all down newspaper columns (a card never breaks; a source goes on in the
next column rather than leave it blank). Body text 9.5 pt (9 pt from four treatments), the footer 7.5 pt, nothing
smaller: more pages instead of smaller type, at most 3 (landscape from four treatments; from five the grid's questions
stand across the top of their rows and the text is set in a narrower letter at 9 pt, on 10 pt lines, closer only if
it must, with the key to the kinds of source as a 7.5 pt footnote). A second card of the same trial and arms does not
repeat them. The charts are drawn as vector bars from the same numbers the screen's charts are built from:
their text is real text at body size, and no browser is needed. The disclaimer, knowledge version, printing date,
link and QR code are on page 1; nothing about the person is in it.

Many visitors may ask for the same handout at once (a talk, a clinic's waiting room): `get()` keeps the last
CACHE_SIZE handouts by selection, what matters, view, knowledge version, printing date and the person's lines,
builds at most AT_ONCE at a time in a process (on threads of their own), and builds a handout asked for twice at the
same time once."""
from __future__ import annotations

import datetime as dt
import io
import threading
import time
import weakref
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from fpdf.fonts import FontFace

from dashboard.charts.palette import COMPARATOR_ARM, TREATMENT_ARM
from dashboard.knowledge import Knowledge

from .handout_plan import ChartCard, Plan, SourceEntry, plan

FONTS = Path("/usr/share/fonts/truetype")
# (regular, bold) in order of preference: DejaVu's large x-height reads well at 9 pt (fonts-dejavu-extra has the
# condensed cut, fonts-dejavu-core the regular one). A handout that would take more than MOST_PAGES is laid out
# once more in Liberation Sans Narrow (fonts-liberation) at 9 pt: a narrower letter, never a smaller one.
FONT_FILES = (("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
              ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"))
NARROW = ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf")
MOST_PAGES = 3
NARROW_FROM = 5  # treatments
BAND_FROM = 5  # treatments: from here the grid's questions stand across the top of their row
BODY = {False: 9.5, True: 9.0}  # pt, by landscape
SMALL = 7.5  # pt: the footer on every page; nothing is smaller
HEADING = 14.0
PT = 25.4 / 72  # mm per point
LEADING = 1.18  # line height / font size
NARROW_LEADING = (1.12, 1.08)  # in the narrow letter: 9 on 10 pt as in a newspaper, closer only if it must
MARGIN = 8  # mm
QR = 27  # mm
GAP = 5  # mm between chart columns
CARD_GAP, SOURCE_GAP = 2.5, 0.5  # mm after a card or note, after a source
BAR, BAR_GAP = 3.2, 0.6  # mm: height of one arm's bar, space between the two arms
HATCH = 1.1  # mm between the comparator bar's hatch lines
ZEBRA = (244, 246, 248)
HEADINGS_FILL = (226, 236, 245)

CACHE_SIZE = 24  # handouts kept per process (about 40-80 KB each)
AT_ONCE = 2  # handouts built at the same time per process (the machine has two cores)


@dataclass(frozen=True)
class Handout:
    pdf: bytes
    pages: int
    seconds: float
    font_size: float


def _fonts(*choices: tuple[str, str]) -> tuple[Path, Path] | None:
    """The first (regular, bold) pair of font files installed here."""
    for regular, bold in choices:
        if (FONTS / regular).exists() and (FONTS / bold).exists():
            return FONTS / regular, FONTS / bold
    return None




class _Page(FPDF):
    def __init__(self, landscape: bool, fonts: tuple[Path, Path] | None, footer: str, leading: float,
                 key_size: float) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.leading = leading
        self.key_size = key_size  # the key to the kinds of source: a footnote where room is short
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN + 5)
        if fonts:
            self.add_font("body", "", str(fonts[0]))
            self.add_font("body", "B", str(fonts[1]))
            self.family_name, self.unicode = "body", True
        else:  # the PDF core font: Latin-1 only, other characters are replaced
            self.family_name, self.unicode = "helvetica", False
        self.footer_text = footer
        self.wrapped: dict[tuple, list[str]] = {}
        self.set_creator("MS treatment explorer")

    def footer(self) -> None:
        self.set_y(-MARGIN - 3)
        self.font(SMALL)
        self.set_text_color(80, 80, 80)
        self.cell(0, self.lh(SMALL), self.shown(f"{self.footer_text} · page {self.page_no()} of {{nb}}"), align="C")
        self.set_text_color(0, 0, 0)

    def lh(self, size: float) -> float:  # a line's height in mm
        return size * PT * self.leading

    def shown(self, value: str) -> str:
        """Plan text (already safe) as the font can show it."""
        return value if self.unicode else value.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)

    def para(self, value: str, size: float, bold: bool = False, **kwargs) -> None:
        self.font(size, bold)
        self.multi_cell(0, self.lh(size), self.shown(value), new_x="LMARGIN", new_y="NEXT", align="L", **kwargs)

    def wrap(self, value: str, width: float, size: float, bold: bool = False) -> list[str]:
        """The lines `value` takes in a box `width` wide (fpdf2's own line breaking, worked out once per layout: the
        cards are measured before they are placed, then drawn)."""
        key = (value, round(width, 3), size, bold, self.family_name)
        if key not in self.wrapped:
            self.font(size, bold)
            self.wrapped[key] = [str(line) for line in self.multi_cell(
                width, self.lh(size), self.shown(value), align="L", dry_run=True, output=MethodReturnValue.LINES)]
        return self.wrapped[key]

    def box(self, x: float, y: float, w: float, value: str, size: float, bold: bool = False, draw: bool = True,
            link: str = "") -> float:
        """Text wrapped in a box `w` wide at (x, y); its height (drawn only when `draw`)."""
        lines = self.wrap(value, w, size, bold)
        if draw:
            self.lines_at(x, y, w, lines, size, bold, link)
        return len(lines) * self.lh(size)

    def lines_at(self, x: float, y: float, w: float, lines: list[str], size: float, bold: bool = False,
                 link: str = "") -> None:
        self.font(size, bold)
        for number, line in enumerate(lines):
            self.set_xy(x, y + number * self.lh(size))
            self.cell(w, self.lh(size), line, link=link or None)


def _qr(link: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=6, border=2)
    out.seek(0)
    return out


def _short(title: str, most: int = 42) -> str:
    """A long title cut at a word (the whole title is one click away on the dashboard's Sources page)."""
    return title if len(title) <= most else title[: most - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-") + "…"


def _marks(numbers: tuple[int, ...]) -> str:
    return "".join(f" [{n}]" for n in numbers)


def layout(the_plan: Plan) -> tuple[bytes, int, float]:
    """The plan drawn as PDF bytes, with its number of pages and body font size: in the preferred font, or, when that
    takes more than MOST_PAGES, in the narrow one at 9 pt, with its lines set closer only if it must (the plan is
    drawn again; the knowledge is not asked)."""
    landscape, narrow = len(the_plan.treatments) > 3, _fonts(NARROW)
    made = None
    if len(the_plan.treatments) < NARROW_FROM or not narrow:  # the preferred letter took four pages from five
        made = _layout(the_plan, landscape, BODY[landscape], _fonts(*FONT_FILES), LEADING)
    for leading in NARROW_LEADING if narrow else ():
        if made is not None and made[1] <= MOST_PAGES:
            break
        tried = _layout(the_plan, landscape, 9.0, narrow, leading)
        made = tried if made is None or tried[1] < made[1] else made
    return made


def _layout(the_plan: Plan, landscape: bool, size: float, fonts: tuple[Path, Path] | None,
            leading: float) -> tuple[bytes, int, float]:
    pdf = _Page(landscape, fonts, f"Knowledge version {the_plan.knowledge_version} · printed "
                f"{the_plan.printed.isoformat()} · educational information, not medical advice · no personal data",
                leading, SMALL if leading < LEADING else size)
    pdf.set_title(the_plan.heading)
    pdf.set_creation_date(dt.datetime.combine(the_plan.printed, dt.time(), tzinfo=dt.timezone.utc))
    pdf.add_page()
    _first_page(pdf, the_plan, size, landscape)
    _after_the_grid(pdf, the_plan, size, landscape)
    return bytes(pdf.output()), pdf.page, size


def _bottom(pdf: _Page) -> float:
    return pdf.h - MARGIN - 6  # above the footer


def _first_page(pdf: _Page, p: Plan, size: float, landscape: bool) -> None:
    top = pdf.get_y()
    pdf.set_right_margin(MARGIN + QR + 4)
    pdf.para(p.heading, HEADING, bold=True)
    pdf.para(p.version, size)
    if p.link:
        pdf.para("Open this view again (or scan the code): " + p.link, size, link=p.link)
        pdf.image(_qr(p.link), x=pdf.w - MARGIN - QR, y=top, w=QR, h=QR, link=p.link)
    pdf.para("Important: " + " ".join(p.disclaimer), size, bold=True)
    pdf.set_right_margin(MARGIN)
    pdf.set_y(max(pdf.get_y(), top + (QR if p.link else 0)) + 1.5)
    if p.matters:
        marked = any(row.matters for row in p.grid)
        pdf.para("What matters to me" + (" (rows marked * come first; the treatments stay in the order you chose, "
                                         "and this page does not compare them to pick one)" if marked else ""),
                 size + 1, bold=True)
        for line in p.matters:
            pdf.para("- " + line, size)
        pdf.ln(1.5)
    if p.treatments:
        _grid(pdf, p, size, landscape)
        pdf.ln(1)
        pdf.para(p.not_head_to_head + " [n]: the numbered sources at the end, with the place in each.", size)
    else:
        pdf.para("No treatment was chosen.", size)
    if p.questions:
        pdf.ln(1.5)
        pdf.para("Questions to ask your neurologist", size + 1, bold=True)
        for line in p.questions:
            pdf.para("- " + line, size)


def _lines(pdf: _Page, text: str, width: float, size: float, bold: bool = False) -> list[str]:
    return pdf.wrap(text, width, size, bold) if text else []


def _grid(pdf: _Page, p: Plan, size: float, landscape: bool) -> None:
    """The Option-Grid table: questions down the side (from BAND_FROM treatments, across the top of their row, so
    that the answers have the whole width), treatments across. A row longer than the room left on a page goes on over
    the page, under the treatments' names again (no half-empty page before a tall row)."""
    pad, line = 0.8, pdf.lh(size)
    band = len(p.treatments) >= BAND_FROM
    question = 0.0 if band else pdf.epw * (0.115 if landscape else 0.19)
    widths = [question] + [(pdf.epw - question) / len(p.treatments)] * len(p.treatments)
    xs = [MARGIN + sum(widths[:i]) for i in range(len(widths))]

    def header() -> None:
        names = [[]] + [_lines(pdf, name, w - 2 * pad, size, True) for name, w in zip(p.treatments, widths[1:])]
        notes = [[]] + [_lines(pdf, note, w - 2 * pad, size) for note, w in zip(p.reviewed, widths[1:])]
        height = max(len(n) + len(r) for n, r in zip(names, notes)) * line + 2 * pad
        y = pdf.get_y()
        pdf.set_fill_color(*HEADINGS_FILL)
        pdf.rect(MARGIN, y, pdf.epw, height, style="F")
        for x, w, bold, plain in zip(xs, widths, names, notes):
            pdf.lines_at(x + pad, y + pad, w - 2 * pad, bold, size, True)
            pdf.lines_at(x + pad, y + pad + len(bold) * line, w - 2 * pad, plain, size)
        pdf.set_y(y + height)

    header()
    for index, row in enumerate(p.grid):
        title = ("* " if row.matters else "") + row.question
        left = [[] if band else _lines(pdf, title, widths[0] - 2 * pad, size, True)]
        left += [_lines(pdf, a.text + _marks(a.sources), w - 2 * pad, size) for a, w in zip(row.answers, widths[1:])]
        continued = False
        while any(left):
            above = _lines(pdf, title + (" (continued)" if continued else ""), pdf.epw - 2 * pad, size, True) if band else []
            room = int((_bottom(pdf) - pdf.get_y() - 2 * pad - len(above) * line) // line)
            need = max(len(cell) for cell in left)
            if room < need and (room < 3 or (need - room < 2 and room < 4)):  # no useful part fits: next page
                pdf.add_page()
                header()
                continue
            take = need if need <= room else room if need - room >= 2 else room - 1  # never one line alone over
            y, height = pdf.get_y(), (len(above) + take) * line + 2 * pad
            if index % 2:
                pdf.set_fill_color(*ZEBRA)
                pdf.rect(MARGIN, y, pdf.epw, height, style="F")
            pdf.lines_at(MARGIN + pad, y + pad, pdf.epw - 2 * pad, above, size, True)
            for column, (x, w, cell) in enumerate(zip(xs, widths, left)):
                pdf.lines_at(x + pad, y + pad + len(above) * line, w - 2 * pad, cell[:take], size, column == 0)
            pdf.set_draw_color(160, 160, 160)
            pdf.set_line_width(0.25)
            pdf.line(MARGIN, y + height, MARGIN + pdf.epw, y + height)
            pdf.set_y(y + height)
            left, continued = [cell[take:] for cell in left], True
            if any(left[1:]) and not left[0] and not band:
                left[0] = _lines(pdf, title + " (continued)", widths[0] - 2 * pad, size, True)


SOURCES = "Sources (each title is a link; all are on the Sources page)"


def _after_the_grid(pdf: _Page, p: Plan, size: float, landscape: bool) -> None:
    """Every chosen treatment's cards and notes, then the numbered sources, in order down newspaper columns: a
    column is filled before the next one starts, and a card or a source never breaks."""
    if not p.charts:
        return
    columns = 3 if landscape else 2
    width = (pdf.epw - GAP * (columns - 1)) / columns
    units: list[tuple[str, object]] = []
    for tc in p.charts:
        for index, card in enumerate(tc.cards):  # a second card of the same trial and arms does not repeat them
            earlier = tc.cards[index - 1] if index else None
            same = earlier is not None and (earlier.trial_id, earlier.treatment_arm, earlier.comparator_arm) == (
                card.trial_id, card.treatment_arm, card.comparator_arm)
            units.append(("same trial" if same else tc.name, card))
        units += [(tc.name, note) for note in tc.notes]
    if p.sources:
        units.append(("heading", SOURCES))
        units += [("source", source) for source in p.sources]
    if p.evidence_key:
        units.append(("key", "Kinds of source: " + "; ".join(f"{name}: {words}" for name, words in p.evidence_key)
                      + "."))
    heights = [_unit(pdf, 0, 0, width, name, item, size, draw=False) for name, item in units]
    intro = ("Trial results: each card is one trial, the treatment (solid blue bars) beside the comparator arm of its "
             "own trial (hatched orange bars)")
    intro_height = pdf.box(MARGIN, 0, pdf.epw, intro, size, bold=True, draw=False) + 2
    if pdf.get_y() + 3 + intro_height + heights[0] > _bottom(pdf):
        pdf.add_page()
    else:
        pdf.set_y(pdf.get_y() + 3)
    pdf.set_auto_page_break(False)
    top = pdf.get_y() + pdf.box(MARGIN, pdf.get_y(), pdf.epw, intro, size, bold=True) + 2
    column, y, lowest = 0, top, top
    def next_column() -> None:
        nonlocal column, y, top, lowest
        column, y = column + 1, top
        if column == columns:
            pdf.add_page()
            column, y = 0, pdf.t_margin
            top = lowest = y

    for index, ((name, item), height) in enumerate(zip(units, heights)):
        if name == "heading" and index + 1 < len(units):
            height += heights[index + 1]  # a heading stays with what follows it
        gap = SOURCE_GAP if name in ("source", "heading") else CARD_GAP
        if name in ("source", "key") and y + height > _bottom(pdf):
            # a source or the key goes on in the next column (or page) rather than leave the rest of this one blank
            text, link = _words(item) if name == "source" else (item, "")
            at = pdf.key_size if name == "key" else size
            lines, line = pdf.wrap(text, width, at), pdf.lh(at)
            while lines:
                room = max(0, int((_bottom(pdf) - y) // line))
                if room < min(2, len(lines)):  # never a single line alone at the foot of a column
                    next_column()
                    continue
                pdf.lines_at(MARGIN + column * (width + GAP), y, width, lines[:room], at, link=link)
                y += min(room, len(lines)) * line
                lines = lines[room:]
                if lines:
                    lowest = max(lowest, y)
                    next_column()
            y += gap
            lowest = max(lowest, y)
            continue
        if y + height > _bottom(pdf) and y > top:
            next_column()
        y += _unit(pdf, MARGIN + column * (width + GAP), y, width, name, item, size) + gap
        lowest = max(lowest, y)
    pdf.set_auto_page_break(True, MARGIN + 5)
    pdf.set_xy(MARGIN, lowest)


def _words(source: SourceEntry) -> tuple[str, str]:
    """A numbered source as printed, and its link."""
    places = "; ".join(source.places)
    return f"[{source.number}] {_short(source.title)} ({source.year}). {source.evidence}. Place: {places}.", source.url


def _unit(pdf: _Page, x: float, y: float, width: float, name: str, item, size: float, draw: bool = True) -> float:
    """A chart card, a note under the treatment's name, the sources' heading, a source or a text; its height."""
    if isinstance(item, ChartCard):
        return _card(pdf, x, y, width, item, size, draw, arms=name != "same trial")
    if name == "heading":
        return pdf.box(x, y, width, item, size + 0.5, bold=True, draw=draw)
    if name == "key":  # a footnote to the sources: the kinds of source in plain words
        return pdf.box(x, y, width, item, pdf.key_size, draw=draw)
    if name == "source":
        text, link = _words(item)
        return pdf.box(x, y, width, text, size, draw=draw, link=link)
    height = pdf.box(x, y, width, name, size, bold=True, draw=draw)
    return height + pdf.box(x, y + height, width, item, size, draw=draw)


def _swatch(pdf: _Page, x: float, y: float, w: float, h: float, colour: str, hatched: bool) -> None:
    pdf.set_fill_color(colour)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h, style="DF")
    if hatched and w > 0:
        with pdf.rect_clip(x, y, w, h):
            pdf.set_line_width(0.25)
            step = x - h
            while step < x + w:
                pdf.line(step, y + h, step + h, y)
                step += HATCH


def _card(pdf: _Page, x: float, y: float, width: float, card: ChartCard, size: float, draw: bool,
          arms: bool = True) -> float:
    """A card's heading, trial and arms (or, after a card of the same trial and arms, only what the bars count),
    then a pair of bars per row."""
    start = y
    y += pdf.box(x, y, width, card.heading + _marks(card.sources), size + 0.5, bold=True, draw=draw)
    arms = (f"{card.trial}; {card.treatment_arm} vs {card.comparator_arm}; {card.measure}." if arms else
            f"Same trial and arms as above; {card.measure}.") + (f" {card.more}." if card.more else "")
    y += pdf.box(x, y, width, arms, size, draw=draw)
    y += 0.8
    pdf.font(size)
    label_width, value_width = width * 0.55, pdf.get_string_width("000.0%") + 1.5
    bars_x = x + label_width + 1.5
    bars_width = width - label_width - 1.5 - value_width
    pair = 2 * BAR + BAR_GAP
    for bar in card.bars:
        label = pdf.box(x, y, label_width, f"{bar.label}: {bar.note}" if bar.note else bar.label, size, draw=draw)
        if draw:
            for index, (value, colour) in enumerate(((bar.treatment, TREATMENT_ARM), (bar.comparator, COMPARATOR_ARM))):
                top = y + 0.3 + index * (BAR + BAR_GAP)
                length = bars_width * min(value, card.x_range) / card.x_range if card.x_range else 0
                _swatch(pdf, bars_x, top, max(length, 0.3), BAR, colour, hatched=index == 1)
                pdf.font(size)
                pdf.set_xy(bars_x + length + 0.6, top + BAR / 2 - pdf.lh(size) / 2)
                pdf.cell(value_width, pdf.lh(size), pdf.shown(f"{value:g}{card.unit}"))
            pdf.set_draw_color(90, 90, 90)
            pdf.set_line_width(0.2)
            pdf.line(bars_x, y, bars_x, y + pair + 0.6)  # the zero line
        y += max(label, pair + 0.6) + 1
    return y - start


def build(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...] = (),
          events: tuple[str, ...] | None = None, link: str = "", printed: dt.date | None = None,
          matters: tuple[str, ...] = (), questions: tuple[str, ...] = (), answers: tuple[str, ...] = ()) -> Handout:
    """A new handout of this selection: plan once, then lay it out."""
    start = time.perf_counter()
    pdf, pages, size = layout(plan(knowledge, treatments, view, priorities, events, link, printed, matters, questions,
                                   answers))
    return Handout(pdf, pages, time.perf_counter() - start, size)


# ---- many visitors: a bounded cache, a few builds at once, one build per handout asked for at the same time ----

_cache: OrderedDict = OrderedDict()  # key -> (weak reference to the knowledge, Handout)
_lock = threading.Lock()
# Handouts are built on AT_ONCE threads of their own, never on the asking thread: at most AT_ONCE at a time, and
# only these threads' memory pools hold a build's short-lived objects (built on any of Streamlit's many script
# threads, each thread's pool kept its own share: the process grew about 120 MB more in a storm).
_builders = ThreadPoolExecutor(max_workers=AT_ONCE, thread_name_prefix="handout")
_underway: dict[tuple, threading.Event] = {}
stats = {"builds": 0, "building": 0, "most_at_once": 0}


def key(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...] = (),
        events: tuple[str, ...] | None = None, link: str = "", printed: dt.date | None = None,
        matters: tuple[str, ...] = (), questions: tuple[str, ...] = (), answers: tuple[str, ...] = ()) -> tuple:
    """What makes one handout differ from another: the same key gives the same PDF."""
    return (knowledge.site.knowledge_version, tuple(treatments), view, tuple(priorities),
            None if events is None else tuple(events), link, printed or dt.date.today(), tuple(matters),
            tuple(questions), tuple(answers))


def cached(knowledge: Knowledge, *args, **kwargs) -> Handout | None:
    """The handout of this selection if it is made already (never builds)."""
    wanted = key(knowledge, *args, **kwargs)
    with _lock:
        entry = _cache.get(wanted)
        if entry is not None and entry[0]() is knowledge:
            _cache.move_to_end(wanted)
            return entry[1]
    return None


def get(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...] = (),
        events: tuple[str, ...] | None = None, link: str = "", printed: dt.date | None = None,
        matters: tuple[str, ...] = (), questions: tuple[str, ...] = (), answers: tuple[str, ...] = ()) -> Handout:
    """The handout of this selection: from the cache, or built (at most AT_ONCE at a time in this process)."""
    args = (treatments, view, priorities, events, link, printed or dt.date.today(), matters, questions, answers)
    wanted = key(knowledge, *args)
    while True:
        if (made := cached(knowledge, *args)) is not None:
            return made
        with _lock:
            underway = _underway.get(wanted)
            if underway is None:
                underway = _underway[wanted] = threading.Event()
                break
        underway.wait(timeout=60)  # the same handout is being made by another request: take that one
    try:
        made = _builders.submit(_counted, knowledge, args).result()
        with _lock:
            _cache[wanted] = (weakref.ref(knowledge), made)
            _cache.move_to_end(wanted)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        return made
    finally:
        with _lock:
            _underway.pop(wanted, None)
        underway.set()


def _counted(knowledge: Knowledge, args: tuple) -> Handout:
    with _lock:
        stats["builds"] += 1
        stats["building"] += 1
        stats["most_at_once"] = max(stats["most_at_once"], stats["building"])
    try:
        return build(knowledge, *args)
    finally:
        with _lock:
            stats["building"] -= 1

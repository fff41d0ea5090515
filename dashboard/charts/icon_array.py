"""Icon arrays: out of 100 people (or 1,000 for rare events), filled icons for those who had the event, outlined for
those who did not, the treatment arm beside its comparator arm, one denominator for both.

Filled vs outlined is the code, never colour alone; the alt text and the sentence under the chart say the same
numbers. A figure below 1 in the denominator is drawn as a half-filled icon and called "fewer than 1".

Built for a 390 px phone first: 100 icons are one block of 10 x 10; 1,000 icons are ten blocks of 100 (two across,
five down) with a gap between blocks, so they can be counted in hundreds. Cells are square at every width, and an
icon's size (with its outline) is smaller than a cell at 390 px, so no two icons touch (tests/e2e measures it)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .arms import wrap
from .palette import COMPARATOR_ARM, FONT, TEMPLATE, TREATMENT_ARM

RARE_BELOW_PCT = 5.0  # below this (in either arm) the array has 1,000 icons, so small numbers are not rounded away
BLOCK = 10  # a block of 100 is 10 x 10 icons
BLOCKS_ACROSS = {100: 1, 1000: 2}  # 1,000: two blocks of 100 across, five down
CELL_PX = {100: 22, 1000: 8}  # the height of a row of icons when the width allows it (cells stay square)
# Marker size and outline width in px. At 390 px a panel of 1,000 is about 165 px wide, 21.2 cells: 7.7 px a cell, so
# an icon of 5.5 px with a 1 px outline leaves a gap of about 1 px; a panel of 100 has about 16 px a cell.
ICON = {100: (11, 1.5), 1000: (5.5, 1.0)}
MODES = {"absolute": "Numbers out of 100 (or 1,000)", "difference": "Difference", "relative": "Relative risk"}


@dataclass(frozen=True)
class Panel:
    name: str  # the arm, with its n
    per: int  # denominator: 100 or 1000
    filled: int  # whole icons filled
    partial: bool  # one more icon half-filled: the figure is above the whole number, or below 1 altogether
    colour: str


def denominator(*percentages: float) -> int:
    return 1000 if min(percentages) < RARE_BELOW_PCT else 100


def count(pct: float, per: int) -> float:
    """People out of `per`, as the source's percentage says (not rounded)."""
    return round(pct * per / 100, 2)


def panel(name: str, pct: float, per: int, colour: str) -> Panel:
    value = count(pct, per)
    whole = int(round(value)) if value >= 1 else 0
    return Panel(name, per, whole, 0 < value < 1, colour)


def in_words(value: float, per: int) -> str:
    """Whole people, as the icons show them: "about 14 in 100" for 14.3; "fewer than 1 in 1,000" below one."""
    if 0 < value < 1:
        return f"fewer than 1 in {per:,}"
    return f"{int(value)} in {per:,}" if value == int(value) else f"about {round(value)} in {per:,}"


def lower_first(text: str) -> str:
    """"Up to 30 months" -> "up to 30 months"; an acronym ("PML", "ALT increased") keeps its capitals."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def over(duration: str) -> str:
    """"Over 96 weeks"; a duration the source does not give reads "In the trial (duration not stated ...)"."""
    duration = lower_first(duration)
    return f"In the trial (duration {duration})" if duration.startswith("not ") else f"Over {duration}"


def sentence(event: str, treatment: str, comparator: str, t_pct: float, c_pct: float, duration: str, mode: str) -> str:
    """The plain sentence under the arrays, in the chosen way of viewing the numbers."""
    per = denominator(t_pct, c_pct)
    t, c = count(t_pct, per), count(c_pct, per)
    when = over(duration)
    exact = f" ({t_pct:g}% vs {c_pct:g}%)"
    if mode == "difference":
        diff = round(t - c, 2)
        more = f"{abs(diff):g} more" if diff > 0 else (f"{abs(diff):g} fewer" if diff < 0 else "no more and no fewer")
        return (f"{when}, {more} out of {per:,} people on {treatment} than on {comparator} had {lower_first(event)}"
                f"{exact}.")
    if mode == "relative":
        if c_pct == 0:
            return f"A relative risk cannot be given: nobody on {comparator} had {lower_first(event)}{exact}."
        return (f"{when}, people on {treatment} were {t_pct / c_pct:.2g} times as likely as people on {comparator} "
                f"to have {lower_first(event)}{exact}. A relative figure can sound larger or smaller than the absolute "
                "numbers: read both.")
    return (f"{when}, {in_words(t, per)} people on {treatment} and {in_words(c, per)} on {comparator} "
            f"had {lower_first(event)}{exact}.")


def _grid(per: int) -> list[tuple[int, int]]:
    """(x, y) of each icon, in reading order: block by block (left to right, then down), row by row inside a block,
    a one-cell gap between blocks."""
    across = BLOCKS_ACROSS[per]
    cells = []
    for i in range(per):
        block, inside = divmod(i, BLOCK * BLOCK)
        row, column = divmod(inside, BLOCK)
        block_row, block_column = divmod(block, across)
        cells.append((block_column * (BLOCK + 1) + column, -(block_row * (BLOCK + 1) + row)))
    return cells


def _extent(per: int) -> tuple[list[float], list[float], float]:
    """x range, y range and the plot height in px for one array of `per` icons (half a cell of margin around)."""
    cells = _grid(per)
    width = max(x for x, _ in cells) + 1
    rows = -min(y for _, y in cells) + 1
    return [-0.55, width - 0.45], [-(rows - 0.45), 0.55], (rows + 0.1) * CELL_PX[per]


def denominator_words(per: int) -> str:
    """What the heading says was drawn: "out of 100 people in each group"."""
    return f"out of {per:,} people in each group"


def figure(panels: tuple[Panel, Panel], highlight: int = 0) -> go.Figure:
    """Two arrays side by side. `highlight` marks that many icons of the first panel (the difference) with a cross."""
    titles = [wrap(p.name, 22) for p in panels]
    title_lines = max(t.count("<br>") + 1 for t in titles)
    per = panels[0].per
    size, line = ICON[per]
    fig = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.06)
    shown: set[str] = set()  # one legend entry per kind of icon
    for column, p in enumerate(panels, start=1):
        cells = _grid(p.per)
        filled, rest = cells[: p.filled], cells[p.filled:]
        partial = rest[:1] if p.partial else []
        empty = rest[1:] if p.partial else rest
        marked = filled[len(filled) - highlight:] if column == 1 and highlight > 0 else []
        plain = filled[: len(filled) - len(marked)]
        for points, symbol, name in ((plain, "circle", "filled: had the event"), (marked, "x", "cross: the difference"),
                                     (partial, "circle-open-dot", "dotted: fewer than 1 person"),
                                     (empty, "circle-open", "outlined: did not")):
            if not points:
                continue
            fig.add_scatter(
                x=[x for x, _ in points], y=[y for _, y in points], mode="markers", row=1, col=column, name=name,
                marker=dict(symbol=symbol, size=size, color=p.colour, line=dict(color=p.colour, width=line)),
                hoverinfo="skip", showlegend=symbol not in shown, legendgroup=symbol,
            )
            shown.add(symbol)
    x_range, y_range, plot_height = _extent(per)
    fig.update_xaxes(visible=False, fixedrange=True, range=x_range, constrain="domain")
    fig.update_yaxes(visible=False, fixedrange=True, range=y_range, constrain="domain")
    for column in (1, 2):  # square cells at every width: each panel's x axis keeps the scale of its y axis
        fig.update_xaxes(scaleanchor="y" if column == 1 else "y2", scaleratio=1, row=1, col=column)
    fig.update_annotations(font=dict(size=14))
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=round(60 + 20 * title_lines + plot_height + 10),
        margin=dict(l=4, r=4, t=10 + 20 * title_lines, b=60), legend=dict(orientation="h", x=0, y=-0.02, yanchor="top", font=dict(size=13)),
    )
    return fig


def filled_icons(fig: go.Figure, column: int) -> int:
    """How many whole icons are filled in one panel (1 = treatment, 2 = comparator): what a test checks."""
    axis = "x" if column == 1 else f"x{column}"
    return sum(len(t.x) for t in fig.data if t.xaxis == axis and t.marker.symbol in ("circle", "x"))


def arms(treatment: str, comparator: str, t_pct: float, c_pct: float) -> tuple[Panel, Panel]:
    per = denominator(t_pct, c_pct)
    return (panel(treatment, t_pct, per, TREATMENT_ARM), panel(comparator, c_pct, per, COMPARATOR_ARM))


def alt(panels: tuple[Panel, Panel], text: str) -> str:
    return (f"Icon arrays of {panels[0].per:,} people each. {panels[0].name}: {panels[0].filled} filled"
            f"{' and one part-filled' if panels[0].partial else ''}. {panels[1].name}: {panels[1].filled} filled"
            f"{' and one part-filled' if panels[1].partial else ''}. {text}")


def estimate_panel(name: str, per_1000: float, less_than: bool, colour: str) -> Panel:
    """A population estimate per 1,000 as icons; "fewer than X" is drawn as X-1 whole icons and one part-filled."""
    if less_than:
        return Panel(name, 1000, max(math.ceil(per_1000) - 1, 0), True, colour)
    return panel(name, per_1000 / 10, 1000, colour)


def single_figure(p: Panel) -> go.Figure:
    """One array (for a population estimate such as PML per 1,000): filled, part-filled and outlined icons."""
    fig = go.Figure()
    size, line = ICON[p.per]
    cells = _grid(p.per)
    filled, rest = cells[: p.filled], cells[p.filled:]
    partial, empty = (rest[:1], rest[1:]) if p.partial else ([], rest)
    for points, symbol, name in ((filled, "circle", "filled: developed PML"), (partial, "circle-open-dot", "dotted: fewer than 1 person"),
                                 (empty, "circle-open", "outlined: did not")):
        if points:
            fig.add_scatter(x=[x for x, _ in points], y=[y for _, y in points], mode="markers", name=name, hoverinfo="skip",
                            marker=dict(symbol=symbol, size=size, color=p.colour, line=dict(color=p.colour, width=line)))
    x_range, y_range, plot_height = _extent(p.per)
    fig.update_xaxes(visible=False, fixedrange=True, range=x_range, constrain="domain", scaleanchor="y", scaleratio=1)
    fig.update_yaxes(visible=False, fixedrange=True, range=y_range, constrain="domain")
    fig.update_layout(template=TEMPLATE, font=FONT, height=round(60 + plot_height), margin=dict(l=4, r=4, t=8, b=50),
                      legend=dict(orientation="h", x=0, y=-0.02, yanchor="top", font=dict(size=13)))
    return fig


def single_table(p: Panel, per_1000: float) -> pd.DataFrame:
    return pd.DataFrame([{"Group": p.name, "Estimated cases per 1,000": per_1000, "Filled icons": p.filled,
                          "Part-filled icon (fewer than 1)": "yes" if p.partial else "no"}])

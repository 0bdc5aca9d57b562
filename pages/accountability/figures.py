"""Charts of the accountability page: measures against a target line, outcomes stacked by
strand, and missing fields. Missing values are gaps, never zeros."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.palette import OKABE_ITO

MARGIN = {"l": 50, "r": 10, "t": 20, "b": 40}
TARGET_COLOUR = "#555555"
UNKNOWN_COLOUR = "#999999"
OUTCOME_COLOURS = {
    "charge_summons": OKABE_ITO[2],
    "out_of_court": OKABE_ITO[4],
    "nfa": OKABE_ITO[1],
    "victim_withdrew": OKABE_ITO[5],
    "ongoing": OKABE_ITO[0],
    "not_recorded": "#BBBBBB",  # grey: no outcome on the record
}


def _layout(figure: go.Figure, x_title: str, y_title: str, height: int = 340) -> go.Figure:
    figure.update_xaxes(type="category", title=x_title)
    figure.update_yaxes(title=y_title, rangemode="tozero")
    figure.update_layout(
        margin=MARGIN, legend={"orientation": "h", "y": -0.3}, height=height, barmode="group"
    )
    return figure


def create_measure_figure(
    frame: pd.DataFrame,
    x: str,
    series: dict[str, str],
    titles: dict[str, str],
    targets: list[tuple[str, float]] = (),
    bars: bool = False,
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """One line (or bar) series per column of `series` (column → legend label) along `x`, and
    each target (legend label, value) as a dashed or dotted line; `titles` holds x and y;
    `colours` overrides the palette for some columns."""
    figure = go.Figure()
    for colour, (column, label) in zip(OKABE_ITO, series.items(), strict=False):
        colour = (colours or {}).get(column, colour)
        values = pd.to_numeric(frame[column], errors="coerce").astype("float")
        if bars:
            figure.add_bar(x=frame[x], y=values, name=label, marker_color=colour)
        else:
            figure.add_scatter(
                x=frame[x],
                y=values,
                name=label,
                mode="lines+markers",
                line={"color": colour, "width": 2},
                connectgaps=False,
            )
    for dash, (label, value) in zip(("dash", "dot"), targets, strict=False):
        figure.add_scatter(
            x=frame[x],
            y=[value] * len(frame),
            name=label,
            mode="lines",
            line={"color": TARGET_COLOUR, "dash": dash, "width": 1.5},
        )
    return _layout(figure, titles["x"], titles["y"])


def create_outcome_figure(
    frame: pd.DataFrame, x: str, outcomes: dict[str, str], titles: dict[str, str]
) -> go.Figure:
    """Referrals stacked by outcome (columns of `outcomes`: code → label) for each `x`."""
    figure = go.Figure()
    for code, label in outcomes.items():
        figure.add_bar(
            x=frame[x],
            y=frame[code].astype("float"),
            name=label,
            marker_color=OUTCOME_COLOURS.get(code, TARGET_COLOUR),
        )
    _layout(figure, titles["x"], titles["y"], height=380)
    figure.update_layout(barmode="stack")
    return figure


def create_missing_figure(labels: list[str], missing: list[int], title: str) -> go.Figure:
    """Horizontal bars: how many records miss each field."""
    figure = go.Figure(
        go.Bar(y=labels, x=missing, orientation="h", marker_color=OKABE_ITO[5], name=title)
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=title, rangemode="tozero")
    figure.update_layout(margin={**MARGIN, "l": 10}, height=260, showlegend=False)
    figure.update_yaxes(automargin=True)
    return figure

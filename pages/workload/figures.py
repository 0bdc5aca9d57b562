"""Charts of the liaison workload page: the service funnel, grouped bars and capacity."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components.palette import OKABE_ITO

MARGIN = {"l": 10, "r": 10, "t": 10, "b": 40}


def whole_ticks(values: pd.DataFrame) -> dict:
    """Axis settings that keep count ticks on whole numbers when the counts are small."""
    top = float(values.to_numpy(dtype="float").max()) if values.size else 0.0
    return {"dtick": 1, "tick0": 0} if top < 6 else {}


def create_funnel_figure(labels: list[str], counts: list[int]) -> go.Figure:
    """Cumulative stage counts as a funnel, with each stage's share of the first one."""
    figure = go.Figure(
        go.Funnel(
            y=labels,
            x=counts,
            textinfo="value+percent initial",
            marker={"color": OKABE_ITO[0]},
            connector={"fillcolor": "#dbe9f4"},
        )
    )
    figure.update_layout(margin={**MARGIN, "l": 200}, height=380)
    return figure


def create_grouped_bars(
    frame: pd.DataFrame,
    x: str,
    series: dict[str, str],
    x_title: str,
    y_title: str,
) -> go.Figure:
    """One bar series per column of `series` (column → legend label) along `x`."""
    figure = go.Figure()
    for colour, (column, label) in zip(OKABE_ITO, series.items(), strict=False):
        figure.add_bar(x=frame[x], y=frame[column].astype("float"), name=label, marker_color=colour)
    figure.update_xaxes(type="category", title=x_title)
    figure.update_yaxes(title=y_title, rangemode="tozero", **whole_ticks(frame[list(series)]))
    figure.update_layout(
        barmode="group",
        margin={**MARGIN, "l": 50},
        legend={"orientation": "h", "y": -0.25},
        height=340,
    )
    return figure


def create_capacity_figure(
    areas: list[str],
    per_officer: list[float | None],
    above: list[bool],
    level: float,
    titles: dict[str, str],
) -> go.Figure:
    """Referrals per active LO by area against the capacity level (dashed line, in the legend);
    bars above the level in vermillion; areas without an officer have no bar but a marker.

    `titles`: y (axis), level (line label), above, within (legend), no_officer (marker)."""
    values = [math.nan if v is None else float(v) for v in per_officer]
    figure = go.Figure()
    for flag, colour, name in ((False, OKABE_ITO[0], "within"), (True, OKABE_ITO[5], "above")):
        figure.add_bar(
            x=[a for a, f in zip(areas, above, strict=True) if bool(f) == flag],
            y=[v for v, f in zip(values, above, strict=True) if bool(f) == flag],
            name=titles[name],
            marker_color=colour,
        )
    for area, value in zip(areas, values, strict=True):
        if math.isnan(value):
            figure.add_annotation(
                x=area, y=0, text=titles["no_officer"], showarrow=False, yshift=12, textangle=-90
            )
    dash = {"color": OKABE_ITO[7], "dash": "dash"}
    figure.add_hline(y=level, line=dash)
    figure.add_scatter(x=[None], y=[None], mode="lines", line=dash, name=titles["level"])
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=areas)
    figure.update_yaxes(title=titles["y"], rangemode="tozero")
    figure.update_layout(
        margin={**MARGIN, "l": 50},
        legend={"orientation": "h", "y": -0.25},
        height=340,
        barmode="overlay",
        showlegend=True,
    )
    return figure

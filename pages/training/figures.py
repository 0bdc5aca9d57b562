"""Charts of the training page: coverage bars with a target line, grouped bars, the cascade
Sankey and before/after scores."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.palette import OKABE_ITO, TEXT_BESIDE_BAR, TEXT_ON_BAR
from dashboard.formatting import format_percent

MARGIN = {"l": 10, "r": 10, "t": 10, "b": 40}


def create_coverage_figure(
    frame: pd.DataFrame, label: str, target: float | None, titles: dict[str, str]
) -> go.Figure:
    """Horizontal bars of coverage % per row of `frame[label]`, with the target as a line."""
    values = frame["coverage"].astype("float")
    figure = go.Figure(
        go.Bar(
            y=frame[label], x=values, orientation="h", marker_color=OKABE_ITO[0],
            text=[format_percent(v, 1, missing="") for v in values], textposition="auto",
            # white on the blue bar reads 5.1:1, near-black beside it 15:1 (WCAG 1.4.3)
            insidetextfont={"color": TEXT_ON_BAR}, outsidetextfont={"color": TEXT_BESIDE_BAR},
            hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
        )
    )  # fmt: skip
    if target is not None:
        figure.add_vline(x=target, line_dash="dash", line_color=OKABE_ITO[5],
                         annotation_text=titles["target"], annotation_position="top")  # fmt: skip
    figure.update_xaxes(title=titles["x"], range=[0, 100])
    figure.update_yaxes(type="category", autorange="reversed")
    top = 30 if target is not None else MARGIN.get("t", 10)  # room for the target's label
    figure.update_layout(margin={**MARGIN, "l": 10, "t": top},
                         height=max(220, 34 * len(frame) + 90))  # fmt: skip
    return figure


def create_stacked_bars(
    frame: pd.DataFrame, x: str, colour: str, value: str, titles: dict[str, str]
) -> go.Figure:
    """`value` summed by `x` (category axis), one stacked series per value of `colour`."""
    pivot = frame.pivot_table(index=x, columns=colour, values=value, aggfunc="sum", fill_value=0)
    figure = go.Figure()
    for paint, column in zip(OKABE_ITO, pivot.columns, strict=False):
        figure.add_bar(x=list(pivot.index), y=pivot[column], name=str(column), marker_color=paint)
    figure.update_xaxes(type="category", title=titles["x"])
    figure.update_yaxes(title=titles["y"], rangemode="tozero")
    figure.update_layout(barmode="stack", margin={**MARGIN, "l": 50}, height=340,
                         legend={"orientation": "h", "y": -0.3})  # fmt: skip
    return figure


def create_cascade_sankey(cascade: pd.DataFrame, names: dict[str, str], end: str) -> go.Figure:
    """Trainer → area of their sessions → people reached; link widths are people reached."""
    trainers = sorted(cascade["trainer"].unique())
    areas = sorted(cascade["area"].fillna("").unique())
    labels = [*trainers, *[names.get(a, a) or "-" for a in areas], end]
    index = {**{t: i for i, t in enumerate(trainers)},
             **{("area", a): len(trainers) + i for i, a in enumerate(areas)}}  # fmt: skip
    source, target, value = [], [], []
    for row in cascade.itertuples(index=False):
        source.append(index[row.trainer])
        target.append(index[("area", row.area or "")])
        value.append(int(row.reached))
    per_area = cascade.assign(area=cascade["area"].fillna("")).groupby("area")["reached"].sum()
    for area, reached in per_area.items():
        source.append(index[("area", area)])
        target.append(len(labels) - 1)
        value.append(int(reached))
    colours = [OKABE_ITO[0]] * len(trainers) + [OKABE_ITO[2]] * len(areas) + [OKABE_ITO[1]]
    figure = go.Figure(
        go.Sankey(
            node={"label": labels, "color": colours, "pad": 12, "thickness": 14},
            link={"source": source, "target": target, "value": value},
        )
    )
    figure.update_layout(margin={**MARGIN, "b": 10}, height=max(300, 22 * len(labels)))
    return figure


def create_score_figure(scores: pd.DataFrame, series: dict[str, str], y_title: str) -> go.Figure:
    """Mean scores per course as grouped bars (courses without means are left out)."""
    shown = scores.dropna(subset=list(series))
    figure = go.Figure()
    for paint, (column, label) in zip(OKABE_ITO, series.items(), strict=False):
        figure.add_bar(x=shown["course"], y=shown[column].astype("float"), name=label,
                       marker_color=paint)  # fmt: skip
    figure.update_xaxes(type="category")
    figure.update_yaxes(title=y_title, range=[0, 100])
    figure.update_layout(barmode="group", margin={**MARGIN, "l": 50}, height=320,
                         legend={"orientation": "h", "y": -0.25})  # fmt: skip
    return figure

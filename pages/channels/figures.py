"""Charts of the reporting-channels page: monthly volumes by channel with community-event
markers, third-party share against its target, and referrals by recorded channel. Suppressed
counts are gaps (NaN), never zeros."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.palette import OKABE_ITO
from dashboard.formatting import format_date
from pages.channels.frames import MARKED_EVENTS, month_start

CHANNEL_COLOURS = {
    "101": OKABE_ITO[0],
    "third_party": OKABE_ITO[1],
    "partner_referral": OKABE_ITO[2],
    "in_person": OKABE_ITO[3],
    "online": OKABE_ITO[4],
    "999": OKABE_ITO[5],
    "direct_to_lo": OKABE_ITO[6],
}
CHANNEL_DASHES = {"direct_to_lo": "dot", "in_person": "dash", "online": "dashdot"}
MARKER_COLOUR, LIGHT_MARKER_COLOUR = "#000000", "#999999"
LAYOUT = {
    "margin": {"l": 50, "r": 10, "t": 30, "b": 40},
    "legend": {"orientation": "h", "y": -0.2},
    "height": 400,
    "hovermode": "x unified",
}


def _floats(counts: pd.Series) -> list[float]:
    """Nullable counts as floats, suppressed (<NA>) as NaN so the chart leaves a gap."""
    return counts.astype("Float64").astype("float64").tolist()


def add_event_markers(figure: go.Figure, events: pd.DataFrame, labels: Mapping[str, str]) -> None:
    """Dashed vertical lines (and hoverable stars at the top) for campaigns and Pride, light
    ticks at the foot of the chart for other community events, on a hidden second axis."""
    figure.update_layout(yaxis2={"overlaying": "y", "range": [0, 1], "visible": False})
    marked = events[events["event_type"].isin(MARKED_EVENTS)]
    for held_on in marked["held_on"]:
        figure.add_shape(
            type="line",
            x0=held_on,
            x1=held_on,
            yref="paper",
            y0=0,
            y1=1,
            line={"color": MARKER_COLOUR, "width": 1, "dash": "dash"},
        )
    for part, name, y, symbol, colour in (
        (marked, labels["marked_events"], 0.97, "star", MARKER_COLOUR),
        (
            events[~events.index.isin(marked.index)],
            labels["other_events"],
            0.02,
            "line-ns-open",
            LIGHT_MARKER_COLOUR,
        ),
    ):
        if part.empty:
            continue
        figure.add_scatter(
            x=list(part["held_on"]),
            y=[y] * len(part),
            yaxis="y2",
            mode="markers",
            name=name,
            marker={"symbol": symbol, "size": 10, "color": colour, "line": {"color": colour}},
            hovertext=[
                f"{format_date(d)}: {t}"
                for d, t in zip(part["held_on"], part["label"], strict=True)
            ],
            hoverinfo="text",
        )


def volume_figure(
    series: pd.DataFrame, events: pd.DataFrame, labels: Mapping[str, str]
) -> go.Figure:
    """One line per channel over the months of `series` (month, channel, count); `labels` gives
    channel names and axis titles; `events` (held_on, event_type, label) are marked."""
    figure = go.Figure()
    for channel, part in series.groupby("channel", sort=False):
        figure.add_scatter(
            x=[month_start(m) for m in part["month"]],
            y=_floats(part["count"]),
            name=labels[channel],
            mode="lines+markers",
            connectgaps=False,
            line={
                "color": CHANNEL_COLOURS.get(channel, "#000000"),
                "dash": CHANNEL_DASHES.get(channel, "solid"),
            },
        )
    add_event_markers(figure, events, labels)
    figure.update_layout(**LAYOUT, yaxis_title=labels["reports"], xaxis_title=labels["month"])
    figure.update_yaxes(rangemode="tozero")
    return figure


def share_figure(
    shares: pd.DataFrame, target: float | None, labels: Mapping[str, str]
) -> go.Figure:
    """Monthly share of all reports (%) through third-party centres and partner referrals,
    with the third-party target as a dashed line."""
    figure = go.Figure()
    months = [month_start(m) for m in shares["month"]]
    for channel in ("third_party", "partner_referral"):
        figure.add_scatter(
            x=months,
            y=_floats(shares[f"{channel}_share"]),
            name=labels[channel],
            mode="lines+markers",
            connectgaps=False,
            line={"color": CHANNEL_COLOURS[channel]},
        )
    if target is not None:
        figure.add_scatter(
            x=months,
            y=[target] * len(months),
            name=labels["target"],
            mode="lines",
            line={"color": "#000000", "dash": "dash", "width": 1},
        )
    figure.update_layout(**LAYOUT, yaxis_title=labels["share"], xaxis_title=labels["month"])
    figure.update_yaxes(rangemode="tozero")
    return figure


def referral_figure(table: pd.DataFrame, labels: Mapping[str, str]) -> go.Figure:
    """Horizontal bars: referrals per recorded channel (suppressed ones left empty)."""
    figure = go.Figure(
        go.Bar(
            x=_floats(table["count"]),
            y=[labels[c] for c in table["channel"]],
            orientation="h",
            marker_color=[CHANNEL_COLOURS.get(c, "#000000") for c in table["channel"]],
        )
    )
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        height=320,
        xaxis_title=labels["referrals"],
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure

"""The public summary's incident figures: headline cards, the table by strand, the monthly
trend and the rates per 100,000 residents by area."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import html

from components.chart_table import create_chart_with_table
from dashboard.i18n import _
from dashboard.labels import (
    month_label,
    strand_label,
)
from dashboard.open_data.summary import Summary
from data_access.vocab import STRANDS
from pages.public.blocks import (
    PREFIX,
    figure_card,
    period_words,
    plain_table,
    since_words,
)
from pages.public.text import short_caveat, shown


def incident_cards(summary: Summary) -> list:
    period = period_words(summary)
    total = summary.by_strand["All"]
    trans = summary.by_strand["transphobic"]
    crimes = summary.by_type[("All", "crime")]
    return [
        figure_card(
            _("Hate incidents reported"),
            shown(total),
            _("Hate incidents against gay, lesbian, bi and trans people, %(p)s.", p=period),
            f"{PREFIX}-incidents",
            since_words(summary, "All") + " " + short_caveat(),
        ),
        figure_card(
            _("Transphobic incidents"),
            shown(trans),
            _("Hate incidents against trans people, %(p)s.", p=period),
            f"{PREFIX}-transphobic",
            since_words(summary, "transphobic") + " " + short_caveat(),
        ),
        figure_card(
            _("Recorded as crimes"),
            shown(crimes),
            _("Incidents that were also crimes, %(p)s.", p=period),
            f"{PREFIX}-crimes",
            short_caveat(),
        ),
    ]


def strand_table(summary: Summary):
    """Incidents, crimes and non-crime incidents by strand (transphobic its own row)."""
    rows = [
        {
            "strand": strand_label(s) if s != "All" else _("All strands"),
            "incidents": shown(summary.by_strand[s]),
            "crimes": shown(summary.by_type[(s, "crime")]),
            "non_crime": shown(summary.by_type[(s, "non_crime")]),
            "since": shown(summary.since[s]),
        }
        for s in [*STRANDS, "All"]
    ]
    headers = {
        "strand": _("Strand"),
        "incidents": _("All"),
        "crimes": _("Crimes"),
        "non_crime": _("Non-crime"),
        "since": _("Since %(first)s", first=month_label(summary.first, short=True)),
    }
    return html.Div(
        [
            html.P(
                _(
                    "Incidents by kind of hate, %(p)s. The last column counts all of them since "
                    "records began.",
                    p=period_words(summary),
                ),
                className="chart-caption",
            ),
            plain_table(rows, headers, f"{PREFIX}-strands-table"),
        ]
    )


def trend_section(summary: Summary):
    frame = summary.trend.assign(month=summary.trend["month"].map(short_month))
    figure = go.Figure(
        go.Scatter(
            x=frame["month"],
            y=frame["count"].astype("float"),
            mode="lines+markers",
            line={"color": "#6a3d9a"},
            name=_("Incidents"),
        )
    )
    figure.update_xaxes(type="category")
    figure.update_layout(
        margin={"l": 40, "r": 10, "t": 10, "b": 40},
        height=300,
        yaxis_title=_("Incidents reported"),
        yaxis_rangemode="tozero",
    )
    table = frame.assign(count=frame["count"].map(shown))
    return create_chart_with_table(
        figure,
        table,
        f"{PREFIX}-trend",
        _("Incidents reported each month. %(caveat)s", caveat=short_caveat()),
        {"month": _("Month"), "count": _("Incidents")},
        {"table": _("Table")},
        figures=frame,
    )


def short_month(month: str) -> str:
    """'2025-11' → 'Nov 2025' in the visitor's language (a plain-language page)."""
    return month_label(month, short=True)


def rates_section(summary: Summary):
    """Incidents per 100,000 residents a year by area, with where the population comes from."""
    frame = summary.rates
    rows = [
        {
            "area": row.name,
            "incidents": shown(row.incidents),
            "rate": shown(row.per_year),
        }
        for row in frame.itertuples()
    ]
    headers = {
        "area": _("Area"),
        "incidents": _("Since %(first)s", first=month_label(summary.first, short=True)),
        "rate": _("Per 100,000 a year"),
    }
    sources = sorted({s for s in frame["source"].dropna()})
    source = "; ".join(sources) if sources else _("the population recorded for each area")
    return html.Div(
        [
            html.P(
                _(
                    "Incidents in each area. We also show them per 100,000 people a year. This "
                    "lets you compare big and small areas. %(caveat)s",
                    caveat=short_caveat(),
                )
            ),
            plain_table(rows, headers, f"{PREFIX}-rates-table"),
            html.P(_("Number of people: %(source)s.", source=source), className="small text-muted"),
        ]
    )

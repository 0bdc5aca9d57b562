"""The public summary's sections built from the headline figures: plain words, each figure
with one sentence saying what it counts."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import html

from components.chart_table import create_chart_with_table
from dashboard.i18n import _
from dashboard.labels import (
    action_status_label,
    commitment_status_label,
    month_label,
    outcome_label,
    strand_label,
)
from dashboard.open_data.builders import share
from dashboard.open_data.summary import Summary
from data_access.vocab import STRANDS
from pages.public.text import short_caveat, shown

PREFIX = "public"


def figure_card(title: str, value: str, sentence: str, card_id: str, note: str | None = None):
    """One headline: what it is, the figure, one sentence of explanation (and a caveat)."""
    body = [
        html.H3(title, className="h6 text-muted mb-1"),
        html.P(value, className="kpi-value mb-1" + (" suppressed" if "[c]" in value else "")),
        html.P(sentence, className="mb-1"),
    ]
    if "[c]" in value:
        note = " ".join([_("[c]: hidden to protect privacy (see the words below)."), note or ""])
    if note:
        body.append(html.P(note, className="small text-muted mb-0"))
    return dbc.Col(
        dbc.Card(dbc.CardBody(body), className="h-100 kpi-card public-card", id=card_id),
        xs=12,
        md=6,
        xl=4,
        className="mb-3",
    )


def plain_table(rows: list[dict], headers: dict[str, str], table_id: str) -> dbc.Table:
    """A small table that wraps on a phone (first column words, the rest figures)."""
    head = html.Thead(html.Tr([html.Th(label, scope="col") for label in headers.values()]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(row[key], scope="row") if i == 0 else html.Td(row[key])
                    for i, key in enumerate(headers)
                ]
            )
            for row in rows
        ]
    )
    return dbc.Table([head, body], id=table_id, size="sm", striped=True, className="public-table")


def period_words(summary: Summary) -> str:
    if not summary.months:
        return _("no months yet")
    return _(
        "%(start)s to %(end)s",
        start=month_label(summary.months[0]),
        end=month_label(summary.months[-1]),
    )


def since_words(summary: Summary, strand: str) -> str:
    """The whole-history figure, shown beside the year's (published even when a month of the
    year is hidden)."""
    return _(
        "Since %(first)s: %(n)s.",
        first=month_label(summary.first) if summary.first else "-",
        n=shown(summary.since[strand]),
    )


def incident_cards(summary: Summary) -> list:
    period = period_words(summary)
    total = summary.by_strand["All"]
    trans = summary.by_strand["transphobic"]
    crimes = summary.by_type[("All", "crime")]
    return [
        figure_card(
            _("Hate incidents reported"),
            shown(total),
            _("Homophobic, biphobic and transphobic incidents reported, %(p)s.", p=period),
            f"{PREFIX}-incidents",
            since_words(summary, "All") + " " + short_caveat(),
        ),
        figure_card(
            _("Transphobic incidents"),
            shown(trans),
            _("Incidents against trans people, counted on their own, %(p)s.", p=period),
            f"{PREFIX}-transphobic",
            since_words(summary, "transphobic") + " " + short_caveat(),
        ),
        figure_card(
            _("Recorded as crimes"),
            shown(crimes),
            _("Of all incidents, those that were also criminal offences, %(p)s.", p=period),
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
        "incidents": _("Incidents"),
        "crimes": _("Crimes"),
        "non_crime": _("Non-crime"),
        "since": _("Since %(first)s", first=month_label(summary.first, short=True)),
    }
    return html.Div(
        [
            html.P(
                _(
                    "By strand, %(p)s (crimes and non-crime incidents), and since records began.",
                    p=period_words(summary),
                ),
                className="chart-caption",
            ),
            plain_table(rows, headers, f"{PREFIX}-strands-table"),
        ]
    )


def trend_section(summary: Summary):
    frame = summary.trend
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
        _("Incidents reported each month, all strands. %(caveat)s", caveat=short_caveat()),
        {"month": _("Month"), "count": _("Incidents")},
        {"table": _("Table")},
    )


def outcome_section(summary: Summary):
    """Share of closed cases by outcome, from published counts only."""
    total = summary.outcomes["All"]
    rows = []
    for outcome, count in summary.outcomes.items():
        if outcome == "All":
            continue
        rows.append(
            {
                "outcome": outcome_label(outcome),
                "cases": shown(count),
                "share": shown(share(count, total), "%"),
            }
        )
    headers = {"outcome": _("Outcome"), "cases": _("Cases closed"), "share": _("Share")}
    since = month_label(summary.first) if summary.first else "-"
    return html.Div(
        [
            html.P(
                _(
                    "What happened in the %(n)s cases closed since %(since)s. Many hate crimes "
                    "end without a charge, often because no suspect is identified or the "
                    "victim chooses not to go on.",
                    n=shown(total),
                    since=since,
                )
            ),
            plain_table(rows, headers, f"{PREFIX}-outcomes-table"),
        ]
    )


def scheme_cards(summary: Summary) -> list:
    period = period_words(summary)
    accepted = share(summary.accepted, summary.offered)
    coverage = share(summary.trained, summary.headcount)
    return [
        figure_card(
            _("Liaison officer offers accepted"),
            shown(accepted, "%"),
            _(
                "Of %(n)s victims offered a liaison officer, the share who accepted, %(p)s.",
                n=shown(summary.offered),
                p=period,
            ),
            f"{PREFIX}-offers",
        ),
        figure_card(
            _("Staff trained"),
            shown(coverage, "%"),
            _(
                "Share of the workforce (%(n)s people) who completed LGBT+ awareness training.",
                n=f"{summary.headcount:,}",
            ),
            f"{PREFIX}-training",
        ),
        figure_card(
            _("Community events held"),
            shown(summary.events),
            _(
                "Prides, forums, outreach, talks and vigils the force held or attended, %(p)s.",
                p=period,
            ),
            f"{PREFIX}-events",
        ),
    ]


def commitments_section(summary: Summary):
    total = sum(summary.commitments.values())
    counts = ", ".join(
        f"{commitment_status_label(status)}: {n}" for status, n in summary.commitments.items()
    )
    items = [
        html.Li(
            [
                html.Strong(_("You said: ")),
                row.issue,
                html.Br(),
                html.Strong(_("We did: ")),
                row.response or _("(response to come)"),
                " ",
                html.Span(f"({action_status_label(row.status)})", className="text-muted"),
            ],
            className="mb-2",
        )
        for row in summary.actions.itertuples()
    ]
    return html.Div(
        [
            html.P(
                _(
                    "The force has made %(total)d public commitments to LGBT+ communities. "
                    "Progress: %(counts)s.",
                    total=total,
                    counts=counts,
                ),
                id=f"{PREFIX}-commitments",
            ),
            html.H3(_("You said, we did"), className="h6 mt-3"),
            html.Ul(items, id=f"{PREFIX}-actions", className="list-unstyled"),
            html.A(_("See every commitment"), href="/commitments"),
        ]
    )

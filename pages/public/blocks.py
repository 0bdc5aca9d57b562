"""The public summary's building blocks: a headline card, a small table that wraps on a phone,
and the words for the periods figures cover."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import _
from dashboard.labels import month_label
from dashboard.open_data.summary import Summary
from pages.public.text import shown

PREFIX = "public"


def figure_card(title: str, value: str, sentence: str, card_id: str, note: str | None = None):
    """One headline: what it is, the figure, one sentence of explanation (and a caveat)."""
    body = [
        html.H3(title, className="h6 text-muted mb-1"),
        html.P(value, className="kpi-value mb-1" + (" suppressed" if "[c]" in value else "")),
        html.P(sentence, className="mb-1"),
    ]
    if "[c]" in value:
        note = " ".join([_("[c] is a number we hide to keep details private."), note or ""])
    if note:
        body.append(html.P(note, className="small text-muted mb-0"))
    return dbc.Col(
        dbc.Card(dbc.CardBody(body), className="h-100 kpi-card public-card", id=card_id),
        xs=12,
        md=6,
        xl=4,
        className="mb-3",
    )


def empty_card(title: str, message: str, card_id: str):
    """A headline with no data behind it yet: says so, never a 0 or a [c]."""
    body = [
        html.H3(title, className="h6 text-muted mb-1"),
        html.P(message, className="mb-1", role="status"),
    ]
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

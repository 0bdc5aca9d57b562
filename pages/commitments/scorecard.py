"""Scorecard cards for the leadership-commitment page: one card per OAS key point with its
indicators (value, target, trend, status in words) and its commitments in brief."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.kpi_card import create_status_badge

COLUMNS = ("indicator", "value", "target", "trend", "status")
WIDTHS = ("34%", "13%", "17%", "22%", "14%")


def _indicator_cell(row: dict) -> html.Td:
    parts: list = [html.Div(row["indicator"], className="fw-semibold")]
    if row.get("base"):
        parts.append(html.Div(row["base"], className="small text-muted"))
    if row.get("note"):
        parts.append(html.Div(row["note"], className="small fst-italic text-muted"))
    return html.Td(parts)


def create_indicator_table(
    rows: Sequence[dict], headers: dict[str, str], table_id: str
) -> dbc.Table:
    """The indicators of one key point: name (with its base and any note), current value,
    target, trend against the previous period, and status."""
    widths = html.Colgroup([html.Col(style={"width": w}) for w in WIDTHS])
    right = {"value", "target"}
    head = html.Thead(
        html.Tr(
            [
                html.Th(headers[c], scope="col", className="text-end" if c in right else None)
                for c in COLUMNS
            ]
        )
    )
    body = [
        html.Tr(
            [
                _indicator_cell(row),
                html.Td(
                    row["value"],
                    className="text-end" + (" suppressed" if row["suppressed"] else ""),
                ),
                html.Td(row["target"], className="text-end small"),
                html.Td(row["trend"], className="small"),
                html.Td(
                    create_status_badge(
                        row["status"],
                        row["status_label"],
                        f"text-wrap scorecard-status-{row['status']}",
                    )
                ),
            ],
            id=f"{table_id}-{row['code']}",
        )
        for row in rows
    ]
    return dbc.Table(
        [widths, head, html.Tbody(body)],
        id=table_id,
        style={"tableLayout": "fixed"},
        size="sm",
        bordered=False,
        hover=True,
        responsive=True,
        className="align-middle mb-2",
    )


def create_key_point_card(
    card_id: str,
    title: str,
    rows: Sequence[dict],
    headers: dict[str, str],
    commitment_lines: Sequence[str],
    link_text: str,
    link_href: str,
) -> dbc.Card:
    """One key point: its indicators, then its commitments in brief and a link to them."""
    return dbc.Card(
        [
            dbc.CardHeader(html.H3(title, className="h6 mb-0")),
            dbc.CardBody(
                [
                    create_indicator_table(rows, headers, f"{card_id}-table"),
                    html.Div(
                        [html.P(line, className="small mb-1") for line in commitment_lines],
                        className="border-top pt-2",
                    ),
                    dcc.Link(link_text, href=link_href, className="small"),
                ]
            ),
        ],
        id=card_id,
        className="h-100 scorecard-card",
    )


def create_scorecard(cards: Sequence[dbc.Card]) -> dbc.Row:
    """Cards two to a row on wide screens, one on narrow ones."""
    return dbc.Row([dbc.Col(card, xs=12, xl=6, className="mb-3") for card in cards])

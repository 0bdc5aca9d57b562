"""Headline figure card: label, value, optional change or target, RAG status border."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

BADGE_COLOURS = {"green": "success", "amber": "warning", "red": "danger"}


def create_status_badge(status: str, label: str, class_name: str = "") -> dbc.Badge:
    """RAG status as a badge that says it in words (dark text on amber: white reads 1.6:1)."""
    return dbc.Badge(
        label,
        color=BADGE_COLOURS.get(status, "secondary"),
        text_color="dark" if status == "amber" else None,
        className=f"status-badge {class_name}".strip(),
    )


def create_kpi_card(
    label: str,
    value: str,
    detail: str | None = None,
    status: str = "none",
    card_id: str | None = None,
    status_label: str | None = None,
) -> dbc.Card:
    """A card; `status` is green, amber, red or none (also said in text, not only colour)."""
    body = [
        html.Div(label, className="text-muted small"),
        html.Div(value, className="kpi-value" + (" suppressed" if value == "[c]" else "")),
    ]
    if detail:
        body.append(html.Div(detail, className="kpi-change text-muted"))
    if status_label:
        body.append(html.Div(create_status_badge(status, status_label), className="mt-1"))
    kwargs = {"id": card_id} if card_id else {}
    return dbc.Card(dbc.CardBody(body), className=f"kpi-card h-100 kpi-status-{status}", **kwargs)


def create_empty_kpi_card(label: str, message: str, card_id: str | None = None) -> dbc.Card:
    """A card for a figure with no data behind it: the label and why (never a 0 or a marker)."""
    body = [
        html.Div(label, className="text-muted small"),
        html.Div("—", className="kpi-value kpi-empty", **{"aria-hidden": "true"}),
        html.Div(message, className="kpi-change text-muted", role="status"),
    ]
    kwargs = {"id": card_id} if card_id else {}
    return dbc.Card(dbc.CardBody(body), className="kpi-card h-100 kpi-status-none", **kwargs)


def create_kpi_row(cards: list[dbc.Card]) -> dbc.Row:
    """Cards in a responsive row."""
    return dbc.Row([dbc.Col(card, xs=12, sm=6, lg=True, className="mb-3") for card in cards])

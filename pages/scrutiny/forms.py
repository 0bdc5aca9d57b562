"""The coordinator's controls on the scrutiny page: draw the sample, record a finding."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import _
from data_access.models.scrutiny import FINDINGS
from data_access.scrutiny import MAX_CASES
from pages.scrutiny.text import finding_label

PREFIX = "scrutiny"


def _labelled(component_id: str, label: str, control) -> html.Div:
    return html.Div([dbc.Label(label, html_for=component_id, className="small mb-1"), control])


def create_draw_form() -> dbc.Card:
    """Number of cases (at most 12), an optional seed, and the draw button."""
    return dbc.Card(dbc.CardBody([
        html.H2(_("Draw this quarter's sample"), className="h6"),
        dbc.Row([
            dbc.Col(_labelled(f"{PREFIX}-size", _("Cases (at most %(n)s)", n=MAX_CASES),
                              dbc.Input(id=f"{PREFIX}-size", type="number", min=1,
                                        max=MAX_CASES, step=1, value=MAX_CASES)), xs=6, md=3),
            dbc.Col(_labelled(f"{PREFIX}-seed", _("Seed (blank: chosen at random)"),
                              dbc.Input(id=f"{PREFIX}-seed", type="number", step=1)),
                    xs=6, md=4),
        ], className="g-2"),
        dbc.Button(_("Draw sample"), id=f"{PREFIX}-draw", color="primary", className="mt-2"),
        dcc.Loading(html.Div(id=f"{PREFIX}-draw-message", role="status", className="mt-2")),
    ]), className="mb-3")  # fmt: skip


def create_finding_form() -> dbc.Card:
    """The case, the panel's finding, its theme, and whether to raise an action."""
    findings = [{"value": f, "label": finding_label(f)} for f in FINDINGS]
    return dbc.Card(dbc.CardBody([
        html.H2(_("Record the panel's finding"), className="h6"),
        dbc.Row([
            dbc.Col(_labelled(f"{PREFIX}-case", _("Case (log number)"),
                              dcc.Dropdown(id=f"{PREFIX}-case")), xs=12, md=4),
            dbc.Col(_labelled(f"{PREFIX}-finding", _("Finding"),
                              dcc.Dropdown(id=f"{PREFIX}-finding", options=findings)),
                    xs=12, md=4),
            dbc.Col(_labelled(f"{PREFIX}-theme", _("Theme"), dbc.Input(id=f"{PREFIX}-theme")),
                    xs=12, md=4),
        ], className="g-2"),
        dbc.Checkbox(id=f"{PREFIX}-raise", label=_("Raise an action in the actions log"),
                     value=False, className="mt-2"),
        dbc.Button(_("Save finding"), id=f"{PREFIX}-save", color="primary", className="mt-2"),
        dcc.Loading(html.Div(id=f"{PREFIX}-save-message", role="status", className="mt-2")),
    ]), className="mb-3")  # fmt: skip


def create_message(problems: list[tuple[str, str]] | None, done: str | None) -> dbc.Alert:
    if problems:
        return dbc.Alert([html.P(_("Nothing was saved:"), className="mb-1"),
                          html.Ul([html.Li(f"{f}: {why}") for f, why in problems],
                                  className="mb-0")], color="danger", className="mb-0")  # fmt: skip
    return dbc.Alert(done, color="success", className="mb-0")

"""The network progress report for a chosen quarter: the LO scheme, referral workload,
training, engagement, commitments and community verdicts, and what changed; printable (A4)
and downloadable as a PDF rendered on the server (pages/report/pdf.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import (
    ClientsideFunction,
    Input,
    Output,
    callback,
    clientside_callback,
    dcc,
    html,
    no_update,
)

from dashboard.access import register_page
from dashboard.extensions import db
from dashboard.filters import quarter_choices
from dashboard.i18n import N_, _
from dashboard.page_support import org_areas, today
from dashboard.viewer import current_viewer
from pages.report.content import Report, build_report
from pages.report.pdf import blueprint, cell_text
from pages.report.text import INTRO, TABLES, changes, column_label, period_words

register_page(__name__, path="/report", title=N_("Progress report"), order=58)

PREFIX = "report"
__all__ = ["blueprint", "layout"]


def chosen_quarter(query: object) -> str:
    """The quarter asked for in the address or store, else the last complete quarter."""
    choices = quarter_choices(today())
    if isinstance(query, dict) and isinstance(query.get("query"), dict):
        query = query["query"]
    value = query.get("quarter") if isinstance(query, dict) else None
    return value if value in choices else choices[0]


def layout(**query):
    """The quarter chooser (kept in the address), the PDF link and the report area."""
    quarter = chosen_quarter(query)
    options = [{"value": q, "label": q.replace("-", " ")} for q in quarter_choices(today())]
    return html.Div(
        [
            html.H1(_("Network progress report"), className="h3"),
            html.P(_(INTRO), className="text-muted"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Label(
                                _("Quarter"),
                                htmlFor=f"{PREFIX}-quarter",
                                className="form-label small mb-1",
                            ),
                            dcc.Dropdown(
                                id=f"{PREFIX}-quarter",
                                options=options,
                                value=quarter,
                                clearable=False,
                            ),
                        ],
                        xs=12,
                        md=4,
                        lg=3,
                    ),  # fmt: skip
                    dbc.Col(
                        html.A(
                            _("Download PDF"),
                            id=f"{PREFIX}-pdf",
                            className="btn btn-outline-secondary btn-sm",
                            href=f"/report.pdf?quarter={quarter}",
                        ),
                        xs=12,
                        md=4,
                        className="d-flex align-items-end mt-2",
                    ),  # fmt: skip
                ],
                className="g-2 filter-bar report-actions mb-3",
            ),
            dcc.Store(id=f"{PREFIX}-filters"),
            dcc.Store(id=f"{PREFIX}-url-sync"),
            dcc.Loading(html.Div(id=f"{PREFIX}-body"), type="default"),
        ]
    )


def _table(frame: pd.DataFrame, table_id: str) -> html.Table:
    return html.Table(
        [html.Thead(html.Tr([html.Th(column_label(c)) for c in frame.columns])),
         html.Tbody([html.Tr([html.Td(cell_text(v)) for v in row])
                     for row in frame.itertuples(index=False, name=None)])],
        id=table_id, className="report-table small",
    )  # fmt: skip


def report_body(report: Report) -> list:
    headlines = pd.DataFrame(
        [(h.label, h.shown(), h.shown(previous=True)) for h in report.headlines],
        columns=["label", "value", "previous"],
    )
    parts = [
        html.Section([html.H2(_("Headline figures"), className="h5"),
                      _table(headlines, f"{PREFIX}-headlines")], className="report-section"),
        html.Section([html.H2(_("What changed since the previous quarter"), className="h5"),
                      html.Ul([html.Li(line) for line in changes(report)],
                              id=f"{PREFIX}-changes")], className="report-section"),
    ]  # fmt: skip
    for name, title in TABLES.items():
        parts.append(html.Section([html.H2(_(title), className="h5 mt-3"),
                                   _table(report.tables[name], f"{PREFIX}-{name}")],
                                  className="report-section"))  # fmt: skip
    return [html.P(period_words(report.period), className="small text-muted"), *parts]


@callback(
    Output(f"{PREFIX}-filters", "data"),
    Output(f"{PREFIX}-body", "children"),
    Output(f"{PREFIX}-pdf", "href"),
    Input(f"{PREFIX}-quarter", "value"),
)
def update_report(quarter):
    """The report for the chosen quarter, its address and its PDF link."""
    quarter = chosen_quarter({"quarter": quarter})
    viewer = current_viewer()
    if viewer.organisation_id is None:
        return no_update, no_update, no_update
    with db.session() as session:
        report = build_report(session, viewer.organisation_id, quarter,
                              org_areas(viewer.organisation_id))  # fmt: skip
    store = {"query": {"quarter": quarter}, "search": f"?quarter={quarter}"}
    return store, report_body(report), f"/report.pdf?quarter={quarter}"


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="syncUrl"),
    Output(f"{PREFIX}-url-sync", "data"),
    Input(f"{PREFIX}-filters", "data"),
)

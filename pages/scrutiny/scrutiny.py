"""Community scrutiny panel: the quarter's random sample of closed referrals (seed recorded,
stratified by strand, no internal cases), the log numbers to export, and the panel's findings.
Leadership reads; the coordinator draws and records (scrutiny.edit)."""

from __future__ import annotations

import pandas as pd
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dcc,
    html,
    no_update,
)
from dash.exceptions import PreventUpdate

from components.chart_table import create_data_table, create_empty_state
from dashboard.access import refuse, register_page
from dashboard.downloads import csv_download, download_name, labelled
from dashboard.extensions import db
from dashboard.filters import quarter_choices, quarter_period
from dashboard.formatting import format_date, format_number
from dashboard.i18n import N_, _, ngettext
from dashboard.page_support import org_areas, today
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access import scrutiny
from pages.scrutiny.forms import create_draw_form, create_finding_form, create_message
from pages.scrutiny.text import INTRO, column_label, field_label, problem_message, shown_value

register_page(__name__, path="/scrutiny", title=N_("Scrutiny panel"), order=59)

PREFIX = "scrutiny"
EDIT = "scrutiny.edit"
SHOWN = ["log_number", "strand", "area", "outcome", "closed_on", "finding", "theme", "action"]


def chosen_quarter(value: object) -> str:
    choices = quarter_choices(today())
    return value if value in choices else choices[0]


def layout(**query):
    quarter = chosen_quarter(query.get("quarter"))
    options = [{"value": q, "label": q.replace("-", " ")} for q in quarter_choices(today())]
    editing = allowed(current_viewer().role, EDIT)
    return html.Div([
        html.H1(_("Community scrutiny panel"), className="h3"),
        html.P(_(INTRO), className="text-muted"),
        html.Div([html.Label(_("Quarter (cases closed in it)"), htmlFor=f"{PREFIX}-quarter",
                             className="form-label small mb-1"),
                  dcc.Dropdown(id=f"{PREFIX}-quarter", options=options, value=quarter,
                               clearable=False)], className="filter-bar mb-3",
                 style={"maxWidth": "22rem"}),
        dcc.Store(id=f"{PREFIX}-filters"), dcc.Store(id=f"{PREFIX}-url-sync"),
        dcc.Store(id=f"{PREFIX}-drawn"), dcc.Store(id=f"{PREFIX}-saved"),
        create_draw_form() if editing else None,
        html.H2(_("Cases drawn"), className="h5 mt-3"),
        dcc.Loading(html.Div(id=f"{PREFIX}-cases")),
        html.Div([html.Button(_("Export log numbers (CSV)"), id=f"{PREFIX}-logs-button",
                              className="btn btn-outline-secondary btn-sm mt-2"),
                  dcc.Download(id=f"{PREFIX}-logs-download")]),
        create_finding_form() if editing else None,
    ])  # fmt: skip


def cases_frame(quarter: str) -> tuple[pd.DataFrame, object]:
    viewer = current_viewer()
    with db.session() as session:
        cases = scrutiny.sample_cases(session, viewer.organisation_id, quarter)
        sample = scrutiny.find_sample(session, viewer.organisation_id, quarter)
        meta = sample and (sample.seed, sample.size, sample.drawn_on, sample.drawn_by)
    names = org_areas(viewer.organisation_id)
    cases["area"] = cases["area"].map(lambda code: names.get(code, code))
    return cases, meta


@callback(
    Output(f"{PREFIX}-filters", "data"),
    Output(f"{PREFIX}-cases", "children"),
    Input(f"{PREFIX}-quarter", "value"),
    Input(f"{PREFIX}-drawn", "data"),
    Input(f"{PREFIX}-saved", "data"),
)
def update_scrutiny_cases(quarter, *_changed):
    """The quarter's sample (when, by whom, seed) and its cases with the panel's findings."""
    quarter = chosen_quarter(quarter)
    store = {"query": {"quarter": quarter}, "search": f"?quarter={quarter}"}
    cases, meta = cases_frame(quarter)
    if meta is None:
        return store, create_empty_state(_("No sample drawn for this quarter yet."))
    seed, size, drawn_on, drawn_by = meta
    shown = pd.DataFrame({c: [shown_value(c, v) for v in cases[c]] for c in SHOWN})
    headers = {c: column_label(c) for c in SHOWN}
    words = ngettext(
        "%(n)s case drawn on %(on)s by %(by)s, seed %(seed)s (the same seed draws the same "
        "cases from the same records).",
        "%(n)s cases drawn on %(on)s by %(by)s, seed %(seed)s (the same seed draws the same "
        "cases from the same records).",
        size,
        n=format_number(size),
        on=format_date(drawn_on),
        by=drawn_by,
        seed=seed,
    )
    table = create_data_table(shown, headers, f"{PREFIX}-cases-table")
    return store, html.Div([html.P(words, className="chart-caption"), table])


@callback(
    Output(f"{PREFIX}-case", "options"),
    Input(f"{PREFIX}-quarter", "value"),
    Input(f"{PREFIX}-drawn", "data"),
)
def update_scrutiny_case_choices(quarter, _drawn):
    """The drawn cases by log number, for the finding form (coordinator only)."""
    if not allowed(current_viewer().role, EDIT):
        return []
    cases, _meta = cases_frame(chosen_quarter(quarter))
    pairs = zip(cases["case"], cases["log_number"], strict=True)
    return [{"value": int(case), "label": log} for case, log in pairs]


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="syncUrl"),
    Output(f"{PREFIX}-url-sync", "data"),
    Input(f"{PREFIX}-filters", "data"),
)


def _refused(target: str):
    refuse(f"callback:{target}")
    return create_message([(_("Refused"), _("You may not change the panel's records."))], None)


def _problems(refused) -> list[tuple[str, str]]:
    return [(field_label(f), problem_message(c, p)) for f, (c, p) in refused.errors.items()]


def _whole(value) -> int | None:
    try:
        return None if value in (None, "") else int(value)
    except (TypeError, ValueError):
        raise scrutiny.ValidationError({"seed": ("not_a_number", {})}) from None


@callback(
    Output(f"{PREFIX}-draw-message", "children"),
    Output(f"{PREFIX}-drawn", "data"),
    Input(f"{PREFIX}-draw", "n_clicks"),
    State(f"{PREFIX}-quarter", "value"),
    State(f"{PREFIX}-size", "value"),
    State(f"{PREFIX}-seed", "value"),
    running=[(Output(f"{PREFIX}-draw", "disabled"), True, False)],
    prevent_initial_call=True,
)
def draw_scrutiny_sample(n_clicks, quarter, size, seed):
    """Draw and record the quarter's sample (coordinator only; once per quarter)."""
    if not n_clicks:
        raise PreventUpdate
    if not allowed(current_viewer().role, EDIT):
        return _refused(f"{PREFIX}-draw"), no_update
    viewer, quarter = current_viewer(), chosen_quarter(quarter)
    try:
        size = _whole(size) or 0
        with db.session() as session:
            sample = scrutiny.draw_sample(session, viewer.organisation_id, viewer.username,
                                          quarter, quarter_period(quarter), today(), size,
                                          _whole(seed))  # fmt: skip
            done = ngettext("%(n)s case drawn with seed %(seed)s.",
                            "%(n)s cases drawn with seed %(seed)s.", sample.size,
                            n=format_number(sample.size), seed=sample.seed)  # fmt: skip
    except scrutiny.ValidationError as refused:
        return create_message(_problems(refused), None), no_update
    return create_message(None, done), f"{quarter}:{n_clicks}"


@callback(
    Output(f"{PREFIX}-save-message", "children"),
    Output(f"{PREFIX}-saved", "data"),
    Input(f"{PREFIX}-save", "n_clicks"),
    State(f"{PREFIX}-case", "value"),
    State(f"{PREFIX}-finding", "value"),
    State(f"{PREFIX}-theme", "value"),
    State(f"{PREFIX}-raise", "value"),
    running=[(Output(f"{PREFIX}-save", "disabled"), True, False)],
    prevent_initial_call=True,
)
def save_scrutiny_finding(n_clicks, case, finding, theme, raise_action):
    """The panel's finding on one case; optionally raises an action (coordinator only)."""
    if not n_clicks:
        raise PreventUpdate
    if not allowed(current_viewer().role, EDIT):
        return _refused(f"{PREFIX}-save"), no_update
    viewer = current_viewer()
    values = {"finding": finding, "theme": theme, "raise_action": bool(raise_action)}
    try:
        with db.session() as session:
            code = scrutiny.record_finding(session, viewer.organisation_id, viewer.username,
                                           case, values, today())  # fmt: skip
    except scrutiny.ValidationError as refused:
        return create_message(_problems(refused), None), no_update
    done = _("Finding saved; action %(code)s raised.", code=code) if code else _("Finding saved.")
    return create_message(None, done), f"{case}:{n_clicks}"


@callback(
    Output(f"{PREFIX}-logs-download", "data"),
    Input(f"{PREFIX}-logs-button", "n_clicks"),
    State(f"{PREFIX}-quarter", "value"),
    prevent_initial_call=True,
)
def download_scrutiny_logs(n_clicks, quarter):
    """The drawn cases' log numbers (and strand), to pull the redacted files."""
    if not n_clicks:
        raise PreventUpdate
    quarter = chosen_quarter(quarter)
    cases, _meta = cases_frame(quarter)
    logs = labelled(cases[["log_number", "strand"]], column_label)  # the table's headers
    name = download_name("scrutiny", "log-numbers", {"query": {"period": quarter}})
    return csv_download(logs, name, "scrutiny-log-numbers")

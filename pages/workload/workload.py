"""Liaison workload: the service funnel with drop-outs, caseloads, deployments, capacity gaps
and reviews and inductions due. Per-officer rows only for roles with workload.per_officer."""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, State, callback, html, no_update
from flask import current_app

from components.chart_table import (
    create_chart_with_table,
    create_download_button,
    create_empty_state,
)
from components.kpi_card import create_empty_kpi_card, create_kpi_card, create_kpi_row
from dashboard.access import register_page
from dashboard.downloads import csv_download, download_name, labelled
from dashboard.extensions import db
from dashboard.formatting import format_date, format_number, format_percent
from dashboard.i18n import N_, _
from dashboard.labels import workload_column_label as header
from dashboard.page_support import (
    org_areas,
    page_filter_bar,
    register_filter_callbacks,
    register_section_downloads,
    today,
    url_filters,
    viewer_filters,
)
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access.queries import holdings, workload
from pages.workload import figures, frames, sections
from pages.workload.text import (
    INTRO,
    SECTIONS,
    capacity_titles,
    caption,
    deployment_series,
    empty,
)

register_page(__name__, path="/workload", title=N_("Liaison workload"), order=40)

PREFIX = "workload"
PER_OFFICER = "workload.per_officer"
DOWNLOADS = ("funnel", "dropouts", "areas", "deployments", "capacity", "due")
CARDS = ("referrals", "allocated", "active", "overdue")
HORIZON_DAYS = 60


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the figures."""
    filters = url_filters(query)
    parts = [
        sections.create_workload_section(
            _(title), f"{PREFIX}-{name}", _("Download CSV") if name in DOWNLOADS else None
        )
        for name, title in SECTIONS.items()
    ]
    return html.Div(
        [
            html.H1(_("Liaison workload"), className="h3"),
            html.P(_(INTRO), className="text-muted"),
            page_filter_bar(PREFIX, filters),
            create_kpi_row([html.Div(id=f"{PREFIX}-{card}-card") for card in CARDS]),
            *parts,
        ]
    )


register_filter_callbacks(PREFIX)


def _scope(store: dict | None):
    """Viewer, re-validated filters, and the query arguments (session is added by callers)."""
    viewer = current_viewer()
    filters = viewer_filters(store)
    return viewer, filters, (viewer.organisation_id, filters.current, filters.area, filters.strand)


def _chart(figure, frame: pd.DataFrame, name: str, text: str) -> html.Div:
    headers = {column: header(column) for column in frame.columns}
    table = {"table": _("Table")}
    block = create_chart_with_table(figure, frame, f"{PREFIX}-{name}", text, headers, table)
    return sections.widen_first_column(block)


def funnel_frames(store: dict | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stage table and the drop-out table for the viewer and filters."""
    _viewer, _filters, args = _scope(store)
    with db.session() as session:
        return frames.funnel_tables(workload.funnel_outcomes(session, *args))


@callback(
    Output(f"{PREFIX}-funnel", "children"),
    Output(f"{PREFIX}-dropouts", "children"),
    Output(f"{PREFIX}-referrals-card", "children"),
    Output(f"{PREFIX}-allocated-card", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_workload_funnel(store):
    """The funnel chart and table, the drop-out table and the two referral cards."""
    if not store:
        return no_update, no_update, no_update, no_update
    stages, dropouts = funnel_frames(store)
    total, allocated = int(stages["count"].iloc[0]), int(stages["count"].iloc[4])
    share = (
        _("%(share)s of referrals", share=format_percent(stages["share"].iloc[4], None))
        if total
        else None
    )
    cards = (
        create_kpi_card(
            _("Referrals in period"), format_number(total), _("reported in the period")
        ),
        create_kpi_card(_("Liaison officer allocated"), format_number(allocated), share),
    )
    if total == 0:
        nothing = create_empty_state(empty("funnel"))
        return nothing, nothing, *cards
    figure = figures.create_funnel_figure(list(stages["stage"]), list(stages["count"]))
    chart = _chart(figure, stages, "funnel", caption("funnel", total=format_number(total)))
    reasons = sections.create_captioned_table(
        caption("dropouts"), dropouts, header, f"{PREFIX}-dropouts-table"
    )
    return chart, reasons, *cards


def caseload_frames(store: dict | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Cases by the LO's area, and per officer (None for roles without per-officer access)."""
    viewer, _filters, args = _scope(store)
    per_officer = allowed(viewer.role, PER_OFFICER)
    names = org_areas(viewer.organisation_id)
    with db.session() as session:
        areas = frames.named_areas(workload.area_caseload(session, *args), names)
        if not per_officer:
            return areas, None
        return areas, frames.named_areas(workload.officer_caseload(session, *args), names)


def _officer_part(officers: pd.DataFrame | None) -> html.Div:
    if officers is None:
        return create_empty_state(empty("restricted"))
    if officers.empty:
        return create_empty_state(empty("officers"))
    button = create_download_button(f"{PREFIX}-officers", _("Download CSV"))
    table_id = f"{PREFIX}-officers-table"
    return sections.create_captioned_table(
        caption("officers"), officers, header, table_id, [button]
    )


@callback(
    Output(f"{PREFIX}-areas", "children"),
    Output(f"{PREFIX}-officers", "children"),
    Output(f"{PREFIX}-active-card", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_workload_caseload(store):
    """Caseload by area (chart and table), per officer for management roles, and its card."""
    if not store:
        return no_update, no_update, no_update
    areas, officers = caseload_frames(store)
    active = int(areas["active_cases"].sum())
    card = create_kpi_card(_("Active cases"), format_number(active), _("held by LOs at period end"))
    if not (active or areas["new_allocations"].sum()):
        return create_empty_state(empty("areas")), _officer_part(officers), card
    series = {column: header(column) for column in ("active_cases", "new_allocations")}
    figure = figures.create_grouped_bars(areas, "area", series, _("Area of the LO"), _("Cases"))
    return _chart(figure, areas, "areas", caption("areas")), _officer_part(officers), card


@callback(
    Output(f"{PREFIX}-officers-download", "data"),
    Input(f"{PREFIX}-officers-download-button", "n_clicks"),
    State(f"{PREFIX}-filters", "data"),
    prevent_initial_call=True,
)
def download_workload_officers(n_clicks, store):
    """CSV of the per-officer table; nothing for roles without per-officer access."""
    if not n_clicks or not store or not allowed(current_viewer().role, PER_OFFICER):
        return no_update
    officers = caseload_frames(store)[1]
    file = download_name("workload", "officers", store)
    return csv_download(labelled(officers, header), file, "workload-officers")


def deployments_frame(store: dict | None) -> pd.DataFrame:
    """Deployments and internal cases by month reported: month, on_duty, off_duty, internal."""
    _viewer, _filters, args = _scope(store)
    with db.session() as session:
        return workload.deployments_by_month(session, *args)


@callback(Output(f"{PREFIX}-deployments", "children"), Input(f"{PREFIX}-filters", "data"))
def update_workload_deployments(store):
    """Critical-incident deployments (on and off duty) and internal cases by month."""
    if not store:
        return no_update
    frame = deployments_frame(store)
    series = deployment_series()
    if not frame[list(series)].to_numpy().sum():
        return create_empty_state(empty("deployments"))
    figure = figures.create_grouped_bars(frame, "month", series, header("month"), _("Referrals"))
    return _chart(figure, frame, "deployments", caption("deployments"))


def capacity_frame(store: dict | None) -> tuple[pd.DataFrame, list[bool], int, str]:
    """Capacity by area as shown, which areas are flagged, the level and the date measured."""
    viewer, filters, _args = _scope(store)
    level, on = current_app.config["CAPACITY_REFERRALS_PER_LO"], filters.current.end
    with db.session() as session:
        frame = workload.capacity(session, viewer.organisation_id, on, level, filters.area)
    shown = frames.capacity_table(frame, org_areas(viewer.organisation_id))
    return shown, list(frame["gap"] != "none"), level, format_date(on)


@callback(Output(f"{PREFIX}-capacity", "children"), Input(f"{PREFIX}-filters", "data"))
def update_workload_capacity(store):
    """Referrals per active LO by area against the capacity level, gaps flagged."""
    if not store:
        return no_update
    shown, flagged, level, on = capacity_frame(store)
    figure = figures.create_capacity_figure(
        list(shown["area"]), list(shown["per_officer"]), flagged, level, capacity_titles(level)
    )
    names = ", ".join(shown.loc[flagged, "area"]) or _("none")
    text = caption("capacity", on=on, level=level, flagged=names)
    return _chart(figure, shown, "capacity", text)


def due_frames(store: dict | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The due list (or only its counts without per-officer access) and the counts by item."""
    viewer, filters, _args = _scope(store)
    with db.session() as session:
        org = viewer.organisation_id
        due = workload.reviews_due(session, org, today(), HORIZON_DAYS, filters.area)
    per_officer = allowed(viewer.role, PER_OFFICER)
    return frames.due_tables(due, org_areas(viewer.organisation_id), per_officer)


@callback(
    Output(f"{PREFIX}-due", "children"),
    Output(f"{PREFIX}-overdue-card", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_workload_due(store):
    """Reviews overdue or due in the next 60 days and inductions outstanding, and its card."""
    if not store:
        return no_update, no_update
    shown, summary = due_frames(store)
    overdue = int(summary["officers"].iloc[0])
    with db.session() as session:
        recorded = "officers" in holdings.held_kinds(session, current_viewer().organisation_id)
    card = (
        create_kpi_card(
            _("Overdue 6-monthly reviews"),
            format_number(overdue),
            _("active liaison officers, today"),
            status="red" if overdue else "green",
            status_label=_("overdue") if overdue else _("all in date"),
        )
        if recorded
        else create_empty_kpi_card(
            _("Overdue 6-monthly reviews"), _("No liaison officers recorded yet.")
        )
    )
    if "officer" in shown and shown.empty:
        return create_empty_state(empty("due", days=HORIZON_DAYS)), card
    text = caption("due", today=format_date(today()), days=HORIZON_DAYS)
    return sections.create_captioned_table(text, shown, header, f"{PREFIX}-due-table"), card


FRAMES = {
    "funnel": lambda store: funnel_frames(store)[0],
    "dropouts": lambda store: funnel_frames(store)[1],
    "areas": lambda store: caseload_frames(store)[0],
    "deployments": deployments_frame,
    "capacity": lambda store: capacity_frame(store)[0],
    "due": lambda store: due_frames(store)[0],
}


register_section_downloads(
    PREFIX, DOWNLOADS, lambda name, store: labelled(FRAMES[name](store), header)
)

"""Community engagement: events over time, by area and type; attendance; partners; senior
officer and LO presence; themes raised and the actions they produced. Coordinators record
and correct events and actions here."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, callback, dcc, html, no_update

from components.chart_table import (
    create_chart_with_table,
    create_data_table,
    create_empty_state,
)
from components.kpi_card import create_kpi_card, create_kpi_row
from components.palette import OKABE_ITO
from components.section import create_section
from dashboard.access import register_page
from dashboard.downloads import labelled
from dashboard.extensions import db
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import N_, _
from dashboard.page_support import (
    org_areas,
    page_filter_bar,
    register_filter_callbacks,
    register_section_downloads,
    viewer_filters,
)
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access.queries import engagement
from pages.engagement import frames
from pages.engagement.form_callbacks import register_record_callbacks
from pages.engagement.forms import create_record_form
from pages.engagement.text import CAPTIONS, EMPTY, INTRO, SECTIONS, column_label

register_page(__name__, path="/engagement", title=N_("Engagement"), order=57)

PREFIX = "engagement"
DOWNLOADS = tuple(SECTIONS)
CARDS = ("events", "attendance", "senior", "lo")


def layout(**query):
    """Frame only (the filters come from the address); coordinators also get the forms."""
    filters = viewer_filters(query)
    viewer = current_viewer()
    parts = [
        html.H1(_("Community engagement"), className="h3"),
        html.P(_(INTRO), className="text-muted"),
        page_filter_bar(PREFIX, filters, show_strand=False),
        create_kpi_row([html.Div(id=f"{PREFIX}-{card}-card") for card in CARDS]),
        dcc.Store(id=f"{PREFIX}-event-saved"),
        dcc.Store(id=f"{PREFIX}-action-saved"),
        *[
            create_section(_(title), f"{PREFIX}-{name}", _("Download CSV"))
            for name, title in SECTIONS.items()
        ],  # fmt: skip
    ]
    if allowed(viewer.role, "engagement.edit"):
        areas = org_areas(viewer.organisation_id)
        parts += [
            html.H2(_("Record or correct"), className="h5 mt-4"),
            create_record_form("event", _("Community event"), areas),
            create_record_form("action", _("'You said, we did' action"), areas),
        ]
    return html.Div(parts)


register_filter_callbacks(PREFIX)
register_record_callbacks("event")
register_record_callbacks("action")


def _chart(figure, frame: pd.DataFrame, name: str) -> html.Div:
    headers = {column: column_label(column) for column in frame.columns}
    return create_chart_with_table(figure, frame, f"{PREFIX}-{name}", _(CAPTIONS[name]), headers,
                                   {"table": _("Table")})  # fmt: skip


def _bars(frame: pd.DataFrame, x: str, series: dict[str, str], y_title: str, stack=None):
    figure = go.Figure()
    if stack:
        pivot = frame.pivot_table(index=x, columns=stack, values=series, aggfunc="sum",
                                  fill_value=0)  # fmt: skip
        for paint, column in zip(OKABE_ITO, pivot.columns, strict=False):
            figure.add_bar(x=list(pivot.index), y=pivot[column], name=column, marker_color=paint)
    else:
        for paint, (column, label) in zip(OKABE_ITO, series.items(), strict=False):
            figure.add_bar(x=frame[x], y=frame[column], name=label, marker_color=paint)
    figure.update_xaxes(type="category")
    figure.update_yaxes(title=y_title, rangemode="tozero")
    figure.update_layout(barmode="stack" if stack else "group", height=340,
                         margin={"l": 50, "r": 10, "t": 10, "b": 40},
                         legend={"orientation": "h", "y": -0.25})  # fmt: skip
    return figure


def section_frames(store: dict | None) -> dict[str, pd.DataFrame]:
    """Every table of the page for the viewer's organisation and the filters."""
    filters = viewer_filters(store)
    org = current_viewer().organisation_id
    args = (org, filters.current, filters.area)
    with db.session() as session:
        months = engagement.events_by_month(session, *args)
        areas = engagement.events_by_area(session, *args)
        partners = engagement.partners(session, *args)
        themes = engagement.themes(session, *args)
        actions = engagement.theme_actions(session, org, filters.current)
    return {
        "months": frames.month_table(months),
        "areas": frames.area_table(areas, org_areas(org), _("Force-wide")),
        "raw_areas": areas,
        "partners": partners,
        "themes": themes,
        "actions": frames.action_table(actions),
    }


@callback(
    *[Output(f"{PREFIX}-{name}", "children") for name in SECTIONS],
    *[Output(f"{PREFIX}-{card}-card", "children") for card in CARDS],
    Input(f"{PREFIX}-filters", "data"),
    Input(f"{PREFIX}-event-saved", "data"),
    Input(f"{PREFIX}-action-saved", "data"),
)
def update_engagement(store, *_saved):
    """Every section and card (redrawn after a coordinator's save)."""
    if not store:
        return (no_update,) * (len(SECTIONS) + len(CARDS))
    parts = section_frames(store)
    total = frames.totals(parts["raw_areas"])
    share = lambda v: format_percent(v, 0)  # noqa: E731
    cards = [
        create_kpi_card(_("Events"), format_number(total["events"]), _("held in the period")),
        create_kpi_card(
            _("Attendance"), format_number(total["attendance"]), _("recorded at events")
        ),
        create_kpi_card(
            _("Senior officer present"), share(total["senior_share"]), _("of events")
        ),  # fmt: skip
        create_kpi_card(_("Liaison officer present"), share(total["lo_share"]), _("of events")),
    ]
    shown = {}
    empty = lambda name: create_empty_state(_(EMPTY[name]))  # noqa: E731
    months = parts["months"]
    shown["months"] = (
        empty("months")
        if months.empty
        else _chart(
            _bars(months, "month", "events", _("Events"), stack="event_type"), months, "months"
        )
    )
    areas = parts["areas"]
    series = {"events": column_label("events"), "senior": column_label("senior"),
              "lo": column_label("lo")}  # fmt: skip
    shown["areas"] = (
        empty("areas")
        if areas.empty
        else _chart(_bars(areas, "area", series, _("Events")), areas, "areas")
    )
    partners = parts["partners"]
    shown["partners"] = (
        empty("partners")
        if partners.empty
        else _chart(
            _bars(partners, "partner", {"events": column_label("events")}, _("Events")),
            partners,
            "partners",
        )
    )
    themes = parts["themes"]
    states = {s: column_label(s) for s in ("open", "in_progress", "done")}
    shown["themes"] = (
        empty("themes")
        if themes.empty
        else _chart(
            _bars(themes, "theme", {"events": column_label("events"), **states}, _("Count")),
            themes,
            "themes",
        )
    )
    actions = parts["actions"]
    headers = {column: column_label(column) for column in actions.columns}
    shown["actions"] = empty("actions") if actions.empty else create_data_table(
        actions, headers, f"{PREFIX}-actions-table")  # fmt: skip
    return *[shown[name] for name in SECTIONS], *cards


register_section_downloads(  # the CSV carries the headers its table shows
    PREFIX, DOWNLOADS, lambda name, store: labelled(section_frames(store)[name], column_label)
)

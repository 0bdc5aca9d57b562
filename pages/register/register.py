"""Commitments register: each leadership commitment with its owner, due date and the force's
status beside the community's verdict; its change history; the coordinator's edit forms."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import create_data_table, create_download_button, create_empty_state
from components.filter_bar import Option, create_filter_dropdown
from components.record_grid import create_record_grid
from dashboard.access import register_page
from dashboard.downloads import csv_download, download_name
from dashboard.extensions import db
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import commitment_status_label, register_key_point_label
from dashboard.page_support import register_filter_callbacks, today, url_filters, viewer_filters
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access.queries import commitments
from data_access.vocab import COMMITMENT_STATUSES, KEY_POINTS
from pages.register.form_callbacks import register_form_callbacks
from pages.register.form_layout import FORM_FIELDS, create_register_edit_forms
from pages.register.frames import (
    commitment_choices,
    history_display,
    history_headers,
    register_display,
    register_headers,
)

register_page(__name__, path="/register", title=N_("Commitments register"), order=15)

PREFIX = "register"
EXTRAS = {"key_point": KEY_POINTS, "status": COMMITMENT_STATUSES}


def choices(codes, label) -> list[Option]:
    return [Option(code, label(code)) for code in codes]


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the register."""
    filters = url_filters(query, EXTRAS)
    hidden = [  # the shared filter callbacks also read period, area and strand
        dcc.Dropdown(id=f"{PREFIX}-period", options=[filters.period], value=filters.period),
        dcc.Dropdown(id=f"{PREFIX}-area"),
        dcc.Dropdown(id=f"{PREFIX}-strand"),
    ]
    dropdowns = [
        create_filter_dropdown(
            f"{PREFIX}-{name}", label, choices(codes, labeller),
            filters.extras.get(name), True, everything,
        )
        for name, label, codes, labeller, everything in (
            ("key_point", _("Key point"), KEY_POINTS, register_key_point_label,
             _("All key points")),
            ("status", _("Status"), COMMITMENT_STATUSES, commitment_status_label,
             _("All statuses")),
        )
    ]  # fmt: skip
    return html.Div(
        [
            html.H1(_("Commitments register"), className="h3"),
            html.P(
                _(
                    "What the force's leaders have committed to under the ten key points: who "
                    "owns each commitment, when it is due, the force's own status and the "
                    "community forum's verdict beside it."
                ),
                className="text-muted",
            ),
            html.Div(
                [
                    dbc.Row(dropdowns, className="g-2"),
                    html.Div(hidden, hidden=True),
                    dcc.Store(id=f"{PREFIX}-filters"),
                    dcc.Store(id=f"{PREFIX}-url-sync"),
                ],
                className="filter-bar mb-3",
                role="search",
                **{"aria-label": _("Filters")},
            ),
            dcc.Loading(html.Div(id=f"{PREFIX}-table"), type="default"),
            create_download_button(f"{PREFIX}-table", _("Download CSV")),
            html.H2(_("Change history"), className="h5 mt-4"),
            dbc.Row(
                create_filter_dropdown(
                    f"{PREFIX}-history-code",
                    _("Commitment"),
                    [],
                    None,
                    True,
                    _("Pick a commitment, or click its row"),
                )
            ),
            dcc.Loading(html.Div(id=f"{PREFIX}-history", className="mt-2")),
            *[dcc.Store(id=f"{PREFIX}-{form}-saved") for form in FORM_FIELDS],
            create_register_edit_forms(PREFIX, html.Div(id=f"{PREFIX}-targets", className="mt-3"))
            if allowed(current_viewer().role, "commitments.edit")
            else None,
        ]
    )


register_filter_callbacks(PREFIX, EXTRAS)


def register_view(store_data: dict | None) -> pd.DataFrame:
    """The register as this viewer may see it: filters re-validated, non-public commitments
    for staff only (decided in the query)."""
    viewer = current_viewer()
    query = store_data.get("query") if isinstance(store_data, dict) else None
    extras = viewer_filters(query if isinstance(query, dict) else None, EXTRAS).extras
    private = allowed(viewer.role, "commitments.private")
    with db.session() as session:
        frame = commitments.register(
            session, viewer.organisation_id, today(), private,
            extras.get("key_point"), extras.get("status"),
        )  # fmt: skip
    return register_display(frame, private)


@callback(
    Output(f"{PREFIX}-table", "children"),
    Output(f"{PREFIX}-history-code", "options"),
    Input(f"{PREFIX}-filters", "data"),
    *[Input(f"{PREFIX}-{form}-saved", "data") for form in ("add", "edit", "review")],
)
def update_register_table(store_data, *_saved):
    """The register grid for the filters, and the commitments whose history can be shown."""
    if not store_data:
        return no_update, no_update
    shown = register_view(store_data)
    if shown.empty:
        return create_empty_state(_("No commitments match these filters.")), []
    caption = ngettext(
        "%(n)d commitment; %(late)d overdue (due date passed and not met: shaded and marked "
        "Overdue). The community verdict is the forum's latest review.",
        "%(n)d commitments; %(late)d overdue (due date passed and not met: shaded and marked "
        "Overdue). The community verdict is the forum's latest review.",
        len(shown),
        n=len(shown),
        late=int(shown["late"].sum()),
    )
    grid = create_record_grid(shown, register_headers(), f"{PREFIX}-grid", "late", "overdue")
    caption_p = html.P(caption, className="chart-caption", id=f"{PREFIX}-caption")
    return html.Div([caption_p, grid]), commitment_choices(shown)


@callback(
    Output(f"{PREFIX}-table-download", "data"),
    Input(f"{PREFIX}-table-download-button", "n_clicks"),
    State(f"{PREFIX}-filters", "data"),
    prevent_initial_call=True,
)
def download_register(n_clicks, store_data):
    """CSV of exactly the register shown (same rows, columns and labels)."""
    if not n_clicks or not store_data:
        return no_update
    table = register_view(store_data).drop(columns="late").rename(columns=register_headers())
    return csv_download(table, download_name("register", "commitments", store_data), "register")


@callback(
    Output(f"{PREFIX}-history-code", "value"),
    Input(f"{PREFIX}-grid", "cellClicked"),
    prevent_initial_call=True,
)
def select_history_from_row(cell):
    """Clicking a row of the register shows that commitment's history."""
    return (cell or {}).get("rowId") or no_update


@callback(
    Output(f"{PREFIX}-history", "children"),
    Input(f"{PREFIX}-history-code", "value"),
    *[Input(f"{PREFIX}-{form}-saved", "data") for form in ("edit", "review")],
)
def update_commitment_history(code, *_saved):
    """When, which field and old → new for one commitment; who changed it for staff only."""
    if not isinstance(code, str) or not code:
        return create_empty_state(_("Pick a commitment to see how it has changed."))
    viewer = current_viewer()
    staff = allowed(viewer.role, "commitments.private")
    with db.session() as session:
        rows = commitments.history(session, viewer.organisation_id, code, staff)
    if rows.empty:
        return create_empty_state(_("No recorded changes for this commitment."))
    shown = history_display(rows, staff)
    return create_data_table(shown, history_headers(), f"{PREFIX}-history-table")


# The coordinator's edit forms: pages/register/form_callbacks.py (each re-checks commitments.edit).
register_form_callbacks(PREFIX)

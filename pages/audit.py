"""Audit log (admin): who did what and when, filterable; the hash chain's state."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from components.chart_table import create_data_table, create_empty_state
from components.filter_bar import Option
from dashboard.access import register_page
from dashboard.extensions import db
from dashboard.i18n import N_, _
from dashboard.viewer import current_viewer
from data_access import audit

register_page(__name__, path="/audit", title=N_("Audit log"), order=90)

PREFIX = "audit"


def action_options() -> list[Option]:
    labels = {
        "login": _("Sign-in"),
        "login_failed": _("Failed sign-in"),
        "logout": _("Sign-out"),
        "import": _("Import"),
        "record_change": _("Record change"),
        "user_change": _("User change"),
        "user_created": _("User created"),
        "user_changed": _("User changed"),
        "password_reset": _("Password reset"),
        "download": _("Download"),
        "access_refused": _("Access refused"),
    }
    return [Option(action, labels[action]) for action in audit.AUDITED_ACTIONS]


def layout(**_query):
    return html.Div(
        [
            html.H1(_("Audit log"), className="h3"),
            html.P(
                _(
                    "Every sign-in, failed sign-in, import, record change, user change, "
                    "download and refused request. Each entry carries the hash of the one "
                    "before it, so a changed or deleted entry shows."
                ),
                className="text-muted",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Label(
                                _("Action"),
                                htmlFor=f"{PREFIX}-action",
                                className="form-label small mb-1",
                            ),
                            dcc.Dropdown(
                                id=f"{PREFIX}-action",
                                placeholder=_("All actions"),
                                options=[o._asdict() for o in action_options()],
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            html.Label(
                                _("Username"),
                                htmlFor=f"{PREFIX}-username",
                                className="form-label small mb-1",
                            ),
                            dbc.Input(id=f"{PREFIX}-username", debounce=True, maxLength=80),
                        ],
                        md=4,
                    ),
                ],
                className="filter-bar mb-3 g-2",
            ),
            dcc.Loading(html.Div(id=f"{PREFIX}-chain"), type="dot"),
            dcc.Loading(html.Div(id=f"{PREFIX}-events")),
        ]
    )


@callback(
    Output(f"{PREFIX}-events", "children"),
    Output(f"{PREFIX}-chain", "children"),
    Input(f"{PREFIX}-action", "value"),
    Input(f"{PREFIX}-username", "value"),
)
def update_audit_events(action, username):
    """The latest 500 events of the admin's organisation, and whether the chain verifies."""
    viewer = current_viewer()
    action = action if action in audit.AUDITED_ACTIONS else None
    username = (username or "").strip()[:80] or None
    with db.session() as session:
        events = audit.list_events(session, viewer.organisation_id, action, username)
        broken = audit.verify(session)
    chain = (
        dbc.Alert(_("Audit chain verified: no entry has been changed or removed."), color="success")
        if broken is None
        else dbc.Alert(_("Audit chain broken at entry %(id)d.", id=broken), color="danger")
    )
    if events.empty:
        return create_empty_state(_("No audit entries match these filters.")), chain
    events["occurred_at"] = events["occurred_at"].astype(str).str.slice(0, 19)
    headers = {
        "id": _("Entry"),
        "occurred_at": _("When (UTC)"),
        "username": _("User"),
        "action": _("Action"),
        "target": _("Target"),
        "remote_addr": _("Address"),
    }
    return create_data_table(events, headers, f"{PREFIX}-table"), chain

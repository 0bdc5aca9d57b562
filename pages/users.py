"""Users and roles (admin): list the organisation's accounts, add one, change a role or
deactivate. Every change is audited."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import create_data_table, create_empty_state
from dashboard.access import register_page
from dashboard.auditing import audit_event
from dashboard.extensions import db
from dashboard.i18n import N_, _
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access import users
from data_access.models import Organisation
from data_access.vocab import ROLES

register_page(__name__, path="/users", title=N_("Users"), order=91)

PREFIX = "users"
ASSIGNABLE = [role for role in ROLES if role != "public"]


def _field(label: str, component) -> dbc.Col:
    return dbc.Col(
        [html.Label(label, htmlFor=component.id, className="form-label small mb-1"), component],
        md=3,
    )


def layout(**_query):
    role_options = [{"value": r, "label": _(r.title())} for r in ASSIGNABLE]
    return html.Div(
        [
            html.H1(_("Users and roles"), className="h3"),
            html.P(
                _(
                    "Accounts of your organisation. Roles decide what each person sees; "
                    "changes are recorded in the audit log."
                ),
                className="text-muted",
            ),
            dcc.Loading(html.Div(id=f"{PREFIX}-table")),
            html.H2(_("Add or change a user"), className="h5 mt-4"),
            dbc.Row(
                [
                    _field(_("Username"), dbc.Input(id=f"{PREFIX}-username", maxLength=80)),
                    _field(_("Role"), dcc.Dropdown(id=f"{PREFIX}-role", options=role_options)),
                    _field(
                        _("Status"),
                        dcc.Dropdown(
                            id=f"{PREFIX}-active",
                            value="keep",
                            options=[
                                {"value": "keep", "label": _("Keep as is")},
                                {"value": "active", "label": _("Active")},
                                {"value": "inactive", "label": _("Deactivated")},
                            ],
                        ),
                    ),
                    _field(
                        _("New password (new users)"),
                        dbc.Input(id=f"{PREFIX}-password", type="password", maxLength=200),
                    ),
                ],
                className="g-2",
            ),
            dbc.Button(_("Save"), id=f"{PREFIX}-save", color="primary", className="mt-2"),
            html.Div(id=f"{PREFIX}-message", className="mt-2", role="status"),
        ]
    )


@callback(Output(f"{PREFIX}-table", "children"), Input(f"{PREFIX}-message", "children"))
def update_users_table(_message):
    """The organisation's users (refreshed after each save)."""
    viewer = current_viewer()
    with db.session() as session:
        frame = users.list_users(session, viewer.organisation_id)
    if frame.empty:
        return create_empty_state(_("No users in your organisation yet."))
    for column in ("created_at", "last_login_at"):
        frame[column] = frame[column].astype(str).str.slice(0, 16).replace("None", "")
    frame["active"] = frame["active"].map({True: _("Active"), False: _("Deactivated")})
    headers = {
        "username": _("Username"),
        "role": _("Role"),
        "active": _("Status"),
        "created_at": _("Created (UTC)"),
        "last_login_at": _("Last sign-in (UTC)"),
    }
    return create_data_table(frame, headers, f"{PREFIX}-grid")


@callback(
    Output(f"{PREFIX}-message", "children"),
    Input(f"{PREFIX}-save", "n_clicks"),
    State(f"{PREFIX}-username", "value"),
    State(f"{PREFIX}-role", "value"),
    State(f"{PREFIX}-active", "value"),
    State(f"{PREFIX}-password", "value"),
    prevent_initial_call=True,
)
def save_user(n_clicks, username, role, active, password):
    """Create a user (with a password) or change an existing one's role / status."""
    viewer = current_viewer()
    if not n_clicks:
        return no_update
    if not allowed(viewer.role, "users"):
        return dbc.Alert(_("You may not change users."), color="danger")
    username = (username or "").strip()
    status = {"active": True, "inactive": False}.get(active)
    if username.lower() == (viewer.username or "").lower() and (status is False or role):
        return dbc.Alert(
            _("You cannot change your own role or deactivate yourself."), color="warning"
        )
    try:
        with db.session() as session:
            if password:
                if role not in ASSIGNABLE:
                    raise ValueError(_("Choose a role for the new user."))
                org = session.get(Organisation, viewer.organisation_id)
                existing = users.list_users(session, viewer.organisation_id)
                if username.lower() in set(existing["username"].str.lower()):
                    raise ValueError(_("That user exists: leave the password empty to change it."))
                users.create_user(session, username, password, role, org.code)
                changes = {"created": (None, role)}
            else:
                changes = users.update_user(session, viewer.organisation_id, username, role, status)
            if changes:
                audit_event(
                    "user_change",
                    f"user:{username}",
                    {k: list(v) for k, v in changes.items()},
                    session,
                )
    except ValueError as exc:
        return dbc.Alert(str(exc), color="danger")
    if not changes:
        return dbc.Alert(_("Nothing to change."), color="info")
    return dbc.Alert(_("Saved changes to %(user)s.", user=username), color="success")

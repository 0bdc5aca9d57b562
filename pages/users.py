"""Users and roles (admin): list the organisation's accounts, create a new one, or change the
role, status or password of one of them. Every change is audited as what it was."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import create_data_table, create_empty_state
from dashboard.access import register_page
from dashboard.auditing import audit_event
from dashboard.extensions import db
from dashboard.formatting import format_datetime
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import role_label
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access import passwords, users
from data_access.models import Organisation

register_page(__name__, path="/users", title=N_("Users"), order=91)

PREFIX = "users"
KEEP = "keep"


def at_least(n: int) -> str:
    return ngettext(
        "Use at least %(num)d character for the password.",
        "Use at least %(num)d characters for the password.",
        n,
    )


def refusal(error: ValueError) -> str:
    """The translated sentence for a refusal from data_access (users or password policy)."""
    params = getattr(error, "params", {})
    sentences = {
        "bad_role": _("Choose a role."),
        "bad_username": _("Usernames are 1 to 80 letters, digits, dots or underscores."),
        "short_password": at_least(users.MIN_STORED_PASSWORD),
        "unknown_org": _("Your organisation could not be found."),
        "username_taken": _("That username is taken."),
        "no_such_user": _("There is no user of that name in your organisation."),
        "too_short": at_least(int(params.get("n", 15))),
        "too_long": ngettext(
            "Use at most %(num)d character for the password.",
            "Use at most %(num)d characters for the password.",
            int(params.get("n", 128)),
        ),
        "blank": _("A password cannot be only spaces."),
        "repetitive": _("That password repeats itself (like aaaa or abcabc); choose another."),
        "sequential": _("That password is a sequence (like 12345 or abcde); choose another."),
        "context": _(
            "The password must not contain the username or your organisation's name or code."
        ),
        "guessable": _(
            "That password is too common or easy to guess; a few unrelated words make a strong one."
        ),
    }
    return sentences.get(getattr(error, "code", ""), _("That could not be saved."))


def _field(label: str, component, width: int = 3) -> dbc.Col:
    return dbc.Col(
        [html.Label(label, htmlFor=component.id, className="form-label small mb-1"), component],
        md=width,
    )


def _password_input(suffix: str) -> dbc.Input:
    return dbc.Input(
        id=f"{PREFIX}-{suffix}-password",
        type="password",
        maxLength=passwords.MAX_LENGTH,
        autoComplete="new-password",
    )


def layout(**_query):
    roles = [{"value": r, "label": role_label(r)} for r in users.ASSIGNABLE_ROLES]
    rule = ngettext(
        "Passwords: at least %(num)d character; a few unrelated words work well.",
        "Passwords: at least %(num)d characters; a few unrelated words work well.",
        15,
    )
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
            html.H2(_("New user"), className="h5 mt-4"),
            dbc.Row(
                [
                    _field(_("Username"), dbc.Input(id=f"{PREFIX}-new-username", maxLength=80)),
                    _field(_("Role"), dcc.Dropdown(id=f"{PREFIX}-new-role", options=roles)),
                    _field(_("Password"), _password_input("new")),
                ],
                className="g-2",
            ),
            html.P(rule, className="small text-muted mb-1"),
            dbc.Button(_("Create user"), id=f"{PREFIX}-create", color="primary"),
            html.Div(id=f"{PREFIX}-create-message", className="mt-2", role="status"),
            html.H2(_("Change a user of your organisation"), className="h5 mt-4"),
            dbc.Row(
                [
                    _field(_("User"), dcc.Dropdown(id=f"{PREFIX}-edit-username")),
                    _field(_("New role"), dcc.Dropdown(id=f"{PREFIX}-edit-role", options=roles)),
                    _field(
                        _("Status"),
                        dcc.Dropdown(
                            id=f"{PREFIX}-edit-active",
                            value=KEEP,
                            clearable=False,
                            options=[
                                {"value": KEEP, "label": _("Keep as is")},
                                {"value": "active", "label": _("Active")},
                                {"value": "inactive", "label": _("Deactivated")},
                            ],
                        ),
                    ),
                    _field(_("Reset password (optional)"), _password_input("edit")),
                ],
                className="g-2",
            ),
            dbc.Button(_("Save changes"), id=f"{PREFIX}-change", color="primary", className="mt-2"),
            html.Div(id=f"{PREFIX}-change-message", className="mt-2", role="status"),
        ]
    )


@callback(
    Output(f"{PREFIX}-table", "children"),
    Output(f"{PREFIX}-edit-username", "options"),
    Input(f"{PREFIX}-create-message", "children"),
    Input(f"{PREFIX}-change-message", "children"),
)
def update_users_table(_created, _changed):
    """The organisation's users, and the same names to choose from (refreshed after saves)."""
    viewer = current_viewer()
    with db.session() as session:
        frame = users.list_users(session, viewer.organisation_id)
    if frame.empty:
        return create_empty_state(_("No users in your organisation yet.")), []
    names = list(frame["username"])
    for column in ("created_at", "last_login_at"):
        frame[column] = frame[column].map(format_datetime)
    frame["active"] = frame["active"].map({True: _("Active"), False: _("Deactivated")})
    frame["role"] = frame["role"].map(role_label)
    headers = {
        "username": _("Username"),
        "role": _("Role"),
        "active": _("Status"),
        "created_at": _("Created (UTC)"),
        "last_login_at": _("Last sign-in (UTC)"),
    }
    return create_data_table(frame, headers, f"{PREFIX}-grid"), names


def _context(org: Organisation, username: str) -> list[str]:
    return [username, org.code, org.name]


@callback(
    Output(f"{PREFIX}-create-message", "children"),
    Input(f"{PREFIX}-create", "n_clicks"),
    State(f"{PREFIX}-new-username", "value"),
    State(f"{PREFIX}-new-role", "value"),
    State(f"{PREFIX}-new-password", "value"),
    prevent_initial_call=True,
)
def create_user(n_clicks, username, role, password):
    """Create a new account in the admin's organisation; never touches an existing one."""
    viewer = current_viewer()
    if not n_clicks:
        return no_update
    if not allowed(viewer.role, "users"):
        return dbc.Alert(_("You may not change users."), color="danger")
    username = str(username or "").strip()
    try:
        with db.session() as session:
            org = session.get(Organisation, viewer.organisation_id)
            if role not in users.ASSIGNABLE_ROLES:
                raise users.UserError("bad_role")
            passwords.check_password(str(password or ""), _context(org, username))
            users.create_user(session, username, str(password), role, org.code)
            audit_event("user_created", f"user:{username}", {"role": role}, session)
    except ValueError as error:
        return dbc.Alert(refusal(error), color="danger")
    return dbc.Alert(_("Created %(user)s.", user=username), color="success")


@callback(
    Output(f"{PREFIX}-change-message", "children"),
    Input(f"{PREFIX}-change", "n_clicks"),
    State(f"{PREFIX}-edit-username", "value"),
    State(f"{PREFIX}-edit-role", "value"),
    State(f"{PREFIX}-edit-active", "value"),
    State(f"{PREFIX}-edit-password", "value"),
    prevent_initial_call=True,
)
def change_user(n_clicks, username, role, active, password):
    """Change the role or status of a user of the admin's organisation, or reset a password."""
    viewer = current_viewer()
    if not n_clicks:
        return no_update
    if not allowed(viewer.role, "users"):
        return dbc.Alert(_("You may not change users."), color="danger")
    username = str(username or "").strip()
    status = {"active": True, "inactive": False}.get(active)
    if username.lower() == (viewer.username or "").lower() and (status is False or role):
        return dbc.Alert(
            _("You cannot change your own role or deactivate yourself."), color="warning"
        )
    try:
        with db.session() as session:
            user = users.org_user(session, viewer.organisation_id, username)
            target = f"user:{user.username}"
            if password:
                org = session.get(Organisation, viewer.organisation_id)
                passwords.check_password(str(password), _context(org, user.username))
                users.set_password(session, viewer.organisation_id, user.username, str(password))
                audit_event("password_reset", target, None, session)
            changes = users.update_user(session, viewer.organisation_id, username, role, status)
            if changes:
                detail = {k: list(v) for k, v in changes.items()}
                audit_event("user_changed", target, detail, session)
    except ValueError as error:
        return dbc.Alert(refusal(error), color="danger")
    if not changes and not password:
        return dbc.Alert(_("Nothing to change."), color="info")
    return dbc.Alert(_("Saved changes to %(user)s.", user=user.username), color="success")

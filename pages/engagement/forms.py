"""The coordinator's forms on the engagement page: record or correct an event or an action."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import _
from dashboard.labels import action_status_label, event_type_label
from data_access.engagement_records import ACTION_FIELDS, EVENT_FIELDS
from data_access.vocab import ACTION_STATUSES, EVENT_TYPES
from pages.engagement.text import field_label

PREFIX = "engagement"
FORMS = {"event": EVENT_FIELDS, "action": ACTION_FIELDS}
CHECKS = {"senior_officer_present", "lo_present", "is_public"}
DATES = {"held_on", "raised_on", "due_on"}
LONG = {"issue", "response", "partners", "themes"}


def field_id(form: str, field: str) -> str:
    return f"{PREFIX}-{form}-{field.replace('_', '-')}"


def _choices(field: str, areas: dict[str, str]) -> list[dict] | None:
    if field == "area":
        return [{"value": c, "label": n} for c, n in sorted(areas.items(), key=lambda i: i[1])]
    if field == "event_type":
        return [{"value": t, "label": event_type_label(t)} for t in EVENT_TYPES]
    if field == "status":
        return [{"value": s, "label": action_status_label(s)} for s in ACTION_STATUSES]
    return None


def _control(form: str, field: str, areas: dict[str, str]):
    component_id = field_id(form, field)
    if field in CHECKS:
        return dbc.Checkbox(id=component_id, label=field_label(field), value=field == "is_public")
    label = dbc.Label(field_label(field), html_for=component_id, className="small mb-1")
    options = _choices(field, areas)
    if options is not None:
        control = dcc.Dropdown(id=component_id, options=options, clearable=field == "area",
                               value="open" if field == "status" else None)  # fmt: skip
    elif field in LONG:
        control = dbc.Textarea(id=component_id, rows=2)
    else:
        control = dbc.Input(id=component_id, type="date" if field in DATES else "text")
    return html.Div([label, control])


def create_record_form(form: str, title: str, areas: dict[str, str]) -> dbc.Card:
    """A card: a chooser (blank: a new record), the fields, a save button disabled while it
    saves, a message area and the chosen record's history. The `<prefix>-<form>-saved` store
    is in the page layout for every role (the figures listen to it)."""
    chooser = field_id(form, "code")
    fields = [dbc.Col(_control(form, f, areas), xs=12, md=6, className="mb-2")
              for f in FORMS[form]]  # fmt: skip
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(title, className="h6"),
                dbc.Label(field_label("code"), html_for=chooser, className="small mb-1"),
                dcc.Dropdown(id=chooser, placeholder=_("New record"), clearable=True),
                dbc.Row(fields, className="g-2 mt-1"),
                dbc.Button(
                    _("Save"), id=f"{PREFIX}-{form}-save", color="primary", className="mt-2"
                ),  # fmt: skip
                dcc.Loading(
                    html.Div(id=f"{PREFIX}-{form}-message", role="status", className="mt-2")
                ),  # fmt: skip
                html.Div(id=f"{PREFIX}-{form}-history", className="mt-2"),
            ]
        ),
        className="mb-3",
    )


def create_form_message(problems: list[tuple[str, str]] | None, done: str | None) -> html.Div:
    """What a save did, or every refused field with the reason."""
    if problems:
        return dbc.Alert(
            [html.P(_("Nothing was saved:"), className="mb-1"),
             html.Ul([html.Li(f"{name}: {why}") for name, why in problems], className="mb-0")],
            color="danger", className="mb-0",
        )  # fmt: skip
    return dbc.Alert(done, color="success", className="mb-0")

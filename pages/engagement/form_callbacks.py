"""The engagement page's record forms on the server: choices, loading a record, saving it.
Every callback re-checks engagement.edit (coordinators only)."""

from __future__ import annotations

from dash import Input, Output, State, callback, no_update
from dash.exceptions import PreventUpdate

from components.chart_table import create_data_table
from dashboard.access import refuse
from dashboard.extensions import db
from dashboard.i18n import _
from dashboard.page_support import today
from dashboard.policy import allowed
from dashboard.viewer import current_viewer
from data_access import engagement_records as records
from pages.engagement.forms import CHECKS, FORMS, PREFIX, create_form_message, field_id
from pages.engagement.text import field_label, problem_message

EDIT = "engagement.edit"
SAVES = {"event": records.save_event, "action": records.save_action}


def may_edit() -> bool:
    return allowed(current_viewer().role, EDIT)


def _history(kind: str, code: str | None):
    if not code:
        return None
    with db.session() as session:
        frame = records.history(session, current_viewer().organisation_id, kind, code)
    if frame.empty:
        return None
    frame["changed_at"] = frame["changed_at"].astype(str).str[:16]
    frame["field"] = frame["field"].map(field_label)
    frame[["old", "new"]] = frame[["old", "new"]].fillna("")
    headers = {"changed_at": _("When"), "changed_by": _("By"), "field": _("Field"),
               "old": _("Was"), "new": _("Now")}  # fmt: skip
    return create_data_table(frame, headers, f"{PREFIX}-{kind}-history-table")


def _options(kind: str) -> list[dict]:
    with db.session() as session:
        found = records.choices(session, current_viewer().organisation_id, kind)
    return [{"value": code, "label": label} for code, label in found]


def register_record_callbacks(kind: str) -> None:
    """Choices, load and save for one form (`event` or `action`)."""
    fields = FORMS[kind]
    chooser = field_id(kind, "code")
    save = f"{PREFIX}-{kind}-save"

    @callback(Output(chooser, "options"), Input(f"{PREFIX}-filters", "data"))
    def update_record_choices(_filters):
        return _options(kind) if may_edit() else []

    @callback(
        *[Output(field_id(kind, f), "value") for f in fields],
        Output(f"{PREFIX}-{kind}-history", "children"),
        Input(chooser, "value"),
        prevent_initial_call=True,
    )
    def load_record_into_form(code):
        if not may_edit():
            raise PreventUpdate
        if not code:
            blank = [f == "is_public" if f in CHECKS else "open" if f == "status" else None
                     for f in fields]  # fmt: skip
            return *blank, None
        with db.session() as session:
            try:
                values = records.form_values(session, current_viewer().organisation_id, kind,
                                             code)  # fmt: skip
            except records.NotFound:
                raise PreventUpdate from None
        return *[values[f] for f in fields], _history(kind, code)

    @callback(
        Output(f"{PREFIX}-{kind}-message", "children"),
        Output(f"{PREFIX}-{kind}-saved", "data"),
        Output(chooser, "options", allow_duplicate=True),
        Output(chooser, "value"),
        Input(save, "n_clicks"),
        State(chooser, "value"),
        *[State(field_id(kind, f), "value") for f in fields],
        running=[(Output(save, "disabled"), True, False)],
        prevent_initial_call=True,
    )
    def save_record(n_clicks, code, *values):
        if not n_clicks:
            raise PreventUpdate
        if not may_edit():
            refuse(f"callback:{save}")
            refused = _("You may not change engagement records. Nothing was saved.")
            message = create_form_message([(_("Refused"), refused)], None)
            return message, no_update, no_update, no_update
        viewer = current_viewer()
        try:
            with db.session() as session:
                saved, changed = SAVES[kind](session, viewer.organisation_id, viewer.username,
                                             dict(zip(fields, values, strict=True)), today(),
                                             code or None)  # fmt: skip
        except records.ValidationError as refused:
            problems = [(field_label(f), problem_message(c, p))
                        for f, (c, p) in refused.errors.items()]  # fmt: skip
            return create_form_message(problems, None), no_update, no_update, no_update
        if not changed:
            done = _("Nothing to save: no field was changed.")
        elif code:
            names = ", ".join(field_label(f).lower() for f in changed)
            done = _("%(code)s saved. Changed: %(fields)s.", code=saved, fields=names)
        else:
            done = _("%(code)s recorded.", code=saved)
        stamp = f"{saved}:{n_clicks}"
        return create_form_message(None, done), stamp, _options(kind), saved

    for function, name in ((update_record_choices, "choices"), (load_record_into_form, "load"),
                           (save_record, "save")):  # fmt: skip
        function.__name__ = function.__qualname__ = f"{name}_engagement_{kind}"

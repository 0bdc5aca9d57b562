"""The commitments register's edit forms on the server: filling the choices, loading the chosen
commitment, and the coordinator's saves. Every callback re-checks commitments.edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from dash import Input, Output, State, callback, no_update
from dash.exceptions import PreventUpdate
from sqlalchemy.orm import Session

from components.chart_table import create_data_table, create_empty_state
from dashboard.access import refuse
from dashboard.extensions import db
from dashboard.i18n import _
from dashboard.labels import kpi_label, register_field_label
from dashboard.page_support import today
from dashboard.policy import allowed
from dashboard.viewer import Viewer, current_viewer
from data_access import commitments as store
from pages.register.form_layout import (
    CLEARED_AFTER_SAVE,
    FORM_FIELDS,
    create_form_message,
    field_id,
)
from pages.register.frames import commitment_choices, targets_display
from pages.register.messages import register_problem_message

EDIT_FIELDS = store.COMMITMENT_FIELDS
Write = Callable[[Session, Viewer, dict], str]


def may_edit() -> bool:
    return allowed(current_viewer().role, "commitments.edit")


def add_commitment_from_form(session: Session, viewer: Viewer, values: dict) -> str:
    """Add a commitment (numbered C-NN)."""
    added = store.add_commitment(session, viewer.organisation_id, viewer.username, values)
    return _("Commitment %(code)s added.", code=added.code)


def update_commitment_from_form(session: Session, viewer: Viewer, values: dict) -> str:
    """Save the changed fields of the chosen commitment (one history row each)."""
    code = values.pop("code")
    changed = store.update_commitment(
        session, viewer.organisation_id, viewer.username, code, values
    )
    if not changed:
        return _("Nothing to save: no field was changed.")
    names = ", ".join(register_field_label(field).lower() for field in changed)
    return _("%(code)s saved. Changed: %(fields)s.", code=code, fields=names)


def add_review_from_form(session: Session, viewer: Viewer, values: dict) -> str:
    """Record the community forum's verdict on a commitment."""
    code = values.pop("code")
    store.add_review(session, viewer.organisation_id, viewer.username, code, values, today())
    return _("Community review recorded for %(code)s.", code=code)


def save_target_from_form(session: Session, viewer: Viewer, values: dict) -> str:
    """Add a KPI target, or update the one with the same KPI and start date."""
    if not store.save_target(session, viewer.organisation_id, viewer.username, values):
        return _("Nothing to save: this target is already recorded.")
    return _("Target saved: %(kpi)s.", kpi=kpi_label(values["kpi"]))


SAVES: dict[str, Write] = {
    "add": add_commitment_from_form,
    "edit": update_commitment_from_form,
    "review": add_review_from_form,
    "target": save_target_from_form,
}


def just_cleared(values: dict, cleared: dict, last_saved: object) -> bool:
    """True for a click on a form still as a save left it (a double click, or a click before
    anything new was typed): the save's message stays instead of a list of required fields."""
    if not cleared or not last_saved:
        return False
    return all(values[n] in (v, "") if v is None else values[n] == v for n, v in cleared.items())


def register_save_callback(prefix: str, form: str, write: Write) -> None:
    """Register `write(session, viewer, values) -> message` as the save of form `form`: one
    transaction; refused without commitments.edit; nothing written when a value is invalid."""
    names = FORM_FIELDS[form]
    cleared = CLEARED_AFTER_SAVE.get(form, {})
    untouched = [no_update] * len(cleared)

    @callback(
        Output(f"{prefix}-{form}-message", "children"),
        Output(f"{prefix}-{form}-saved", "data"),
        *[Output(field_id(f"{prefix}-{form}", name), "value")
          for name in cleared],
        Input(f"{prefix}-{form}-save", "n_clicks"),
        State(f"{prefix}-{form}-saved", "data"),
        *[State(field_id(f"{prefix}-{form}", name), "value") for name in names],
        running=[(Output(f"{prefix}-{form}-save", "disabled"), True, False)],
        prevent_initial_call=True,
    )  # fmt: skip
    def save_form(n_clicks, last_saved, *values):
        if not n_clicks or just_cleared(dict(zip(names, values, strict=True)), cleared, last_saved):
            raise PreventUpdate
        if not may_edit():
            refuse(f"callback:{prefix}-{form}-save")
            why = _("You may not change the register. Nothing was saved.")
            return create_form_message([(_("Refused"), why)], None), no_update, *untouched
        try:
            with db.session() as session:
                done = write(session, current_viewer(), dict(zip(names, values, strict=True)))
        except store.ValidationError as refused:
            problems = [
                (register_field_label(field), register_problem_message(code, params))
                for field, (code, params) in refused.errors.items()
            ]
            message = create_form_message(problems, None, _("Nothing was saved:"))
            return message, no_update, *untouched
        saved = datetime.now(UTC).isoformat()
        return create_form_message(None, done), saved, *cleared.values()

    save_form.__name__ = save_form.__qualname__ = f"save_{form}_form"


def register_form_callbacks(prefix: str) -> None:
    """The edit forms' callbacks for the register page whose component ids start `prefix`."""

    @callback(
        Output(field_id(f"{prefix}-edit", "code"), "options"),
        Output(field_id(f"{prefix}-review", "code"), "options"),
        Input(f"{prefix}-add-saved", "data"),
        Input(f"{prefix}-edit-saved", "data"),
    )
    def update_commitment_choices(*_saved):
        """Every commitment of the force, public or not, for the update and review forms."""
        if not may_edit():
            return [], []
        with db.session() as session:
            frame = store.register(session, current_viewer().organisation_id, today(), True)
        return commitment_choices(frame), commitment_choices(frame)

    @callback(
        Output(field_id(f"{prefix}-edit", "code"), "value"),
        Input(f"{prefix}-grid", "cellClicked"),
        prevent_initial_call=True,
    )
    def select_commitment_from_row(cell):
        """Clicking a row also picks that commitment in the update form."""
        return (cell or {}).get("rowId") or no_update

    @callback(
        *[Output(field_id(f"{prefix}-edit", f), "value") for f in EDIT_FIELDS],
        Input(field_id(f"{prefix}-edit", "code"), "value"),
        prevent_initial_call=True,
    )
    def load_commitment_into_form(code):
        """The chosen commitment's current values, ready to change."""
        if not may_edit() or not code:
            raise PreventUpdate
        with db.session() as session:
            try:
                found = store.find_commitment(session, current_viewer().organisation_id, code)
            except store.NotFound:
                raise PreventUpdate from None
            values = [getattr(found, field) for field in EDIT_FIELDS]
        return [v.isoformat() if hasattr(v, "isoformat") else v for v in values]

    for form, write in SAVES.items():
        register_save_callback(prefix, form, write)

    @callback(Output(f"{prefix}-targets", "children"), Input(f"{prefix}-target-saved", "data"))
    def update_target_list(_saved):
        """The force's KPI targets, so a coordinator sees what a save will change."""
        if not may_edit():
            return no_update
        with db.session() as session:
            frame = store.list_targets(session, current_viewer().organisation_id)
        if frame.empty:
            return create_empty_state(_("No KPI targets recorded yet."))
        shown, headers = targets_display(frame)
        grid = create_data_table(shown, headers, f"{prefix}-targets-table")
        grid.columnDefs[0].update({"flex": 3, "minWidth": 240})
        return grid

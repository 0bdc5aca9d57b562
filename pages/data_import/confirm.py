"""The import page's background step: confirming runs the apply in a background job with a
progress bar; cancelling asks it to stop (it rolls back, nothing is kept)."""

from __future__ import annotations

import logging

from dash import Input, Output, State, callback, no_update

from dashboard.auditing import audit_event
from dashboard.background import job_request_context, job_store
from dashboard.extensions import db
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import _, ngettext
from data_access.imports import apply_import
from pages.data_import import frames, staging
from pages.data_import.checks import PREFIX, alert, import_viewer, max_mb
from pages.data_import.text import NOT_ALLOWED, TICKET_GONE

logger = logging.getLogger(__name__)


def register_confirm_callbacks() -> None:
    """Confirm (the background job) and cancel, for the import page (called by its module, so
    that every app built in a process gets them)."""

    @callback(
        Output(f"{PREFIX}-result", "children", allow_duplicate=True),
        Output(f"{PREFIX}-confirm", "disabled", allow_duplicate=True),
        Input(f"{PREFIX}-confirm", "n_clicks"),
        State(f"{PREFIX}-ticket", "data"),
        background=True,
        running=[
            (Output(f"{PREFIX}-confirm", "disabled"), True, False),
            (Output(f"{PREFIX}-cancel", "disabled"), False, True),
            (Output(f"{PREFIX}-progress-area", "hidden"), False, True),
        ],
        progress=[
            Output(f"{PREFIX}-progress", "value"),
            Output(f"{PREFIX}-progress", "label"),
            Output(f"{PREFIX}-progress-text", "children"),
        ],
        prevent_initial_call=True,
    )
    def confirm_import(set_progress, clicks, token):
        """Apply the previewed file in one transaction, in a background job: every row or none,
        recorded in the import history and the audit chain. The job signs the request in again
        from its cookies and re-checks role and organisation; the ticket is claimed once, so a
        double click imports once."""
        if not clicks:
            return no_update, no_update
        with job_request_context():
            viewer = import_viewer()
            if viewer is None:
                audit_event("access_refused", "import:confirm")
                return alert(_(NOT_ALLOWED)), True
            ticket = staging.claim_ticket(viewer, token)
            source = staging.source_for(viewer, ticket, max_mb()) if ticket else None
            if source is None:
                return alert(_(TICKET_GONE), "warning"), True
            set_progress((0, "", _("Checking the rows again ...")))

            def progress(done: int, total: int) -> None:
                percent = round(100 * done / total) if total else 100
                written = ngettext(
                    "%(done)s of %(total)s row written",
                    "%(done)s of %(total)s rows written",
                    total,
                    done=format_number(done),
                    total=format_number(total),
                )
                set_progress((percent, format_percent(percent, 0), written))

            try:
                with db.session() as session:
                    summary = apply_import(
                        session, viewer.organisation_id, source, viewer.username, progress,
                        lambda: job_store().cancelled(str(token)),
                    )  # fmt: skip
            except Exception:  # noqa: BLE001 - the engine rolled back and recorded the failure
                logger.exception("import failed")
                message = _("The import stopped with an error and nothing was kept; it is recorded "
                            "in the import history.")  # fmt: skip
                return alert(message), False
            set_progress((100, "100%", _("Done")))
            return frames.result_panel(summary), summary.status == "applied"

    @callback(
        Output(f"{PREFIX}-cancel-note", "children"),
        Input(f"{PREFIX}-cancel", "n_clicks"),
        State(f"{PREFIX}-ticket", "data"),
        prevent_initial_call=True,
    )
    def cancel_import(_clicks, token):
        """Ask the running import to stop: it rolls back at its next step and nothing is kept."""
        viewer = import_viewer()
        if viewer is None or staging.ticket(viewer, token) is None:
            return no_update
        job_store().cancel(str(token))
        return _("Cancelling: the import stops at its next step and nothing is kept.")

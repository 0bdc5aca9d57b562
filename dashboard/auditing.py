"""Audit rows for the current viewer's request (who, from where) in one call."""

from __future__ import annotations

from typing import Any

from flask import request
from sqlalchemy.orm import Session

from dashboard.extensions import db
from dashboard.viewer import current_viewer
from data_access import audit


def audit_event(
    action: str,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
    session: Session | None = None,
) -> None:
    """Append an audit row for the current viewer; in `session` if given (same transaction)."""
    viewer = current_viewer()
    fields = {
        "organisation_id": viewer.organisation_id,
        "username": viewer.username,
        "target": target,
        "detail": detail,
        "remote_addr": request.remote_addr,
    }
    if session is not None:
        audit.record(session, action, **fields)
        return
    with db.session() as own:
        audit.record(own, action, **fields)

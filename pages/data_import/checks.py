"""What every import-page callback checks first: the viewer may import, in an organisation."""

from __future__ import annotations

from dash import html
from flask import current_app

from dashboard.policy import allowed
from dashboard.viewer import Viewer, current_viewer

PREFIX = "data_import"


def import_viewer() -> Viewer | None:
    """The viewer, checked again here: role and organisation (the access hook checked the role
    too; background jobs reach this through `job_request_context`)."""
    viewer = current_viewer()
    if not allowed(viewer.role, PREFIX) or viewer.organisation_id is None:
        return None
    return viewer


def alert(message: str, tone: str = "danger") -> html.Div:
    return html.Div(message, className=f"alert alert-{tone} py-2 mb-0", role="alert")


def max_mb() -> float:
    return float(current_app.config["IMPORT_MAX_MB"])

"""Import history (coordinator; leadership reads it): every import attempt, who and when, the
file and its SHA-256, kind, mapping, counts and status, and each batch's reject report."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import create_empty_state
from dashboard.access import register_page
from dashboard.downloads import filename, record_download
from dashboard.extensions import db
from dashboard.formatting import format_datetime
from dashboard.i18n import N_, _
from dashboard.viewer import current_viewer
from data_access.queries.import_history import batch_report, import_batches

# Coordinators reach the history from the import page; leadership from the navigation.
register_page(
    __name__, path="/import/history", title=N_("Import history"), order=81,
    nav_roles={"leadership"},
)  # fmt: skip

PREFIX = "import_history"
HEADERS = {
    "id": N_("Batch"), "created_at": N_("When (UTC)"), "created_by": N_("Who"),
    "filename": N_("File"), "sha256": N_("SHA-256"), "kind": N_("Kind"),
    "mapping_name": N_("Mapping"), "status": N_("Status"), "rows_inserted": N_("Added"),
    "rows_updated": N_("Updated"), "rows_unchanged": N_("Unchanged"),
    "rows_rejected": N_("Rejected"), "report": N_("Reject report"), "message": N_("Note"),
}  # fmt: skip
WIDTHS = {"id": 80, "created_at": 150, "sha256": 170, "message": 260, "filename": 180}


def layout(**_query):
    """Frame only: the table is filled by a callback."""
    return html.Div(
        [
            html.H1(_("Import history"), className="h3"),
            html.P(
                _(
                    "Every import attempt: applied imports changed the records; rejected, "
                    "refused, cancelled and failed ones changed nothing. Select a row to "
                    "download its reject report. Each import is also in the audit log."
                ),
                className="text-muted",
            ),
            dcc.Store(id=f"{PREFIX}-load", data=0),
            html.Div(id=f"{PREFIX}-table"),
            html.Div(
                [
                    dbc.Button(
                        _("Download the selected batch's reject report (CSV)"),
                        id=f"{PREFIX}-report",
                        size="sm",
                        color="secondary",
                        outline=True,
                    ),
                    dcc.Download(id=f"{PREFIX}-report-download"),
                    html.Span(id=f"{PREFIX}-report-note", className="small ms-2", role="status"),
                ],  # fmt: skip
                className="mt-2",
            ),
        ]
    )


def history_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The history as shown: times to the minute, a yes/no report column."""
    shown = frame.copy()
    shown["created_at"] = shown["created_at"].map(format_datetime)
    shown["report"] = shown.pop("has_report").map({True: _("yes"), False: ""})
    shown["mapping_name"] = shown["mapping_name"].fillna("")
    return shown[[c for c in HEADERS if c in shown.columns]]


@callback(Output(f"{PREFIX}-table", "children"), Input(f"{PREFIX}-load", "data"))
def update_import_history(_load):
    """The viewer's organisation's import attempts, newest first."""
    viewer = current_viewer()
    with db.session() as session:
        frame = import_batches(session, viewer.organisation_id)
    if frame.empty:
        return create_empty_state(_("No file has been imported into this organisation yet."))
    shown = history_rows(frame)
    columns = [
        {"field": c, "headerName": _(HEADERS[c]), "width": WIDTHS.get(c, 110),
         "tooltipField": c if c in ("sha256", "message") else None}
        for c in shown.columns
    ]  # fmt: skip
    return dag.AgGrid(
        id=f"{PREFIX}-grid",
        rowData=shown.to_dict("records"),
        columnDefs=columns,
        getRowId="String(params.data.id)",
        defaultColDef={"sortable": True, "resizable": True, "cellDataType": False},
        dashGridOptions={
            "domLayout": "autoHeight",
            "rowSelection": {
                "mode": "singleRow",
                "checkboxes": False,
                "enableClickSelection": True,
            },
            # cells take focus so that a keyboard user can choose a row (Space selects it)
            "ensureDomOrder": True,
        },  # fmt: skip
        style={"width": "100%"},
        className="ag-theme-alpine",
    )


@callback(
    Output(f"{PREFIX}-report-download", "data"),
    Output(f"{PREFIX}-report-note", "children"),
    Input(f"{PREFIX}-report", "n_clicks"),
    State(f"{PREFIX}-grid", "selectedRows"),
    prevent_initial_call=True,
)
def download_batch_report(_clicks, selected):
    """The stored reject report of the selected batch (this organisation's only)."""
    row = selected[0] if isinstance(selected, list) and selected else None
    batch = row.get("id") if isinstance(row, dict) else None
    if not isinstance(batch, int):
        return no_update, _("Select a batch in the table first.")
    with db.session() as session:
        found = batch_report(session, current_viewer().organisation_id, batch)
    if found is None:
        return no_update, _("That batch has no reject report: nothing in it was rejected.")
    name, report = found
    record_download(f"import-reject-report:{batch}", report.count("\n") - 1)
    return dcc.send_string(report, filename(f"batch-{batch}-{name}-rejects")), None

"""Import (coordinator): choose the kind and mapping, upload a file, preview what would change,
then confirm; the import runs as a background job with progress and can be cancelled."""

from __future__ import annotations

from pathlib import PurePath

from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
    no_update,
)
from flask import current_app

from components.chart_table import create_empty_state
from dashboard.access import register_page
from dashboard.downloads import record_download
from dashboard.extensions import db
from dashboard.formatting import format_number
from dashboard.i18n import N_, _, ngettext
from dashboard.uploads import decode_upload, import_limit_bytes
from data_access.imports import KINDS, preview_import
from data_access.imports.templates import template_csv, template_xlsx
from data_access.imports.workbook import sheet_names
from pages.data_import import frames, sections, staging
from pages.data_import.checks import PREFIX, alert, import_viewer, max_mb
from pages.data_import.confirm import register_confirm_callbacks
from pages.data_import.reasons import rejects_csv
from pages.data_import.text import (
    EMPTY_PREVIEW,
    FILE_GONE,
    INTRO,
    NEED_KIND,
    NEED_SHEET,
    NOT_ALLOWED,
)

register_page(__name__, path="/import", title=N_("Import"), order=80)


def layout(**_query):
    """Frame only: every step is filled by the callbacks below."""
    limit_mb = float(current_app.config["IMPORT_MAX_MB"])
    return html.Div(
        [
            html.H1(_("Import records"), className="h3"),
            html.P(
                [_(INTRO), " ", html.A(_("See the import history."), href="/import/history")],
                className="text-muted",
            ),
            sections.kind_step(sorted(staging.shipped_mappings())),
            sections.file_step(limit_mb),
            sections.preview_step(),
        ]
    )


@callback(
    Output(f"{PREFIX}-kind-help", "children"),
    Output(f"{PREFIX}-template-csv", "disabled"),
    Output(f"{PREFIX}-template-xlsx", "disabled"),
    Input(f"{PREFIX}-kind", "value"),
)
def show_kind_help(kind):
    """The chosen kind's description and columns; templates once a kind is chosen."""
    if kind not in KINDS:
        return None, True, True
    return frames.kind_help(KINDS[kind]), False, False


@callback(
    Output(f"{PREFIX}-template-download", "data"),
    Input(f"{PREFIX}-template-csv", "n_clicks"),
    Input(f"{PREFIX}-template-xlsx", "n_clicks"),
    State(f"{PREFIX}-kind", "value"),
    prevent_initial_call=True,
)
def download_template(_csv, _xlsx, kind):
    """The kind's template, generated from the schema the validator uses."""
    if kind not in KINDS or import_viewer() is None:
        return no_update
    record_download(f"import-template:{kind}", 0)
    if ctx.triggered_id == f"{PREFIX}-template-xlsx":
        return dcc.send_bytes(template_xlsx(KINDS[kind]), f"{kind}.xlsx")
    return dcc.send_string(template_csv(KINDS[kind]), f"{kind}.csv")


@callback(
    Output(f"{PREFIX}-mapping", "data"),
    Output(f"{PREFIX}-mapping-note", "children"),
    Output(f"{PREFIX}-kind", "value"),
    Input(f"{PREFIX}-mapping-choice", "value"),
    Input(f"{PREFIX}-mapping-upload", "contents"),
    State(f"{PREFIX}-mapping-upload", "filename"),
    prevent_initial_call=True,
)
def choose_mapping(shipped, uploaded, filename):
    """A shipped or uploaded mapping, checked; choosing one also chooses its kind."""
    if import_viewer() is None:
        return None, alert(_(NOT_ALLOWED)), no_update
    if ctx.triggered_id == f"{PREFIX}-mapping-upload":
        data = decode_upload(uploaded)
        if data is None or len(data) > staging.MAX_MAPPING_BYTES:
            return (
                None,
                alert(_("The mapping file could not be read (YAML up to 256 KB).")),
                no_update,
            )
        name = PurePath(str(filename or "mapping")).stem
        choice = {"text": data.decode("utf-8", errors="replace"), "name": name}
    else:
        choice = {"shipped": shipped} if shipped else None
    if choice is None:
        return None, None, no_update
    try:
        mapping = staging.mapping_from(choice)
    except ValueError as exc:
        return None, alert(_("The mapping cannot be used: %(why)s", why=str(exc))), no_update
    note = _("Mapping %(name)s, for kind %(kind)s.", name=mapping.name, kind=mapping.kind)
    if mapping.description:
        note += " " + mapping.description
    return choice, html.Span(note, className="text-success"), mapping.kind


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="checkUpload"),
    Output(f"{PREFIX}-upload-checked", "data"),
    Output(f"{PREFIX}-upload-note", "children"),
    Input(f"{PREFIX}-upload", "contents"),
    State(f"{PREFIX}-upload", "filename"),
    State(f"{PREFIX}-limit", "data"),
    State(f"{PREFIX}-limit-message", "data"),
    prevent_initial_call=True,
)


@callback(
    Output(f"{PREFIX}-file", "data"),
    Output(f"{PREFIX}-file-note", "children"),
    Output(f"{PREFIX}-sheet", "options"),
    Output(f"{PREFIX}-sheet", "value"),
    Output(f"{PREFIX}-sheet-area", "hidden"),
    Input(f"{PREFIX}-upload-checked", "data"),
    prevent_initial_call=True,
)
def stage_upload(checked):
    """Keep the uploaded file on the server (the browser keeps only a token); its sheets."""
    viewer = import_viewer()
    checked = checked if isinstance(checked, dict) else {}
    data = decode_upload(checked.get("contents"))
    filename = PurePath(str(checked.get("filename") or "upload")).name[:200]
    if viewer is None:
        return _no_file(_(NOT_ALLOWED))
    if data is None:
        return _no_file(_("The upload could not be read: choose the file again."))
    if len(data) > import_limit_bytes():
        return _no_file(
            _(
                "The file is %(size).1f MB, over the import limit of %(limit)s MB "
                "(IMPORT_MAX_MB): split it into smaller files.",
                size=len(data) / 1024 / 1024,
                limit=current_app.config["IMPORT_MAX_MB"],
            )
        )
    sheets = sheet_names(data, filename)
    token = staging.stage_file(viewer, data, filename)
    note = ngettext("Uploaded %(name)s (%(size)s byte).", "Uploaded %(name)s (%(size)s bytes).",
                    len(data), name=filename, size=format_number(len(data)))  # fmt: skip
    options = [{"value": sheet, "label": sheet} for sheet in sheets]
    several = len(sheets) > 1
    chosen = sheets[0] if len(sheets) == 1 else None
    file = {"token": token, "filename": filename}
    return file, html.Span(note, className="text-success"), options, chosen, not several


def _no_file(message: str) -> tuple:
    return None, alert(message), [], None, True


def _no_preview(shown) -> tuple:
    """Nothing to confirm: the panel shows `shown`."""
    return shown, True, None, True, None


@callback(
    Output(f"{PREFIX}-preview", "children"),
    Output(f"{PREFIX}-confirm", "disabled"),
    Output(f"{PREFIX}-ticket", "data"),
    Output(f"{PREFIX}-report-area", "hidden"),
    Output(f"{PREFIX}-result", "children"),
    Input(f"{PREFIX}-file", "data"),
    Input(f"{PREFIX}-kind", "value"),
    Input(f"{PREFIX}-mapping", "data"),
    Input(f"{PREFIX}-sheet", "value"),
    State(f"{PREFIX}-sheet-area", "hidden"),
    prevent_initial_call=True,
)
def preview_file(file, kind, mapping, sheet, one_sheet):
    """What importing the file would do: counts, encoding, columns, first rejects. Writes no
    records; the preview's settings become the ticket that confirming imports."""
    viewer = import_viewer()
    if viewer is None:
        return _no_preview(alert(_(NOT_ALLOWED)))
    if not isinstance(file, dict) or not file.get("token"):
        return _no_preview(create_empty_state(_(EMPTY_PREVIEW)))
    if kind not in KINDS and not mapping:
        return _no_preview(create_empty_state(_(NEED_KIND)))
    if not one_sheet and not sheet:
        return _no_preview(create_empty_state(_(NEED_SHEET)))
    settings = {"file": file["token"], "kind": kind if kind in KINDS else None,
                "mapping": mapping, "sheet": sheet}  # fmt: skip
    try:
        source = staging.source_for(viewer, settings, max_mb())
    except ValueError as exc:
        return _no_preview(alert(_("The mapping cannot be used: %(why)s", why=str(exc))))
    if source is None:
        return _no_preview(alert(_(FILE_GONE)))
    with db.session() as session:
        summary = preview_import(session, viewer.organisation_id, source)
    report = rejects_csv(summary) if summary.rejects else None
    token = staging.issue_ticket(viewer, settings, source.filename, report)
    return frames.preview_panel(summary), not summary.ok, token, report is None, None


@callback(
    Output(f"{PREFIX}-report-download", "data"),
    Input(f"{PREFIX}-report", "n_clicks"),
    State(f"{PREFIX}-ticket", "data"),
    prevent_initial_call=True,
)
def download_reject_report(_clicks, token):
    """Every rejected row of the previewed file: row, column, value, reason (CSV)."""
    viewer = import_viewer()
    found = staging.ticket(viewer, token) if viewer else None
    if not found or not found.get("report"):
        return no_update
    record_download("import-reject-report", found["report"].count("\n") - 1)
    stem = PurePath(str(found.get("filename") or "import")).stem
    return dcc.send_string(found["report"], f"{stem}-rejects.csv")


register_confirm_callbacks()

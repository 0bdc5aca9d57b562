"""The import page's layout: the three steps (kind and mapping, file, preview and confirm)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.chart_table import create_empty_state
from dashboard.formatting import format_number, number_locale
from dashboard.i18n import _
from data_access.imports import KINDS
from pages.data_import.text import EMPTY_PREVIEW, STEPS

PREFIX = "data_import"


def _label(text: str, target: str) -> html.Label:
    return html.Label(text, htmlFor=target, className="form-label small mb-1")


def _step(name: str, body: list) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody([html.H2(_(STEPS[name]), className="h5"), *body]),
        className="mb-3",
        id=f"{PREFIX}-step-{name}",
    )


def kind_step(mappings: list[str]) -> dbc.Card:
    """Choose the kind (with its help and templates) and, optionally, a mapping."""
    kinds = [{"value": name, "label": _(kind.title)} for name, kind in KINDS.items()]
    shipped = [{"value": name, "label": name} for name in mappings]
    templates = html.Div(
        [
            dbc.Button(
                _("Download template (CSV)"),
                id=f"{PREFIX}-template-csv",
                color="secondary",
                outline=True,
                size="sm",
                disabled=True,
            ),
            dbc.Button(
                _("Download template (Excel)"),
                id=f"{PREFIX}-template-xlsx",
                color="secondary",
                outline=True,
                size="sm",
                disabled=True,
            ),
            dcc.Download(id=f"{PREFIX}-template-download"),
        ],  # fmt: skip
        className="d-flex flex-wrap gap-2 my-2",
    )
    mapping = dbc.Row(
        [
            dbc.Col(
                [
                    _label(_("Mapping (optional): a shipped one"), f"{PREFIX}-mapping-choice"),
                    dcc.Dropdown(
                        id=f"{PREFIX}-mapping-choice",
                        options=shipped,
                        placeholder=_("No mapping: the file uses the template's columns"),
                    ),
                ],
                md=6,
            ),  # fmt: skip
            dbc.Col(
                [
                    _label(_("... or your own mapping file (YAML)"), f"{PREFIX}-mapping-upload"),
                    dcc.Upload(
                        html.Div(_("Choose a mapping file")),
                        id=f"{PREFIX}-mapping-upload",
                        accept=".yaml,.yml",
                        className="upload-zone upload-zone-small",
                        max_size=256 * 1024,
                    ),
                ],
                md=6,
            ),  # fmt: skip
        ],
        className="g-2 mt-1",
    )
    return _step(
        "kind",
        [
            _label(_("Kind of records"), f"{PREFIX}-kind"),
            dcc.Dropdown(id=f"{PREFIX}-kind", options=kinds, placeholder=_("Choose a kind")),
            html.Div(id=f"{PREFIX}-kind-help", className="mt-2"),
            templates,
            mapping,
            html.Div(id=f"{PREFIX}-mapping-note", className="small mt-1", role="status"),
            dcc.Store(id=f"{PREFIX}-mapping"),
        ],
    )


def file_step(limit_mb: float) -> dbc.Card:
    """The upload, the size limit and, for a workbook of several sheets, the sheet."""
    prompt = _("Drag a CSV or Excel (.xlsx) file here, or click to choose one (up to %(mb)s MB).",
               mb=format_number(limit_mb))  # fmt: skip
    return _step(
        "file",
        [
            dcc.Upload(
                html.Div(prompt),
                id=f"{PREFIX}-upload",
                className="upload-zone",
                accept=".csv,.txt,.xlsx,.xlsm",
            ),  # fmt: skip
            dcc.Store(id=f"{PREFIX}-limit", data=int(limit_mb * 1024 * 1024)),
            # the browser's own refusal of an oversized file, in the viewer's language
            dcc.Store(
                id=f"{PREFIX}-limit-message",
                data={
                    "locale": number_locale(),
                    "message": _(
                        "The file %(name)s is %(size)s MB, over the import limit of %(limit)s "
                        "MB (IMPORT_MAX_MB): split it into smaller files."
                    ),
                },
            ),
            dcc.Store(id=f"{PREFIX}-upload-checked"),
            dcc.Store(id=f"{PREFIX}-file"),
            html.Div(id=f"{PREFIX}-upload-note", className="mt-2", role="alert"),
            html.Div(id=f"{PREFIX}-file-note", className="mt-2", role="status"),
            html.Div(
                [_label(_("Sheet"), f"{PREFIX}-sheet"), dcc.Dropdown(id=f"{PREFIX}-sheet")],
                id=f"{PREFIX}-sheet-area",
                hidden=True,
                className="mt-2",
            ),  # fmt: skip
        ],
    )


def preview_step() -> dbc.Card:
    """The preview, the reject report, confirm and cancel, the progress and the result."""
    actions = html.Div(
        [
            dbc.Button(_("Confirm import"), id=f"{PREFIX}-confirm", color="primary", disabled=True),
            dbc.Button(
                _("Cancel import"),
                id=f"{PREFIX}-cancel",
                color="secondary",
                outline=True,
                disabled=True,
            ),
        ],  # fmt: skip
        className="d-flex flex-wrap gap-2 mt-2",
    )
    report = html.Div(
        [
            dbc.Button(
                _("Download reject report (CSV)"),
                id=f"{PREFIX}-report",
                size="sm",
                color="secondary",
                outline=True,
            ),
            dcc.Download(id=f"{PREFIX}-report-download"),
        ],  # fmt: skip
        id=f"{PREFIX}-report-area",
        hidden=True,
        className="mb-2",
    )
    progress = html.Div(
        [
            dbc.Progress(
                id=f"{PREFIX}-progress",
                value=0,
                label="",
                striped=True,
                animated=True,
                style={"height": "1.5rem"},
            ),
            html.Div(id=f"{PREFIX}-progress-text", className="small mt-1", role="status"),
        ],  # fmt: skip
        id=f"{PREFIX}-progress-area",
        hidden=True,
        className="mt-3",
    )
    return _step(
        "preview",
        [
            html.Div(create_empty_state(_(EMPTY_PREVIEW)), id=f"{PREFIX}-preview"),
            report,
            dcc.Store(id=f"{PREFIX}-ticket"),
            actions,
            progress,
            html.Div(id=f"{PREFIX}-cancel-note", className="small mt-1", role="status"),
            html.Div(id=f"{PREFIX}-result", className="mt-3"),
        ],
    )

"""Open data: the catalogue of datasets (public subset for everyone, the whole catalogue for
partners and staff), a viewer with CSV and JSON downloads, the data dictionary and the
revisions log. Every figure comes through the same code as the API."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dcc,
    html,
    no_update,
)

from components.chart_table import create_data_table, create_empty_state
from dashboard.access import refuse, register_page
from dashboard.disclosure import display_frame
from dashboard.downloads import filename, record_download
from dashboard.formatting import format_number
from dashboard.i18n import N_, _, ngettext
from dashboard.open_data.catalogue import CATALOGUE, visible_to
from dashboard.open_data.grains import history
from dashboard.open_data.protection import threshold
from dashboard.open_data.query import BadQuery
from dashboard.open_data.revisions import revisions
from dashboard.open_data.service import describe, last_updated, produce, to_csv, to_json
from dashboard.page_support import today
from dashboard.viewer import current_viewer
from pages.data import controls, sections

register_page(__name__, path="/data", title=N_("Open data"), order=90)

PREFIX = sections.PREFIX


def layout(**query):
    """Frame only; the initial choices come from the address and are checked by callbacks."""
    return html.Div(
        [
            html.H1(_("Open data"), className="h3"),
            html.P(
                _(
                    "Aggregated tables behind this dashboard, to view, download as CSV or "
                    "JSON, or fetch from the API (GET /api/v1/datasets). Counts of people are "
                    "disclosure-controlled: see the methodology."
                ),
                className="text-muted",
            ),
            dcc.Store(id=f"{PREFIX}-ready", data=True),
            dcc.Store(id=f"{PREFIX}-choices"),
            dcc.Store(id=f"{PREFIX}-initial", data=controls.initial_choices(query)),
            dcc.Store(id=f"{PREFIX}-address"),
            dcc.Store(id=f"{PREFIX}-url-sync"),
            html.H2(_("Catalogue"), className="h5 mt-3"),
            dcc.Loading(html.Div(id=f"{PREFIX}-catalogue"), type="dot"),
            html.H2(_("Explore a dataset"), className="h5 mt-3", id=f"{PREFIX}-explore"),
            controls.viewer_controls(PREFIX),
            dcc.Loading(html.Div(id=f"{PREFIX}-view"), type="default"),
            html.Div(
                [
                    dbc.Button(_("Download CSV"), id=f"{PREFIX}-csv-button", **controls.BUTTON),
                    dbc.Button(_("Download JSON"), id=f"{PREFIX}-json-button", **controls.BUTTON),
                    dcc.Download(id=f"{PREFIX}-csv-download"),
                    dcc.Download(id=f"{PREFIX}-json-download"),
                ],
                className="d-flex gap-2 mt-2",
            ),
            html.H2(_("Data dictionary"), className="h5 mt-4"),
            html.Div(id=f"{PREFIX}-dictionary"),
            html.H2(_("Revisions"), className="h5 mt-4"),
            html.Div(id=f"{PREFIX}-revisions"),
            html.P(html.A(_("How the figures are made"), href="/methodology"), className="mt-3"),
        ]
    )


def revision_threshold(viewer) -> int | None:
    """Small counts in the revisions log are hidden from disclosure-controlled viewers."""
    return threshold() if viewer.disclosure_controlled else None


@callback(
    Output(f"{PREFIX}-catalogue", "children"),
    Output(f"{PREFIX}-revisions", "children"),
    Output(f"{PREFIX}-dataset", "options"),
    Output(f"{PREFIX}-from", "options"),
    Output(f"{PREFIX}-to", "options"),
    Output(f"{PREFIX}-area", "options"),
    Output(f"{PREFIX}-choices", "data"),
    Input(f"{PREFIX}-ready", "data"),
)
def update_data_catalogue(ready):
    """The datasets the viewer may use, the revisions log and the viewer's choices."""
    viewer = current_viewer()
    if not ready or viewer.organisation_id is None:
        return create_empty_state(_("No organisation publishes data here yet.")), *[no_update] * 6
    hist = history(viewer.organisation_id, today())
    datasets = visible_to(viewer.role)
    entries = [(d, last_updated(d, viewer.organisation_id)) for d in datasets]
    months = controls.month_options(hist.months)
    return (
        sections.catalogue_list(entries),
        sections.revisions_table(revisions(viewer.organisation_id, revision_threshold(viewer))),
        [{"value": d.name, "label": _(d.title)} for d in datasets],
        months,
        months,
        controls.area_options(viewer.organisation_id),
        True,
    )


clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="syncUrl"),
    Output(f"{PREFIX}-url-sync", "data"),
    Input(f"{PREFIX}-address", "data"),
)


@callback(
    Output(f"{PREFIX}-dataset", "value"),
    Output(f"{PREFIX}-from", "value"),
    Output(f"{PREFIX}-to", "value"),
    Output(f"{PREFIX}-area", "value"),
    Input(f"{PREFIX}-choices", "data"),
    State(f"{PREFIX}-initial", "data"),
)
def restore_data_choices(loaded, initial):
    """Set the choices from the address once their options have arrived (a dropdown drops a
    value it has no option for); values the viewer may not choose are dropped."""
    if not loaded or not isinstance(initial, dict):
        return no_update, no_update, no_update, no_update
    viewer = current_viewer()
    names = {d.name for d in visible_to(viewer.role)}
    hist = history(viewer.organisation_id, today())
    areas = set(hist.areas)
    return controls.checked_choices(initial, names, set(hist.months), areas)


def _answer(name, start, end, area):
    """(dataset, answer, message): the answer for the choices, or a message saying why not."""
    viewer = current_viewer()
    dataset = next((d for d in visible_to(viewer.role) if d.name == name), None)
    if dataset is None or viewer.organisation_id is None:
        if name in CATALOGUE:
            refuse(f"dataset:{name}")
            return None, None, _("This dataset is for partner organisations: sign in to see it.")
        return None, None, _("Choose a dataset from the list.")
    args = controls.request_args(dataset, start, end, area)
    try:
        return dataset, produce(dataset, viewer, args, today()), None
    except BadQuery as exc:
        return dataset, None, str(exc)


@callback(
    Output(f"{PREFIX}-view", "children"),
    Output(f"{PREFIX}-dictionary", "children"),
    Output(f"{PREFIX}-from", "disabled"),
    Output(f"{PREFIX}-to", "disabled"),
    Output(f"{PREFIX}-area", "disabled"),
    Output(f"{PREFIX}-address", "data"),
    Input(f"{PREFIX}-dataset", "value"),
    Input(f"{PREFIX}-from", "value"),
    Input(f"{PREFIX}-to", "value"),
    Input(f"{PREFIX}-area", "value"),
)
def update_data_view(name, start, end, area):
    """The chosen dataset as a table, its data dictionary, and which filters it takes."""
    dataset, answer, message = _answer(name, start, end, area)
    takes = set(dataset.filters) if dataset else set()
    off = ("from" not in takes, "to" not in takes, "area" not in takes)
    if answer is None:
        alert = html.Div(message, className="alert alert-warning", role="alert")
        return alert, None, *off, no_update
    viewer = current_viewer()
    hist = history(viewer.organisation_id, today())
    shown = display_frame(answer.frame) if dataset.protected else answer.frame
    headers = {c.name: c.name for c in dataset.columns}
    link = controls.api_link(dataset.name, answer.query.params())
    view = html.Div(
        [
            html.P(
                [
                    ngettext(
                        "%(n)s row. The same table from the API: ",
                        "%(n)s rows. The same table from the API: ",
                        len(shown),
                        n=format_number(len(shown)),
                    ),
                    html.Code(link),
                ],
                className="small text-muted",
                id=f"{PREFIX}-api-link",
            ),
            controls.paged(create_data_table(shown, headers, f"{PREFIX}-table"))
            if len(shown)
            else create_empty_state(_("No rows for these choices.")),
        ]
    )
    entry = describe(dataset, hist, last_updated(dataset, viewer.organisation_id))
    address = controls.address(dataset.name, answer.query.params())
    return view, sections.dictionary_table(entry), *off, address


def _download(fmt: str, name, start, end, area):
    _dataset, answer, _message = _answer(name, start, end, area)
    if answer is None:
        return no_update
    record_download(f"data:{answer.dataset.name}.{fmt}", len(answer.frame))
    if fmt == "csv":
        body = to_csv(answer)
    else:
        body = to_json(answer, last_updated(answer.dataset, current_viewer().organisation_id))
    stem = "-".join([answer.dataset.name, *answer.query.params().values()])
    return dcc.send_string(body, filename(stem, fmt))


CHOICES = [State(f"{PREFIX}-{name}", "value") for name in ("dataset", "from", "to", "area")]


@callback(
    Output(f"{PREFIX}-csv-download", "data"),
    Input(f"{PREFIX}-csv-button", "n_clicks"),
    *CHOICES,
    prevent_initial_call=True,
)
def download_data_csv(n_clicks, name, start, end, area):
    """The table shown, as CSV (the same file the API gives)."""
    return _download("csv", name, start, end, area) if n_clicks else no_update


@callback(
    Output(f"{PREFIX}-json-download", "data"),
    Input(f"{PREFIX}-json-button", "n_clicks"),
    *CHOICES,
    prevent_initial_call=True,
)
def download_data_json(n_clicks, name, start, end, area):
    """The table shown, as JSON (the same document the API gives)."""
    return _download("json", name, start, end, area) if n_clicks else no_update

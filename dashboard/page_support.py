"""What every page needs around its figures: filter options and validation, the shared filter
callbacks, and a database session for the current viewer."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

import pandas as pd
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    html,
    no_update,
)
from flask import session

from components.filter_bar import Option, create_filter_bar
from dashboard.data_cache import memoize_per_data_version
from dashboard.downloads import csv_download, download_name
from dashboard.extensions import db
from dashboard.filters import PERIOD_MONTHS, Filters, parse_filters, period_choices
from dashboard.i18n import _, ngettext
from dashboard.labels import strand_label
from dashboard.viewer import current_viewer
from data_access.queries import scheme
from data_access.vocab import STRANDS


def today() -> date:
    return date.today()


def last_months(n: int) -> str:
    return ngettext("Last %(num)d month", "Last %(num)d months", n)


def period_options() -> list[Option]:
    options = []
    for value in period_choices(today()):
        if value in PERIOD_MONTHS:
            options.append(Option(value, last_months(PERIOD_MONTHS[value])))
        else:
            options.append(Option(value, _("Year %(year)s", year=value)))
    return options


def strand_options() -> list[Option]:
    return [Option(strand, strand_label(strand)) for strand in STRANDS]


def filter_labels() -> dict[str, str]:
    return {
        "period": _("Period"),
        "area": _("Area"),
        "strand": _("Strand"),
        "all_areas": _("All areas"),
        "all_strands": _("All strands"),
        "bar": _("Filters"),
    }


@memoize_per_data_version(timeout=600)
def org_areas(org_id: int) -> dict[str, str]:
    """Area code → name for an organisation (cached until its data version moves on)."""
    with db.session() as session:
        return scheme.area_names(session, org_id)


def viewer_filters(query: object, extras: Mapping[str, Sequence[str]] | None = None) -> Filters:
    """Validated filters for the current viewer's organisation from URL values or a filter
    store (`{"query": {...}}`); anything malformed falls back to the defaults. `extras`:
    page-specific filter names and their allowed values."""
    if isinstance(query, Mapping) and isinstance(query.get("query"), Mapping):
        query = query["query"]
    if not isinstance(query, Mapping):
        query = {}
    viewer = current_viewer()
    areas = org_areas(viewer.organisation_id) if viewer.organisation_id else {}
    return parse_filters(query, areas, today(), extras)


SHARED = ("period", "area", "strand")  # carried from page to page


def url_filters(query: Mapping[str, object], extras: Mapping[str, Sequence[str]] | None = None):
    """A page's filters from its address; an address without period, area or strand takes the
    reader's last choice of them in this session (the address always wins)."""
    remembered = session.get("filters")
    if not any(query.get(name) for name in SHARED) and isinstance(remembered, Mapping):
        query = {**{k: v for k, v in remembered.items() if k in SHARED}, **query}
    return viewer_filters(query, extras)


def page_filter_bar(
    prefix: str, filters: Filters, extra: list | None = None, show_strand: bool = True
) -> html.Div:
    """The standard filter bar (period, area, strand, plus `extra` dropdowns) set to `filters`."""
    return create_filter_bar(
        prefix,
        period_options(),
        filters.period,
        strand_options(),
        filters.strand,
        filters.area,
        filter_labels(),
        extra,
        show_strand,
    )


def register_filter_callbacks(
    prefix: str, extras: Mapping[str, Sequence[str]] | None = None
) -> None:
    """The filter bar's callbacks for one page: validate into `<prefix>-filters`, fill the area
    options, and mirror the validated filters into the address bar (client side).

    `extras`: page-specific filters (dropdown id `<prefix>-<name>`) and their allowed values;
    data callbacks must validate the store again with `viewer_filters(store["query"], extras)`."""
    names = sorted(extras or {})

    @callback(
        Output(f"{prefix}-filters", "data"),
        Output(f"{prefix}-area", "options"),
        Input(f"{prefix}-period", "value"),
        Input(f"{prefix}-area", "value"),
        Input(f"{prefix}-strand", "value"),
        *[Input(f"{prefix}-{name}", "value") for name in names],
    )
    def sync_filters(period, area, strand, *extra_values):
        query = {"period": period, "area": area, "strand": strand}
        query.update(zip(names, extra_values, strict=True))
        filters = viewer_filters(query, extras)
        session["filters"] = {k: v for k, v in filters.query().items() if k in SHARED}
        viewer = current_viewer()
        areas = org_areas(viewer.organisation_id) if viewer.organisation_id else {}
        options = [
            {"value": code, "label": name}
            for code, name in sorted(areas.items(), key=lambda item: item[1])
        ]
        return {"query": filters.query(), "search": filters.search()}, options

    clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="syncUrl"),
        Output(f"{prefix}-url-sync", "data"),
        Input(f"{prefix}-filters", "data"),
    )


def register_section_downloads(
    prefix: str, names: Sequence[str], table: Callable[[str, dict], pd.DataFrame]
) -> None:
    """One callback for the CSV buttons of a page's sections (`<prefix>-<name>-download-button`
    → `<prefix>-<name>-download`): the button pressed gives the CSV of exactly the table its
    section shows, `table(name, filter store)` with the headers as shown, named by
    `download_name`."""
    names = list(names)

    @callback(
        [Output(f"{prefix}-{name}-download", "data") for name in names],
        [Input(f"{prefix}-{name}-download-button", "n_clicks") for name in names],
        State(f"{prefix}-filters", "data"),
        prevent_initial_call=True,
    )
    def download_section_table(*args):
        store, clicks = args[-1], dict(zip(names, args[:-1], strict=True))
        pressed = str(ctx.triggered_id or "")
        name = pressed.removeprefix(f"{prefix}-").removesuffix("-download-button")
        result = [no_update] * len(names)
        if name not in clicks or not clicks[name] or not isinstance(store, Mapping) or not store:
            return result
        file = download_name(prefix, name, store)
        result[names.index(name)] = csv_download(table(name, store), file, f"{prefix}-{name}")
        return result

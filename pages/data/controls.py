"""The /data viewer's choices (dataset, from, to, area): the dropdowns, their options and the
request they make, the same as an API request."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.filters import add_months
from dashboard.i18n import _
from dashboard.labels import month_label
from dashboard.open_data.definitions import Dataset
from dashboard.page_support import org_areas, today

BUTTON = {"color": "secondary", "outline": True, "size": "sm"}
DEFAULT_DATASET = "referrals"
DEFAULT_MONTHS = 12
PAGE_ROWS = 24


def default_range(on: date) -> tuple[str, str]:
    """The last DEFAULT_MONTHS complete months before `on`."""
    end = add_months(on, -1)
    return f"{add_months(end, 1 - DEFAULT_MONTHS):%Y-%m}", f"{end:%Y-%m}"


def _text(query: Mapping, name: str) -> str | None:
    value = query.get(name)
    return value if isinstance(value, str) and value else None


def initial_choices(query: Mapping) -> dict[str, str | None]:
    """The choices the address asks for (dataset, from, to, area), defaults where it does not."""
    start, end = default_range(today())
    return {
        "dataset": _text(query, "dataset") or DEFAULT_DATASET,
        "from": _text(query, "from") or start,
        "to": _text(query, "to") or end,
        "area": _text(query, "area"),
    }


def checked_choices(initial: Mapping, names: set, months: set, areas: set) -> tuple:
    """The initial choices the viewer may make; anything else falls back (none, all)."""
    name = initial.get("dataset")
    start, end, area = initial.get("from"), initial.get("to"), initial.get("area")
    return (
        name if name in names else (DEFAULT_DATASET if DEFAULT_DATASET in names else None),
        start if start in months else None,
        end if end in months else None,
        area if area in areas else None,
    )


def viewer_controls(prefix: str) -> dbc.Row:
    """Dataset, from, to and area dropdowns (set by a callback once their options arrive)."""
    fields = [
        ("dataset", _("Dataset"), False),
        ("from", _("From"), True),
        ("to", _("To"), True),
        ("area", _("Area"), True),
    ]
    columns = []
    for name, label, clearable in fields:
        columns.append(
            dbc.Col(
                [
                    html.Label(label, htmlFor=f"{prefix}-{name}", className="form-label small"),
                    dcc.Dropdown(
                        id=f"{prefix}-{name}",
                        clearable=clearable,
                        placeholder=_("All areas") if name == "area" else _("Any"),
                    ),
                ],
                xs=12,
                md=6 if name == "dataset" else 2,
                className="mb-2",
            )
        )
    return dbc.Row(columns, className="g-2")


def month_options(months: tuple[str, ...]) -> list[dict]:
    return [{"value": m, "label": month_label(m, short=True)} for m in reversed(months)]


def area_options(org_id: int) -> list[dict]:
    areas = org_areas(org_id)
    return [
        {"value": code, "label": name}
        for code, name in sorted(areas.items(), key=lambda item: item[1])
    ]


def request_args(dataset: Dataset, start, end, area) -> dict[str, str]:
    """The API parameters for the choices the dataset takes (the others are switched off)."""
    chosen = {"from": start, "to": end, "area": area}
    return {
        name: value
        for name, value in chosen.items()
        if name in dataset.filters and isinstance(value, str) and value
    }


def api_link(name: str, params: Mapping[str, str]) -> str:
    query = "?" + urlencode(dict(params)) if params else ""
    return f"/api/v1/datasets/{name}.csv{query}"


def paged(grid: dag.AgGrid, rows: int = PAGE_ROWS) -> dag.AgGrid:
    """The same grid, `rows` rows a page (a whole dataset can be hundreds of rows)."""
    grid.dashGridOptions = {**grid.dashGridOptions, "pagination": True, "paginationPageSize": rows}
    grid.dashGridOptions["paginationPageSizeSelector"] = [rows, 4 * rows]
    return grid


def address(name: str, params: Mapping[str, str]) -> dict[str, str]:
    """The choices as the page address's query string (kept in the address bar)."""
    return {"search": "?" + urlencode({"dataset": name, **params})}

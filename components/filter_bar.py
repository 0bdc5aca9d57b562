"""The filter bar every page uses: period, area, strand (ids prefixed with the page key)."""

from __future__ import annotations

from typing import NamedTuple

import dash_bootstrap_components as dbc
from dash import dcc, html


class Option(NamedTuple):
    value: str
    label: str


def create_filter_dropdown(
    component_id: str,
    label: str,
    options: list[Option],
    value: str | None,
    clearable: bool,
    placeholder: str,
) -> dbc.Col:
    return dbc.Col(
        [
            html.Label(label, htmlFor=component_id, className="form-label small mb-1"),
            dcc.Dropdown(
                id=component_id,
                options=[{"value": o.value, "label": o.label} for o in options],
                value=value,
                clearable=clearable,
                placeholder=placeholder,
            ),
        ],
        xs=12,
        md=4,
        lg=3,
    )


def create_filter_bar(
    prefix: str,
    periods: list[Option],
    period: str,
    strands: list[Option],
    strand: str | None,
    area: str | None,
    labels: dict[str, str],
    extra: list | None = None,
    show_strand: bool = True,
) -> html.Div:
    """Dropdowns `<prefix>-period`, `<prefix>-area` (options filled by a callback),
    `<prefix>-strand` (kept but hidden when `show_strand` is False: pages whose records have
    no strand), any `extra` columns (made with `create_filter_dropdown`, ids
    `<prefix>-<name>`), and the `<prefix>-filters` store holding the validated values."""
    strand_column = create_filter_dropdown(
        f"{prefix}-strand", labels["strand"], strands, strand, True, labels["all_strands"]
    )
    if not show_strand:
        strand_column.style = {"display": "none"}
    return html.Div(
        [
            dbc.Row(
                [
                    create_filter_dropdown(
                        f"{prefix}-period", labels["period"], periods, period, False, ""
                    ),
                    create_filter_dropdown(
                        f"{prefix}-area",
                        labels["area"],
                        # The chosen area stays valid until the callback brings the names.
                        [Option(area, area)] if area else [],
                        area,
                        True,
                        labels["all_areas"],
                    ),
                    strand_column,
                    *(extra or []),
                ],
                className="g-2",
            ),
            dcc.Store(id=f"{prefix}-filters"),
            dcc.Store(id=f"{prefix}-url-sync"),
        ],
        className="filter-bar mb-3",
        role="search",
        **{"aria-label": labels["bar"]},
    )

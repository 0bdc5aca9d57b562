"""Building blocks of the liaison workload page: a titled section, a captioned table, a note."""

from __future__ import annotations

from collections.abc import Callable

import dash_ag_grid as dag
import pandas as pd
from dash import dcc, html

from components.chart_table import create_data_table, create_download_button


def create_workload_section(
    title: str, component_id: str, download_label: str | None = None
) -> html.Section:
    """A heading, a loading area `component_id` filled by a callback, and an optional CSV
    download button (`<component_id>-download-button`)."""
    parts = [
        html.H2(title, className="h5 mt-4"),
        dcc.Loading(html.Div(id=component_id), type="default"),
    ]
    if download_label:
        parts.append(create_download_button(component_id, download_label))
    return html.Section(parts, **{"aria-label": title})


def create_captioned_table(
    caption: str,
    frame: pd.DataFrame,
    header: Callable[[str], str],
    table_id: str,
    after: list | None = None,
) -> html.Div:
    """A plain-text caption above a read-only table whose columns are labelled by `header`."""
    headers = {column: header(column) for column in frame.columns}
    return html.Div(
        [
            html.P(caption, className="chart-caption", id=f"{table_id}-caption"),
            create_data_table(frame, headers, table_id),
            *(after or []),
        ]
    )


def widen_first_column(block, flex: float = 1.6):
    """`block` with the first (label) column of each table in it given more room than the
    numbers beside it, so that area and stage names are not cut short."""
    children = getattr(block, "children", None)
    if isinstance(block, dag.AgGrid) and block.columnDefs:
        block.columnDefs = [{**block.columnDefs[0], "flex": flex}, *block.columnDefs[1:]]
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            widen_first_column(child, flex)
    return block

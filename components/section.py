"""A titled page section (loading state and CSV button) and a captioned table, shared by the
training and engagement pages."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from dash import dcc, html

from components.chart_table import create_data_table, create_download_button


def create_section(title: str, component_id: str, download_label: str) -> html.Section:
    """A heading, a loading area `component_id` filled by a callback, and a CSV button."""
    return html.Section(
        [
            html.H2(title, className="h5 mt-4"),
            dcc.Loading(html.Div(id=component_id), type="default"),
            create_download_button(component_id, download_label),
        ],
        **{"aria-label": title},
    )


def create_table(
    caption: str, frame: pd.DataFrame, header: Callable[[str], str], table_id: str
) -> html.Div:
    """A plain-text caption above a read-only table whose columns are labelled by `header`."""
    headers = {column: header(column) for column in frame.columns}
    return html.Div(
        [
            html.P(caption, className="chart-caption", id=f"{table_id}-caption"),
            create_data_table(frame, headers, table_id),
        ]
    )

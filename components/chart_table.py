"""A chart with the same figures as a table beside it, a plain-text caption and a download."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components.chart_summary import chart_summary
from dashboard.formatting import number_locale, plotly_locale, plotly_separators


def create_empty_state(message: str) -> html.Div:
    """Says why there is nothing to show (announced to screen readers)."""
    return html.Div(message, className="alert alert-light border text-center my-3", role="status")


def _numeric_like(values: pd.Series, marker: str) -> bool:
    """True for numbers, allowing the suppression marker in place of some."""
    present = values[values.notna() & (values != marker)]
    return len(present) > 0 and bool(present.map(lambda v: isinstance(v, int | float)).all())


def locale_number(locale: str) -> str:
    """AG Grid formatter: numbers with the locale's marks (es `45,3`); text ([c]) is left as
    is (a string's toLocaleString is itself)."""
    return (
        "params.value == null ? '' : "
        f"params.value.toLocaleString('{locale}', {{maximumFractionDigits: 3}})"
    )


def create_data_table(
    frame: pd.DataFrame, headers: dict[str, str], table_id: str, marker: str = "[c]"
) -> dag.AgGrid:
    """A read-only AG Grid of a small frame (columns in frame order, labelled by `headers`);
    numbers right-aligned, the suppression marker shown as text (no type inference)."""
    column_defs = [
        {
            "field": column,
            "headerName": headers.get(column, column),
            "type": "rightAligned" if _numeric_like(frame[column], marker) else None,
        }
        for column in frame.columns
    ]
    for column in column_defs:
        if column["type"]:
            column["valueFormatter"] = {"function": locale_number(number_locale())}
    return dag.AgGrid(
        id=table_id,
        rowData=frame.to_dict("records"),
        columnDefs=column_defs,
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "flex": 1,
            "minWidth": 90,
            "cellDataType": False,
        },
        # Screen readers read the DOM: keep every column in it, in the order shown.
        dashGridOptions={
            "domLayout": "autoHeight",
            "suppressCellFocus": True,
            "ensureDomOrder": True,
            "suppressColumnVirtualisation": True,
        },
        style={"width": "100%"},
        className="ag-theme-alpine",
    )


def create_chart_with_table(
    figure: go.Figure,
    frame: pd.DataFrame,
    id_prefix: str,
    caption: str,
    headers: dict[str, str],
    labels: dict[str, str],
    note: str | None = None,
    figures: pd.DataFrame | None = None,
) -> html.Div:
    """Chart and table side by side (stacked on small screens), a caption and an optional note.

    The chart is one image to assistive technology, named by the caption and described by a
    summary of its figures (the highest and lowest of each series) shown beneath it; the
    table beside it holds every figure. `figures`: the table's numbers before they were
    formatted as text, when they were (the summary is computed from them)."""
    summary = chart_summary(frame if figures is None else figures, headers)
    names = {"aria-labelledby": f"{id_prefix}-caption"}
    if summary:
        names["aria-describedby"] = f"{id_prefix}-summary"
    figure.update_layout(separators=plotly_separators())  # the viewer's decimal marks
    return html.Div(
        [
            html.P(caption, className="chart-caption", id=f"{id_prefix}-caption"),
            dbc.Row(
                [
                    dbc.Col(
                        html.Figure(
                            [
                                html.Div(
                                    dcc.Graph(
                                        figure=figure,
                                        id=f"{id_prefix}-graph",
                                        # no toolbar: each chart has a table and a CSV download
                                        # beside it, and the toolbar added six tab stops; month
                                        # and day names on date axes in the viewer's language
                                        config={
                                            "displayModeBar": False,
                                            "responsive": True,
                                            **plotly_locale(),
                                        },
                                    ),
                                    role="img",
                                    **names,
                                ),
                                html.Figcaption(
                                    summary, id=f"{id_prefix}-summary", className="chart-summary"
                                )
                                if summary
                                else None,
                            ],
                            className="chart-figure mb-0",
                        ),
                        xs=12,
                        xl=7,
                    ),
                    dbc.Col(
                        [
                            html.H3(labels["table"], className="h6 visually-hidden"),
                            create_data_table(frame, headers, f"{id_prefix}-table"),
                        ],
                        xs=12,
                        xl=5,
                    ),
                ]
            ),
            html.P(note, className="small text-muted mt-1") if note else None,
        ]
    )


def create_download_button(id_prefix: str, label: str) -> html.Div:
    """A CSV download button and its dcc.Download (filled by the page's download callback)."""
    return html.Div(
        [
            dbc.Button(
                label, id=f"{id_prefix}-download-button", color="secondary", outline=True, size="sm"
            ),
            dcc.Download(id=f"{id_prefix}-download"),
        ],
        className="mt-2",
    )

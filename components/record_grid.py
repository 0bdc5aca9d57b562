"""The commitments register grid: long text wraps, overdue rows shaded (and said in words)."""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

# Column → (flex, minimum width in pixels); other columns keep a fixed width.
FLEX = {"text": (3, 190), "verdict": (1.5, 140), "comment": (1.5, 115), "evidence": (1.5, 115)}
WIDTHS = {"code": 72, "due_on": 108, "overdue": 92, "status": 112, "is_public": 72, "owner": 118}
OVERDUE_ROW = {"backgroundColor": "#fdebd3", "boxShadow": "inset 5px 0 0 #b35806"}
CELL = {"lineHeight": "1.4", "paddingTop": "4px", "paddingBottom": "4px"}


def create_record_grid(
    frame: pd.DataFrame, headers: dict[str, str], grid_id: str, flag: str, overdue_column: str
) -> dag.AgGrid:
    """An AG Grid of the register: one row per commitment (row id: its `code`). Rows whose
    boolean column `flag` is true are shaded; `overdue_column` holds the same fact in text.
    The flag column is not shown."""
    column_defs = []
    for column in (c for c in frame.columns if c != flag):
        flex, least = FLEX.get(column, (None, None))
        size = {"flex": flex, "minWidth": least} if flex else {"width": WIDTHS.get(column, 140)}
        if column == overdue_column:
            size["cellStyle"] = {**CELL, "fontWeight": 600, "color": "#8c2d04"}
        column_defs.append({"field": column, "headerName": headers.get(column, column), **size})
    return dag.AgGrid(
        id=grid_id,
        rowData=frame.to_dict("records"),
        columnDefs=column_defs,
        getRowId="params.data.code",
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "wrapText": True,
            "autoHeight": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
            "cellStyle": CELL,
        },
        getRowStyle={
            "styleConditions": [{"condition": f"params.data.{flag}", "style": OVERDUE_ROW}]
        },
        dashGridOptions={
            "domLayout": "autoHeight",
            "rowSelection": {
                "mode": "singleRow",
                "checkboxes": False,
                "enableClickSelection": True,
            },
            "suppressCellFocus": True,
            "ensureDomOrder": True,  # screen readers read the DOM: rows and columns in order
            "suppressColumnVirtualisation": True,
        },
        style={"width": "100%"},
        className="ag-theme-alpine",
    )

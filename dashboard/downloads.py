"""Downloads: spreadsheet-formula neutralisation, CSV building and the audit record."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd
from dash import dcc

from dashboard.auditing import audit_event

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised."""
    safe = frame.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def filename(stem: str, extension: str = "csv") -> str:
    return _SAFE_NAME.sub("_", stem).strip("_")[:120] + "." + extension


def download_name(page: str, table: str, store: object) -> str:
    """Every download's file name: `<page>-<table>-<period>[-<other filter values>].csv`, the
    filters read from a page's filter store ({"query": {...}})."""
    query = store.get("query") if isinstance(store, Mapping) else None
    query = query if isinstance(query, Mapping) else {}
    parts = [page, table, str(query.get("period") or "all")]
    parts += [str(v) for k, v in sorted(query.items()) if k != "period" and v]
    return filename("-".join(_SAFE_NAME.sub("_", part) for part in parts))


def labelled(
    frame: pd.DataFrame, headers: Mapping[str, str] | Callable[[str], str]
) -> pd.DataFrame:
    """`frame` with the headers its table shows (columns without one keep their name)."""
    name = headers if callable(headers) else lambda column: headers.get(column, column)
    return frame.rename(columns={column: name(column) for column in frame.columns})


def record_download(dataset: str, rows: int) -> None:
    audit_event("download", dataset, {"rows": rows})


def csv_download(frame: pd.DataFrame, name: str, dataset: str) -> dict:
    """dcc.Download data for a CSV of `frame` (headers as shown) named `name` (from
    download_name), neutralised and audited."""
    record_download(dataset, len(frame))
    return dcc.send_string(safe_frame(frame).to_csv(index=False), name)

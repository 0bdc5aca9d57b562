"""Downloads: spreadsheet-formula neutralisation, CSV building and the audit record."""

from __future__ import annotations

import re

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


def record_download(dataset: str, rows: int) -> None:
    audit_event("download", dataset, {"rows": rows})


def csv_download(frame: pd.DataFrame, stem: str, dataset: str) -> dict:
    """dcc.Download data for a CSV of `frame`, neutralised and audited."""
    record_download(dataset, len(frame))
    return dcc.send_string(safe_frame(frame).to_csv(index=False), filename(stem))

"""Checks beyond single cells: the header, dates in order, required-when rules, duplicate keys."""

from __future__ import annotations

import pandas as pd

from data_access.imports.fields import Kind
from data_access.imports.kinds import KINDS, guess_kind
from data_access.imports.report import FILE_LEVEL, ImportRefused, Reject


def _wrong_kind_hint(kind: Kind, columns: list[str]) -> str:
    likely = guess_kind(columns)
    if likely and likely != kind.name:
        return f"; it looks like a file of kind '{likely}' ({KINDS[likely].title})"
    return ""


def check_header(kind: Kind, columns: list[str]) -> None:
    """Refuse a header that lacks a required column or holds a column the kind does not have.

    Unknown columns refuse the file rather than being dropped: a misspelt optional column would
    otherwise lose its data silently. Remove them, or map them with a mapping file."""
    missing = [c for c in kind.required if c not in columns]
    unknown = [c for c in columns if c not in kind.columns]
    hint = _wrong_kind_hint(kind, columns)
    rejects = [Reject(FILE_LEVEL, c, "", "required column missing") for c in missing]
    rejects += [Reject(FILE_LEVEL, c, "", f"not a column of kind '{kind.name}'") for c in unknown]
    if missing:
        raise ImportRefused(
            f"the file lacks required column(s) {', '.join(missing)} of kind '{kind.name}'{hint}",
            rejects,
        )
    if unknown:
        raise ImportRefused(
            f"the file has column(s) that kind '{kind.name}' does not have: "
            f"{', '.join(unknown)} (remove them, or map them with a mapping file; its columns "
            f"are {', '.join(kind.columns)}){hint}",
            rejects,
        )


def check_orders(kind: Kind, frame: pd.DataFrame, values: dict[str, list]) -> list[Reject]:
    """Rows whose dates are out of order; `values` holds the typed dates (None when empty or
    not a date), so each pair is checked only when both dates are valid."""
    rejects = []
    for order in kind.orders:
        if order.later not in values or order.earlier not in values:
            continue
        pairs = zip(frame.index, values[order.later], values[order.earlier], strict=True)
        for row, later, earlier in pairs:
            if later is None or earlier is None or later > earlier:
                continue
            if later == earlier and not order.strict:
                continue
            value = f"{frame.at[row, order.later]} < {frame.at[row, order.earlier]}"
            rejects.append(Reject(int(row), order.later, value, f"must be {order.describe()}"))
    return rejects


def check_requirements(kind: Kind, frame: pd.DataFrame) -> list[Reject]:
    """Rows where a value that another column makes necessary is missing."""
    rejects = []
    for rule in kind.requirements:
        if rule.column not in frame:
            continue
        trigger = frame[rule.column]
        hit = trigger.isin(rule.values) if rule.values else trigger.notna()
        given = frame[rule.then].notna() if rule.then in frame else pd.Series(False, frame.index)
        for row in frame.index[(hit & ~given).to_numpy(dtype=bool)]:
            rejects.append(Reject(int(row), rule.then, "", rule.describe()))
    return rejects


def check_duplicates(kind: Kind, frame: pd.DataFrame) -> list[Reject]:
    """Every row after the first that repeats a natural key within the file."""
    key = [c for c in kind.key if c in frame]
    if len(key) != len(kind.key):
        return []
    repeated = frame.duplicated(subset=key, keep=False) & frame[key].notna().all(axis=1)
    first_row = frame[repeated].reset_index().groupby(key, dropna=True)["index"].transform("min")
    rejects = []
    for row, first in zip(frame.index[repeated.to_numpy(dtype=bool)], first_row, strict=True):
        if row != first:
            value = " / ".join(str(frame.at[row, c]) for c in key)
            reason = f"duplicate key ({', '.join(key)}): already on row {first}"
            rejects.append(Reject(int(row), key[0], value, reason))
    return rejects

"""Checks beyond single cells: the header, dates in order, required-when rules, duplicate keys."""

from __future__ import annotations

import pandas as pd

from data_access.imports.fields import Kind
from data_access.imports.kinds import KINDS, guess_kind
from data_access.imports.report import FILE_LEVEL, N_, ImportRefused, Reject


def _likely_kind(kind: Kind, columns: list[str]) -> str | None:
    """Another kind the columns fit, to say so when they do not fit the chosen one."""
    likely = guess_kind(columns)
    return likely if likely and likely != kind.name else None


def check_header(kind: Kind, columns: list[str]) -> None:
    """Refuse a header that lacks a required column or holds a column the kind does not have.

    Unknown columns refuse the file rather than being dropped: a misspelt optional column would
    otherwise lose its data silently. Remove them, or map them with a mapping file."""
    missing = [c for c in kind.required if c not in columns]
    unknown = [c for c in columns if c not in kind.columns]
    rejects = [Reject.because(FILE_LEVEL, c, "", N_("required column missing")) for c in missing]
    rejects += [
        Reject.because(FILE_LEVEL, c, "", N_("not a column of kind '%(kind)s'"), kind=kind.name)
        for c in unknown
    ]
    likely = _likely_kind(kind, columns)
    title = KINDS[likely].title if likely else ""
    if missing:
        template = N_("the file lacks required column(s) %(columns)s of kind '%(kind)s'")
        if likely:
            template = N_(
                "the file lacks required column(s) %(columns)s of kind '%(kind)s'; it looks "
                "like a file of kind '%(likely)s' (%(likely_label)s)"
            )
        raise ImportRefused(
            template,
            rejects,
            columns=", ".join(missing),
            kind=kind.name,
            likely=likely or "",
            likely_label=title,
        )
    if unknown:
        template = N_(
            "the file has column(s) that kind '%(kind)s' does not have: %(columns)s (remove "
            "them, or map them with a mapping file; its columns are %(known)s)"
        )
        if likely:
            template = N_(
                "the file has column(s) that kind '%(kind)s' does not have: %(columns)s (remove "
                "them, or map them with a mapping file; its columns are %(known)s); it looks "
                "like a file of kind '%(likely)s' (%(likely_label)s)"
            )
        raise ImportRefused(
            template,
            rejects,
            kind=kind.name,
            columns=", ".join(unknown),
            known=", ".join(kind.columns),
            likely=likely or "",
            likely_label=title,
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
            template, params = order.reason()
            rejects.append(Reject.because(int(row), order.later, value, template, **params))
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
            template, params = rule.reason()
            rejects.append(Reject.because(int(row), rule.then, "", template, **params))
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
            reason = N_("duplicate key (%(key)s): already on row %(first)s")
            rejects.append(
                Reject.because(int(row), key[0], value, reason, key=", ".join(key), first=first)
            )
    return rejects

"""Statistical disclosure control for every figure shown to the ``public`` and ``partner`` roles.

Rules as implemented:

1. Primary suppression: a count from 1 to ``threshold - 1`` (default 5) is hidden and shown as
   ``[c]``. A true zero is shown as 0 and is never hidden. Rates, percentages, means and medians
   built on a hidden count are hidden too.
2. A table with totals is published as one complete hypercube: every cell and every total
   (margin) over every dimension, so every slice a page shows comes from the same protected
   table. Totals are counts and get primary suppression like any cell.
3. Secondary suppression: every line of the table (a row, a column, or any run of cells along
   one dimension, totals included) that holds a hidden value holds at least two, and in a line
   with a visible total the n hidden values add up to at least n + threshold - 1, so within
   the line each keeps at least `threshold` possible values. The partner is the smallest
   non-zero visible value of the line; ties go to a cell before a total, then to the first in
   table order.
4. Audit: an attacker is assumed to know every visible value, that each total is the sum of its
   line, and that a hidden value is a whole number of at least 1 (zeros are always shown). Every
   hidden value must still have at least two possible whole values. This is proven either by an
   explicit change (a 2x2 or 2x2x2 "box" of hidden values that can shift by +1/-1 keeping every
   sum) or by linear programming (HiGHS: the smallest and largest value allowed by all the
   sums). A value found to be exactly determined gets the cheapest box through it hidden as well
   (smallest non-zero visible values first, totals last), which makes it undeterminable.
5. The result depends only on the data: the same input always gives the same published table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.suppression_engine import SuppressionCube

TOTAL = "All"
MARKER = "[c]"


def _check_threshold(threshold: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int | np.integer) or threshold < 1:
        raise ValueError(f"threshold must be an integer >= 1, got {threshold!r}")


def _as_counts(values: pd.Series, name: str) -> np.ndarray:
    """Validate that ``values`` are whole numbers >= 0 and return them as int64."""
    if values.empty:
        return np.zeros(0, dtype=np.int64)
    if values.isna().any():
        raise ValueError(f"column {name!r} has missing counts")
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        raise ValueError(f"column {name!r} must hold integer counts")
    arr = values.to_numpy(dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr != np.round(arr)):
        raise ValueError(f"column {name!r} must hold integer counts >= 0")
    return arr.astype(np.int64)


def primary_mask(counts: pd.Series, threshold: int) -> pd.Series:
    """True where 1 <= count < threshold."""
    _check_threshold(threshold)
    values = pd.to_numeric(counts)
    return ((values >= 1) & (values < threshold)).fillna(False).astype(bool)


def _levels(frame: pd.DataFrame, dim: str, categories: Mapping[str, Sequence] | None) -> list:
    column = frame[dim]
    observed = list(pd.unique(column.dropna().astype(object)))
    if TOTAL in observed:
        raise ValueError(f"{dim!r} uses the reserved label {TOTAL!r}")
    if categories is not None and dim in categories:
        levels = list(categories[dim])
        if len(set(levels)) != len(levels):
            raise ValueError(f"categories for {dim!r} repeat a value")
    elif isinstance(column.dtype, pd.CategoricalDtype):
        levels = list(column.dtype.categories)
    else:
        try:
            levels = sorted(observed)
        except TypeError:
            levels = sorted(observed, key=repr)
    if TOTAL in levels:
        raise ValueError(f"{dim!r} uses the reserved label {TOTAL!r}")
    return [v.item() if isinstance(v, np.number | np.str_ | np.bool_) else v for v in levels]


def protect_cube(
    frame: pd.DataFrame,
    dims: Sequence[str],
    count: str = "count",
    threshold: int = 5,
    categories: Mapping[str, Sequence] | None = None,
    forced: Sequence[tuple] = (),
) -> pd.DataFrame:
    """Return the hypercube over `dims` with every margin, primary+secondary suppressed.

    `forced`: cells (tuples of dim values, TOTAL allowed) to suppress as well, e.g. because a
    linked table published elsewhere hides them (see `dashboard.published.linked_tables`).

    Input: long frame, one row per observed combination of dims with an integer count (rows may
    be missing: missing combinations are zero; repeated combinations are added up; `categories`
    optionally gives the full list of values of a dim so absent categories appear as 0 rows, in
    that order; rows whose value is missing or not in `categories` are left out, as a filter;
    without `categories` the observed values are sorted).
    Output: long frame with columns [*dims, count, "suppressed"]: one row per combination over
    (values of each dim + TOTAL), TOTAL last; `count` is a nullable Int64 with <NA> where
    suppressed; "suppressed" bool. Dim columns are object dtype. With 0 dims (a single total) it
    is just primary suppression.
    """
    _check_threshold(threshold)
    dims = list(dims)
    if len(set(dims)) != len(dims) or count in dims:
        raise ValueError("dims must be distinct and must not include the count column")
    values = _as_counts(frame[count], count)
    levels = [_levels(frame, dim, categories) for dim in dims]
    dense = np.zeros(tuple(len(lv) + 1 for lv in levels), dtype=np.int64)
    codes = tuple(
        pd.Index(lv, dtype=object).get_indexer(frame[d].astype(object))
        for d, lv in zip(dims, levels, strict=True)
    )
    if dims:  # rows with a missing value or one outside `categories` are left out
        known = np.logical_and.reduce([code >= 0 for code in codes])
        np.add.at(dense, tuple(code[known] for code in codes), values[known])
    else:
        dense.fill(values.sum())
    for axis in range(dense.ndim):
        margin = np.take(dense, np.arange(dense.shape[axis] - 1), axis=axis).sum(axis=axis)
        index = [slice(None)] * dense.ndim
        index[axis] = -1
        dense[tuple(index)] = margin
    flat = dense.ravel()
    supp = (flat >= 1) & (flat < threshold)
    if forced:
        positions = [pd.Index([*lv, TOTAL], dtype=object) for lv in levels]
        for cell in forced:
            index = tuple(pos.get_loc(value) for pos, value in zip(positions, cell, strict=True))
            if dense[index] >= 1:
                supp[np.ravel_multi_index(index, dense.shape)] = True
    if dims and supp.any():
        SuppressionCube.build(dense, max(threshold, 2)).secondary(supp)
    out = pd.DataFrame(
        {
            dim: pd.Series(np.array([*lv, TOTAL], dtype=object)[pos.ravel()], dtype=object)
            for dim, lv, pos in zip(dims, levels, np.indices(dense.shape), strict=True)
        }
        if dims
        else {}
    )
    out[count] = pd.array(flat, dtype="Int64")
    out.loc[supp, count] = pd.NA
    out["suppressed"] = supp
    return out


def suppress_derived(frame: pd.DataFrame, column: str, base: str | Sequence[str]) -> pd.DataFrame:
    """Copy of frame with `column` set to NA wherever any base count column is NA (suppressed).

    The base columns must already have had suppression applied (protect_cube / protect_series).
    For a percentage pass both the numerator and the denominator as base.
    """
    bases = [base] if isinstance(base, str) else list(base)
    out = frame.copy()
    hide = out[bases].isna().any(axis=1)
    values = out[column]
    if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
        values = values.astype("Int64")
    out[column] = values.mask(hide)
    return out


def protect_series(
    frame: pd.DataFrame,
    count: str = "count",
    threshold: int = 5,
    derived: Mapping[str, str | Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Protect a simple table that has NO published totals (e.g. one row per channel).

    Primary suppression of `count`, and every derived column (rate, median ...) is suppressed
    where its base count is; adds bool column "suppressed". If the caller will ALSO publish a
    total of this table it must use protect_cube instead. Counts must be whole numbers >= 0.
    """
    _check_threshold(threshold)
    out = frame.copy()
    values = pd.Series(_as_counts(out[count], count), index=out.index)
    mask = primary_mask(values, threshold)
    out[count] = values.astype("Int64").mask(mask)
    out["suppressed"] = mask
    for column, base in (derived or {}).items():
        out = suppress_derived(out, column, base)
    return out


def display_frame(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """For tables/CSV shown to users: NA values in the given (default: all numeric) columns
    become MARKER strings; other values unchanged."""
    out = frame.copy()
    if columns is None:
        columns = list(out.select_dtypes(include="number").columns)
    for column in columns:
        missing = out[column].isna()
        if missing.any():
            out[column] = out[column].astype(object).where(~missing, MARKER)
    return out

"""Statistical disclosure control for every figure shown to the ``public`` and ``partner`` roles.

Rules as implemented:

1. Primary suppression: a count from 1 to ``threshold - 1`` (default 5) is hidden and shown as
   ``[c]``. A true zero is shown as 0 and is never hidden. Rates, percentages, means and medians
   built on a hidden count are hidden too.
2. A table with totals is published as one complete hypercube: every cell and every total
   (margin) over every dimension, so every slice a page shows comes from the same protected
   table. Totals are counts and get primary suppression like any cell.
3. Secondary suppression: every line of the table (a row, a column, or any run of cells along
   one dimension, totals included) that holds a hidden value holds at least two, and a line with
   a visible total never hides only 1s. The partner is the smallest non-zero visible value of the
   line; ties go to a cell before a total, then to the first in table order.
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

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linprog

TOTAL = "All"
MARKER = "[c]"

DISCLOSURE_RULES: list[str] = [
    "Counts from 1 to 4 are not shown and appear as [c]; a count of zero is shown as 0.",
    "Rates, percentages, averages and medians are not shown when the count they are based on "
    "is not shown.",
    "Where a table has totals, further values are hidden so that no hidden value can be worked "
    "out from the totals and the other values, even by combining several rows and columns.",
    "Every published table is checked by computer before it is shown, and the same data always "
    "gives the same published table.",
]

_EPS = 1e-6


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


@dataclass
class _Cube:
    """A dense hypercube with one extra (last) index per axis holding the margin."""

    values: np.ndarray  # flat int64 values, C order
    shape: tuple[int, ...]
    lines: list[np.ndarray]  # per axis: (n_lines, len) flat ids; last column is the margin
    line_of: list[np.ndarray]  # per axis: flat id -> row in lines[axis]
    n_totals: np.ndarray  # per flat id: how many coordinates are a margin
    equations: sparse.csr_matrix  # one row per line: sum(cells) - margin = 0
    strides: tuple[int, ...]  # flat-id step of one index along each axis
    bits: np.ndarray  # (2**ndim, ndim): along which axes each box corner steps

    @classmethod
    def build(cls, dense: np.ndarray) -> _Cube:
        ids = np.arange(dense.size).reshape(dense.shape)
        lines, line_of, rows, cols, data = [], [], [], [], []
        for axis, size in enumerate(dense.shape):
            block = np.moveaxis(ids, axis, -1).reshape(-1, size)
            where = np.empty(dense.size, dtype=np.int64)
            where[block.ravel()] = np.repeat(np.arange(len(block)), size)
            rows.append(np.repeat(np.arange(len(block)) + sum(len(b) for b in lines), size))
            cols.append(block.ravel())
            data.append(np.tile(np.r_[np.ones(size - 1), -1.0], len(block)))
            lines.append(block)
            line_of.append(where)
        equations = sparse.csr_matrix(
            (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
            shape=(sum(len(b) for b in lines), dense.size),
        )
        last = [np.indices(dense.shape)[a].ravel() == s - 1 for a, s in enumerate(dense.shape)]
        strides = tuple(s // dense.itemsize for s in dense.strides)
        bits = np.array(list(itertools.product((0, 1), repeat=dense.ndim)), dtype=np.int64)
        n_totals = np.sum(last, axis=0)
        return cls(dense.ravel(), dense.shape, lines, line_of, n_totals, equations, strides, bits)

    def partner(self, supp: np.ndarray, cells: np.ndarray) -> int | None:
        """Smallest non-zero visible cell of ``cells``; ties: fewest margins, then most lines
        that currently hold a single suppression, then table order."""
        cand = np.unique(cells[~supp[cells] & (self.values[cells] > 0)])
        if cand.size == 0:
            return None
        singles = np.zeros(cand.size, dtype=np.int64)
        for lines, where in zip(self.lines, self.line_of, strict=True):
            singles += supp[lines[where[cand]]].sum(axis=1) == 1
        order = np.lexsort((cand, -singles, self.n_totals[cand], self.values[cand]))
        return int(cand[order[0]])

    def balance_lines(self, supp: np.ndarray) -> None:
        """Add partners until no line holds exactly one suppressed cell, nor a visible margin
        whose suppressed cells are all 1s (each >= 1, so each would be exactly 1)."""
        changed = True
        while changed:
            changed = False
            for lines in self.lines:
                for row in range(len(lines)):
                    line = lines[row]
                    hidden = supp[line]
                    n = int(hidden.sum())
                    ones = not hidden[-1] and int(self.values[line][hidden].sum()) == n
                    if n == 1 or (n > 1 and ones):
                        cell = self.partner(supp, line)
                        if cell is not None:
                            supp[cell] = changed = True

    def free_box(self, cell: int, usable: np.ndarray, supp: np.ndarray) -> np.ndarray | None:
        """Cheapest 2x..x2 box of ``usable`` cells through ``cell`` that can move by +-1 with
        every cell staying >= 1: per axis either two cells (signs +1, -1) or a cell and its
        margin (+1, +1); a corner's sign is the product. Its move keeps every line sum. Cost:
        the values of its cells not yet suppressed, then margins, then count, then order."""
        coord = np.unravel_index(cell, self.shape)
        steps, flips = [], []
        for i, size, stride in zip(coord, self.shape, self.strides, strict=True):
            other = np.arange(size)
            other = other[(other != i) & usable[cell + (other - i) * stride]]
            if other.size == 0:
                return None
            steps.append((other - i) * stride)
            flips.append((other != size - 1) & (i != size - 1))
        step = np.stack(np.meshgrid(*steps, indexing="ij")).reshape(len(steps), -1)
        flip = np.stack(np.meshgrid(*flips, indexing="ij")).reshape(len(steps), -1)
        corners = (cell + self.bits @ step).T  # (boxes, 2**ndim)
        negative = ((self.bits @ flip.astype(np.int64)) % 2 == 1).T
        ok = usable[corners].all(axis=1)
        low = self.values[corners] < 2
        fits = np.concatenate([ok & ~(low & negative).any(1), ok & ~(low & ~negative).any(1)])
        if not fits.any():
            return None
        corners = np.concatenate([corners, corners])
        new = ~supp[corners]
        cost = (self.values[corners] * new).sum(axis=1)
        margins = (self.n_totals[corners] * new).sum(axis=1)
        best = np.lexsort((np.arange(len(fits)), new.sum(axis=1), margins, cost, ~fits))[0]
        return corners[best]

    def lp_moves(self, supp: np.ndarray, objective: np.ndarray) -> np.ndarray:
        """Cells that a solution of the margin equations (visible values fixed, suppressed
        values >= 1) optimal for ``objective`` moves by >= 1 from the true table."""
        hidden = np.flatnonzero(supp)
        a_eq = self.equations[:, hidden].tocsr()
        b_eq = -(self.equations[:, ~supp] @ self.values[~supp].astype(float))
        keep = np.diff(a_eq.indptr) > 0
        # An upper bound the attacker does not know only narrows ranges: conservative.
        bounds = (1.0, 2.0 * float(self.values.max()) + 2.0)
        res = linprog(
            objective[hidden],
            A_eq=a_eq[keep],
            b_eq=b_eq[keep],
            bounds=bounds,
            method="highs",
            options={"presolve": False},  # small sparse LPs: presolve costs more than it saves
        )
        if res.status != 0:
            raise RuntimeError(f"disclosure audit LP failed: {res.message}")
        return hidden[np.abs(res.x - self.values[hidden]) >= 1 - _EPS]

    def secondary(self, supp: np.ndarray) -> None:
        """Hide more cells until every hidden cell is proven to have two possible whole values.

        Proof: a box of hidden cells that moves it by 1, or an LP solution that moves it by >= 1
        (the true table is a solution too, so both values are possible). A cell that neither
        maximising nor minimising moves is exactly determined: the cheapest box through it is
        hidden, which proves it and the box. Proofs stay valid when more cells are hidden, so
        one pass suffices and the answer does not depend on an iteration limit."""
        self.balance_lines(supp)
        safe = np.zeros(self.values.size, dtype=bool)
        nonzero = self.values > 0

        def prove_by_box(cell: int) -> None:
            if not safe[cell] and (box := self.free_box(cell, supp, supp)) is not None:
                safe[box] = True

        for cell in np.flatnonzero(supp):
            prove_by_box(cell)
        for sign in (-1.0, 1.0, -1.0, 1.0):  # bulk: maximise (-1), then minimise, all unproven
            todo = supp & ~safe & ((self.values > 1) | (sign < 0))
            if todo.any():
                safe[self.lp_moves(supp, sign * todo)] = True
        for cell in np.flatnonzero(supp):
            prove_by_box(cell)
            for sign in (-1.0, 1.0) if self.values[cell] > 1 else (-1.0,):
                if not safe[cell]:
                    safe[self.lp_moves(supp, sign * (np.arange(supp.size) == cell))] = True
            if not safe[cell]:
                box = self.free_box(cell, nonzero, supp)
                if box is None:
                    raise RuntimeError("disclosure control could not protect the table")
                supp[box] = safe[box] = True


def protect_cube(
    frame: pd.DataFrame,
    dims: Sequence[str],
    count: str = "count",
    threshold: int = 5,
    categories: Mapping[str, Sequence] | None = None,
) -> pd.DataFrame:
    """Return the hypercube over `dims` with every margin, primary+secondary suppressed.

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
    if dims:
        _Cube.build(dense).secondary(supp)
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

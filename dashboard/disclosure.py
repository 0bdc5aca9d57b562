"""Statistical disclosure control for every figure shown to the ``public`` and ``partner`` roles.

Rules as implemented:

1. Primary suppression: a count from 1 to ``threshold - 1`` (default 5) is suppressed and shown
   as ``[c]``. A true zero is shown as 0 and is never suppressed. Rates, percentages, means and
   medians built on a suppressed count are suppressed too.
2. Tables are published as one complete hypercube: every cell and every total (margin) over every
   dimension, so that any slice a page shows comes from the same protected table. Totals are
   counts and get primary suppression like any cell.
3. Secondary suppression: every row, column or other line of the table (totals included) that
   holds a suppressed value holds at least two. The partner is the smallest non-zero visible
   value of the line; ties go to a cell before a total, then to the first in table order.
4. Audit: for every suppressed value an attacker who knows all visible values, that totals add
   up, and that a suppressed value is a whole number of at least 1 (zeros are always shown) finds
   its smallest and largest possible value by linear programming. If only one whole number is
   possible, the smallest non-zero visible value in one of its lines is suppressed as well, and
   the audit is repeated until no suppressed value can be worked out.
5. The result depends only on the input: the same data always gives the same table.
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
    if column.isna().any():
        raise ValueError(f"dimension {dim!r} has missing values")
    observed = list(pd.unique(column.astype(object)))
    if categories is not None and dim in categories:
        levels = list(categories[dim])
        if len(set(levels)) != len(levels):
            raise ValueError(f"categories for {dim!r} repeat a value")
        unknown = [v for v in observed if v not in set(levels)]
        if unknown:
            raise ValueError(f"{dim!r} has values not in its categories: {unknown[:5]!r}")
    elif isinstance(column.dtype, pd.CategoricalDtype):
        levels = list(column.dtype.categories)
    else:
        try:
            levels = sorted(observed)
        except TypeError:
            levels = sorted(observed, key=repr)
    if TOTAL in levels:
        raise ValueError(f"{dim!r} uses the reserved label {TOTAL!r}")
    return [v.item() if isinstance(v, np.generic) else v for v in levels]


@dataclass
class _Cube:
    """A dense hypercube with one extra (last) index per axis holding the margin."""

    values: np.ndarray  # flat int64 values, C order
    shape: tuple[int, ...]
    lines: list[np.ndarray]  # per axis: (n_lines, len) flat ids; last column is the margin
    line_of: list[np.ndarray]  # per axis: flat id -> row in lines[axis]
    n_totals: np.ndarray  # per flat id: how many coordinates are a margin
    equations: sparse.csr_matrix  # one row per line: sum(cells) - margin = 0

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
        return cls(dense.ravel(), dense.shape, lines, line_of, np.sum(last, axis=0), equations)

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
        """Cheapest 2x..x2 box of ``usable`` cells through ``cell`` that moves by +-1 keeping
        every cell >= 1: per axis a pair of cells (+1, -1), or a cell and its margin (+1, +1).
        Cost: the values of its cells not yet suppressed. None if there is none."""
        coord = np.unravel_index(cell, self.shape)
        options, signs = [], []
        for axis, (i, size) in enumerate(zip(coord, self.shape, strict=True)):
            other = [j for j in range(size) if j != i]
            near = np.ravel_multi_index(
                tuple(np.full(len(other), c) if a != axis else other for a, c in enumerate(coord)),
                self.shape,
            )
            other = np.asarray(other, dtype=np.int64)[usable[near]]
            options.append(other)
            signs.append(np.where((other == size - 1) | (i == size - 1), 1, -1))
        grid = [g.ravel() for g in np.meshgrid(*options, indexing="ij")]
        sgrid = [g.ravel() for g in np.meshgrid(*signs, indexing="ij")]
        corners, sign = [], []
        for bits in itertools.product((False, True), repeat=len(self.shape)):
            pos = [
                g if b else np.full(len(g), c) for g, b, c in zip(grid, bits, coord, strict=True)
            ]
            corners.append(np.ravel_multi_index(tuple(pos), self.shape))
            sign.append(
                np.prod([s if b else 1 + 0 * s for s, b in zip(sgrid, bits, strict=True)], 0)
            )
        corners, sign = np.stack(corners, axis=1), np.stack(sign, axis=1)
        ok = usable[corners].all(axis=1)
        low = self.values[corners] < 2
        fits = np.concatenate([ok & ~(low & (sign < 0)).any(1), ok & ~(low & (sign > 0)).any(1)])
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
            objective[hidden], A_eq=a_eq[keep], b_eq=b_eq[keep], bounds=bounds, method="highs"
        )
        if res.status != 0:
            raise RuntimeError(f"disclosure audit LP failed: {res.message}")
        return hidden[np.abs(res.x - self.values[hidden]) >= 1 - _EPS]

    def secondary(self, supp: np.ndarray) -> None:
        """Suppress until every suppressed cell is proven to have two possible whole values.

        Proof: a box of suppressed cells that moves it by 1, or a solution of the linear
        programme (HiGHS) that moves it by >= 1 (the true table is a solution too). A cell for
        which neither maximising nor minimising it moves it is exactly determined: the cheapest
        box through it is suppressed (which proves it and the box safe). Proofs stay valid when
        more cells are suppressed, so one pass over the cells suffices."""
        self.balance_lines(supp)
        safe = np.zeros(self.values.size, dtype=bool)
        nonzero = self.values > 0

        def prove_by_boxes() -> None:
            for cell in np.flatnonzero(supp & ~safe):
                if not safe[cell] and (box := self.free_box(cell, supp, supp)) is not None:
                    safe[box] = True

        prove_by_boxes()
        if (supp & ~safe).any():
            for sign in (-1.0, 1.0):
                safe[self.lp_moves(supp, sign * (supp & ~safe))] = True
        for cell in np.flatnonzero(supp):
            for sign in (-1.0, 1.0) if self.values[cell] > 1 else (-1.0,):
                if not safe[cell]:
                    safe[self.lp_moves(supp, sign * (np.arange(supp.size) == cell))] = True
            if not safe[cell]:
                box = self.free_box(cell, nonzero, supp)
                if box is None:
                    raise RuntimeError("disclosure control could not protect the table")
                supp[box] = safe[box] = True
                prove_by_boxes()


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
    optionally gives the full list of values of a dim so absent categories appear as 0 rows).
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
        pd.Index(lv, dtype=object).get_indexer(frame[d]) for d, lv in zip(dims, levels, strict=True)
    )
    if dims:
        np.add.at(dense, codes, values)
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
    total of this table it must use protect_cube instead.
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

"""The motivated intruder's linear programme over plain sums: given published sums of
non-negative whole counts (and hidden sums known to be at least 1, since zeros are always
shown), the range each protected count can still take. Shared by the release's own check
(dashboard.release) and the audit of everything a role harvests
(dashboard.disclosure_intruder). Solved with HiGHS (highspy): one model per set of sums,
each bound re-solved from the previous basis."""

from __future__ import annotations

import highspy
import numpy as np
from scipy import sparse

_EPS = 1e-6

Row = tuple[list[int], int | None]  # columns summed, published value (None: hidden, so ≥ 1)


def narrowed(
    n: int, rows: list[Row], targets: list[tuple[list[int], int]], threshold: int
) -> list[tuple[int, int, int]]:
    """(target index, lowest, highest) for each target (columns summed, true value) whose
    feasible whole values number fewer than `threshold`. Targets a row never touches can be
    anything and are never narrowed."""
    if not targets or not rows:
        return []
    equal = [(c, float(v)) for c, v in rows if v is not None]
    hidden = [c for c, v in rows if v is None]
    fixed_zero = np.zeros(n, dtype=bool)
    for columns, value in equal:
        if value == 0:
            fixed_zero[columns] = True
    equal = [(c, v) for c, v in equal if v > 0]
    constrained = np.zeros(n, dtype=bool)
    for columns, _value in rows:
        constrained[columns] = True
    keep = [i for i, (columns, _t) in enumerate(targets) if constrained[columns].all()]
    if not keep:
        return []
    cap = 10.0 * max([v for _c, v in equal] + [threshold]) + 100.0
    # An upper bound the intruder does not know only narrows ranges: a stricter test.
    solver = _Solver(
        n,
        np.where(fixed_zero, 0.0, cap),
        [c for c, _v in equal] + hidden,
        [v for _c, v in equal] + [1.0] * len(hidden),
        [v for _c, v in equal] + [highspy.kHighsInf] * len(hidden),
    )
    objectives = _matrix([targets[i][0] for i in keep], n)
    low = np.array([float(targets[i][1]) for i in keep])  # the truth is feasible
    high = low.copy()
    rng = np.random.default_rng(0)
    for round_ in range(8):  # bulk: solutions that push many cells apart at once
        signs = rng.choice([-1.0, 1.0], len(keep)) if round_ >= 2 else (-1.0) ** round_
        x = solver.solve(objectives.T @ (rng.uniform(0.5, 1.5, len(keep)) * signs))
        if x is not None:
            values = objectives @ x
            low, high = np.minimum(low, values), np.maximum(high, values)
    found = []
    for j, i in enumerate(keep):
        if high[j] - low[j] >= threshold - 1 - _EPS:
            continue
        cost = objectives[j].toarray().ravel()
        ends = []
        for sign in (1.0, -1.0):
            x = solver.solve(sign * cost)
            if x is None:
                raise RuntimeError("published figures are inconsistent: no table fits them")
            ends.append(float(cost @ x))
        lo, hi = int(np.ceil(ends[0] - _EPS)), int(np.floor(ends[1] + _EPS))
        if hi - lo + 1 < threshold:
            found.append((i, lo, hi))
    return found


class _Solver:
    """One HiGHS model (columns 0..upper, rows lower..upper_rows); objectives change."""

    def __init__(self, n: int, upper, rows: list[list[int]], lower, upper_rows) -> None:
        self.n = n
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.addVars(n, np.zeros(n), np.asarray(upper, dtype=float))
        matrix = _matrix(rows, n)
        self.highs.addRows(
            len(rows),
            np.asarray(lower, dtype=float),
            np.asarray(upper_rows, dtype=float),
            matrix.nnz,
            matrix.indptr.astype(np.int32),
            matrix.indices.astype(np.int32),
            matrix.data,
        )
        self.columns = np.arange(n, dtype=np.int32)

    def solve(self, cost) -> np.ndarray | None:
        """A minimising solution for `cost`, or None when the sums admit none."""
        self.highs.changeColsCost(self.n, self.columns, np.asarray(cost, dtype=float))
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.asarray(self.highs.getSolution().col_value)


def _matrix(rows: list[list[int]], n: int) -> sparse.csr_matrix:
    """0/1 rows with ones in the given columns."""
    indices = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n))

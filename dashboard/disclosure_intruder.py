"""The motivated intruder's linear programme: from every figure a role harvested, the feasible
range of each protected cell of the release (non-negative whole counts, every published sum,
every hidden figure at least 1), and the cells it exposes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from dashboard.release import TABLES, TOTAL, Release

_EPS = 1e-6


@dataclass
class Finding:
    """A protected cell and the whole values the intruder cannot rule out."""

    table: str
    key: tuple
    true: int
    low: int
    high: int

    @property
    def possible(self) -> int:
        return self.high - self.low + 1


@dataclass
class Equations:
    """Harvested figures of one group of tables as sums over the group's base cells."""

    base: dict[tuple, int] = field(default_factory=dict)  # base cell → column
    rows: list[tuple[list[int], int | None]] = field(default_factory=list)

    def column(self, cell: tuple) -> int:
        return self.base.setdefault(cell, len(self.base))


def base_dims(table: str) -> tuple[str, ...]:
    """The finest grain of a table's group: the union of the group's dims (month first)."""
    group = TABLES[table].group
    dims: list[str] = []
    for t in TABLES.values():
        if t.group == group:
            dims += [d for d in t.dims if d not in dims]
    return tuple(dims)


def covered(release: Release, table: str, key: tuple, levels: dict[str, list]) -> list[tuple]:
    """Base cells (group grain) whose records a table cell counts."""
    dims = dict(zip(TABLES[table].dims, key, strict=True))
    choices = [[dims[d]] if d in dims and dims[d] != TOTAL else levels[d] for d in base_dims(table)]
    return [
        tuple(c)
        for c in np.array(np.meshgrid(*choices, indexing="ij")).reshape(len(choices), -1).T.tolist()
    ]


def equations(
    release: Release, figures: Iterable[tuple], levels: dict[str, dict[str, list]]
) -> dict[str, Equations]:
    """Group → equations from harvested figures (org, table, cell keys, value or None);
    `levels`: group → dim → values."""
    out: dict[str, Equations] = {}
    for _org, table, keys, value in sorted(set(figures), key=repr):
        group = TABLES[table].group
        eq = out.setdefault(group, Equations())
        cells = [c for k in keys for c in covered(release, table, k, levels[group])]
        columns = sorted({eq.column(c) for c in cells})
        eq.rows.append((columns, value))
    return out


def exposed_cells(
    release: Release, eq: Equations, group: str, threshold: int, levels: dict[str, list]
) -> tuple[int, list[Finding]]:
    """(number of protected cells checked, findings narrower than `threshold` values).
    Protected: every hidden cell of the group's tables with a true count 1..threshold-1."""
    targets = []
    for table, t in TABLES.items():
        if t.group != group:
            continue
        for key, value in release.cells[table].items():
            true = release.truth[table][key]
            if value is None and 1 <= true < threshold:
                targets.append(
                    (table, key, true, [eq.column(c) for c in covered(release, table, key, levels)])
                )
    n, checked = len(eq.base), len(targets)
    if not targets or not eq.rows:
        return checked, []
    equal = [(c, float(v)) for c, v in eq.rows if v is not None]
    hidden = [c for c, v in eq.rows if v is None]  # a hidden figure is at least 1
    fixed_zero = np.zeros(n, dtype=bool)
    for columns, value in equal:
        if value == 0:
            fixed_zero[columns] = True
    equal = [(c, v) for c, v in equal if v > 0]
    cap = 10.0 * max([v for _c, v in equal] + [threshold]) + 100.0
    constrained = np.zeros(n, dtype=bool)
    for columns, _value in eq.rows:
        constrained[columns] = True
    # A cell no harvested figure touches can be anything: not exposed.
    targets = [t for t in targets if constrained[t[3]].all()]
    problem = {
        "A_eq": _matrix([c for c, _v in equal], n),
        "b_eq": np.array([v for _c, v in equal]) if equal else None,
        "A_ub": -_matrix(hidden, n) if hidden else None,
        "b_ub": -np.ones(len(hidden)) if hidden else None,
        # An upper bound the intruder does not know only narrows ranges: a stricter test.
        "bounds": [(0.0, 0.0 if z else cap) for z in fixed_zero],
        "method": "highs",
    }
    objectives = _matrix([columns for *_rest, columns in targets], n)
    low = np.array([float(true) for _t, _k, true, _c in targets])  # the truth is feasible
    high = low.copy()
    rng = np.random.default_rng(0)
    for sign in (1.0, -1.0, 1.0, -1.0):  # bulk: solutions that spread many cells at once
        weights = rng.uniform(0.5, 1.5, len(targets)) * sign
        res = linprog(objectives.T @ weights, **problem)
        if res.status == 0:
            values = objectives @ res.x
            low, high = np.minimum(low, values), np.maximum(high, values)
    findings = []
    for i, (table, key, true, _columns) in enumerate(targets):
        if high[i] - low[i] >= threshold - 1 - _EPS:
            continue
        ends = []
        for sign in (1.0, -1.0):
            res = linprog(sign * objectives[i].toarray().ravel(), **problem)
            if res.status == 2:
                raise RuntimeError("harvested figures are inconsistent: no table fits them")
            ends.append(sign * res.fun)
        lo, hi = int(np.ceil(ends[0] - _EPS)), int(np.floor(ends[1] + _EPS))
        if hi - lo + 1 < threshold:
            findings.append(Finding(table, key, true, lo, hi))
    return checked, findings


def _matrix(rows: list[list[int]], n: int) -> sparse.csr_matrix | None:
    """0/1 rows with ones in the given columns."""
    if not rows:
        return None
    indices = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n))

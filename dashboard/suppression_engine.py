"""Secondary suppression engine behind `dashboard.disclosure.protect_cube`: line rule, box
search and the linear-programming audit on a dense hypercube with margins."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

_EPS = 1e-6


@dataclass
class SuppressionCube:
    """A dense hypercube with one extra (last) index per axis holding the margin."""

    values: np.ndarray  # flat int64 values, C order
    shape: tuple[int, ...]
    lines: list[np.ndarray]  # per axis: (n_lines, len) flat ids; last column is the margin
    line_of: list[np.ndarray]  # per axis: flat id -> row in lines[axis]
    n_totals: np.ndarray  # per flat id: how many coordinates are a margin
    equations: sparse.csr_matrix  # one row per line: sum(cells) - margin = 0
    strides: tuple[int, ...]  # flat-id step of one index along each axis
    bits: np.ndarray  # (2**ndim, ndim): along which axes each box corner steps
    spread: int = 2  # whole values each hidden cell must keep open within a line (threshold)

    @classmethod
    def build(cls, dense: np.ndarray, spread: int = 2) -> SuppressionCube:
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
        return cls(
            dense.ravel(), dense.shape, lines, line_of, n_totals, equations, strides, bits, spread
        )

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
        whose n suppressed cells add up to less than n + spread - 1 (each is >= 1, so each
        would have fewer than `spread` possible values; spread 2: not all 1s)."""
        changed = True
        while changed:
            changed = False
            for lines in self.lines:
                for row in range(len(lines)):
                    line = lines[row]
                    hidden = supp[line]
                    n = int(hidden.sum())
                    narrow = (
                        not hidden[-1]
                        and int(self.values[line][hidden].sum()) < n + self.spread - 1
                    )
                    if n == 1 or (n > 1 and narrow):
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

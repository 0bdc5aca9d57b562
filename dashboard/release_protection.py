"""Protection of the release's tables, one month at a time: the tables of one group of
records protected together (a cell two tables share is hidden in both or neither), then
checked by the intruder's linear programme over every cell the month publishes, hiding more
beside any count it narrows (dashboard.release builds the release from these months)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import disclosure
from dashboard.lp_bounds import narrowed

TOTAL = disclosure.TOTAL


@dataclass(frozen=True)
class Table:
    """One protected table: its dims (month first) and the frame column it counts."""

    dataset: str
    dims: tuple[str, ...]
    count: str
    group: str  # tables of one group share records and are protected together


def _hidden_shared(cube: pd.DataFrame, dims: Sequence[str], other: Sequence[str]) -> set[tuple]:
    """Hidden cells of `cube` that `other` also publishes, as `other`'s keys."""
    mask = cube["suppressed"].copy()
    for dim in dims:
        if dim not in other:
            mask &= cube[dim] == TOTAL
    rows = cube.loc[mask, [d for d in other if d in dims]]
    return {tuple(row[d] if d in dims else TOTAL for d in other) for row in rows.to_dict("records")}


def protect_group(
    frame: pd.DataFrame,
    tables: dict[str, Table],
    categories: dict,
    threshold: int,
    extra: dict[str, set[tuple]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Tables of the same records protected together: a cell two tables share is hidden in
    both or neither (repeat until stable). `extra`: cells to hide besides the small ones."""
    forced: dict[str, set[tuple]] = {name: set((extra or {}).get(name, ())) for name in tables}
    while True:
        cubes = {
            name: disclosure.protect_cube(
                frame.rename(columns={t.count: "value"}),
                t.dims,
                "value",
                threshold,
                {d: categories[d] for d in t.dims},
                tuple(sorted(forced[name], key=repr)),
            )
            for name, t in tables.items()
        }
        changed = False
        for a, b in itertools.permutations(tables, 2):
            hidden_b = _hidden_shared(cubes[b], tables[b].dims, tables[b].dims)
            for cell in _hidden_shared(cubes[a], tables[a].dims, tables[b].dims):
                if cell not in hidden_b and cell not in forced[b]:
                    forced[b].add(cell)
                    changed = True
        if not changed:
            return cubes


#: Rounds of extra suppression a month may get before all its non-zero cells are hidden.
REPAIR_ROUNDS = 6

Cells = dict[tuple, tuple[int | None, int]]  # cell key → (published value or None, true value)


def protect_month(
    frame: pd.DataFrame, tables: dict[str, Table], categories: dict, threshold: int
) -> dict[str, Cells]:
    """One month of a group's tables (dims without the month): protected together, then
    checked by the intruder's linear programme over every cell the month publishes. A hidden
    count it narrows to fewer than `threshold` values gets the smallest visible count beside
    it hidden too, and the month is protected again, until none is narrowed.

    Months are independent: no published figure spans months except as a sum of published
    monthly cells (`figure`), so this check covers every combination of views and periods."""
    exact = {name: _exact_cells(frame, t.dims, t.count, categories) for name, t in tables.items()}
    if not any(v for cells in exact.values() for v in cells.values()):
        return {name: {k: (0, 0) for k in cells} for name, cells in exact.items()}
    extra: dict[str, set[tuple]] = {name: set() for name in tables}
    for _round in range(REPAIR_ROUNDS):
        cubes = protect_group(frame, tables, categories, threshold, extra)
        published = {
            name: {k: (v, exact[name][k]) for k, v in _cells(cube, tables[name].dims).items()}
            for name, cube in cubes.items()
        }
        exposed = _narrowed(published, tables, categories, threshold)
        if not exposed:
            return published
        for name, key in exposed:
            extra[name] |= _beside(published[name], key, everything=_round >= REPAIR_ROUNDS // 2)
    # Still narrowed: publish the zeros and the month's total (a count of at least the
    # threshold, when nothing it covers can then be narrowed), else the zeros only.
    totals_only = {
        name: {
            k: (t if t == 0 or (all(v == TOTAL for v in k) and t >= threshold) else None, t)
            for k, t in cells.items()
        }
        for name, cells in exact.items()
    }
    if not _narrowed(totals_only, tables, categories, threshold):
        return totals_only
    return {
        name: {k: (0 if t == 0 else None, t) for k, t in cells.items()}
        for name, cells in exact.items()
    }


def _narrowed(
    published: dict[str, Cells], tables: dict[str, Table], categories: dict, threshold: int
) -> list[tuple[str, tuple]]:
    """Hidden cells (table, key) with a true count 1..threshold-1 that the month's published
    cells narrow to fewer than `threshold` whole values."""
    dims: list[str] = []
    for t in tables.values():
        dims += [d for d in t.dims if d not in dims]
    levels = [list(categories[d]) for d in dims]
    shape = tuple(len(lv) for lv in levels)
    position = [{v: i for i, v in enumerate(lv)} for lv in levels]
    rows, targets, names = [], [], []
    for name, cells in published.items():
        table_dims = tables[name].dims
        for key, (value, true) in cells.items():
            fixed = dict(zip(table_dims, key, strict=True))
            axes = [
                [position[i][fixed[d]]] if fixed.get(d, TOTAL) != TOTAL else range(shape[i])
                for i, d in enumerate(dims)
            ]
            grid = np.array(np.meshgrid(*axes, indexing="ij")).reshape(len(dims), -1)
            columns = np.ravel_multi_index(tuple(grid), shape).tolist()
            rows.append((columns, value))
            if value is None and 1 <= true < threshold:
                targets.append((columns, true))
                names.append((name, key))
    found = narrowed(int(np.prod(shape)), rows, targets, threshold)
    return [names[i] for i, _lo, _hi in found]


def _beside(cells: Cells, key: tuple, everything: bool = False) -> set[tuple]:
    """The extra cells to hide for a narrowed `key`: the smallest visible non-zero cell on a
    line through it (every other dim fixed), or with `everything` every such cell but the
    month's total."""
    line = [
        other
        for other in cells
        if other != key and sum(a != b for a, b in zip(other, key, strict=True)) == 1
    ]
    visible = [k for k in line if cells[k][0] is not None and cells[k][1] >= 1]
    if not visible:
        return set()
    if everything:
        return {k for k in visible if not all(v == TOTAL for v in k)}
    return {min(visible, key=lambda k: (cells[k][1], repr(k)))}


def _exact_cells(
    frame: pd.DataFrame, dims: Sequence[str], count: str, categories: dict
) -> dict[tuple, int]:
    """Every cell of the table over `dims` with every margin (TOTAL), exactly."""
    levels = [list(categories[d]) for d in dims]
    dense = np.zeros(tuple(len(lv) + 1 for lv in levels), dtype=np.int64)
    if len(frame):
        codes = [
            pd.Index(lv, dtype=object).get_indexer(frame[d])
            for d, lv in zip(dims, levels, strict=True)
        ]
        known = np.logical_and.reduce([c >= 0 for c in codes])
        np.add.at(dense, tuple(c[known] for c in codes), frame[count].to_numpy()[known])
        for axis in range(dense.ndim):
            index = [slice(None)] * dense.ndim
            index[axis] = -1
            dense[tuple(index)] = np.take(dense, range(dense.shape[axis] - 1), axis=axis).sum(axis)
    keys = itertools.product(*[[*lv, TOTAL] for lv in levels])
    return dict(zip(keys, dense.ravel().tolist(), strict=True))


def _cells(cube: pd.DataFrame, dims: Sequence[str]) -> dict[tuple, int | None]:
    keys = cube[list(dims)].itertuples(index=False, name=None)
    return {k: (None if pd.isna(v) else int(v)) for k, v in zip(keys, cube["value"], strict=True)}

"""The motivated intruder's linear programme: from every figure a role harvested, the feasible
range of each protected cell of the release (non-negative whole counts, every published sum,
every hidden figure at least 1), and the cells it exposes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from dashboard.lp_bounds import narrowed
from dashboard.release import TABLES, TOTAL, Release


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
    checked = len(targets)
    found = narrowed(
        len(eq.base), eq.rows, [(columns, true) for *_rest, true, columns in targets], threshold
    )
    return checked, [
        Finding(targets[i][0], targets[i][1], targets[i][2], lo, hi) for i, lo, hi in found
    ]

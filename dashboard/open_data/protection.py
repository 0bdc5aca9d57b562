"""The one door open data uses to reach protected figures: fixed-grain tables protected once
over the organisation's whole history, and figures derived from their published cells.

Today the protection comes from `dashboard.published` (one cached cube per table, tables of
the same records linked); after the disclosure release lands only `protect` changes: it
reads the same cells from the organisation's release instead."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import published
from dashboard.extensions import cache
from dashboard.viewer import Viewer

TOTAL = published.TOTAL


@dataclass(frozen=True)
class GrainTable:
    """One protected table: dims (the time grain first), every cell and margin (TOTAL) as
    published (None where hidden), and the time values in order."""

    dims: tuple[str, ...]
    cells: dict[tuple, int | None]
    periods: tuple[str, ...]

    def figure(self, periods: Sequence[str] | None = None, **wanted: str | None) -> int | None:
        """The published figure for `periods` (None: all) and the dim values in `wanted`
        (missing or None: all): the margin cell when every period is asked for, else the sum
        of the cells covered; None (hidden) when any covered cell is hidden."""
        fixed = tuple(TOTAL if wanted.get(d) is None else wanted[d] for d in self.dims[1:])
        chosen = list(self.periods if periods is None else periods)
        if chosen == list(self.periods):
            chosen = [TOTAL]
        values = []
        for period in chosen:
            key = (period, *fixed)
            if key not in self.cells:
                raise KeyError(f"no published cell {key!r}")
            values.append(self.cells[key])
        return None if any(v is None for v in values) else sum(values)


Spec = tuple[pd.DataFrame, Sequence[str], dict[str, list]]


def protect(viewer: Viewer, tables: dict[str, Spec]) -> dict[str, GrainTable]:
    """Tables of ONE dataset (same records, different breakdowns) protected together for the
    viewer: exact for unsuppressed roles, else primary and secondary suppression with a cell
    two tables share hidden in both or neither. `tables`: name → (frame with a "count"
    column, dims with the time grain first, categories of every dim). Cached: the same
    counts give the same tables without protecting them again."""
    key = _cache_key(viewer, tables)
    found = cache.get(key)
    if found is None:
        found = _protect(viewer, tables)
        cache.set(key, found)
    return found


def _cache_key(viewer: Viewer, tables: dict[str, Spec]) -> str:
    parts = [f"open-data:{viewer.disclosure_controlled}:{threshold()}"]
    for name, (frame, dims, categories) in sorted(tables.items()):
        digest = pd.util.hash_pandas_object(frame, index=False).sum()
        parts.append(repr((name, tuple(dims), {d: tuple(categories[d]) for d in dims}, digest)))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _protect(viewer: Viewer, tables: dict[str, Spec]) -> dict[str, GrainTable]:
    cubes = published.linked_tables(viewer, {n: (f, list(d), c) for n, (f, d, c) in tables.items()})
    out = {}
    for name, (_frame, dims, categories) in tables.items():
        cube = cubes[name]
        keys = cube[list(dims)].itertuples(index=False, name=None)
        cells = {
            key: (None if pd.isna(value) else int(value))
            for key, value in zip(keys, cube["count"], strict=True)
        }
        out[name] = GrainTable(tuple(dims), cells, tuple(categories[dims[0]]))
    return out


def exact(frame: pd.DataFrame, dims: Sequence[str], categories: dict[str, list]) -> GrainTable:
    """A table of counts that are not protected (public activities), same shape."""
    cube = published.exact_cube(frame, list(dims), "count", categories)
    keys = cube[list(dims)].itertuples(index=False, name=None)
    cells = {key: int(value) for key, value in zip(keys, cube["count"], strict=True)}
    return GrainTable(tuple(dims), cells, tuple(categories[dims[0]]))


def threshold() -> int:
    """The suppression threshold in force (counts 1 to threshold-1 are hidden)."""
    return published.threshold()

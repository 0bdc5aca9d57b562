"""The one door open data uses to reach protected figures: the organisation's protected
release (`dashboard.release`, the same cells the pages draw from), read through
`release.figure`, and exact tables for the public activities that are not protected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard import published, release
from dashboard.release import Release
from dashboard.viewer import Viewer

TOTAL = published.TOTAL


@dataclass(frozen=True)
class GrainTable:
    """One table of exact counts: dims (the time grain first), every cell and margin (TOTAL),
    and the time values in order."""

    dims: tuple[str, ...]
    cells: dict[tuple, int | None]
    periods: tuple[str, ...]

    def figure(self, periods: Sequence[str] | None = None, **wanted: str | None) -> int | None:
        """The figure for `periods` (None: all) and the dim values in `wanted` (missing or
        None: all): the margin cell when every period is asked for, else the sum of the
        cells covered; None (hidden) when any covered cell is hidden."""
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


@dataclass(frozen=True)
class ReleaseTable:
    """One table of the organisation's release as open data reads it: `months` are the
    months open data covers (asking for all of them gives the release's margin, the months
    before holding no records)."""

    release: Release
    table: str
    months: tuple[str, ...]

    def figure(self, periods: Sequence[str] | None = None, **wanted: str | None) -> int | None:
        """`release.figure` for `periods` (None or every month covered: the whole history)."""
        chosen = None if periods is None or list(periods) == list(self.months) else list(periods)
        return release.figure(self.release, self.table, chosen, **wanted)


def release_of(viewer: Viewer, org_id: int, today: date) -> Release:
    """The release the viewer sees: protected cells for disclosure-controlled viewers, the
    exact cells (same shape) for the others."""
    found = published.release_for(org_id, today)
    return found if viewer.disclosure_controlled else replace(found, cells=found.truth)


def protect(rel: Release, months: Sequence[str], names: Sequence[str]) -> dict[str, ReleaseTable]:
    """The release tables `names`, read over the open-data `months`."""
    return {name: ReleaseTable(rel, name, tuple(months)) for name in names}


def exact(frame: pd.DataFrame, dims: Sequence[str], categories: dict[str, list]) -> GrainTable:
    """A table of counts that are not protected (public activities)."""
    cube = published.exact_cube(frame, list(dims), "count", categories)
    keys = cube[list(dims)].itertuples(index=False, name=None)
    cells = {key: int(value) for key, value in zip(keys, cube["count"], strict=True)}
    return GrainTable(tuple(dims), cells, tuple(categories[dims[0]]))


def threshold() -> int:
    """The suppression threshold in force (counts 1 to threshold-1 are hidden)."""
    return published.threshold()

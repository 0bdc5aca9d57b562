"""The one protected release per organisation: every sensitive count at a fixed grain (calendar
month × area × strand, and the other breakdowns pages show) protected once over the whole
history, and the derivation every public or partner figure goes through.

Rules: a figure for a period or filter is the sum of the published cells it covers (a margin
when the view matches one), and is hidden when any covered cell is hidden, so no published
number adds an equation beyond the protected tables. The release depends only on the data
(`data_version`), the month it is built in and the threshold, and is cached under those."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard import disclosure
from dashboard.filters import add_months
from dashboard.lp_bounds import narrowed
from data_access.models.scrutiny import FINDINGS
from data_access.queries import release as source
from data_access.queries.channels import monthly_volumes
from data_access.queries.common import Period, list_areas
from data_access.queries.indicators import offer_limit
from data_access.queries.indicators_common import UNKNOWN_AREA
from data_access.queries.indicators_referrals import DEFAULT_OFFER_DAYS
from data_access.vocab import CHANNELS, INCIDENT_TYPES, OUTCOMES, STRANDS

TOTAL = disclosure.TOTAL
#: Months before the current one the release reaches back at least: the previous period of
#: the longest rolling window (36 months) starts 72 months back.
LOOKBACK_MONTHS = 72
MEASURES = tuple(m for m in source.release_sums(DEFAULT_OFFER_DAYS) if m != "referrals")
data_version = source.data_version


@dataclass(frozen=True)
class Table:
    """One protected table: its dims (month first) and the frame column it counts."""

    dataset: str
    dims: tuple[str, ...]
    count: str
    group: str  # tables of one group share records and are protected together


TABLES: dict[str, Table] = {
    "referrals": Table("referrals", ("month", "area", "strand"), "referrals", "referrals"),
    "referrals_channel": Table("referrals", ("month", "channel"), "referrals", "referrals"),
    "referrals_incident": Table(
        "referrals", ("month", "strand", "incident"), "referrals", "referrals"
    ),
    **{
        f"referrals.{m}": Table("referrals", ("month", "area", "strand"), m, f"referrals.{m}")
        for m in MEASURES
    },
    "channels_area": Table("channels", ("month", "channel", "area"), "count", "channels"),
    "channels_strand": Table("channels", ("month", "channel", "strand"), "count", "channels"),
    "surveys.responses": Table("surveys", ("month", "area"), "responses", "surveys.responses"),
    "surveys.satisfied": Table("surveys", ("month", "area"), "satisfied", "surveys.satisfied"),
    # referrals closed, by the month closed: a different cohort from referrals reported
    "outcomes": Table("outcomes", ("month", "strand", "outcome"), "count", "outcomes"),
    # the scrutiny panel's findings on cases closed in the month (a sample of those cases)
    "scrutiny": Table("scrutiny", ("month", "finding", "theme"), "count", "scrutiny"),
}
#: Themes named by fewer findings than the threshold over the whole history are published
#: together under this one: a theme is free text, and a rare one could point at a case.
OTHER_THEME = "other"


@dataclass(frozen=True)
class Release:
    """Published cells: table → cell key (dim values in `Table.dims` order, TOTAL for a
    margin) → value, None where hidden. `truth` holds the exact cells (audit only)."""

    org_id: int
    months: tuple[str, ...]
    cells: dict[str, dict[tuple, int | None]]
    truth: dict[str, dict[tuple, int]]


def release_months(first: str | None, today: date) -> tuple[str, ...]:
    """Calendar months from the first record (or LOOKBACK_MONTHS back, if earlier) to the
    last complete month."""
    end = date(today.year, today.month, 1)
    start = add_months(end, -LOOKBACK_MONTHS)
    if first is not None:
        start = min(start, date(int(first[:4]), int(first[5:7]), 1))
    months, month = [], start
    while month < end:
        months.append(f"{month:%Y-%m}")
        month = add_months(month, 1)
    return tuple(months)


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


def group_themes(findings: pd.DataFrame, threshold: int) -> tuple[pd.DataFrame, list[str]]:
    """Findings with rare themes (fewer than `threshold` over the whole history) counted
    under OTHER_THEME; the theme categories (named ones in order, then other, not recorded)."""
    totals = findings.groupby("theme")["count"].sum()
    named = sorted(t for t, n in totals.items() if n >= threshold and t != source.NO_THEME)
    kept = findings.assign(
        theme=findings["theme"].where(
            findings["theme"].isin([*named, source.NO_THEME]), OTHER_THEME
        )
    )
    grouped = kept.groupby(["month", "finding", "theme"], as_index=False)["count"].sum()
    return grouped.astype({"count": "int64"}), [*named, OTHER_THEME, source.NO_THEME]


def build_release(session, org_id: int, today: date, threshold: int) -> Release:
    """Protect every sensitive table of the organisation once, month by month, over its whole
    history (no margin over months is published: a figure over several months is the sum of
    its published months)."""
    months = release_months(source.first_month(session, org_id), today)
    whole = Period(date(int(months[0][:4]), int(months[0][5:]), 1), add_months(today, 0))
    areas = sorted(list_areas(session, org_id)["code"])
    frames = {
        "referrals": source.referral_months(
            session, org_id, whole, offer_limit(session, org_id, whole)
        ),
        "channels": monthly_volumes(session, org_id, whole),
        "surveys": source.survey_months(session, org_id, whole),
        "outcomes": source.outcome_months(session, org_id, whole),
    }
    frames["scrutiny"], themes = group_themes(
        source.scrutiny_months(session, org_id, whole), threshold
    )
    categories = {
        "area": areas,
        "strand": list(STRANDS),
        "channel": list(CHANNELS),
        "incident": list(INCIDENT_TYPES),
        "outcome": [*OUTCOMES, "not_recorded"],
        "finding": list(FINDINGS),
        "theme": themes,
    }
    cells: dict[str, dict] = {name: {} for name in TABLES}
    truth: dict[str, dict] = {name: {} for name in TABLES}
    for group in dict.fromkeys(t.group for t in TABLES.values()):
        tables = {
            n: Table(t.dataset, t.dims[1:], t.count, t.group)
            for n, t in TABLES.items()
            if t.group == group
        }
        dataset = next(iter(tables.values())).dataset
        cats = dict(categories, area=[*areas, UNKNOWN_AREA] if dataset == "surveys" else areas)
        frame = frames[dataset]
        by_month = dict(iter(frame.groupby("month", sort=False))) if len(frame) else {}
        empty = frame.iloc[0:0]
        for month in months:
            for name, month_cells in protect_month(
                by_month.get(month, empty), tables, cats, threshold
            ).items():
                for key, (value, true) in month_cells.items():
                    cells[name][(month, *key)] = value
                    truth[name][(month, *key)] = true
    return Release(org_id, months, cells, truth)


# ------------------------------------------------------------------------------ derivation

_recorded: list | None = None


@contextmanager
def recording() -> Iterator[list]:
    """Collect every figure derived while active: (org, table, cell keys, value or None)."""
    global _recorded
    previous, _recorded = _recorded, []
    try:
        yield _recorded
    finally:
        _recorded = previous


def figure(release: Release, table: str, months: Sequence[str] | None, **wanted) -> int | None:
    """The published figure of `table` for `months` (None: the whole history) and the dim
    values in `wanted` (missing or None: all): the sum of the month's cells (a margin within
    the month when one matches); None (hidden) when any of them is hidden."""
    dims = TABLES[table].dims
    fixed = tuple(TOTAL if wanted.get(d) is None else wanted[d] for d in dims[1:])
    months = list(release.months if months is None else months)
    cells = release.cells[table]
    keys = [(m, *fixed) for m in months]
    missing = [k for k in keys if k not in cells]
    if missing:
        raise ValueError(f"{table} has no cell {missing[0]!r} in this release")
    values = [cells[k] for k in keys]
    value = None if any(v is None for v in values) else sum(values)
    if _recorded is not None:
        _recorded.append((release.org_id, table, tuple(keys), value))
    return value

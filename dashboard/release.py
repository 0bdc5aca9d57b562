"""The one protected release per organisation: every sensitive count at a fixed grain (calendar
month × area × strand, and the other breakdowns pages show) protected once over the whole
history, and the derivation every public or partner figure goes through.

Rules: a figure for a period or filter is the sum of the published cells it covers (a margin
when the view matches one), and is hidden when any covered cell is hidden, so no published
number adds an equation beyond the protected tables. The release depends only on the data
(`data_version`), the month it is built in and the threshold, and is cached under those."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import disclosure
from dashboard.filters import add_months
from dashboard.release_protection import Table, protect_month
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

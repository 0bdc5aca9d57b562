"""The fixed release grain of each open dataset: whole-history counts (first month held to the
last complete month) turned into protected tables through `protection`. Filters only ever
slice or add up these tables' cells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.extensions import db
from dashboard.filters import add_months
from dashboard.open_data import protection
from dashboard.open_data.protection import TOTAL, GrainTable, ReleaseTable
from dashboard.published import month_keys
from dashboard.release import Release, release_months
from dashboard.viewer import Viewer
from data_access.queries import open_activities, open_data
from data_access.queries import release as source
from data_access.queries.common import Period
from data_access.vocab import EVENT_TYPES, OUTCOMES

OUTCOME_VALUES = (*OUTCOMES, "not_recorded")


@dataclass(frozen=True)
class History:
    """The months an organisation's open data covers, its areas, and the organisation's
    protected release as the viewer sees it (every protected figure comes from it)."""

    org_id: int
    months: tuple[str, ...]
    areas: tuple[str, ...]
    release: Release | None = None

    @property
    def period(self) -> Period | None:
        if not self.months:
            return None
        first, last = self.months[0], self.months[-1]
        start = date(int(first[:4]), int(first[5:]), 1)
        return Period(start, add_months(date(int(last[:4]), int(last[5:]), 1), 1))

    @property
    def quarters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(open_data.quarter_of(m) for m in self.months))

    def tables(self, *names: str) -> dict[str, ReleaseTable]:
        """Release tables by name, read over the months open data covers."""
        if self.release is None:
            raise ValueError("this history has no release")
        return protection.protect(self.release, self.months, names)


def history(org_id: int, today: date, viewer: Viewer | None = None) -> History:
    """Calendar months from the first record to the last complete month before `today` (all
    within the release), and the release `viewer` sees (None: no release, months only)."""
    with db.session() as session:
        first = open_data.first_month(session, org_id)
        areas = tuple(sorted(open_data.area_populations(session, org_id)["area"]))
        covered = set(release_months(source.first_month(session, org_id), today))
    rel = None if viewer is None else protection.release_of(viewer, org_id, today)
    if first is None:
        return History(org_id, (), areas, rel)
    end = date(today.year, today.month, 1)
    start = date(int(first[:4]), int(first[5:]), 1)
    months = tuple(month_keys(Period(start, end))) if start < end else ()
    months = tuple(m for m in months if m in covered)
    return History(org_id, months, areas, rel)


def _whole(frame_of, hist: History, *args) -> pd.DataFrame | None:
    if hist.period is None:
        return None
    with db.session() as session:
        return frame_of(session, hist.org_id, hist.period, *args)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else object) for c in columns})


def referral_tables(viewer: Viewer, hist: History) -> dict[str, ReleaseTable]:
    """Referrals by month × area × strand and by month × strand × incident type: the release's
    referral tables (protected together: they share the month × strand totals)."""
    found = hist.tables("referrals", "referrals_incident")
    return {"referrals": found["referrals"], "incidents": found["referrals_incident"]}


def outcome_table(viewer: Viewer, hist: History) -> ReleaseTable:
    """Referrals closed by month closed × strand × outcome (the release's outcomes table: a
    different cohort from referrals reported, sharing no total with them)."""
    return hist.tables("outcomes")["outcomes"]


def scrutiny_table(hist: History) -> ReleaseTable:
    """The scrutiny panel's findings by month closed × finding × theme (the release's scrutiny
    table: rare themes grouped as "other")."""
    return hist.tables("scrutiny")["scrutiny"]


def scrutiny_themes(hist: History) -> list[str]:
    """The themes the release publishes, in order (named ones, then other, not recorded)."""
    if hist.release is None:
        return []
    keys = hist.release.cells["scrutiny"]
    return list(dict.fromkeys(k[2] for k in keys if k[2] != TOTAL))


def timeliness_tables(viewer: Viewer, hist: History) -> dict[str, ReleaseTable]:
    """Each LO scheme stage count by month × area × strand: the release's `referrals.<stage>`
    tables."""
    found = hist.tables(*(f"referrals.{m}" for m in open_data.TIMELINESS))
    return {m: found[f"referrals.{m}"] for m in open_data.TIMELINESS}


def channel_table(viewer: Viewer, hist: History) -> ReleaseTable:
    """Reports by month × channel (× area): the release's channel-by-area table."""
    return hist.tables("channels_area")["channels_area"]


def event_tables(hist: History) -> dict[str, GrainTable]:
    """Events and their recorded attendance by month × type × area: public activities, exact
    for everyone."""
    frame = _whole(open_activities.event_months, hist)
    if frame is None:
        frame = _empty(["month", "event_type", "area", "events", "attendance"])
    dims = ("month", "event_type", "area")
    categories = {
        "month": list(hist.months),
        "event_type": list(EVENT_TYPES),
        "area": [*hist.areas, ""],
    }
    return {
        measure: protection.exact(frame.rename(columns={measure: "count"}), dims, categories)
        for measure in ("events", "attendance")
    }

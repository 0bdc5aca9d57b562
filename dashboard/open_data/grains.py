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
from dashboard.open_data.protection import GrainTable
from dashboard.published import month_keys
from dashboard.viewer import Viewer
from data_access.queries import open_activities, open_data
from data_access.queries.common import Period
from data_access.queries.indicators import offer_limit
from data_access.vocab import CHANNELS, EVENT_TYPES, INCIDENT_TYPES, OUTCOMES, STRANDS

OUTCOME_VALUES = (*OUTCOMES, "not_recorded")


@dataclass(frozen=True)
class History:
    """The months an organisation's open data covers and its areas."""

    org_id: int
    months: tuple[str, ...]
    areas: tuple[str, ...]

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


def history(org_id: int, today: date) -> History:
    """Calendar months from the first record to the last complete month before `today`."""
    with db.session() as session:
        first = open_data.first_month(session, org_id)
        areas = tuple(sorted(open_data.area_populations(session, org_id)["area"]))
    if first is None:
        return History(org_id, (), areas)
    end = date(today.year, today.month, 1)
    start = date(int(first[:4]), int(first[5:]), 1)
    months = tuple(month_keys(Period(start, end))) if start < end else ()
    return History(org_id, months, areas)


def _whole(frame_of, hist: History, *args) -> pd.DataFrame | None:
    if hist.period is None:
        return None
    with db.session() as session:
        return frame_of(session, hist.org_id, hist.period, *args)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else object) for c in columns})


def referral_tables(viewer: Viewer, hist: History) -> dict[str, GrainTable]:
    """Referrals by month × area × strand and by month × strand × incident type, protected
    together (they share the month × strand totals)."""
    frame = _whole(open_data.referral_months, hist)
    if frame is None:
        frame = _empty(["month", "area", "strand", "incident", "count"])
    base = {"month": list(hist.months), "strand": list(STRANDS)}
    return protection.protect(
        viewer,
        {
            "referrals": (frame, ("month", "area", "strand"), {**base, "area": list(hist.areas)}),
            "incidents": (
                frame,
                ("month", "strand", "incident"),
                {**base, "incident": list(INCIDENT_TYPES)},
            ),
        },
    )


def outcome_table(viewer: Viewer, hist: History) -> GrainTable:
    """Referrals closed by quarter × strand × outcome (a different cohort from referrals
    reported, so it shares no total with the referral tables)."""
    frame = _whole(open_data.closed_outcomes, hist)
    if frame is None:
        frame = _empty(["quarter", "strand", "outcome", "count"])
    categories = {
        "quarter": list(hist.quarters),
        "strand": list(STRANDS),
        "outcome": list(OUTCOME_VALUES),
    }
    spec = (frame, ("quarter", "strand", "outcome"), categories)
    return protection.protect(viewer, {"outcomes": spec})["outcomes"]


def timeliness_tables(viewer: Viewer, hist: History) -> dict[str, GrainTable]:
    """Each LO scheme stage count by month × area × strand, protected once per measure."""
    frame = None
    if hist.period is not None:
        with db.session() as session:
            days = offer_limit(session, hist.org_id, hist.period)
            frame = open_data.timeliness_months(session, hist.org_id, hist.period, days)
    if frame is None:
        frame = _empty(["month", "area", "strand", *open_data.TIMELINESS])
    dims = ("month", "area", "strand")
    categories = {"month": list(hist.months), "area": list(hist.areas), "strand": list(STRANDS)}
    tables = {}
    for measure in open_data.TIMELINESS:
        counts = frame[[*dims, measure]].rename(columns={measure: "count"})
        tables.update(protection.protect(viewer, {measure: (counts, dims, categories)}))
    return tables


def channel_table(viewer: Viewer, hist: History) -> GrainTable:
    """Reports by month × channel × area from the monthly channel volumes."""
    frame = _whole(open_data.channel_months, hist)
    if frame is None:
        frame = _empty(["month", "channel", "area", "count"])
    categories = {"month": list(hist.months), "channel": list(CHANNELS), "area": list(hist.areas)}
    spec = (frame, ("month", "channel", "area"), categories)
    return protection.protect(viewer, {"channels": spec})["channels"]


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

"""Whole-history counts at the fixed grain of each open dataset (calendar month or quarter),
the input the disclosure protection is computed on once; plus area populations."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    ChannelVolume,
    CommunityEvent,
    Referral,
)
from data_access.queries.common import check_org, earliest_month, frame

#: Measures of the LO scheme timeliness dataset, in column order.
TIMELINESS = (
    "offerable",
    "offered_in_time",
    "offered",
    "accepted",
    "allocated",
    "contacted_in_time",
)


def first_month(session: Session, org_id: int) -> str | None:
    """'YYYY-MM' of the organisation's earliest referral, channel volume or event."""
    columns = (Referral.reported_on, ChannelVolume.month, CommunityEvent.held_on)
    return earliest_month(session, org_id, columns)


def area_populations(session: Session, org_id: int) -> pd.DataFrame:
    """Areas with their population and its source: columns area, name, population, source
    (None when the source is not recorded)."""
    check_org(session, org_id)
    source = getattr(Area, "population_source", None)  # column added with the import history
    stmt = (
        select(
            Area.code, Area.name, Area.population, source if source is not None else literal(None)
        )
        .where(Area.organisation_id == org_id)
        .order_by(Area.code)
    )
    return frame(session, stmt, ["area", "name", "population", "source"])


def quarter_of(month: str) -> str:
    """'2026-05' → '2026-Q2'."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def quarter_start(quarter: str) -> date:
    """'2026-Q2' → date(2026, 4, 1)."""
    return date(int(quarter[:4]), 3 * (int(quarter[-1]) - 1) + 1, 1)

"""Network progress report queries that no other view needs: the liaison officer scheme by
area over a quarter (recruits and inductions in it; active and reviews in date at its end)."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer
from data_access.queries.common import Period, active_at, check_org, frame
from data_access.queries.kpis import REVIEW_INTERVAL
from data_access.sql import count_if

LO = LiaisonOfficer


def lo_scheme(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """By area (every area): active (LOs active on the period's last day, as the scorecard's
    officer counts), reviewed (of those, last 6-monthly review within 183 days), recruited and
    inducted (recruitment and induction dates in the period). Columns: area, active,
    reviewed, recruited, inducted."""
    check_org(session, org_id)
    on = period.end - timedelta(days=1)
    in_period = lambda column: (column >= period.start) & (column < period.end)  # noqa: E731
    active = (
        select(LO.area_id, func.count(LO.id).label("active"),
               count_if(LO.last_review_on >= on - REVIEW_INTERVAL).label("reviewed"))
        .where(*active_at(org_id, on))
        .group_by(LO.area_id)
        .subquery()
    )  # fmt: skip
    joined = (
        select(LO.area_id, count_if(in_period(LO.recruited_on)).label("recruited"),
               count_if(in_period(LO.induction_completed_on)).label("inducted"))
        .where(LO.organisation_id == org_id)
        .group_by(LO.area_id)
        .subquery()
    )  # fmt: skip
    stmt = (
        select(
            Area.code,
            *[
                func.coalesce(column, 0)
                for column in (
                    active.c.active,
                    active.c.reviewed,
                    joined.c.recruited,
                    joined.c.inducted,
                )
            ],
        )  # fmt: skip
        .outerjoin(active, active.c.area_id == Area.id)
        .outerjoin(joined, joined.c.area_id == Area.id)
        .where(Area.organisation_id == org_id)
        .order_by(Area.code)
    )
    result = frame(session, stmt, ["area", "active", "reviewed", "recruited", "inducted"])
    columns = ["active", "reviewed", "recruited", "inducted"]
    result[columns] = result[columns].astype("int64")
    return result

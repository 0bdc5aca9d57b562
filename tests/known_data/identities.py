"""Identities, periods and small helpers shared by the known dataset's modules."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import Organisation
from data_access.queries.common import Period

# --------------------------------------------------------------------------- identities
ORG = "KNW"
OTHER_ORG = "OTH"
AREA_A = "AA"  # "Northfield", population 100,000
AREA_B = "BB"  # "Eastbrook", population 50,000
AREA_NAMES = {AREA_A: "Northfield", AREA_B: "Eastbrook"}
POPULATIONS = {AREA_A: 100_000, AREA_B: 50_000}
UNKNOWN_ORG_ID = 987_654

# --------------------------------------------------------------------------- periods
Q1 = Period(date(2026, 1, 1), date(2026, 4, 1))
JAN = Period(date(2026, 1, 1), date(2026, 2, 1))
FEB = Period(date(2026, 2, 1), date(2026, 3, 1))
MAR = Period(date(2026, 3, 1), date(2026, 4, 1))
#: The date kpi_values uses for officer figures of Q1 (period end minus one day).
Q1_LAST_DAY = date(2026, 3, 31)


# --------------------------------------------------------------------------- helpers
def org_id(session: Session, code: str = ORG) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)

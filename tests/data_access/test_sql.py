"""Portable SQL expressions (data_access/sql.py) via small selects on both backends."""

from __future__ import annotations

from sqlalchemy import select

from data_access.models import Organisation, Referral
from data_access.sql import days_between, month_of
from tests.known_data import ORG


def _by_log(session, expression, logs):
    stmt = (
        select(Referral.log_number, expression)
        .join(Organisation, Organisation.id == Referral.organisation_id)
        .where(Organisation.code == ORG, Referral.log_number.in_(logs))
        .order_by(Referral.log_number)
    )
    return dict(session.execute(stmt).all())


def test_month_of(known_session):
    months = _by_log(
        known_session, month_of(Referral.reported_on), ["R00", "R05", "R10", "R15", "R17"]
    )
    assert months == {
        "R00": "2025-12",  # 2025-12-31
        "R05": "2026-01",  # 2026-01-01
        "R10": "2026-02",  # 2026-02-28
        "R15": "2026-03",  # 2026-03-31
        "R17": "2026-04",  # 2026-04-01
    }


def test_month_of_in_group_by(known_session):
    month = month_of(Referral.reported_on)
    stmt = (
        select(month, Referral.id.label("n"))
        .join(Organisation, Organisation.id == Referral.organisation_id)
        .where(Organisation.code == ORG)
    )
    rows = known_session.execute(stmt).all()
    counts: dict[str, int] = {}
    for label, _ in rows:
        counts[label] = counts.get(label, 0) + 1
    assert counts == {"2025-12": 1, "2026-01": 5, "2026-02": 5, "2026-03": 6, "2026-04": 1}


def test_days_between(known_session):
    delays = _by_log(
        known_session,
        days_between(Referral.flagged_on, Referral.offered_on),
        ["R00", "R02", "R04", "R10", "R15", "R16"],
    )
    assert delays == {
        "R00": 20,  # 2025-12-31 -> 2026-01-20, across the new year
        "R02": 0,  # same day
        "R04": 10,  # 2026-01-25 -> 2026-02-04
        "R10": 3,  # 2026-02-28 -> 2026-03-03 (2026 is not a leap year)
        "R15": None,  # never offered
        "R16": None,  # never flagged
    }
    assert all(isinstance(v, int) for v in delays.values() if v is not None)


def test_days_between_is_signed(known_session):
    delays = _by_log(
        known_session, days_between(Referral.offered_on, Referral.flagged_on), ["R04", "R09"]
    )
    assert delays == {"R04": -10, "R09": -7}

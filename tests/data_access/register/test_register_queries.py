"""The commitments register store: known answers for the register and its history."""

from __future__ import annotations

from datetime import date

import pytest

from data_access import commitments as store
from tests.data_access.helpers import records
from tests.data_access.register.data import (
    ACC,
    DCC,
    TODAY,
    org,
)

# --- queries: known answers -------------------------------------------------------------------


def test_register_shows_public_commitments_in_key_point_order(session):
    frame = store.register(session, org(session), TODAY)
    assert list(frame.columns) == store.REGISTER_COLUMNS
    shown = [
        (r.code, r.key_point, r.overdue, r.verdict, r.reviewed_on, r.forum, r.comment)
        for r in frame.itertuples()
    ]
    assert [tuple(None if v is None or v != v else v for v in row) for row in shown] == [
        (
            "C-01",
            "professionalism",
            False,
            "agreed_met",
            date(2024, 6, 10),
            "Forum A",
            "Seen it working",
        ),
        (
            "C-02",
            "leadership_commitment",
            True,
            "not_yet",
            date(2024, 9, 1),
            "Forum A",
            "Still waiting",
        ),
        ("C-05", "ongoing_training", False, None, None, None, None),
        ("C-04", "accountability", True, None, None, None, None),
    ]
    assert frame["is_public"].all()


def test_register_with_private_and_filters(session):
    everything = store.register(session, org(session), TODAY, include_private=True)
    assert list(everything["code"]) == ["C-01", "C-02", "C-03", "C-05", "C-04"]
    assert list(everything["is_public"]) == [True, True, False, True, True]
    leadership = store.register(
        session, org(session), TODAY, True, key_point="leadership_commitment"
    )
    assert list(leadership["code"]) == ["C-02", "C-03"]
    assert list(leadership["overdue"]) == [True, False]
    public_leadership = store.register(
        session, org(session), TODAY, False, key_point="leadership_commitment"
    )
    assert list(public_leadership["code"]) == ["C-02"]
    assert list(store.register(session, org(session), TODAY, True, status="missed")["code"]) == [
        "C-04"
    ]
    other = store.register(session, org(session, "OTH"), TODAY)
    assert list(other["code"]) == ["C-01"] and list(other["text"]) == ["Other force"]


def test_overdue_depends_on_today(session):
    early = store.register(session, org(session), date(2024, 6, 30), include_private=True)
    assert dict(zip(early["code"], early["overdue"], strict=True)) == {
        "C-01": False,
        "C-02": False,
        "C-03": False,
        "C-05": False,
        "C-04": False,
    }


def test_history_newest_first_and_private_hidden(session):
    rows = records(store.history(session, org(session), "C-02"))
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        ("coordinator", "status", "not_started", "in_progress"),
        ("coordinator", "owner", ACC, DCC),
    ]
    assert store.history(session, org(session), "C-03").empty
    assert len(store.history(session, org(session), "C-03", include_private=True)) == 1
    assert store.history(session, org(session, "OTH"), "C-02").empty


def test_unknown_organisation_is_refused(session):
    with pytest.raises(PermissionError):
        store.register(session, 999_999, TODAY)
    with pytest.raises(PermissionError):
        store.update_commitment(session, 999_999, "x", "C-01", {"owner": "Someone"})

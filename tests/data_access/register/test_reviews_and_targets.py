"""The commitments register store: community reviews, KPI targets and the contact-details
check."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from data_access import audit
from data_access import commitments as store
from data_access.models import (
    AuditEvent,
)
from tests.data_access.helpers import records
from tests.data_access.register.data import (
    TODAY,
    org,
    snapshot,
)


def test_add_review_becomes_the_latest_verdict_and_is_in_the_history(session):
    org_id = org(session)
    store.add_review(
        session,
        org_id,
        "coord",
        "C-04",
        {
            "reviewed_on": "2025-01-10",
            "forum": "Forum C",
            "verdict": "disputed",
            "comment": "Missed, and nobody told us",
        },
        TODAY,
    )
    row = store.register(session, org_id, TODAY).set_index("code").loc["C-04"]
    assert (row.verdict, row.reviewed_on, row.forum) == ("disputed", date(2025, 1, 10), "Forum C")
    assert records(store.history(session, org_id, "C-04"))[0][2:] == (
        "community_review",
        None,
        "disputed: Forum C, 2025-01-10",
    )
    assert audit.verify(session) is None


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"reviewed_on": "2025-01-16"}, "reviewed_on", "date_too_late"),
        ({"reviewed_on": None}, "reviewed_on", "required"),
        ({"forum": ""}, "forum", "required"),
        ({"verdict": "agreed"}, "verdict", "not_allowed"),
        ({"comment": "z" * 501}, "comment", "too_long"),
        ({"comment": "Call me on 01633 838 111"}, "comment", "contact_details"),
    ],
)
def test_invalid_review_saves_nothing(session, values, field, code):
    before = snapshot(session)
    good = {"reviewed_on": "2025-01-15", "forum": "Forum A", "verdict": "not_yet"}
    with pytest.raises(store.ValidationError) as refused:
        store.add_review(session, org(session), "coord", "C-02", {**good, **values}, TODAY)
    assert refused.value.errors == {field: refused.value.errors[field]}
    assert refused.value.errors[field][0] == code
    assert snapshot(session) == before


TARGET = {
    "kpi": "training_coverage",
    "target_value": "80",
    "period_start": "2025-04-01",
    "period_end": "",
}


def test_save_target_adds_then_updates_with_audit(session):
    org_id = org(session)
    assert store.save_target(session, org_id, "coord", TARGET) == [
        "kpi",
        "target_value",
        "direction",
        "period_start",
        "period_end",
    ]
    changed = store.save_target(
        session, org_id, "coord", {**TARGET, "target_value": 85.5, "period_end": "2026-04-01"}
    )
    assert changed == ["target_value", "period_end"]
    assert (
        store.save_target(
            session, org_id, "coord", {**TARGET, "target_value": "85.5", "period_end": "2026-04-01"}
        )
        == []
    )
    assert records(store.list_targets(session, org_id)) == [
        ("training_coverage", 85.5, "at_least", date(2025, 4, 1), date(2026, 4, 1), 2)
    ]
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.target for e in events] == ["target:training_coverage:2025-04-01"] * 2
    assert json.loads(events[1].detail) == {
        "period_end": {"new": "2026-04-01", "old": None},
        "target_value": {"new": "85.5", "old": "80.0"},
    }
    assert audit.verify(session) is None
    assert store.list_targets(session, org(session, "OTH")).empty


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"target_value": "eighty"}, "target_value", "not_a_number"),
        ({"target_value": "nan"}, "target_value", "not_a_number"),
        ({"target_value": True}, "target_value", "not_a_number"),
        ({"target_value": " "}, "target_value", "required"),
        ({"target_value": "-1"}, "target_value", "not_a_number"),
        ({"target_value": "100.5"}, "target_value", "out_of_range"),
        ({"kpi": "made_up_kpi"}, "kpi", "not_allowed"),
        ({"period_start": "1999-04-01"}, "period_start", "date_too_early"),
        ({"period_end": "2025-04-01"}, "period_end", "end_before_start"),
        ({"period_end": "2025-03-01"}, "period_end", "end_before_start"),
    ],
)
def test_invalid_target_saves_nothing(session, values, field, code):
    before = snapshot(session)
    with pytest.raises(store.ValidationError) as refused:
        store.save_target(session, org(session), "coord", {**TARGET, **values})
    assert refused.value.errors == {field: (code, refused.value.errors[field][1])}
    assert snapshot(session) == before


def test_targets_over_100_allowed_for_counts_and_days(session):
    org_id = org(session)
    store.save_target(
        session, org_id, "c", {**TARGET, "kpi": "events_per_quarter", "target_value": "120"}
    )
    store.save_target(
        session,
        org_id,
        "c",
        {**TARGET, "kpi": "offer_within_days", "target_value": 0},
    )
    assert sorted(store.list_targets(session, org_id)["target_value"]) == [0.0, 120.0]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Report via the third-party centre", False),
        ("Reviewed 2024-03-31 and 2025-03-31", False),
        ("90% of 1,200 officers by 2025", False),
        ("Dial 999 or 101", False),
        ("See https://example.org/policy", False),
        ("contact a.b@force.police.uk", True),
        ("ring 07700900123", True),
        ("ring +44 7700 900 123", True),
    ],
)
def test_contact_details_detector(text, found):
    assert store.has_contact_details(text) is found

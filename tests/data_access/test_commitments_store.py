"""The commitments register store (data_access/commitments.py) on SQLite and PostgreSQL: known
answers for the register and history, and validated, audited, organisation-scoped edits."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import audit
from data_access import commitments as store
from data_access.db import make_engine
from data_access.models import (
    AuditEvent,
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Organisation,
    Target,
)
from tests.conftest import built_database
from tests.data_access.helpers import records

TODAY = date(2025, 1, 15)
ACC, DCC = "Assistant Chief Constable", "Deputy Chief Constable"


def build_register(session: Session) -> None:
    """Force KNW: five commitments (C-03 not public); force OTH: its own C-01 and X-09."""
    knw, oth = Organisation(code="KNW", name="Known"), Organisation(code="OTH", name="Other")
    rows = {
        "C-01": ("professionalism", date(2024, 3, 31), "met", True, "Guidance issued"),
        "C-02": ("leadership_commitment", date(2024, 6, 30), "in_progress", True, None),
        "C-03": ("leadership_commitment", date(2025, 6, 30), "not_started", False, None),
        "C-04": ("accountability", date(2024, 12, 31), "missed", True, None),
        "C-05": ("ongoing_training", None, "in_progress", True, None),
    }
    session.add_all([knw, oth])
    session.flush()
    made = {}
    for code, (point, due, status, public, evidence) in rows.items():
        made[code] = Commitment(
            organisation_id=knw.id,
            code=code,
            key_point=point,
            text=f"Commitment {code}",
            owner=DCC,
            due_on=due,
            status=status,
            evidence=evidence,
            is_public=public,
        )
    for code, public in (("C-01", True), ("X-09", False)):
        made["OTH " + code] = Commitment(
            organisation_id=oth.id,
            code=code,
            key_point="professionalism",
            text="Other force",
            owner="Chief Constable",
            due_on=date(2024, 1, 31),
            status="in_progress",
            is_public=public,
        )
    session.add_all(made.values())
    session.flush()
    reviews = [  # C-01: the later review wins; C-02: same day, the later entry wins
        ("C-01", date(2024, 5, 1), "Forum A", "not_yet", "Early days"),
        ("C-01", date(2024, 6, 10), "Forum A", "agreed_met", "Seen it working"),
        ("C-02", date(2024, 9, 1), "Forum B", "disputed", None),
        ("C-02", date(2024, 9, 1), "Forum A", "not_yet", "Still waiting"),
    ]
    for code, on, forum, verdict, comment in reviews:
        session.add(
            CommunityReview(
                commitment_id=made[code].id,
                reviewed_on=on,
                forum=forum,
                verdict=verdict,
                comment=comment,
            )
        )
    for code, when, field, old, new in (
        ("C-02", datetime(2024, 2, 1, 10, 0), "owner", ACC, DCC),
        ("C-02", datetime(2024, 3, 1, 9, 30), "status", "not_started", "in_progress"),
        ("C-03", datetime(2024, 4, 1, 9, 0), "status", "not_started", "not_started"),
    ):
        session.add(
            CommitmentHistory(
                commitment_id=made[code].id,
                changed_at=when,
                changed_by="coordinator",
                field=field,
                old_value=old,
                new_value=new,
            )
        )


@pytest.fixture(scope="module")
def engine(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("register"), build_register)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    drop()


@pytest.fixture
def session(engine):
    """A session whose writes (flushed, never committed) are rolled back after the test."""
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        outer.rollback()


def org(session, code="KNW") -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def snapshot(session) -> tuple:
    """Everything an edit may write: row counts and the commitments' editable values."""
    commitments = session.execute(
        select(Commitment.code, Commitment.owner, Commitment.status, Commitment.revision).order_by(
            Commitment.id
        )
    ).all()
    counts = [count(session, m) for m in (CommitmentHistory, AuditEvent, CommunityReview, Target)]
    return tuple(counts), [tuple(r) for r in commitments]


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


# --- edits ------------------------------------------------------------------------------------


def test_update_writes_one_history_row_per_changed_field_and_an_audit_row(session):
    changed = store.update_commitment(
        session,
        org(session),
        "coordinator.one",
        "C-02",
        {
            "text": "Commitment C-02",
            "owner": "Chief Constable",
            "due_on": "2025-03-31",
            "status": "in_progress",
            "evidence": "",
            "is_public": True,
        },
    )
    assert changed == ["owner", "due_on"]
    rows = records(store.history(session, org(session), "C-02"))[:2]
    assert {(r[1], r[2], r[3], r[4]) for r in rows} == {
        ("coordinator.one", "owner", DCC, "Chief Constable"),
        ("coordinator.one", "due_on", "2024-06-30", "2025-03-31"),
    }
    commitment = store.find_commitment(session, org(session), "C-02")
    assert (commitment.owner, commitment.due_on, commitment.revision) == (
        "Chief Constable",
        date(2025, 3, 31),
        2,
    )
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.username, event.target) == (
        "record_change",
        "coordinator.one",
        "commitment:C-02",
    )
    assert json.loads(event.detail) == {
        "due_on": {"new": "2025-03-31", "old": "2024-06-30"},
        "owner": {"new": "Chief Constable", "old": DCC},
    }
    assert event.organisation_id == org(session)
    assert audit.verify(session) is None


def test_owner_changes_are_all_kept(session):
    org_id = org(session)
    store.update_commitment(session, org_id, "coord", "C-02", {"owner": "Chief Constable"})
    store.update_commitment(session, org_id, "coord", "C-02", {"owner": "Head of Cohesion"})
    owners = [
        (r[3], r[4]) for r in records(store.history(session, org_id, "C-02")) if r[2] == "owner"
    ]
    assert owners == [("Chief Constable", "Head of Cohesion"), (DCC, "Chief Constable"), (ACC, DCC)]
    assert store.find_commitment(session, org_id, "C-02").revision == 3
    assert audit.verify(session) is None


def test_update_with_nothing_changed_writes_nothing(session):
    before = snapshot(session)
    assert store.update_commitment(session, org(session), "c", "C-01", {"owner": DCC}) == []
    assert snapshot(session) == before


INVALID_UPDATES = [
    ({"owner": "  "}, "owner", "required"),
    ({"owner": "x" * 121}, "owner", "too_long"),
    ({"text": "y" * 501}, "text", "too_long"),
    ({"due_on": "31/12/2025"}, "due_on", "bad_date"),
    ({"due_on": "2025-02-30"}, "due_on", "bad_date"),
    ({"due_on": "1999-12-31"}, "due_on", "date_too_early"),
    ({"due_on": ""}, "due_on", "required"),
    ({"status": "done"}, "status", "not_allowed"),
    ({"status": ["met"]}, "status", "not_allowed"),
    ({"status": "met", "evidence": ""}, "evidence", "evidence_needed"),
    ({"evidence": "Ask jo.bloggs@example.org"}, "evidence", "contact_details"),
    ({"evidence": "Victim rang 07700 900123"}, "evidence", "contact_details"),
    ({"owner": "DCC, tel +44 (0)1633 838111"}, "owner", "contact_details"),
]


@pytest.mark.parametrize(("values", "field", "code"), INVALID_UPDATES)
def test_invalid_update_is_refused_and_saves_nothing(session, values, field, code):
    before = snapshot(session)
    changes = {"owner": "Someone new", **values}  # a valid change alongside the invalid one
    with pytest.raises(store.ValidationError) as refused:
        store.update_commitment(session, org(session), "coord", "C-02", changes)
    assert refused.value.errors[field][0] == code
    assert snapshot(session) == before


def test_add_commitment_numbers_it_and_records_every_field(session):
    org_id = org(session)
    values = {
        "key_point": "reporting_channels",
        "text": "Third-party reporting in every area",
        "owner": "Head of Contact",
        "due_on": date(2025, 9, 30),
        "status": "not_started",
        "evidence": None,
        "is_public": False,
    }
    added = store.add_commitment(session, org_id, "coord", values)
    assert (added.code, added.revision, added.is_public) == ("C-06", 1, False)
    rows = records(store.history(session, org_id, "C-06", include_private=True))
    assert {r[2]: (r[3], r[4]) for r in rows} == {
        "key_point": (None, "reporting_channels"),
        "text": (None, values["text"]),
        "owner": (None, "Head of Contact"),
        "due_on": (None, "2025-09-30"),
        "status": (None, "not_started"),
        "evidence": (None, None),
        "is_public": (None, "false"),
    }
    assert "C-06" not in set(store.register(session, org_id, TODAY)["code"])
    assert "C-06" in set(store.register(session, org_id, TODAY, include_private=True)["code"])
    assert store.add_commitment(session, org_id, "coord", {**values, "is_public": True}).code == (
        "C-07"
    )
    assert audit.verify(session) is None


def test_invalid_add_saves_nothing_and_names_every_problem(session):
    before = snapshot(session)
    with pytest.raises(store.ValidationError) as refused:
        store.add_commitment(
            session,
            org(session),
            "coord",
            {"key_point": "unknown", "text": "", "owner": "A", "due_on": "2025-13-01"},
        )
    assert {f: c for f, (c, _p) in refused.value.errors.items()} == {
        "key_point": "not_allowed",
        "text": "required",
        "due_on": "bad_date",
        "status": "required",
    }
    assert snapshot(session) == before
    assert count(session, Commitment) == 7


def test_other_organisations_records_are_not_found(session):
    knw, before = org(session), snapshot(session)
    for code in ("X-09", "", None, ["C-01"]):
        with pytest.raises(store.NotFound):
            store.update_commitment(session, knw, "coord", code, {"owner": "Someone"})
        with pytest.raises(store.NotFound):
            store.add_review(session, knw, "coord", code, {"forum": "F"}, TODAY)
    assert snapshot(session) == before
    store.update_commitment(session, knw, "coord", "C-01", {"owner": "Someone"})
    other = store.find_commitment(session, org(session, "OTH"), "C-01")
    assert (other.owner, other.revision) == ("Chief Constable", 1)


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
    "direction": "at_least",
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
        ({"target_value": "-1"}, "target_value", "negative"),
        ({"target_value": "100.5"}, "target_value", "over_percent"),
        ({"kpi": "made_up_kpi"}, "kpi", "not_allowed"),
        ({"direction": "up"}, "direction", "not_allowed"),
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
        {**TARGET, "kpi": "offer_within_days", "target_value": 0, "direction": "at_most"},
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

"""The hash-chained audit log (data_access/audit.py): record, verify, list_events."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from data_access import audit
from data_access.db import make_engine
from data_access.models import AuditEvent, Organisation


@pytest.fixture
def engine(empty_url):
    engine = make_engine(empty_url)
    yield engine
    engine.dispose()


def _seed(engine) -> tuple[int, int, list[int]]:
    """Two organisations and four events; returns (org, other org, event ids)."""
    with Session(engine) as session:
        org = Organisation(code="KNW", name="Known")
        other = Organisation(code="OTH", name="Other")
        session.add_all([org, other])
        session.flush()
        events = [
            audit.record(
                session, "login", organisation_id=org.id, username="Alice", remote_addr="10.0.0.1"
            ),
            audit.record(
                session,
                "download",
                organisation_id=org.id,
                username="alice",
                target="referrals.csv",
                detail={"rows": 12, "area": "AA"},
            ),
            audit.record(session, "login", organisation_id=other.id, username="bob"),
            audit.record(
                session, "user_change", organisation_id=org.id, username="admin", target="x" * 250
            ),
        ]
        session.commit()
        return org.id, other.id, [event.id for event in events]


def test_record_builds_a_chain_and_verify_accepts_it(engine):
    _seed(engine)
    with Session(engine) as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [row.action for row in rows] == ["login", "download", "login", "user_change"]
        assert rows[0].prev_hash == audit.GENESIS
        for before, after in zip(rows, rows[1:], strict=False):
            assert after.prev_hash == before.hash
        assert len({row.hash for row in rows}) == 4
        assert rows[1].detail == json.dumps({"area": "AA", "rows": 12})  # sorted keys
        assert rows[3].target == "x" * 200  # truncated to the column
        assert audit.verify(session) is None


def test_verify_empty_log(engine):
    with Session(engine) as session:
        assert audit.verify(session) is None


def test_record_refuses_unknown_action(engine):
    with Session(engine) as session, pytest.raises(ValueError):
        audit.record(session, "delete_everything")


def test_tampered_target_is_found(engine):
    _, _, ids = _seed(engine)
    with Session(engine) as session:
        session.execute(
            update(AuditEvent).where(AuditEvent.id == ids[1]).values(target="other.csv")
        )
        session.commit()
    with Session(engine) as session:
        assert audit.verify(session) == ids[1]


def test_tampered_detail_with_raw_sql_is_found(engine):
    _, _, ids = _seed(engine)
    with Session(engine) as session:
        session.execute(
            text("UPDATE audit_event SET detail = :d WHERE id = :i"),
            {"d": '{"rows": 1}', "i": ids[1]},
        )
        session.commit()
    with Session(engine) as session:
        assert audit.verify(session) == ids[1]


def test_tampered_prev_hash_is_found(engine):
    _, _, ids = _seed(engine)
    with Session(engine) as session:
        session.execute(
            update(AuditEvent).where(AuditEvent.id == ids[2]).values(prev_hash="f" * 64)
        )
        session.commit()
    with Session(engine) as session:
        assert audit.verify(session) == ids[2]


def test_deleted_event_breaks_the_next_link(engine):
    _, _, ids = _seed(engine)
    with Session(engine) as session:
        session.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": ids[1]})
        session.commit()
    with Session(engine) as session:
        assert audit.verify(session) == ids[2]


def test_chain_continues_after_reopening(engine):
    _, _, ids = _seed(engine)
    with Session(engine) as session:
        event = audit.record(session, "logout", username="alice")
        session.commit()
        last = session.get(AuditEvent, ids[-1])
        assert event.prev_hash == last.hash
    with Session(engine) as session:
        assert audit.verify(session) is None


def test_list_events(engine):
    org, other, ids = _seed(engine)
    with Session(engine) as session:
        frame = audit.list_events(session, org)
        assert list(frame.columns) == [
            "id",
            "occurred_at",
            "username",
            "action",
            "target",
            "remote_addr",
        ]
        assert list(frame["id"]) == [ids[3], ids[1], ids[0]]  # newest first, own org only
        assert list(audit.list_events(session, other)["id"]) == [ids[2]]
        assert list(audit.list_events(session, None)["id"]) == ids[::-1]
        assert list(audit.list_events(session, org, action="login")["id"]) == [ids[0]]
        # username match ignores case: "Alice" and "alice"
        assert list(audit.list_events(session, org, username="ALICE")["id"]) == [ids[1], ids[0]]
        assert list(audit.list_events(session, None, limit=2)["id"]) == [ids[3], ids[2]]

"""Double submits in the register's store: exact duplicate commitments and reviews are refused,
and concurrent adds get distinct codes (threads, committed sessions, each backend)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import commitments as store
from data_access.models import Commitment
from tests.data_access.register.data import TODAY, org, snapshot

NEW = {
    "key_point": "reporting_channels",
    "text": "Third-party reporting in every area",
    "owner": "Head of Contact",
    "due_on": "2025-09-30",
    "status": "not_started",
    "evidence": None,
    "is_public": True,
}
REVIEW = {"reviewed_on": "2025-01-10", "forum": "Forum C", "verdict": "not_yet", "comment": ""}


def test_an_exact_duplicate_commitment_is_refused(session):
    org_id = org(session)
    first = store.add_commitment(session, org_id, "coord", NEW)
    before = snapshot(session)
    with pytest.raises(store.ValidationError) as refused:
        store.add_commitment(session, org_id, "coord", {**NEW, "text": f"  {NEW['text']} "})
    assert refused.value.errors == {"text": ("duplicate_commitment", {"code": first.code})}
    assert snapshot(session) == before
    assert store.add_commitment(session, org_id, "coord", {**NEW, "due_on": "2025-10-31"})


def test_the_same_review_is_not_recorded_twice(session):
    org_id = org(session)
    store.add_review(session, org_id, "coord", "C-04", REVIEW, TODAY)
    before = snapshot(session)
    for same in (REVIEW, {**REVIEW, "forum": "forum c ", "verdict": "disputed"}):
        with pytest.raises(store.ValidationError) as refused:
            store.add_review(session, org_id, "coord", "C-04", same, TODAY)
        assert refused.value.errors == {
            "forum": ("duplicate_review", {"code": "C-04", "date": "2025-01-10"})
        }
    assert snapshot(session) == before
    store.add_review(session, org_id, "coord", "C-04", {**REVIEW, "reviewed_on": "2025-01-11"},
                     TODAY)  # fmt: skip
    store.add_review(session, org_id, "coord", "C-05", REVIEW, TODAY)


def _add_in_threads(engine, org_id: int, values: list[dict]) -> list[object]:
    """Each value set added by its own thread in its own committed transaction, all at once."""
    results: list[object] = [None] * len(values)
    start = threading.Barrier(len(values))

    def add(index: int) -> None:
        start.wait()
        try:
            with Session(engine) as session, session.begin():
                results[index] = store.add_commitment(session, org_id, "coord", values[index]).code
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = error

    threads = [threading.Thread(target=add, args=(i,)) for i in range(len(values))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _cleanup(engine, org_id: int, codes: list[str]) -> None:
    from data_access.models import CommitmentHistory

    with Session(engine) as session, session.begin():
        ids = select(Commitment.id).where(
            Commitment.organisation_id == org_id, Commitment.code.in_(codes)
        )
        for row in session.scalars(select(CommitmentHistory).where(
                CommitmentHistory.commitment_id.in_(ids))):  # fmt: skip
            session.delete(row)
        for row in session.scalars(select(Commitment).where(Commitment.id.in_(ids))):
            session.delete(row)


def test_eight_concurrent_adds_get_distinct_codes(engine):
    with Session(engine) as session:
        org_id = org(session)
    values = [{**NEW, "text": f"Concurrent commitment {i}"} for i in range(8)]
    results = _add_in_threads(engine, org_id, values)
    try:
        assert all(isinstance(code, str) for code in results), results
        assert len(set(results)) == 8
    finally:
        _cleanup(engine, org_id, [r for r in results if isinstance(r, str)])


def test_eight_concurrent_identical_adds_save_one(engine):
    with Session(engine) as session:
        org_id = org(session)
        before = session.scalar(select(func.count()).select_from(Commitment))
    results = _add_in_threads(engine, org_id, [NEW] * 8)
    saved = [r for r in results if isinstance(r, str)]
    try:
        refused = [r for r in results if not isinstance(r, str)]
        assert len(saved) == 1, results
        assert all(
            isinstance(r, store.ValidationError) and r.errors["text"][0] == "duplicate_commitment"
            for r in refused
        ), refused
        with Session(engine) as session:
            after = session.scalar(select(func.count()).select_from(Commitment))
        assert after == before + 1
    finally:
        _cleanup(engine, org_id, saved)

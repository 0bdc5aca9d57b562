"""The commitments register store (data_access/commitments.py) on SQLite and PostgreSQL: known
answers for the register and history, and validated, audited, organisation-scoped edits.

This module builds it; conftest.py beside it provides the fixtures `engine` and `session`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import (
    AuditEvent,
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Organisation,
    Target,
)

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

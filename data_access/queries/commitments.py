"""The commitments register read: commitments with the community's latest verdict, their change
history, KPI targets, and one commitment looked up by code."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from data_access.models import Commitment, CommitmentHistory, CommunityReview, Target
from data_access.queries.common import check_org, frame
from data_access.validation import NotFound
from data_access.vocab import KEY_POINTS

REGISTER_COLUMNS = [
    "code", "key_point", "text", "owner", "due_on", "status", "evidence", "is_public",
    "overdue", "verdict", "reviewed_on", "forum", "comment",
]  # fmt: skip
HISTORY_COLUMNS = ["changed_at", "changed_by", "field", "old_value", "new_value"]
TARGET_COLUMNS = ["kpi", "target_value", "direction", "period_start", "period_end", "revision"]


def register(
    session: Session,
    org_id: int,
    today: date,
    include_private: bool = False,
    key_point: str | None = None,
    status: str | None = None,
) -> pd.DataFrame:
    """One row per commitment (REGISTER_COLUMNS) in key-point order: `overdue` is due before
    `today` and not met; verdict, reviewed_on, forum and comment are the community's latest
    review (None if never reviewed). Non-public commitments only with `include_private`."""
    check_org(session, org_id)
    latest = (
        select(CommunityReview.id)
        .where(CommunityReview.commitment_id == Commitment.id)
        .order_by(CommunityReview.reviewed_on.desc(), CommunityReview.id.desc())
        .limit(1)
        .correlate(Commitment)
        .scalar_subquery()
    )
    overdue = case(((Commitment.due_on < today) & (Commitment.status != "met"), 1), else_=0)
    order = case({point: i for i, point in enumerate(KEY_POINTS)}, value=Commitment.key_point)
    review = (CommunityReview.verdict, CommunityReview.reviewed_on, CommunityReview.forum)
    stmt = (
        select(*(getattr(Commitment, c) for c in REGISTER_COLUMNS[:8]), overdue, *review)
        .add_columns(CommunityReview.comment)
        .outerjoin(CommunityReview, CommunityReview.id == latest)
        .where(Commitment.organisation_id == org_id)
        .order_by(order, Commitment.code)
    )
    if not include_private:
        stmt = stmt.where(Commitment.is_public.is_(True))
    if key_point is not None:
        stmt = stmt.where(Commitment.key_point == key_point)
    if status is not None:
        stmt = stmt.where(Commitment.status == status)
    return frame(session, stmt, REGISTER_COLUMNS).astype({"overdue": bool, "is_public": bool})


def history(
    session: Session, org_id: int, code: str, include_private: bool = False
) -> pd.DataFrame:
    """Changes to one commitment of the organisation, newest first (HISTORY_COLUMNS); empty
    when the code is unknown, or not public and `include_private` is false."""
    check_org(session, org_id)
    stmt = (
        select(*(getattr(CommitmentHistory, c) for c in HISTORY_COLUMNS))
        .join(Commitment, Commitment.id == CommitmentHistory.commitment_id)
        .where(Commitment.organisation_id == org_id, Commitment.code == code)
        .order_by(CommitmentHistory.changed_at.desc(), CommitmentHistory.id.desc())
    )
    if not include_private:
        stmt = stmt.where(Commitment.is_public.is_(True))
    return frame(session, stmt, HISTORY_COLUMNS)


def list_targets(session: Session, org_id: int) -> pd.DataFrame:
    """Every KPI target of the organisation (TARGET_COLUMNS), by KPI and start."""
    check_org(session, org_id)
    stmt = select(*(getattr(Target, c) for c in TARGET_COLUMNS)).where(
        Target.organisation_id == org_id
    )
    return frame(session, stmt.order_by(Target.kpi, Target.period_start), TARGET_COLUMNS)


def find_commitment(session: Session, org_id: int, code: object) -> Commitment:
    """The organisation's commitment with this code; NotFound for any other code."""
    check_org(session, org_id)
    found = isinstance(code, str) and session.scalar(
        select(Commitment).where(Commitment.organisation_id == org_id, Commitment.code == code)
    )
    if not found:
        raise NotFound({"code": ("not_found", {})})
    return found
